"""Hearts: "this made my day", one per visitor per story, no login.

A visitor is a random key in a signed cookie; the database keeps only a keyed hash of it, and
the unique (story, visitor_key) constraint makes a repeated or concurrent heart count once.
"""

import hashlib
import hmac
import secrets
from html import escape
from typing import NamedTuple

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from .. import spam
from ..models import Heart, Story
from ..templatetags.stories_tags import story_path
from . import errors

VISITOR_COOKIE = "ks_visitor"
VISITOR_SALT = "stories.hearts.visitor"
VISITOR_MAX_AGE = 2 * 365 * 24 * 3600


def visitor_key(raw):
    """What the database stores for a visitor: never the cookie value itself."""
    return hmac.new(settings.SECRET_KEY.encode(), f"visitor:{raw}".encode(), hashlib.sha256).hexdigest()


def raw_visitor(request):
    return request.get_signed_cookie(VISITOR_COOKIE, default=None, salt=VISITOR_SALT, max_age=VISITOR_MAX_AGE)


def count_key(slug):
    """Where the last heart leaves a story's count; keyed by slug, so the story page reads it in the
    same round trip as the page itself."""
    return f"hearts:{slug}"


def live_hearts(request, story, last_count=None):
    """(heart count, whether this visitor gave one) for the story page's own, uncached part.

    A visitor who gave a heart gets both from the database. Anyone else costs no query: the
    count is the one the last heart left in the shared cache (`last_count`, when the caller has
    read it already), else the cached page's own (a page is never cached longer than that count is
    kept, so it cannot be older than the last heart).
    """
    raw = raw_visitor(request)
    if raw:
        mine = Heart.objects.filter(story_id=OuterRef("pk"), visitor_key=visitor_key(raw))
        row = Story.objects.filter(pk=story.pk).values_list("hearts_count", Exists(mine)).first()
        return row or (story.hearts_count, False)
    if settings.PAGE_CACHE_SECONDS <= 0:
        return story.hearts_count, False
    if last_count is None:
        last_count = cache.get(count_key(story.slug), story.hearts_count)
    return last_count, False


HEART_ICON = mark_safe(  # noqa: S308 - a constant drawing, no user text
    '<svg class="heart-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">'
    '<path d="M12 21.3l-1.4-1.3C5.4 15.4 2 12.3 2 8.5 2 5.4 4.4 3 7.5 3c1.7 0 3.4.8 4.5 2.1C13.1 3.8 14.8 3 16.5 3 '
    '19.6 3 22 5.4 22 8.5c0 3.8-3.4 6.9-8.6 11.5L12 21.3z"/></svg>'
)


def heart_form(request, story, count, hearted):
    """The one part of the story page made for each visitor: CSRF token, "you gave a heart", the count.

    Built in Python rather than from a template: it is made on every view of a story, cached or
    not. The slug is a slug and the rest are constants, numbers or the escaped message text.
    """
    if count:
        count_text = f"{count} reader{'' if count == 1 else 's'} loved this story"
    else:
        count_text = "Be the first to say it made your day."
    status = " ".join(escape(str(message)) for message in messages.get_messages(request) if "heart" in message.tags)
    action = escape(story_path(story.slug, "stories:heart"))
    return mark_safe(  # noqa: S308 - every value above is escaped or a constant
        f'<form class="heart-form" id="heart" method="post" action="{action}" data-heart>'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">'
        f'<button type="submit" class="btn btn-heart{" is-hearted" if hearted else ""}" '
        f'aria-pressed="{"true" if hearted else "false"}">{HEART_ICON}'
        f'<span data-heart-label>{"You loved this story" if hearted else "This made my day"}</span></button>'
        f'<p class="heart-count mb-0" data-heart-count>{count_text}</p>'
        f'<p class="heart-status small mb-0" role="status" data-heart-status>{status}</p></form>'
    )


class HeartTarget(NamedTuple):
    """What the heart form and the live count need of a story. A tuple: every view of a cached
    story page unpickles one, and a dataclass's unpickling costs several calls."""

    pk: int
    slug: str
    hearts_count: int


def give_heart(story, key):
    """Add the visitor's heart once; return (added, the story's heart count)."""
    try:
        with transaction.atomic():
            Heart.objects.create(story=story, visitor_key=key)
            # No cache version bump: on a busy site every heart would empty the page cache. The
            # story page shows the count kept below; cards elsewhere may lag by PAGE_CACHE_SECONDS.
            Story.objects.filter(pk=story.pk).update(hearts_count=F("hearts_count") + 1)
        added = True
    except IntegrityError:
        added = False
    count = Story.objects.filter(pk=story.pk).values_list("hearts_count", flat=True).first() or 0
    if added and settings.PAGE_CACHE_SECONDS > 0:
        cache.set(count_key(story.slug), count, settings.PAGE_CACHE_SECONDS)
    return added, count


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@require_POST
@ratelimit(key=spam.ratelimit_key, rate=lambda group, request: settings.HEART_RATE, method="POST", block=False)
def heart(request, slug):
    """POST a heart: JSON for site.js, else a redirect back to the story with a message."""
    story = get_object_or_404(Story.objects.published().only("pk", "slug"), slug=slug)
    if getattr(request, "limited", False):
        if wants_json(request):
            return JsonResponse({"error": "Too many hearts at once: please wait a little."}, status=429,
                                headers={"Retry-After": "3600"})
        return errors.rate_limited(request)
    raw = raw_visitor(request)
    new_visitor = raw is None
    if new_visitor:
        raw = secrets.token_urlsafe(24)
    added, count = give_heart(story, visitor_key(raw))
    if wants_json(request):
        response = JsonResponse({"hearts": count, "hearted": True, "added": added})
    else:
        # Tagged so the story page shows it beside the heart button, where the redirect lands.
        messages.success(request, "Thank you! Your heart is on this story." if added
                         else "You have already given this story a heart.", extra_tags="heart")
        response = redirect(f"{story.get_absolute_url()}#heart")
    if new_visitor:
        response.set_signed_cookie(
            VISITOR_COOKIE, raw, salt=VISITOR_SALT, max_age=VISITOR_MAX_AGE, httponly=True, samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response
