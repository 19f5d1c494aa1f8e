"""Who is asking, and whether they have sent enough for now.

A client is a salted hash of its address: the raw address is never stored, not even in the rate
limit cache. Behind a proxy, PROXY_COUNT says how many hops of X-Forwarded-For to trust.
"""

import hashlib
import hmac

from django.conf import settings
from django_ratelimit.core import get_usage

SHARE_GROUP = "stories.share"


def client_ip(request):
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_hash(request):
    return hmac.new(settings.SECRET_KEY.encode(), f"client:{client_ip(request)}".encode(), hashlib.sha256).hexdigest()


def ratelimit_key(group, request):
    """django-ratelimit key: the hashed client, so even the cache never holds an address."""
    return client_hash(request)


def _submit_rate(group, request):
    # A callable, so the limit follows the settings as they are now rather than at import.
    return settings.SUBMIT_RATE


def _share_usage(request, *, increment):
    return get_usage(request, group=SHARE_GROUP, key=ratelimit_key, rate=_submit_rate, increment=increment)


def share_limit_reached(request):
    """True once this client has sent SUBMIT_RATE stories in the window.

    Only stories that were accepted count (see count_share), so a person who fixes a form
    after an error message is never turned away for it.
    """
    usage = _share_usage(request, increment=False)
    return usage is not None and (usage["should_limit"] or usage["count"] >= usage["limit"])


def count_share(request):
    _share_usage(request, increment=True)
