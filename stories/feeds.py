"""The Atom feed of published stories, newest first, optionally for one category.

Written with Django's own Atom generator (django.utils.feedgenerator, what contrib.syndication
uses underneath) fed straight from the card rows: the Feed class looks up a dozen attributes per
entry by introspection, which cost more than the rest of the feed together.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.http import http_date

from . import cards
from .templatetags.stories_tags import story_url
from .views.listing import find_category

FEED_SIZE = 20


def latest_stories(request):
    """The feed as an HttpResponse; `?category=<slug>` for one category (404 for an unknown one)."""
    category = find_category(request.GET.get("category", ""))
    site = request.build_absolute_uri("/")[:-1]
    query = f"?category={category.slug}" if category else ""
    feed = Atom1Feed(
        title=f"{settings.SITE_NAME}: {category.name}" if category else settings.SITE_NAME,
        link=f"{site}/{query}", description="", subtitle=settings.SITE_TAGLINE, language=settings.LANGUAGE_CODE,
        feed_url=f"{site}/feed/{query}",
    )
    for story in cards.feed_entries(FEED_SIZE, category=category.pk if category else None):
        link = site + story_url(story.slug)
        feed.add_item(
            title=story.title, link=link, unique_id=link,
            # Atom marks the summary as HTML: escape the reader's text so no feed reader runs it.
            description=linebreaks(escape(story.body)),
            author_name=story.shown_name, pubdate=story.published_at,
            updateddate=max(story.published_at, story.updated_at), categories=[story.category.name],
        )
    # One string: the generator's thousand small writes into a response are several times slower.
    response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
    response.headers["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
    return response
