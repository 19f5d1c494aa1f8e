"""The moderators' queue and the one-story review page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import moderation, screening
from ..forms import LightEditForm
from ..models import Story

QUEUE_PAGE_SIZE = 25
Status = Story.Status

TABS = [
    ("pending", "Pending", Status.PENDING),
    ("changes_requested", "Changes requested", Status.CHANGES_REQUESTED),
    ("reported", "Reported", None),
    ("approved", "Approved", Status.APPROVED),
    ("rejected", "Rejected", Status.REJECTED),
    ("hidden", "Hidden", Status.HIDDEN),
]
NEWEST_FIRST_TABS = {"approved", "rejected", "hidden"}


def moderator_required(view):
    """Anonymous visitors go to the login page; signed-in people without the permission get 403."""
    return login_required(permission_required("stories.moderate_story", raise_exception=True)(never_cache(view)))


def tab_counts():
    """Every tab's count in two queries, whatever the size of the queue."""
    by_status = dict(Story.objects.values_list("status").annotate(n=Count("id")).order_by())
    counts = {key: by_status.get(status, 0) for key, _, status in TABS if status}
    counts["reported"] = Story.objects.reported().count()
    return counts


def tab_stories(tab):
    if tab == "reported":
        stories = Story.objects.reported()
    else:
        stories = Story.objects.in_state(dict((key, status) for key, _, status in TABS)[tab])
    order = ("-submitted_at", "-id") if tab in NEWEST_FIRST_TABS else ("submitted_at", "id")
    return stories.select_related("category").defer("search_vector").order_by(*order)


def next_in_queue(after_story=None):
    """The oldest pending story other than the one just handled."""
    stories = Story.objects.pending().order_by("submitted_at", "id")
    if after_story is not None:
        stories = stories.exclude(pk=after_story.pk)
    return stories.only("pk").first()


@moderator_required
@require_http_methods(["GET", "POST"])
def queue(request):
    """Tabs with counts, oldest pending first, paginated. Template: review/queue.html."""
    tab = request.GET.get("tab", "pending")
    if tab not in {key for key, _, _ in TABS}:
        tab = "pending"
    page = Paginator(tab_stories(tab), QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    counts = tab_counts()
    return render(request, "review/queue.html", {
        "tab": tab, "tabs": [(key, label, counts[key]) for key, label, _ in TABS], "page": page,
        "rows": [(story, screening.badges(story.signals)) for story in page.object_list],
    })


ACTIONS = {
    "approve": lambda story, by, seen, data: moderation.approve(story, by=by, seen_status=seen),
    "feature": lambda story, by, seen, data: moderation.approve(story, by=by, seen_status=seen, featured=True),
    "unfeature": lambda story, by, seen, data: moderation.unfeature(story, by=by, seen_status=seen),
    "reject": lambda story, by, seen, data: moderation.reject(
        story, by=by, seen_status=seen, reason=data.get("reason", ""), note=data.get("note", "").strip()),
    "request_changes": lambda story, by, seen, data: moderation.request_changes(
        story, by=by, seen_status=seen, note=data.get("note", "")),
    "hide": lambda story, by, seen, data: moderation.hide(story, by=by, seen_status=seen, note=data.get("note", "")),
    "restore": lambda story, by, seen, data: moderation.restore(story, by=by, seen_status=seen),
    "reopen": lambda story, by, seen, data: moderation.reopen(story, by=by, seen_status=seen),
}
DONE_MESSAGES = {
    "approve": "Approved and published", "feature": "Approved and featured", "unfeature": "No longer featured",
    "reject": "Rejected", "request_changes": "Sent back for changes", "hide": "Hidden from the public",
    "restore": "Restored", "reopen": "Reopened",
}


def available_actions(story):
    allowed = moderation.ALLOWED_MOVES[Status(story.status)]
    actions = []
    if Status.APPROVED in allowed and story.status == Status.PENDING:
        actions += ["approve", "feature"]
    if story.status == Status.APPROVED:
        actions.append("unfeature" if story.featured else "feature")
    if Status.APPROVED in allowed and story.status == Status.HIDDEN:
        actions.append("restore")
    if Status.REJECTED in allowed:
        actions.append("reject")
    if Status.CHANGES_REQUESTED in allowed:
        actions.append("request_changes")
    if Status.HIDDEN in allowed:
        actions.append("hide")
    if story.status == Status.REJECTED:
        actions.append("reopen")
    return actions


@moderator_required
@require_http_methods(["GET", "POST"])
def review_story(request, pk):
    """One story: text, contact, signals, history and actions. Template: review/story.html."""
    story = get_object_or_404(Story.objects.select_related("category").defer("search_vector"), pk=pk)
    edit_form = LightEditForm(initial={"title": story.title, "body": story.body})
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "edit":
            edit_form = LightEditForm(request.POST)
            if edit_form.is_valid():
                moderation.light_edit(story, by=request.user, **edit_form.cleaned_data)
                messages.success(request, "Your edit is saved and recorded in the history.")
                return redirect("stories:review_story", pk=story.pk)
        elif action in ACTIONS:
            try:
                ACTIONS[action](story, request.user, request.POST.get("seen_status", ""), request.POST)
            except moderation.AlreadyDecided as lost:
                messages.warning(request, str(lost))
                return redirect("stories:review_story", pk=story.pk)
            except moderation.ModerationError as refused:
                messages.error(request, str(refused))
                return redirect("stories:review_story", pk=story.pk)
            messages.success(request, f"{DONE_MESSAGES[action]}: “{story.title}”.")
            following = next_in_queue(story)
            if following is None:
                return redirect(f"{reverse('stories:review')}?tab=pending")
            return redirect("stories:review_story", pk=following.pk)
        else:
            messages.error(request, "Unknown action.")
            return redirect("stories:review_story", pk=story.pk)
    return render(request, "review/story.html", {
        "story": story, "events": story.events.select_related("actor"), "badges": screening.badges(story.signals),
        "actions": available_actions(story), "reject_reasons": moderation.REJECT_REASONS,
        "edit_form": edit_form, "reports": story.reports.all()[:20],
    }, status=400 if edit_form.errors else 200)
