"""The Atom feed of published stories, newest first, optionally for one category.

The document Django's Atom1Feed (django.utils.feedgenerator) writes, element for element and
escaped as it escapes (xml.sax.saxutils), written as text from the card rows: the generator goes
through SAX, forty calls per entry, which cost more than the rest of the feed together. The
control characters XML cannot hold are left out (the generator would refuse the whole feed).
"""

import re
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.html import escape, linebreaks
from django.utils.http import http_date

from . import cards
from .templatetags.stories_tags import story_url
from .views.listing import find_category

FEED_SIZE = 20
ATOM_TYPE = "application/atom+xml; charset=utf-8"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    return xml_escape(NOT_XML.sub("", str(value)))


def xml_attribute(value):
    """The value quoted for an attribute, quotes included."""
    return quoteattr(NOT_XML.sub("", str(value)))


def entry(site, story):
    link = iri_to_uri(site + story_url(story.slug))
    # Atom marks the summary as HTML: the reader's text is escaped as HTML, then the HTML as XML.
    summary = linebreaks(escape(story.body))
    return (
        f"<entry><title>{xml_text(story.title)}</title><link href={xml_attribute(link)} rel=\"alternate\"/>"
        f"<published>{story.published_at.isoformat()}</published>"
        f"<updated>{max(story.published_at, story.updated_at).isoformat()}</updated>"
        f"<author><name>{xml_text(story.shown_name)}</name></author><id>{xml_text(link)}</id>"
        f'<summary type="html">{xml_text(summary)}</summary>'
        f"<category term={xml_attribute(story.category.name)}/></entry>"
    )


def latest_stories(request):
    """The feed as an HttpResponse; `?category=<slug>` for one category (404 for an unknown one)."""
    category = find_category(request.GET.get("category", ""))
    site = request.build_absolute_uri("/")[:-1]
    query = f"?category={category.slug}" if category else ""
    home, feed_url = iri_to_uri(f"{site}/{query}"), iri_to_uri(f"{site}/feed/{query}")
    title = f"{settings.SITE_NAME}: {category.name}" if category else settings.SITE_NAME
    stories = cards.feed_entries(FEED_SIZE, category=category.pk if category else None)
    updated = max((max(story.published_at, story.updated_at) for story in stories), default=None) or timezone.now()
    document = "".join((
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xml:lang={xml_attribute(settings.LANGUAGE_CODE)} '
        f'xmlns="http://www.w3.org/2005/Atom"><title>{xml_text(title)}</title>'
        f'<link href={xml_attribute(home)} rel="alternate"/><link href={xml_attribute(feed_url)} rel="self"/>'
        f"<id>{xml_text(home)}</id><updated>{updated.isoformat()}</updated>"
        f"<subtitle>{xml_text(settings.SITE_TAGLINE)}</subtitle>",
        *(entry(site, story) for story in stories),
        "</feed>",
    ))
    response = HttpResponse(document, content_type=ATOM_TYPE)
    response.headers["Last-Modified"] = http_date(updated.timestamp())
    return response
