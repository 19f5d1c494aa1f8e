"""Every change of a story's state happens here, and nowhere else.

Each move is one transaction: the row changes only if it is still in the state the actor saw
(a conditional UPDATE), a ModerationEvent records it, and the submitter's mail is queued in the
same transaction. A move that lost a race changes nothing and raises AlreadyDecided, naming who
decided first.
"""

import contextlib
import difflib
import secrets
import textwrap

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import notifications, public_cache, review_cache, screening, search
from .models import REJECT_REASON_LABELS, REJECT_REASONS, ModerationEvent, Report, Story  # noqa: F401 (re-exported)

Status = Story.Status

ALLOWED_MOVES = {
    Status.PENDING: {Status.APPROVED, Status.REJECTED, Status.CHANGES_REQUESTED, Status.WITHDRAWN},
    Status.CHANGES_REQUESTED: {Status.PENDING, Status.REJECTED, Status.WITHDRAWN},
    Status.APPROVED: {Status.HIDDEN, Status.WITHDRAWN},
    Status.HIDDEN: {Status.APPROVED, Status.REJECTED, Status.WITHDRAWN},
    # DESIGN's graph leaves this out, but a submitter may withdraw (and so erase) at any time.
    Status.REJECTED: {Status.PENDING, Status.WITHDRAWN},
    Status.WITHDRAWN: set(),
}

# Which states each action may start from: a button posted with a stale or forged state must not
# find a side door through the graph above (say, "stop featuring" on a pending story).
ACTION_SOURCES = {
    "approve": {Status.PENDING, Status.HIDDEN},
    "feature": {Status.PENDING, Status.HIDDEN, Status.APPROVED},
    "unfeature": {Status.APPROVED},
    "reject": {Status.PENDING, Status.CHANGES_REQUESTED, Status.HIDDEN},
    "request_changes": {Status.PENDING},
    "hide": {Status.APPROVED},
    "auto_hide": {Status.APPROVED},
    "restore": {Status.HIDDEN},
    "reopen": {Status.REJECTED},
    "submitter_edit": {Status.PENDING, Status.CHANGES_REQUESTED},
    "withdraw": set(Status) - {Status.WITHDRAWN},
}
ACTION_DONE = {
    "approve": "approved", "feature": "featured", "unfeature": "taken off the featured list", "reject": "rejected",
    "request_changes": "sent back for changes", "hide": "hidden", "auto_hide": "hidden", "restore": "restored",
    "reopen": "reopened", "submitter_edit": "edited", "withdraw": "withdrawn",
}


class ModerationError(Exception):
    """A move that cannot happen; the message is fit to show to the person who asked."""


class ForbiddenMove(ModerationError):
    pass


class AlreadyDecided(ModerationError):
    """Someone else moved the story first."""

    def __init__(self, story, event):
        self.story = story
        self.event = event
        who = event.who if event else "someone else"
        state = Status(story.status).label.lower()
        super().__init__(f"{who} already handled “{story.title}”: it is now {state}.")


def _move(story, *, to, seen_status, action, by=None, actor_label="", reason="", note="", changes=None):
    """Move `story` from `seen_status` to `to` if nobody got there first; return the event."""
    try:
        seen_status = Status(seen_status)
    except ValueError:
        raise ForbiddenMove("The page was out of date; open the story again.") from None
    if seen_status not in ACTION_SOURCES[action]:
        raise ForbiddenMove(f"A {seen_status.label.lower()} story cannot be {ACTION_DONE[action]}.")
    # Featuring keeps a story approved, and a submitter's edit of a pending story keeps it pending.
    stays = to == seen_status and action in {"feature", "unfeature", "submitter_edit"}
    if to not in ALLOWED_MOVES[seen_status] and not stays:
        raise ForbiddenMove(f"A {seen_status.label.lower()} story cannot be moved to {Status(to).label.lower()}.")
    now = timezone.now()
    updates = {"status": to, "updated_at": now, **(changes or {})}
    if to != seen_status and by is not None:
        updates["decided_at"] = now
    if to == Status.APPROVED and seen_status != Status.HIDDEN:
        updates.setdefault("published_at", now)
    with transaction.atomic():
        moved = Story.objects.filter(pk=story.pk, status=seen_status).update(**updates)
        if not moved:
            story.refresh_from_db()
            raise AlreadyDecided(story, story.events.select_related("actor").order_by("-created_at", "-id").first())
        event = ModerationEvent.objects.create(
            story=story, actor=by, actor_label="" if by else actor_label, from_status=seen_status,
            to_status=to, action=action, reason=reason, note=note, created_at=now,
        )
        story.refresh_from_db()
        notifications.queue_for_move(story, event)
        public_cache.bump_on_commit()
        review_cache.bump_on_commit()
    return event


def approve(story, *, by, seen_status, featured=False):
    """Publish a story (from pending or hidden). With `featured`, it also goes to the top."""
    changes = {"featured": True} if featured else {}
    if seen_status == Status.APPROVED and featured:
        return _move(story, to=Status.APPROVED, seen_status=seen_status, action="feature", by=by, changes=changes)
    event = _move(
        story, to=Status.APPROVED, seen_status=seen_status, action="feature" if featured else "approve",
        by=by, changes=changes,
    )
    search.index_story(story)
    return event


def unfeature(story, *, by, seen_status):
    return _move(story, to=Status.APPROVED, seen_status=seen_status, action="unfeature", by=by,
                 changes={"featured": False})


def reject(story, *, by, seen_status, reason, note=""):
    """Refuse a story with a reason from REJECT_REASONS and an optional kind note."""
    if reason not in REJECT_REASON_LABELS:
        raise ModerationError("Choose a reason for rejecting this story.")
    return _move(story, to=Status.REJECTED, seen_status=seen_status, action="reject", by=by,
                 reason=reason, note=note, changes={"featured": False, "moderator_note": note})


def request_changes(story, *, by, seen_status, note):
    """Send the story back to its submitter with a note saying what to change."""
    if not note.strip():
        raise ModerationError("Write a note so the submitter knows what to change.")
    return _move(story, to=Status.CHANGES_REQUESTED, seen_status=seen_status, action="request_changes",
                 by=by, note=note.strip(), changes={"moderator_note": note.strip()})


def hide(story, *, by, seen_status, note=""):
    """Take an approved story off every public page until someone restores it."""
    return _move(story, to=Status.HIDDEN, seen_status=seen_status, action="hide", by=by, note=note)


def restore(story, *, by, seen_status):
    """Put a hidden story back where it was, and close its open reports."""
    with transaction.atomic():
        event = _move(story, to=Status.APPROVED, seen_status=seen_status, action="restore", by=by)
        story.reports.filter(resolved=False).update(resolved=True)
    return event


def reopen(story, *, by, seen_status):
    """Give a rejected story another look: back to pending."""
    return _move(story, to=Status.PENDING, seen_status=seen_status, action="reopen", by=by)


def describe_text_change(old, new, *, most=3, width=60):
    """The changed words of an edit, as `“old” → “new”` pieces a moderator can read at a glance."""
    before, after = old.split(), new.split()
    pieces = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed = textwrap.shorten(" ".join(before[i1:i2]), width) or "…"
        added = textwrap.shorten(" ".join(after[j1:j2]), width) or "…"
        pieces.append(f"“{removed}” → “{added}”" if tag == "replace" else
                      f"removed “{removed}”" if tag == "delete" else f"added “{added}”")
    if not pieces:
        return "spacing only"
    more = len(pieces) - most
    return "; ".join(pieces[:most]) + (f" and {more} more change{'s' if more > 1 else ''}" if more > 0 else "")


def describe_change(name, old, new):
    """One field's change as the edit event's note tells it; the private email address never shows."""
    if name == "body":
        return f"text: {describe_text_change(old, new)}"
    if name == "email":
        return "email address changed"
    label = name.replace("_", " ")
    if isinstance(old, bool):
        return f"{label}: {'yes' if old else 'no'} → {'yes' if new else 'no'}"
    return f"{label}: “{old if old not in (None, '') else '(none)'}” → “{new if new not in (None, '') else '(none)'}”"


# What a moderator may correct; the state, the dates and the slug change only with the moves.
EDITABLE_FIELDS = frozenset({"title", "body", "category", "business", "place", "happened_on", "display_name", "email",
                             "consent_publish", "consent_names"})


def edit(story, *, by, **changes):
    """A moderator's correction of a story's fields (title, text, business, place, name, category…):
    saved, screened again and recorded with what changed. `changes` maps field names to new values;
    unchanged ones are left out of the note."""
    refused = set(changes) - EDITABLE_FIELDS
    if refused:
        raise ValueError(f"not fields a moderator edits: {', '.join(sorted(refused))}")
    changed = [describe_change(name, getattr(story, name), value) for name, value in changes.items()
               if getattr(story, name) != value]
    if not changed:
        return None
    with transaction.atomic():
        edited = Story.objects.filter(pk=story.pk).exclude(status=Status.WITHDRAWN).update(
            **changes, updated_at=timezone.now(), **screening.rescreen(story, **changes)
        )
        if not edited:
            story.refresh_from_db()
            raise ForbiddenMove("A withdrawn story cannot be edited: its text is erased.")
        event = ModerationEvent.objects.create(
            story=story, actor=by, from_status=story.status, to_status=story.status, action="edit",
            note="; ".join(changed),
        )
        story.refresh_from_db()
        search.index_story(story)
        public_cache.bump_on_commit()
        review_cache.bump_on_commit()
    return event


def submitter_edit(story, *, seen_status, fields):
    """The submitter's own edit: saved, re-screened, and back to pending."""
    story_fields = {**fields, **screening.rescreen(story, **fields)}
    return _move(story, to=Status.PENDING, seen_status=seen_status, action="submitter_edit",
                 actor_label="submitter", changes=story_fields)


def withdraw(story, *, seen_status):
    """The submitter takes the story back: every personal word is erased, only a bare event stays."""
    erased = {
        # The slug is made from the title, so it goes too.
        "slug": f"withdrawn-{secrets.token_hex(8)}",
        "title": "", "body": "", "business": "", "place": "", "happened_on": None, "display_name": "",
        "email": "", "client_hash": "", "body_fingerprint": "", "signals": {}, "featured": False,
        "moderator_note": "", "search_vector": None,
    }
    with transaction.atomic():
        event = _move(story, to=Status.WITHDRAWN, seen_status=seen_status, action="withdraw",
                      actor_label="submitter", changes=erased)
        story.events.exclude(pk=event.pk).update(note="")
        story.reports.all().delete()
        story.hearts.all().delete()
    return event


def count_report(story, *, reason, note, reporter_key, threshold):
    """Record a reader's report; past `threshold` distinct reporters, hide the story."""
    with transaction.atomic():
        report, created = Report.objects.get_or_create(
            story=story, reporter_key=reporter_key, defaults={"reason": reason, "note": note}
        )
        if not created:
            return report
        Story.objects.filter(pk=story.pk).update(reports_count=F("reports_count") + 1)
        story.refresh_from_db(fields=["reports_count", "status"])
        open_reports = story.reports.filter(resolved=False).count()
        if story.status == Status.APPROVED and open_reports >= threshold:
            with contextlib.suppress(AlreadyDecided):
                _move(story, to=Status.HIDDEN, seen_status=Status.APPROVED, action="auto_hide",
                      actor_label="system", note=f"{open_reports} readers reported this story.")
    return report
