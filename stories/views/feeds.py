"""What robots and feed readers follow: the Atom feed and the sitemap, whole from the cache."""

from django.contrib.sitemaps import views as sitemap_views
from django.views.decorators.http import require_safe

from .. import feeds, public_cache
from ..sitemaps import SITEMAPS
from .listing import site_parts


@require_safe
def feed(request):
    """Atom feed of the newest published stories; `?category=<slug>` for one category."""
    parts = (*site_parts(request), request.GET.get("category", ""))
    return public_cache.cached_response(request, "feed", parts, lambda: feeds.latest_stories(request))


@require_safe
def sitemap_index(request):
    """/sitemap.xml: the sitemap index, one entry per section page."""
    return public_cache.cached_response(
        request, "sitemap-index", site_parts(request),
        lambda: sitemap_views.index(request, SITEMAPS, sitemap_url_name="stories:sitemap_section"),
    )


@require_safe
def sitemap_section(request, section):
    """One page of one sitemap section (`?p=` for the page)."""
    parts = (*site_parts(request), section, request.GET.get("p", ""))
    return public_cache.cached_response(
        request, "sitemap", parts, lambda: sitemap_views.sitemap(request, SITEMAPS, section=section),
    )
