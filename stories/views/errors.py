"""Error pages in the site's own look."""

import sys

from django.shortcuts import render

from ..middleware import database_unavailable_response, is_outage


def rate_limited(request, exception=None):
    response = render(request, "errors/429.html", status=429)
    response["Retry-After"] = "3600"
    return response


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    """A 500, unless the database went away mid-response (a session save, say): then a 503."""
    if is_outage(sys.exc_info()[1]):
        return database_unavailable_response(request)
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/403_csrf.html", status=403)
