import functools
from urllib.parse import quote

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from ..search import MARK_END, MARK_START

register = template.Library()


@register.filter
def highlight(headline):
    """Escape a search headline entirely, then turn its match markers into <mark> tags."""
    return mark_safe(escape(headline).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308


@register.filter
def excerpt(text, length=200):
    """The opening of a story, cut at a word boundary rather than mid-word."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",;:.-–—") + "…"


# Lists render a dozen cards at a time: the two values every card needs are worked out once.
@functools.cache
def heart_icon():
    return static("img/heart.svg")


@functools.cache
def story_url_pattern():
    return reverse("stories:detail", args=["SLUG"])


def story_url(slug):
    """A story's path without a reverse() per story."""
    return story_url_pattern().replace("SLUG", slug)


@register.simple_tag
def story_card(story):
    """One story card (see includes/story_card.html), built in Python: lists render a dozen at a time."""
    featured = story.featured
    where = ", ".join(part for part in (story.business, story.place) if part)
    published = timezone.localtime(story.published_at)
    hearts = story.hearts_count
    excerpt_html = highlight(story.headline) if getattr(story, "headline", None) else escape(excerpt(story.body, 220))
    return format_html(
        '<article class="card story-card h-100{}"><div class="card-body d-flex flex-column">'
        '<p class="story-meta mb-2"><a class="badge category-badge" href="/?category={}">{}</a>{}</p>'
        '<h3 class="h5 card-title"><a class="stretched-link story-link" href="{}">{}</a></h3>'
        '<p class="card-text excerpt">{}</p>'
        '<div class="mt-auto card-foot">{}'
        '<p class="mb-0 d-flex justify-content-between align-items-center gap-2">'
        '<span>{} · <time datetime="{}">{}</time></span>'
        '<span class="hearts"><img src="{}" alt="" width="16" height="16"> {}'
        '<span class="visually-hidden"> heart{}</span></span></p></div></div></article>',
        " is-featured" if featured else "",
        quote(story.category.slug), story.category.name,
        mark_safe(' <span class="badge featured-badge">Featured</span>') if featured else "",  # noqa: S308
        story_url(story.slug), story.title,
        excerpt_html,
        format_html('<p class="mb-1 where">{}</p>', where) if where else "",
        story.shown_name, published.isoformat(), f"{published.day} {published:%b %Y}",
        heart_icon(), hearts, "" if hearts == 1 else "s",
    )
