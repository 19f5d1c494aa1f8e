"""One story under review at /review/<id>/: read it, decide, edit lightly, then on to the next."""

from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .. import moderation, screening
from ..forms import LightEditForm
from ..models import Story
from .review import TABS, QueueView, moderator_required

Status = Story.Status
# How long an opened story counts as "being looked at" by a colleague.
PRESENCE_SECONDS = 300

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
NOTE_MAX = 1000
TAB_LABELS = {key: label for key, label, _ in TABS}


# The buttons of the one-story page, in the order shown.
BUTTONS = ["approve", "feature", "unfeature", "restore", "reject", "request_changes", "hide", "reopen"]


def available_actions(story):
    """The buttons the moderation module would accept for this story as it is now.

    A hidden story comes back with "restore" rather than "approve", and featuring is a toggle.
    """
    shown = {action for action in BUTTONS if story.status in moderation.ACTION_SOURCES[action]}
    if story.status == Status.HIDDEN:
        shown -= {"approve", "feature"}
    shown -= {"feature"} if story.featured else {"unfeature"}
    return [action for action in BUTTONS if action in shown]


def colleagues_here(story, user):
    """Other moderators who opened this story in the last few minutes, and note that this one did.

    Kept in the shared cache so every app server sees it; a hint against double work, while the
    conditional move in the moderation module is what actually prevents it.
    """
    key = f"review:open:{story.pk}"
    now = timezone.now().timestamp()
    seen = {name: at for name, at in (cache.get(key) or {}).items() if now - at < PRESENCE_SECONDS}
    others = sorted(name for name in seen if name != user.get_username())
    seen[user.get_username()] = now
    cache.set(key, seen, PRESENCE_SECONDS)
    return others


def _after_decision(request, view, story, action):
    """Open the next story of the same tab and filters, or go back to the queue when none is left."""
    following = view.next_after(story)
    left = view.stories().count()
    messages.success(request, f"{DONE_MESSAGES[action]}: “{story.title}”. {left} left in this tab.")
    if following is None:
        return redirect(view.link(reverse("stories:review")))
    return redirect(view.link(reverse("stories:review_story", args=[following.pk])))


def _decide(request, view, story):
    action = request.POST.get("action", "")
    here = view.link(reverse("stories:review_story", args=[story.pk]))
    if action not in ACTIONS:
        messages.error(request, "Unknown action.")
        return redirect(here)
    if request.POST.get("seen_status") not in Status.values:
        messages.error(request, "The page was out of date; here is the story as it is now.")
        return redirect(here)
    if len(request.POST.get("note", "")) > NOTE_MAX:
        messages.error(request, f"Keep the note under {NOTE_MAX} characters.")
        return redirect(here)
    try:
        ACTIONS[action](story, request.user, request.POST.get("seen_status", ""), request.POST)
    except moderation.AlreadyDecided as lost:
        messages.warning(request, str(lost))
        return redirect(here)
    except moderation.ModerationError as refused:
        messages.error(request, str(refused))
        return redirect(here)
    return _after_decision(request, view, story, action)


@moderator_required
@require_http_methods(["GET", "POST"])
def review_story(request, pk):
    """Text, contact, signals, history and actions, with the way to the next story. Template: review/story.html."""
    story = get_object_or_404(Story.objects.select_related("category").defer("search_vector"), pk=pk)
    view = QueueView.from_request(request)
    edit_form = LightEditForm(initial={"title": story.title, "body": story.body})
    if request.method == "POST":
        if request.POST.get("action") != "edit":
            return _decide(request, view, story)
        edit_form = LightEditForm(request.POST)
        if edit_form.is_valid():
            try:
                moderation.edit(story, by=request.user, **edit_form.cleaned_data)
            except moderation.ModerationError as refused:
                messages.error(request, str(refused))
            else:
                messages.success(request, "Your edit is saved and recorded in the history.")
            return redirect(view.link(reverse("stories:review_story", args=[story.pk])))
    in_tab = view.stories()
    following = view.after(story).exclude(pk=story.pk).only("pk").first()
    previous = view.before(story).exclude(pk=story.pk).only("pk").first()
    return render(request, "review/story.html", {
        "story": story, "view": view, "events": story.events.select_related("actor"),
        "badges": screening.badges(story.signals), "actions": available_actions(story),
        "reject_reasons": moderation.REJECT_REASONS, "edit_form": edit_form, "reports": story.reports.all()[:20],
        "next_story": following, "previous_story": previous, "tab_total": in_tab.count(),
        "position": view.before(story).count() + 1 if in_tab.filter(pk=story.pk).exists() else None,
        "tab_label": TAB_LABELS[view.tab],
        "colleagues": colleagues_here(story, request.user) if request.method == "GET" else [],
        "note_max": NOTE_MAX,
    }, status=400 if edit_form.errors else 200)
