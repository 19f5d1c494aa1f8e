import functools

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince

register = template.Library()
EXCERPT_CHARS = 160
PK_PLACEHOLDER = "2147483647"
FEATURED_BADGE = mark_safe('<span class="badge featured-badge">Featured</span>')  # a constant, no user text


@functools.cache
def review_url_pattern():
    return reverse("stories:review_story", args=[PK_PLACEHOLDER])


def excerpt(text):
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


@register.simple_tag
def queue_row(story, badges, suffix, tickable, now):
    """One row of the review queue, built in Python: a page renders 25 of them on every view."""
    reports = story.reports_count
    submitted = timezone.localtime(story.submitted_at)
    signals = format_html_join("", '<span class="badge signal signal-{}">{}</span> ', badges)
    return format_html(
        '<tr class="queue-row" data-row>{}'
        '<td><a class="fw-semibold row-link" href="{}{}">{}</a>\n            {}\n'
        '            <br><span class="small text-body-secondary">{}</span></td>\n'
        "          <td>{}</td>\n"
        "          <td>{}{}</td>\n"
        '          <td class="text-nowrap"><time datetime="{}">{}</time></td>\n'
        "        </tr>",
        format_html('<td><input class="form-check-input" type="checkbox" name="ids" value="{}" id="tick-{}" '
                    'aria-label="Tick “{}”"></td>', story.pk, story.pk, story.title) if tickable else "",
        review_url_pattern().replace(PK_PLACEHOLDER, str(story.pk)), suffix, story.title or "(withdrawn)",
        FEATURED_BADGE if story.featured else "",
        excerpt(story.body), story.category.name, signals,
        format_html('<span class="badge signal signal-reports">{} report{}</span>', reports,
                    "" if reports == 1 else "s") if reports else "",
        submitted.isoformat(), timesince(submitted, now),
    )
