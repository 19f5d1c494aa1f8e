import functools
from html import escape

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince

from .stories_tags import FEATURED_BADGE

register = template.Library()
EXCERPT_CHARS = 160
PK_PLACEHOLDER = "2147483647"


@functools.cache
def review_url_pattern():
    return reverse("stories:review_story", args=[PK_PLACEHOLDER])


def excerpt(text):
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def queue_row(row, suffix, tickable, now):
    """One row of the review queue (a views.review_queue.QueueRow); user text escaped here."""
    pk, title, reports = row.pk, escape(row.title), row.reports_count
    submitted = timezone.localtime(row.submitted_at)
    tick = (f'<td><input class="form-check-input" type="checkbox" name="ids" value="{pk}" id="tick-{pk}" '
            f'aria-label="Tick “{title}”"></td>') if tickable else ""
    signals = "".join(f'<span class="badge signal signal-{escape(key)}">{escape(label)}</span> '
                      for key, label in row.badges)
    report_badge = (f'<span class="badge signal signal-reports">{reports} report{"" if reports == 1 else "s"}</span>'
                    if reports else "")
    return (
        f'<tr class="queue-row" data-row>{tick}'
        f'<td><a class="fw-semibold row-link" href="{review_url_pattern().replace(PK_PLACEHOLDER, str(pk))}'
        f'{escape(suffix)}">{title or "(withdrawn)"}</a>\n            {FEATURED_BADGE if row.featured else ""}\n'
        f'            <br><span class="small text-body-secondary">{escape(excerpt(row.excerpt))}</span></td>\n'
        f"          <td>{escape(row.category.name)}</td>\n"
        f"          <td>{signals}{report_badge}</td>\n"
        f'          <td class="text-nowrap"><time datetime="{submitted.isoformat()}">{timesince(submitted, now)}'
        "</time></td>\n        </tr>"
    )


@register.simple_tag
def queue_rows(rows, suffix, tickable, now):
    """The review queue's rows, built in Python: a page renders 25 of them on every view."""
    return mark_safe("\n".join(queue_row(row, suffix, tickable, now) for row in rows))  # noqa: S308 - escaped
