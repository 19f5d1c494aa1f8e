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
MAX_ID = 2**63 - 1


class BadCursor(ValueError):
    pass


def past(field, moment, pk, direction):
    """Rows past (moment, pk) in (`field`, id) order, `direction` "lt" or "gt": written so the
    index scan starts at that row instead of filtering from the end of the index."""
    return Q(**{f"{field}__{direction}e": moment}) & (
        Q(**{f"{field}__{direction}": moment}) | Q(**{f"id__{direction}": pk}))


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
    # An id no database column holds (SQLite would overflow on it) is no cursor of ours.
    if not 1 <= pk <= MAX_ID:
        raise BadCursor(value)
    return moment, pk
