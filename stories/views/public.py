"""What readers see: the gallery, a story, the about page, and the health check."""

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .. import cards, context_processors, cursor, public_cache, shells
from ..excerpts import opening
from ..moderation import REJECT_REASONS
from ..templatetags.stories_tags import story_path
from . import hearts
from .listing import build_gallery, clean_query, site_parts

FEATURED_COUNT = 3
GALLERY_PAGE = shells.Shell("stories/gallery.html", slots=("main", "query"))
STORY_PAGE = shells.Shell("stories/story_detail.html", slots=(
    "title", "description", "head", "article", "heart_form", "share", "report_path", "more"))
# Where the heart form goes in a cached story page; user text is escaped, so it cannot forge it.
HEART_FORM_SLOT = mark_safe("<!-- heart form -->")  # noqa: S308
MORE_LIKE_THIS = 3


@require_safe
def gallery(request):
    """The front page: invitation, featured stories, then newest first. Template: stories/gallery.html.

    Everything below the site header is the same for every visitor and comes whole from the cache.
    """
    parts = tuple(request.GET.get(k, "") for k in ("q", "category", "before", "after"))
    query = clean_query(request.GET)
    category_slug = request.GET.get("category", "")
    is_front = not any(parts)

    def build():
        all_categories = cards.categories()
        try:
            context = build_gallery(request.GET, known_categories=all_categories, featured=FEATURED_COUNT)
        except cursor.BadCursor:
            return None
        if context["featured"]:
            # A featured story is already at the top: showing it twice would waste a card.
            featured_ids = {story.pk for story in context["featured"]}
            context["stories"] = [story for story in context["stories"] if story.pk not in featured_ids]
        context.update(categories=all_categories, category_slug=category_slug, is_front=is_front,
                       **context_processors.site(request))
        return render_to_string("includes/gallery_main.html", context)

    def make_response():
        main = public_cache.get_or_build("gallery", parts, build)
        if main is None:
            return HttpResponseBadRequest(render_to_string("errors/400.html", request=request))
        return GALLERY_PAGE.response(request, {"is_front": is_front}, main=main, query=query)

    return public_cache.whole_page(request, "gallery", parts, make_response)


@require_safe
def story_detail(request, slug):
    """One story, its heart, share links and a few more like it. Template: stories/story_detail.html.

    The page comes from the shared cache, whole for a visitor `for_anyone`, else below the
    header; the heart form (CSRF token, "you gave a heart", the live count) is made for this
    visitor on every request and put in the cached page's slot.
    """

    def build():
        story, more = cards.published_story(slug, MORE_LIKE_THIS)
        if story is None:
            return None
        canonical_url = request.build_absolute_uri(request.path)
        return {
            "story": story,
            "title": story.title,
            "description": opening(story.body, 160),
            "head": render_to_string("includes/story_head.html", {"story": story, "canonical_url": canonical_url,
                                                                  **context_processors.site(request)}),
            "article": render_to_string("includes/story_article.html", {"story": story}),
            "share": render_to_string("includes/share_links.html", {"story": story, "canonical_url": canonical_url}),
            "report_path": story_path(story.slug, "stories:report"),
            "more": render_to_string("includes/more_stories.html", {"story": story, "more": more}),
        }

    key = (*site_parts(request), slug)

    def page(built, heart_form):
        return STORY_PAGE.response(request, {}, heart_form=heart_form,
                                   **{name: built[name] for name in STORY_PAGE.slots if name != "heart_form"})

    def heart_form(story, last_count=None):
        count, hearted = hearts.live_hearts(request, story, last_count)
        return hearts.heart_form(request, story, count, hearted)

    if not public_cache.for_anyone(request):
        built = public_cache.get_or_build("story", key, build)
        if built is None:
            raise Http404("No such story")
        return page(built, heart_form(built["story"]))

    def build_page():
        built = public_cache.get_or_build("story", key, build)
        if built is None:
            return None
        html = page(built, HEART_FORM_SLOT).content.decode()
        story = built["story"]
        # Only what the heart form needs: every request unpickles this entry.
        target = hearts.HeartTarget(story.pk, story.slug, story.hearts_count)
        return {"story": target, **public_cache.stored_with_slot(html, HEART_FORM_SLOT)}

    # The last heart count is read in the same round trip as the page.
    count_key = hearts.count_key(slug)
    whole, found = public_cache.PUBLIC.cached(public_cache.entry_key("story-page", key), build_page,
                                              settings.PAGE_CACHE_SECONDS, also=[count_key])
    if whole is None:
        raise Http404("No such story")
    form = heart_form(whole["story"], found.get(count_key, whole["story"].hearts_count))
    response = public_cache.served_with_piece(request, whole, form)
    patch_vary_headers(response, ["Cookie"])
    return response


@require_safe
def about(request):
    """Guidelines, moderation policy and privacy notice. Template: stories/about.html."""
    return render(request, "stories/about.html", {"reject_reasons": REJECT_REASONS})


@never_cache
def healthz(request):
    """200 when the app and its database answer, 503 otherwise."""
    try:
        with connection.cursor() as db:
            db.execute("SELECT 1")
            db.fetchone()
    except Exception:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503,
                            headers={"Retry-After": "5"})
    return JsonResponse({"status": "ok", "database": "ok"})


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /review/", "Disallow: /admin/", "Disallow: /my/",
             "Disallow: /share/thanks/", "Disallow: /embed/", "Disallow: /api/",
             f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
