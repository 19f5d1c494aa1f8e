import functools
from html import escape as escape_html
from urllib.parse import quote

from django import template
from django.template.defaultfilters import linebreaksbr
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from ..excerpts import MARK_END, MARK_START, opening

register = template.Library()


def highlight(marked):
    """Escape a search excerpt entirely, then turn its match markers into <mark> tags."""
    return mark_safe(escape_html(marked).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308


@register.filter
def excerpt(text, length=200):
    """The opening of a story, cut at a word boundary rather than mid-word."""
    return opening(text, length)


# Lists render a dozen cards at a time: the two values every card needs are worked out once.
@functools.cache
def heart_icon():
    return static("img/heart.svg")


@functools.cache
def url_pattern(name, placeholder):
    """The path of URL `name` with `placeholder` for its one argument: reversed once, then filled
    with str.replace for each of the dozens of links a page holds."""
    return reverse(name, args=[placeholder])


@register.filter
def story_path(slug, name):
    """`{{ story.slug|story_path:"stories:report" }}`: {% url %} for a story's own pages, without a
    reverse() on every view of it."""
    return url_pattern(name, "SLUG").replace("SLUG", slug)


def story_url(slug):
    """A story's path without a reverse() per story."""
    return story_path(slug, "stories:detail")


# Django's date filter costs tens of microseconds a call (format parsing, translation lookups);
# these give the same text for the site's English pages. Cards, built in Python, do the same.
@register.filter
def iso_moment(moment):
    """An aware datetime in the site's time zone as ISO 8601, as date:'c' writes it."""
    return timezone.localtime(moment).isoformat()


@register.filter
def day_month_year(moment, month="%B"):
    """ "5 December 2026" (date:"j F Y"); with "%b", "5 Dec 2026" (date:"j M Y")."""
    local = timezone.localtime(moment)
    return f"{local.day} {local:{month} %Y}"


@register.filter
def month_year(day):
    """A date as "March 2025" (date:"F Y")."""
    return f"{day:%B %Y}"


CARD_EXCERPT_CHARS = 220
FEATURED_BADGE = '<span class="badge featured-badge">Featured</span>'


@functools.cache
def category_badge(slug, name):
    return f'<a class="badge category-badge" href="/?category={quote(slug)}">{escape_html(name)}</a>'


def card_html(story, zone=None):
    """One story card, built in Python: lists render a dozen at a time on every page. `zone`: the
    current time zone, when the caller has looked it up for all its cards.

    Every piece of user text goes through escape_html; the markup around it is constant.
    """
    featured = story.featured
    where = ", ".join(part for part in (story.business, story.place) if part)
    published = story.published_at.astimezone(zone or timezone.get_current_timezone())
    hearts = story.hearts_count
    headline = getattr(story, "headline", None)
    excerpt_html = highlight(headline) if headline else escape_html(opening(story.body, CARD_EXCERPT_CHARS))
    return (
        f'<article class="card story-card h-100{" is-featured" if featured else ""}">'
        '<div class="card-body d-flex flex-column">'
        f'<p class="story-meta mb-2">{category_badge(story.category.slug, story.category.name)}'
        f'{" " + FEATURED_BADGE if featured else ""}</p>'
        f'<h3 class="h5 card-title"><a class="stretched-link story-link" href="{escape_html(story_url(story.slug))}">'
        f"{escape_html(story.title)}</a></h3>"
        f'<p class="card-text excerpt">{excerpt_html}</p>'
        f'<div class="mt-auto card-foot">{f"""<p class="mb-1 where">{escape_html(where)}</p>""" if where else ""}'
        '<p class="mb-0 d-flex justify-content-between align-items-center gap-2">'
        f'<span>{escape_html(story.shown_name)} · <time datetime="{published.isoformat()}">'
        f'{published.day} {published:%b %Y}</time></span>'
        f'<span class="hearts"><img src="{heart_icon()}" alt="" width="16" height="16"> {hearts}'
        f'<span class="visually-hidden"> heart{"" if hearts == 1 else "s"}</span></span></p></div></div></article>'
    )


@register.simple_tag
def story_text(story):
    """A story's text as paragraphs, each with its line breaks kept, all escaped."""
    return mark_safe("".join(f"<p>{linebreaksbr(paragraph)}</p>" for paragraph in story.paragraphs))  # noqa: S308


@register.simple_tag
def story_card(story):
    """One story card (see card_html)."""
    return mark_safe(card_html(story))  # noqa: S308 - user text escaped in card_html


@register.simple_tag
def card_grid(stories):
    """A grid's cells, one card in each."""
    zone = timezone.get_current_timezone()
    return mark_safe("".join(f'<div class="col">{card_html(story, zone)}</div>' for story in stories))  # noqa: S308


@register.simple_tag
def category_options(categories, chosen_slug):
    """<option>s for the categories, the chosen one selected: the gallery's "kind of place" menu and
    the queue's filter."""
    return mark_safe("".join(  # noqa: S308 - names and slugs escaped
        f'<option value="{escape_html(c.slug)}"{" selected" if c.slug == chosen_slug else ""}>'
        f"{escape_html(c.name)}</option>" for c in categories
    ))


@register.simple_tag
def choice_options(choices, chosen=""):
    """<option>s for (value, label) pairs, the chosen one selected."""
    return mark_safe("".join(  # noqa: S308 - values and labels escaped
        f'<option value="{escape_html(value)}"{" selected" if value == chosen else ""}>{escape_html(label)}</option>'
        for value, label in choices
    ))


@register.simple_tag
def category_pills(categories, chosen_slug, query):
    """The gallery's row of category links; the current one marked, unless a search is shown."""

    def pill(slug, href, name):
        chosen = slug == chosen_slug
        current = ' aria-current="page"' if chosen and not query else ""
        return (f'<li><a class="category-pill{" active" if chosen else ""}" href="{escape_html(href)}"{current}>'
                f"{escape_html(name)}</a></li>")

    return mark_safe(pill("", "/", "All stories") + "".join(  # noqa: S308 - names and slugs escaped
        pill(c.slug, f"/?category={quote(c.slug)}", c.name) for c in categories
    ))
