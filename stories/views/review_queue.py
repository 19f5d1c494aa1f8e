"""The queue at /review/: tabs, filters, header figures, bulk decisions, and the CSV export."""

import csv
import re
from dataclasses import dataclass

from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models.functions import Substr
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from .. import cards, compiled, moderation, public_cache, screening
from ..models import Category, Story
from ..templatetags.review_tags import EXCERPT_CHARS, age
from .review import (
    QUEUE_PAGE_SIZE,
    TABS,
    QueueView,
    median_time_to_decision,
    moderator_required,
    queue_figures,
    shown_count,
)

Status = Story.Status
BULK_MAX = 100
MEDIAN_CACHE_KEY = "review:median-wait"
MEDIAN_CACHE_SECONDS = 60
BULK_ACTIONS = {
    "approve": ("Approved", lambda story, by, seen, reason: moderation.approve(story, by=by, seen_status=seen)),
    "reject": ("Rejected", lambda story, by, seen, reason: moderation.reject(
        story, by=by, seen_status=seen, reason=reason)),
}
# Tabs where ticking stories makes sense, and which bulk moves each offers.
BULK_TABS = {"pending": ["approve", "reject"], "changes_requested": ["reject"]}


def _plural(count, word="story", many="stories"):
    return f"{count} {word if count == 1 else many}"


@moderator_required
@require_http_methods(["GET", "POST"])
def queue(request):
    """Tabs with counts, filters, header figures, and a page of rows. Template: review/queue.html."""
    view = QueueView.from_request(request)
    if request.method == "POST":
        return bulk(request, view)
    (counts, in_view, oldest), found = queue_figures(view, also=[public_cache.VERSION_KEY, MEDIAN_CACHE_KEY])
    paginator = Paginator(QueueRows(view, in_view), QUEUE_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    known = cards.categories_at(public_cache.PUBLIC.taken_from(found))
    by_id = {category.pk: category for category in known}
    now = timezone.now()
    # A month's median moves slowly: one figure a minute for every moderator is plenty.
    median = found.get(MEDIAN_CACHE_KEY)
    if median is None:
        median = median_time_to_decision(now) or 0
        cache.set(MEDIAN_CACHE_KEY, median, MEDIAN_CACHE_SECONDS)
    return render(request, "review/queue.html", {
        "view": view, "now": now, "page": page,
        "tabs": [(key, label, shown_count(counts[key])) for key, label, _ in TABS],
        "rows": [QueueRow.from_row(row, by_id) for row in page.object_list],
        "categories": known, "signals": screening.SIGNAL_LABELS.items(),
        "pending_count": shown_count(counts["pending"]), "oldest_pending": oldest,
        "oldest_age": age(oldest, now) if oldest else None, "median_wait": age(now - median, now) if median else None,
        "bulk_actions": BULK_TABS.get(view.tab, []), "seen_status": view.status,
        "reject_reasons": moderation.REJECT_REASONS,
    })


@dataclass(frozen=True, slots=True)
class QueueRow:
    """What a queue row shows of a story: its excerpt only, not the whole text."""

    COLUMNS = ("pk", "title", Substr("body", 1, EXCERPT_CHARS + 1), "submitted_at", "featured", "signals",
               "reports_count", "category_id")

    pk: int
    title: str
    excerpt: str
    submitted_at: object
    featured: bool
    badges: list
    reports_count: int
    category: Category

    @classmethod
    def from_row(cls, row, categories_by_id):
        pk, title, excerpt, submitted_at, featured, signals, reports, category_id = row
        category = categories_by_id.get(category_id) or Category.objects.get(pk=category_id)
        return cls(pk, title, excerpt, submitted_at, featured, screening.badges(signals), reports, category)


FIRST_ROWS = compiled.CompiledQuery(
    lambda shape, **values: QueueView(tab=shape[0], signal=shape[1], **values).stories()
    .values_list(*QueueRow.COLUMNS)[:QUEUE_PAGE_SIZE],
    category="str",
)


class QueueRows:
    """A view's rows as the Paginator takes them, counted already (with the tabs).

    The first page, which every moderator opens, runs a query compiled once per tab and signal
    (building it through the ORM cost more than the rest of the page's queries); later pages, of
    which there may be thousands, go through the ORM.
    """

    def __init__(self, view, count):
        self.view = view
        self.total = count

    def count(self):
        return self.total

    def __getitem__(self, window):
        if window.start == 0 and window.stop - window.start <= QUEUE_PAGE_SIZE:
            values = {"category": self.view.category} if self.view.category else {}
            return FIRST_ROWS.rows((self.view.tab, self.view.signal), **values)[: window.stop]
        return list(self.view.stories().values_list(*QueueRow.COLUMNS)[window])


def bulk(request, view):
    """Move each ticked story on its own; say how many moved and which someone else had handled."""
    back = view.link(reverse("stories:review"))
    action = request.POST.get("action", "")
    if action not in BULK_ACTIONS:
        messages.error(request, "Choose approve or reject for the ticked stories.")
        return redirect(back)
    # Plain ASCII digits of a size a database id can have: "²" or a 40-digit number is no story.
    ids = {int(value) for value in request.POST.getlist("ids") if re.fullmatch(r"[0-9]{1,18}", value)}
    if not ids:
        messages.error(request, "Tick at least one story first.")
        return redirect(back)
    if len(ids) > BULK_MAX:
        messages.error(request, f"Tick at most {BULK_MAX} stories at once.")
        return redirect(back)
    reason = request.POST.get("reason") or "other"
    seen = request.POST.get("seen_status") or Status.PENDING
    if seen not in Status.values:
        messages.error(request, "The page was out of date; here is the queue as it is now.")
        return redirect(back)
    label, move = BULK_ACTIONS[action]
    moved, handled, refused = 0, [], []
    for story in Story.objects.filter(pk__in=ids).defer("search_vector").order_by("submitted_at", "id"):
        try:
            move(story, request.user, seen, reason)
            moved += 1
        except moderation.AlreadyDecided as lost:
            who = "you" if lost.event and lost.event.actor_id == request.user.pk else (
                lost.event.who if lost.event else "someone else")
            handled.append(f"“{story.title}” ({who}: {Status(story.status).label.lower()})")
        except moderation.ModerationError as error:
            refused.append(str(error))
    left = Story.objects.pending().count()
    if moved:
        messages.success(request, f"{label} {_plural(moved)}. {_plural(left, 'story is', 'stories are')} "
                                  f"still pending.")
    if handled:
        messages.warning(request, f"{_plural(len(handled), 'story was', 'stories were')} already handled: "
                                  f"{'; '.join(handled)}.")
    for error in dict.fromkeys(refused):
        messages.error(request, error)
    return redirect(back)


def _cell(value):
    """Text as a spreadsheet shows it, never as a formula it would run."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value):
        return value


CSV_HEADER = ["slug", "url", "title", "body", "category", "business", "place", "happened_on", "display_name",
              "featured", "hearts", "submitted_at", "published_at"]


@moderator_required
@require_GET
def export_csv(request):
    """The approved stories with their public fields and dates, streamed, oldest published first."""
    stories = Story.objects.published().select_related("category").only(
        "slug", "title", "body", "category__name", "business", "place", "happened_on", "display_name",
        "featured", "hearts_count", "submitted_at", "published_at",
    ).order_by("published_at", "id")
    base = request.build_absolute_uri("/")[:-1]

    def rows():
        yield CSV_HEADER
        for story in stories.iterator(chunk_size=500):
            yield [_cell(value) for value in (
                story.slug, base + story.get_absolute_url(), story.title, story.body, story.category.name,
                story.business, story.place, story.happened_on.strftime("%Y-%m") if story.happened_on else "",
                story.shown_name, "yes" if story.featured else "no", story.hearts_count,
                story.submitted_at.isoformat(), story.published_at.isoformat() if story.published_at else "",
            )]

    writer = csv.writer(_Echo())
    response = StreamingHttpResponse((writer.writerow(row) for row in rows()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="stories-{timezone.localdate():%Y-%m-%d}.csv"'
    return response
