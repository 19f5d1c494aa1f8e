"""The Atom feed of published stories, newest first, optionally for one category."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.http import http_date

from .models import Story
from .templatetags.stories_tags import story_url
from .views.listing import categories

FEED_SIZE = 20
FEED_FIELDS = ("slug", "title", "body", "display_name", "published_at", "updated_at", "category__name")


class LatestStoriesFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request):
        # The framework writes the XML into the response in a thousand small writes; one string
        # is several times faster, and the feed is whole in memory either way.
        feed = self.get_feed(self.get_object(request), request)
        response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
        response.headers["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
        return response

    def get_object(self, request):
        slug = request.GET.get("category", "").strip()
        if not slug:
            return None
        category = next((c for c in categories() if c.slug == slug), None)
        if category is None:
            raise Http404("No such category")
        return category

    def title(self, category):
        return f"{settings.SITE_NAME}: {category.name}" if category else settings.SITE_NAME

    def subtitle(self, category):
        return settings.SITE_TAGLINE

    def link(self, category):
        return f"/?category={category.slug}" if category else "/"

    def feed_url(self, category):
        return f"/feed/?category={category.slug}" if category else "/feed/"

    def items(self, category):
        stories = Story.objects.published().select_related("category").only(*FEED_FIELDS)
        if category:
            stories = stories.filter(category=category)
        return stories.newest_first()[:FEED_SIZE]

    def item_link(self, story):
        return story_url(story.slug)

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        # Atom marks the summary as HTML: escape the reader's text so no feed reader runs it.
        return linebreaks(escape(story.body))

    def item_author_name(self, story):
        return story.shown_name

    def item_pubdate(self, story):
        return story.published_at

    def item_updateddate(self, story):
        return max(story.published_at, story.updated_at)

    def item_categories(self, story):
        return [story.category.name]
