"""Cached public pages that every app server invalidates at once.

All public cache keys carry one version number kept in the shared cache. Any move or edit
a reader could see bumps it after the transaction commits, so the next request on every worker
and every app server builds the page afresh. Hearts do not: on a busy site they would empty the
cache all the time, so heart counts on cached pages may lag by up to PAGE_CACHE_SECONDS.
Nothing particular to one visitor is ever stored here (see `for_anyone` and `whole_page`).
"""

import gzip
import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from . import gzip_slot, versions

VERSION_KEY = "public:version"
# In every key, so a deploy that changes what is stored never reads another release's values:
# raise it whenever an entry's shape changes, a pickled class (hearts.HeartTarget) included.
FORMAT = 7


PUBLIC = versions.SharedVersion(VERSION_KEY)
bump = PUBLIC.bump
bump_on_commit = PUBLIC.bump_on_commit


def entry_key(name, parts):
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"public:{FORMAT}:{name}:{digest}"


def get_or_build(name, parts, build, keep=None):
    """The cached value for (name, parts) if it was stored at the current version, else built
    (see SharedVersion.cached)."""
    seconds = settings.PAGE_CACHE_SECONDS
    if seconds <= 0:
        return build()
    value, _ = PUBLIC.cached(entry_key(name, parts), build, seconds, keep=keep)
    return value


def is_anonymous_without_messages(request):
    """No session cookie means no login (no staff links) and no messages kept in a session; no
    messages cookie means no message waiting."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def for_anyone(request):
    """True when nothing on this request's page can be the visitor's own, so it may be cached whole.

    The CSRF token is checked on each page built.
    """
    return settings.PAGE_CACHE_SECONDS > 0 and is_anonymous_without_messages(request)


def stored(response):
    """What the cache keeps of a response: status, type and the body, gzipped once when worth it.

    Only the compressed body is kept (the rare client that takes no gzip gets it unzipped), so a
    hit moves a quarter of the bytes. Headers set per request (cookies, CSP, frame options) are
    added afresh by the middleware. A stored body never holds a secret, so it needs none of the
    BREACH padding the middleware adds.
    """
    if hasattr(response, "render"):
        response.render()
    body = response.content
    zipped = len(body) >= gzip_slot.MIN_BYTES
    return {"status": response.status_code, "type": response["Content-Type"],
            "body": compress_string(body) if zipped else body, "zipped": zipped}


def served(request, kept):
    response = HttpResponse(kept["body"], status=kept["status"], content_type=kept["type"])
    if kept["zipped"]:
        if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            # Already compressed: GZipMiddleware leaves a response with an encoding alone.
            response["Content-Encoding"] = "gzip"
        else:
            response.content = gzip.decompress(kept["body"])
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def stored_with_slot(html, slot):
    """A page with one per-visitor slot, kept as the parts around it (see served_with_piece)."""
    head, tail = html.encode().split(slot.encode(), 1)
    return {"gzip": gzip_slot.prepare(head, tail)}


def served_with_piece(request, kept, piece):
    """The page kept by stored_with_slot with this visitor's `piece` in its slot; nothing is
    compressed on the way out (the piece goes in as it is, see gzip_slot)."""
    piece = piece.encode()
    if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(gzip_slot.gzip_with_piece(kept["gzip"], piece))
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip_slot.plain_with_piece(kept["gzip"], piece))
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def whole_page(request, name, parts, make_response):
    """For a visitor `for_anyone`, the whole HTML response from the cache; else made afresh.

    A page whose making asked for a CSRF token or set a cookie is served but never stored: it is
    this visitor's. Vary: Cookie keeps HTTP caches from giving the anonymous copy to a signed-in one.
    """
    if not for_anyone(request):
        return make_response()

    def build():
        response = make_response()
        personal = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies)
        return {**stored(response), "personal": personal}

    response = served(request, get_or_build(f"page:{name}", parts, build, keep=lambda kept: not kept["personal"]))
    patch_vary_headers(response, ["Cookie"])
    return response


def cached_response(request, name, parts, make_response):
    """A whole anonymous response (feed, sitemap, JSON, embed) from the cache, or made and stored."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return make_response()
    return served(request, get_or_build(name, parts, lambda: stored(make_response())))
