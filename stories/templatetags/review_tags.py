from html import escape

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from .stories_tags import FEATURED_BADGE, url_pattern

register = template.Library()
EXCERPT_CHARS = 160
PK_PLACEHOLDER = "2147483647"



# Django's timesince, to two adjacent units, without its translation machinery: a queue page shows
# 27 ages, and timesince cost a tenth of the page. Months and years are 30 and 365 days here, so
# past four weeks the two may differ by a calendar's day or two.
AGE_UNITS = (("year", 365 * 86400), ("month", 30 * 86400), ("week", 7 * 86400), ("day", 86400), ("hour", 3600),
             ("minute", 60))


def age(then, now):
    """How long before `now` `then` was, as "3\xa0days, 2\xa0hours" (Django's timesince style)."""
    seconds = max(int((now - then).total_seconds()), 0)
    for index, (unit, size) in enumerate(AGE_UNITS):
        count = seconds // size
        if count:
            text = f"{count}\xa0{unit}{'' if count == 1 else 's'}"
            if index + 1 < len(AGE_UNITS):
                next_unit, next_size = AGE_UNITS[index + 1]
                rest = seconds % size // next_size
                if rest:
                    text += f", {rest}\xa0{next_unit}{'' if rest == 1 else 's'}"
            return text
    return "0\xa0minutes"


def excerpt(text):
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def queue_row(row, suffix, tickable, now):
    """One row of the review queue (a views.review_queue.QueueRow); user text escaped here."""
    pk, title, reports = row.pk, escape(row.title), row.reports_count
    link = url_pattern("stories:review_story", PK_PLACEHOLDER).replace(PK_PLACEHOLDER, str(pk))
    submitted = timezone.localtime(row.submitted_at)
    tick = (f'<td><input class="form-check-input" type="checkbox" name="ids" value="{pk}" id="tick-{pk}" '
            f'aria-label="Tick “{title}”"></td>') if tickable else ""
    signals = "".join(f'<span class="badge signal signal-{escape(key)}">{escape(label)}</span> '
                      for key, label in row.badges)
    report_badge = (f'<span class="badge signal signal-reports">{reports} report{"" if reports == 1 else "s"}</span>'
                    if reports else "")
    return (
        f'<tr class="queue-row" data-row>{tick}'
        f'<td><a class="fw-semibold row-link" href="{link}'
        f'{escape(suffix)}">{title or "(withdrawn)"}</a>\n            {FEATURED_BADGE if row.featured else ""}\n'
        f'            <br><span class="small text-body-secondary">{escape(excerpt(row.excerpt))}</span></td>\n'
        f"          <td>{escape(row.category.name)}</td>\n"
        f"          <td>{signals}{report_badge}</td>\n"
        f'          <td class="text-nowrap"><time datetime="{submitted.isoformat()}">{age(submitted, now)}'
        "</time></td>\n        </tr>"
    )


@register.simple_tag
def queue_tabs(tabs, view):
    """The queue's tabs as <li>s, each with its count and the view's filters kept."""
    items = []
    for key, label, count in tabs:
        current = key == view.tab
        query = view.__class__(tab=key, category=view.category, signal=view.signal).query()
        marks = ' active" aria-current="page' if current else ""
        items.append(
            f'<li class="nav-item"><a class="nav-link{marks}" href="?{escape(query)}">{escape(label)} '
            f'<span class="badge text-bg-secondary">{escape(str(count))}</span></a></li>'
        )
    return mark_safe("\n".join(items))  # noqa: S308 - labels and queries escaped


@register.simple_tag
def queue_rows(rows, suffix, tickable, now):
    """The review queue's rows, built in Python: a page renders 25 of them on every view."""
    return mark_safe("\n".join(queue_row(row, suffix, tickable, now) for row in rows))  # noqa: S308 - escaped
