"""What the review pages share: who may see them, which stories each tab holds, the figures on top.

The queue (review_queue.py) and the one-story page (review_story.py) both read through
`QueueView`, so the tab and filters a moderator chose follow them from the list to each story,
to the next one after a decision, and back.
"""

import functools
import hashlib
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required, permission_required
from django.db import connection
from django.db.models import DurationField, ExpressionWrapper, F
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.cache import never_cache

from .. import cursor, review_cache, screening
from ..models import ModerationEvent, Story

Status = Story.Status
QUEUE_PAGE_SIZE = 25
TAB_COUNT_CAP = 1000
MEDIAN_WINDOW = timedelta(days=30)
DECISIONS = [Status.APPROVED, Status.REJECTED, Status.CHANGES_REQUESTED]

TABS = [
    ("pending", "Pending", Status.PENDING),
    ("changes_requested", "Changes requested", Status.CHANGES_REQUESTED),
    ("reported", "Reported", None),
    ("approved", "Approved", Status.APPROVED),
    ("rejected", "Rejected", Status.REJECTED),
    ("hidden", "Hidden", Status.HIDDEN),
]
TAB_STATUS = {key: status for key, _, status in TABS}
NEWEST_FIRST_TABS = {"approved", "rejected", "hidden"}


def moderator_required(view):
    """Anonymous visitors go to the login page; signed-in people without the permission get 403."""
    return login_required(permission_required("stories.moderate_story", raise_exception=True)(never_cache(view)))


@dataclass(frozen=True)
class QueueView:
    """The tab and filters a moderator is working in."""

    tab: str = "pending"
    category: str = ""
    signal: str = ""

    @classmethod
    def from_request(cls, request):
        tab = request.GET.get("tab", "pending")
        signal = request.GET.get("signal", "")
        return cls(
            tab=tab if tab in TAB_STATUS else "pending",
            category="".join(c for c in request.GET.get("category", "") if c.isprintable()).strip()[:80],
            signal=signal if signal in screening.SIGNAL_LABELS else "",
        )

    @property
    def newest_first(self):
        return self.tab in NEWEST_FIRST_TABS

    @property
    def status(self):
        return TAB_STATUS[self.tab]

    @property
    def filtered(self):
        return bool(self.category or self.signal)

    def query(self, **extra):
        """The query string that keeps this view, without the defaults, plus `extra`."""
        params = {"tab": self.tab if self.tab != "pending" else "", "category": self.category,
                  "signal": self.signal, **extra}
        return urlencode({key: value for key, value in params.items() if value})

    @property
    def suffix(self):
        """The query string for a link, with its "?", or nothing."""
        query = self.query()
        return f"?{query}" if query else ""

    def link(self, path, **extra):
        """`path` with this view's query string, if it has one."""
        query = self.query(**extra)
        return f"{path}?{query}" if query else path

    def stories(self):
        """The stories of this tab and filters, in queue order."""
        stories = Story.objects.reported() if self.tab == "reported" else Story.objects.in_state(self.status)
        if self.category:
            stories = stories.filter(category__slug=self.category)
        if self.signal:
            stories = stories.filter(signals__has_key=self.signal)
        order = ("-submitted_at", "-id") if self.newest_first else ("submitted_at", "id")
        return stories.order_by(*order)

    def after(self, story):
        """Stories that come after `story` in queue order (whether or not it is still in the tab)."""
        return self.stories().filter(self._past(story, "lt" if self.newest_first else "gt"))

    def before(self, story):
        order = ("submitted_at", "id") if self.newest_first else ("-submitted_at", "-id")
        return self.stories().filter(self._past(story, "gt" if self.newest_first else "lt")).order_by(*order)

    @staticmethod
    def _past(story, direction):
        return cursor.past("submitted_at", story.submitted_at, story.pk, direction)

    def next_after(self, story):
        """The story to open after `story`: the one after it, else the first left, else None."""
        following = self.after(story).exclude(pk=story.pk).only("pk").first()
        return following or self.stories().exclude(pk=story.pk).only("pk").first()


def _counted(stories):
    sql, params = stories.query.sql_with_params()
    return f"(SELECT COUNT(*) FROM ({sql}) counted)", params  # noqa: S608 - the ORM's own SQL, with params


@functools.cache
def _fixed_figures(vendor, cap):
    """The SQL and parameters of every tab's capped count and the oldest pending story, which are
    the same on every view: built once per process (and database vendor)."""
    tabs = [Story.objects.reported() if status is None else Story.objects.in_state(status) for _, _, status in TABS]
    parts = [_counted(stories.values("pk")[:cap + 1]) for stories in tabs]
    sql, params = Story.objects.pending().order_by("submitted_at").values("submitted_at")[:1].query.sql_with_params()
    parts.append((f"({sql})", params))
    return ", ".join(sql for sql, _ in parts), [param for _, params in parts for param in params]


def queue_figures(view, also=()):
    """Every tab's count (each stopped past TAB_COUNT_CAP), when the oldest pending story came in,
    and the exact count of `view`'s own tab and filters: one query, kept in the shared cache until
    the queue changes (see review_cache). Returns (figures, {key: value found}) for the other keys
    in `also`, read in the same round trip.

    Counting the approved tab in full would read every published story on each queue view;
    stopped at the cap, a tab costs the same at 100,000 stories as at 1,000.
    """
    key = f"review:figures:{hashlib.sha256(view.query().encode()).hexdigest()[:32]}"
    return review_cache.QUEUE.cached(key, lambda: _read_figures(view), review_cache.FIGURES_SECONDS, also=also)


def _read_figures(view):
    fixed_sql, fixed_params = _fixed_figures(connection.vendor, TAB_COUNT_CAP)
    view_sql, view_params = _counted(view.stories().order_by().values("pk"))
    with connection.cursor() as db:
        db.execute(f"SELECT {fixed_sql}, {view_sql}", [*fixed_params, *view_params])
        *counts, oldest, in_view = db.fetchone()
    if isinstance(oldest, str):
        oldest = parse_datetime(oldest)
    if oldest is not None and timezone.is_naive(oldest):
        # SQLite hands a subquery's datetime back as text or naive, in the database's own time zone.
        oldest = timezone.make_aware(oldest, connection.timezone)
    return dict(zip(TAB_STATUS, counts, strict=True)), in_view, oldest


def shown_count(count):
    """A tab count as the queue shows it: "1,000+" past the cap."""
    return f"{TAB_COUNT_CAP:,}+" if count > TAB_COUNT_CAP else count


def median_time_to_decision(now=None):
    """Median time from submission to a moderator's first answer, over the last 30 days' decisions.

    Counted from the story's submission, so a story reopened or resubmitted later weighs as long
    as the submitter actually waited. Two queries (a count and the middle rows), on any database.
    """
    now = now or timezone.now()
    decisions = ModerationEvent.objects.filter(
        created_at__gte=now - MEDIAN_WINDOW, from_status=Status.PENDING, to_status__in=DECISIONS,
        actor__isnull=False,
    ).annotate(wait=ExpressionWrapper(F("created_at") - F("story__submitted_at"), output_field=DurationField()))
    total = decisions.count()
    if not total:
        return None
    middle = list(decisions.order_by("wait").values_list("wait", flat=True)[(total - 1) // 2: total // 2 + 1])
    return sum(middle, timedelta()) / len(middle)
