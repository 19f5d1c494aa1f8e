"""Who is asking: a salted hash of the client address, for rate limits and duplicate checks.

The raw address is never stored; behind a proxy, PROXY_COUNT says how many hops to trust.
"""

import hashlib
import hmac

from django.conf import settings


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
