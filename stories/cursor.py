"""One cursor format for the gallery, the embed and the API: `<published micros>-<id>`.

Keyset pagination costs the same on the last page as on the first: the database seeks to the
cursor in the (published_at, id) index instead of counting and skipping rows. The filters say
`published_at <= t AND (published_at < t OR id < pk)` rather than the plain OR: the first part is
what lets PostgreSQL start the index scan at the cursor instead of filtering from the top.
"""

from datetime import UTC, datetime, timedelta

from django.db.models import Q

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


class BadCursor(ValueError):
    pass


def encode(story):
    micros = (story.published_at - EPOCH) // MICROSECOND
    return f"{micros}-{story.pk}"


def decode(value):
    try:
        micros, pk = value.split("-", 1)
        moment = EPOCH + int(micros) * MICROSECOND
        pk = int(pk)
    except (ValueError, OverflowError, OSError):
        raise BadCursor(value) from None
    if pk < 1:
        raise BadCursor(value)
    return moment, pk


def before_condition(moment, pk):
    """Older than the cursor, written so the index scan can start at it."""
    return Q(published_at__lte=moment) & (Q(published_at__lt=moment) | Q(pk__lt=pk))


def after_condition(moment, pk):
    return Q(published_at__gte=moment) & (Q(published_at__gt=moment) | Q(pk__gt=pk))


def page(stories, *, before=None, after=None, size):
    """Up to `size` stories older than `before` (or newer than `after`), newest first.

    Returns (items, older_cursor, newer_cursor); a cursor is None where there is nothing more.
    """
    if after:
        moment, pk = decode(after)
        window = list(
            stories.filter(after_condition(moment, pk))
            .order_by("published_at", "id")[: size + 1]
        )
        has_newer = len(window) > size
        items = window[:size][::-1]
        has_older = True
    else:
        if before:
            moment, pk = decode(before)
            stories = stories.filter(before_condition(moment, pk))
        window = list(stories.order_by("-published_at", "-id")[: size + 1])
        has_older = len(window) > size
        items = window[:size]
        has_newer = bool(before)
    older = encode(items[-1]) if items and has_older else None
    newer = encode(items[0]) if items and has_newer else None
    return items, older, newer
