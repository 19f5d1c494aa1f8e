"""What readers see: the gallery, a story, the about page, and the health check."""

from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .. import cursor, public_cache, search
from ..models import Category, Story
from ..moderation import REJECT_REASONS

PAGE_SIZE = 12
FEATURED_COUNT = 3
MORE_LIKE_THIS = 3
QUERY_MAX_CHARS = 200


def categories():
    return public_cache.get_or_build("categories", (), lambda: list(Category.objects.all()))


def gallery_stories(request):
    """The published stories a gallery-like page asks for, and the query parts that chose them.

    Raises BadCursor for a malformed cursor and Http404 for an unknown category.
    """
    stories = Story.objects.published().for_cards()
    category_slug = request.GET.get("category", "").strip()
    category = None
    if category_slug:
        category = next((c for c in categories() if c.slug == category_slug), None)
        if category is None:
            raise Http404("No such category")
        stories = stories.filter(category=category)
    query = request.GET.get("q", "").strip()[:QUERY_MAX_CHARS]
    return stories, category, query


def build_gallery(request, *, size=PAGE_SIZE):
    """Context for one page of cards: searched (ranked) or browsed (newest first, by cursor)."""
    stories, category, query = gallery_stories(request)
    before = request.GET.get("before") or None
    after = request.GET.get("after") or None
    if query:
        items = list(search.search(stories, query)[:size])
        older = newer = None
    else:
        items, older, newer = cursor.page(stories, before=before, after=after, size=size)
    return {"stories": items, "category": category, "query": query, "older": older, "newer": newer,
            "first_page": not (before or after)}


@require_GET
def gallery(request):
    """The front page: invitation, featured stories, then newest first. Template: stories/gallery.html."""
    parts = tuple(sorted((k, request.GET.get(k, "")) for k in ("q", "category", "before", "after")))

    def build():
        try:
            context = build_gallery(request)
        except cursor.BadCursor:
            return None
        show_featured = context["first_page"] and not context["query"] and not context["category"]
        context["featured"] = (
            list(Story.objects.published().filter(featured=True).for_cards().newest_first()[:FEATURED_COUNT])
            if show_featured else []
        )
        context["categories"] = categories()
        return render_to_string("includes/gallery_main.html", context)

    main = public_cache.get_or_build("gallery", parts, build)
    if main is None:
        return HttpResponseBadRequest(render_to_string("errors/400.html", request=request))
    return render(request, "stories/gallery.html", {
        "main": main, "query": request.GET.get("q", "")[:QUERY_MAX_CHARS], "categories": categories(),
        "category_slug": request.GET.get("category", ""),
    })


def published_story(slug):
    story = Story.objects.published().select_related("category").filter(slug=slug).first()
    if story is None:
        raise Http404("No such story")
    return story


@require_GET
def story_detail(request, slug):
    """One story with its full text and a few more like it. Template: stories/story_detail.html."""

    def build():
        story = Story.objects.published().select_related("category").filter(slug=slug).first()
        if story is None:
            return None
        more = list(
            Story.objects.published().for_cards().filter(category_id=story.category_id)
            .exclude(pk=story.pk).newest_first()[:MORE_LIKE_THIS]
        )
        return {"story": story, "more": more,
                "article": render_to_string("includes/story_article.html", {"story": story, "more": more})}

    built = public_cache.get_or_build("story", (slug,), build)
    if built is None:
        raise Http404("No such story")
    return render(request, "stories/story_detail.html", {
        **built, "canonical_url": request.build_absolute_uri(built["story"].get_absolute_url()),
    })


@require_GET
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
             "Disallow: /share/thanks/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
