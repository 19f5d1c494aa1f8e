"""/sitemap.xml: an index of the static pages and every published story."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Story


class StaticSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["stories:gallery", "stories:share", "stories:about"]

    def location(self, name):
        return reverse(name)

    def priority(self, name):
        return 1.0 if name == "stories:gallery" else 0.5


class StorySitemap(Sitemap):
    # Small pages keep each one quick to build; the index lists as many as there are.
    limit = 1000
    changefreq = "monthly"

    def items(self):
        return Story.objects.published().only("slug", "updated_at", "published_at").newest_first()

    def lastmod(self, story):
        return max(story.published_at, story.updated_at)

    def get_latest_lastmod(self):
        # Django's default walks every story to date the index entry, and the newest edit has no
        # index to find it by: the index goes without a date, each story in its page keeps its own.
        return None


SITEMAPS = {"pages": StaticSitemap, "stories": StorySitemap}
