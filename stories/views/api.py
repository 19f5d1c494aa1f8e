"""For other sites: the read-only JSON API and the embeddable wall of stories."""

import json

from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .. import cursor, public_cache
from .listing import build_gallery, parse_limit, site_parts

API_DEFAULT_LIMIT = 20
API_MAX_LIMIT = 100
EMBED_DEFAULT_LIMIT = 6
EMBED_MAX_LIMIT = 24


def story_json(story, absolute):
    """The public fields of one story, and nothing else (DESIGN §2)."""
    return {
        "slug": story.slug,
        "url": absolute(story.get_absolute_url()),
        "title": story.title,
        "body": story.body,
        "category": story.category.slug,
        "business": story.business,
        "place": story.place,
        "display_name": story.shown_name,
        "published_at": story.published_at.isoformat(),
        "hearts": story.hearts_count,
        "featured": story.featured,
    }


def api_error(message, status=400):
    return JsonResponse({"error": message}, status=status)


@require_safe
def api_stories(request):
    """Published stories newest first (ranked with `?q=`), `?before=` cursor, `?category=`, `?limit=`."""
    try:
        limit = parse_limit(request.GET.get("limit"), default=API_DEFAULT_LIMIT, maximum=API_MAX_LIMIT)
    except ValueError:
        return api_error(f"limit must be a whole number from 1 to {API_MAX_LIMIT}.")
    asked = {key: request.GET.get(key, "") for key in ("q", "category", "before")}
    parts = (*site_parts(request), *asked.values(), limit)

    def make_response():
        try:
            page = build_gallery(asked, size=limit)
        except cursor.BadCursor:
            return api_error("before is not a cursor this API gave out.")
        except Http404:
            return api_error("No such category.", status=404)
        next_url = None
        if page["older"]:
            kept = {key: value for key, value in asked.items() if value and key != "before"}
            query = urlencode({**kept, "limit": limit, "before": page["older"]})
            next_url = request.build_absolute_uri(f"{request.path}?{query}")
        body = {"results": [story_json(s, request.build_absolute_uri) for s in page["stories"]], "next": next_url}
        return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/json")

    response = public_cache.cached_response(request, "api", parts, make_response)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": settings.EMBED_ALLOWED_ORIGINS})
def embed(request):
    """A compact wall of the newest stories for an iframe: `?category=`, `?limit=`. Template: stories/embed.html.

    The only page that may be framed, by the origins in EMBED_ALLOWED_ORIGINS.
    """
    try:
        limit = parse_limit(request.GET.get("limit"), default=EMBED_DEFAULT_LIMIT, maximum=EMBED_MAX_LIMIT)
    except ValueError:
        limit = EMBED_DEFAULT_LIMIT
    parts = (*site_parts(request), request.GET.get("category", ""), limit)

    def make_response():
        # The embed shows the newest stories only: no search, no paging.
        page = build_gallery({"category": request.GET.get("category", "")}, size=limit)
        page.update(site_url=request.build_absolute_uri("/"), site_name=settings.SITE_NAME,
                    site_tagline=settings.SITE_TAGLINE)
        return HttpResponse(render_to_string("stories/embed.html", page))

    return public_cache.cached_response(request, "embed", parts, make_response)

