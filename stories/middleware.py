"""Request logging with ids, gzip at the operator's level, and a friendly answer while the database is away."""

import contextvars
import logging
import re
import time
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware import gzip
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers

from . import gzip_slot

request_id_var = contextvars.ContextVar("request_id", default="-")
logger = logging.getLogger("stories.requests")

# The private status-link token lives in the path; it must never reach a log line.
PRIVATE_PATH = re.compile(r"^/my/[^/]+")
DATABASE_RETRY_SECONDS = 5
# Words in a driver's message that mean "the database is away", as opposed to a bug in a query.
OUTAGE_MARKERS = ("connect", "server closed", "terminating", "shutting down", "timeout", "timed out",
                  "locked", "starting up", "recovery mode", "no route", "refused", "closed")


def is_outage(error):
    if not isinstance(error, (OperationalError, InterfaceError)):
        return False
    text = str(error).lower()
    return isinstance(error, InterfaceError) or any(marker in text for marker in OUTAGE_MARKERS)


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


def loggable_path(path):
    return PRIVATE_PATH.sub("/my/<token>", path)


class RequestLogMiddleware:
    """One line per request: id, method, path (tokens masked, no query), status and time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-Id", "")
        request_id = incoming if re.fullmatch(r"[\w-]{8,64}", incoming) else uuid.uuid4().hex[:16]
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-Id"] = request_id
            elapsed = (time.perf_counter() - started) * 1000
            logger.info("%s %s %s %.1fms", request.method, loggable_path(request.path), response.status_code, elapsed)
            return response
        finally:
            request_id_var.reset(token)


def database_unavailable_response(request):
    body = render_to_string("errors/503.html", {"request": request})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """A database outage answers 503 with Retry-After and a kind page, never a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as error:
            if not is_outage(error):
                raise
            logger.warning("database unavailable for %s", loggable_path(request.path))
            return database_unavailable_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            logger.warning("database unavailable for %s: %s", loggable_path(request.path), type(exception).__name__)
            return database_unavailable_response(request)
        return None


class GZipMiddleware(gzip.GZipMiddleware):
    """Django's GZipMiddleware, compressing whole responses at settings.GZIP_LEVEL.

    Django compresses with zlib at level 6; a page that is not cached is compressed on every
    request, so here zlib-ng does it at level 2 by default: a third of the time for a page 7 %
    bigger (figures in gzip_slot). Streaming responses and the rules for when to
    compress are Django's own.
    """

    def process_response(self, request, response):
        if response.streaming or response.has_header("Content-Encoding") or len(response.content) < gzip_slot.MIN_BYTES:
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        if not gzip.re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        compressed = gzip_slot.gzip_whole(response.content, settings.GZIP_LEVEL)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response
