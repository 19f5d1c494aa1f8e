"""Cached public pages that every app server invalidates at once.

All public cache keys carry one version number kept in the shared cache. Any change a reader
could see (a move, an edit, a heart) bumps it after the transaction commits, so the next request
on every worker and every app server builds the page afresh. Nothing particular to one visitor
is ever stored here: callers cache the anonymous part of a page only.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

VERSION_KEY = "public:version"


def current_version():
    """The shared version, or None when the cache cannot be trusted (it is down)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        # add() is atomic: of two workers starting at once only one sets the first version.
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 1, timeout=None)


def bump_on_commit():
    """Bump now and again once the change is committed.

    The first bump makes the change visible inside the same transaction (and in tests, which never
    commit); the second throws away any page another request built from the old rows meanwhile.
    """
    bump()
    transaction.on_commit(bump)


def get_or_build(name, parts, build):
    """Return the cached value for (name, parts) at the current version, building it on a miss."""
    seconds = settings.PAGE_CACHE_SECONDS
    if seconds <= 0:
        return build()
    version = current_version()
    if version is None:
        return build()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"public:{version}:{name}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value


def cached_response(name, parts, make_response):
    """A whole anonymous response (feed, sitemap, JSON, embed) from the cache, or made and stored.

    Only the status, body and content type are kept: headers set per request (cookies, CSP,
    frame options) are added afresh around it by the middleware.
    """

    def build():
        response = make_response()
        if hasattr(response, "render"):
            response.render()
        return response.status_code, response.content, response["Content-Type"]

    status, content, content_type = get_or_build(name, parts, build)
    return HttpResponse(content, status=status, content_type=content_type)
