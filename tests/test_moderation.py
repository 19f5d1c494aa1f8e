"""The one moderation module: every allowed move, every forbidden one, and the lost race."""

import re
import threading

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.utils import timezone

from stories import moderation
from stories.models import ModerationEvent, Story
from tests.factories import ModeratorFactory, StoryFactory

pytestmark = pytest.mark.django_db
Status = Story.Status
STATES = list(Status)


def story_in(status):
    return StoryFactory(status=status, published_at=timezone.now() if status == Status.APPROVED else None)


def move_to(target, story, seen, by):
    """The module's function that asks for `target` from `seen`."""
    if target == Status.APPROVED:
        return moderation.approve(story, by=by, seen_status=seen)
    if target == Status.REJECTED:
        return moderation.reject(story, by=by, seen_status=seen, reason="spam", note="Sorry.")
    if target == Status.CHANGES_REQUESTED:
        return moderation.request_changes(story, by=by, seen_status=seen, note="Leave out the surname.")
    if target == Status.HIDDEN:
        return moderation.hide(story, by=by, seen_status=seen)
    if target == Status.PENDING and seen == Status.CHANGES_REQUESTED:
        return moderation.submitter_edit(story, seen_status=seen, fields={"title": "Fixed", "body": story.body})
    if target == Status.PENDING:
        return moderation.reopen(story, by=by, seen_status=seen)
    return moderation.withdraw(story, seen_status=seen)


ALL_PAIRS = [(source, target) for source in STATES for target in STATES if source != target]
ALLOWED = [pair for pair in ALL_PAIRS if pair[1] in moderation.ALLOWED_MOVES[pair[0]]]
FORBIDDEN = [pair for pair in ALL_PAIRS if pair[1] not in moderation.ALLOWED_MOVES[pair[0]]]


def test_the_graph_is_the_designed_one():
    assert len(ALLOWED) >= 12 and len(FORBIDDEN) >= 16
    assert moderation.ALLOWED_MOVES[Status.WITHDRAWN] == set()
    assert Status.APPROVED not in moderation.ALLOWED_MOVES[Status.REJECTED]


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_every_allowed_move_through_the_module(moderator, source, target):
    story = story_in(source)
    event = move_to(target, story, source, moderator)
    story.refresh_from_db()
    assert story.status == target
    assert list(story.events.values_list("from_status", "to_status")) == [(source, target)]
    by_submitter = target == Status.WITHDRAWN or (source, target) == (Status.CHANGES_REQUESTED, Status.PENDING)
    assert event.actor == (None if by_submitter else moderator)


@pytest.mark.parametrize(("source", "target"), FORBIDDEN)
def test_every_forbidden_move_through_the_module(moderator, source, target):
    story = story_in(source)
    with pytest.raises(moderation.ForbiddenMove):
        move_to(target, story, source, moderator)
    story.refresh_from_db()
    assert story.status == source and not story.events.exists()


def test_submitter_edit_sends_a_story_back_to_pending(db):
    story = story_in(Status.CHANGES_REQUESTED)
    moderation.submitter_edit(story, seen_status=Status.CHANGES_REQUESTED,
                              fields={"title": "Better title", "body": story.body})
    story.refresh_from_db()
    assert story.status == Status.PENDING and story.title == "Better title"


def test_an_unknown_seen_status_is_refused(moderator):
    story = story_in(Status.PENDING)
    with pytest.raises(moderation.ForbiddenMove):
        moderation.reject(story, by=moderator, seen_status="published", reason="spam")


@pytest.mark.parametrize("seen", ["", "published", "x" * 500])
def test_a_stale_or_forged_seen_status_is_refused_on_the_page(moderator_client, seen):
    story = story_in(Status.PENDING)
    response = moderator_client.post(f"/review/{story.pk}/", {"action": "approve", "seen_status": seen})
    assert response.status_code == 302 and response.url == f"/review/{story.pk}/"
    story.refresh_from_db()
    assert story.status == Status.PENDING and not story.events.exists()


# Staff actions posted to /review/<id>/ and the state each asks for.
POSTED = {
    "approve": Status.APPROVED, "reject": Status.REJECTED, "request_changes": Status.CHANGES_REQUESTED,
    "hide": Status.HIDDEN, "restore": Status.APPROVED, "reopen": Status.PENDING,
}
POST_CASES = [(source, action) for source in STATES for action in POSTED if POSTED[action] != source]


@pytest.mark.parametrize(("source", "action"), POST_CASES)
def test_every_move_through_the_review_page(moderator_client, source, action):
    story = story_in(source)
    target = POSTED[action]
    response = moderator_client.post(f"/review/{story.pk}/", {
        "action": action, "seen_status": source, "reason": "spam", "note": "Please leave out the phone number.",
    })
    assert response.status_code == 302
    story.refresh_from_db()
    if source in moderation.ACTION_SOURCES[action] and target in moderation.ALLOWED_MOVES[source]:
        assert story.status == target
        assert list(story.events.values_list("from_status", "to_status", "actor__username")) == [
            (source, target, "maria")]
    else:
        assert story.status == source and not story.events.exists()
        assert response.url == f"/review/{story.pk}/"
        assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]


def test_the_page_offers_only_allowed_actions(moderator_client):
    hidden = story_in(Status.HIDDEN)
    page = moderator_client.get(f"/review/{hidden.pk}/").content.decode()
    assert 'value="restore"' in page and 'value="reject"' in page
    assert 'value="approve"' not in page and 'value="request_changes"' not in page


def test_two_moderators_on_one_story(client, moderator, other_moderator, django_user_model):
    """Both open the story; the first decision wins, the second is told who decided first."""
    from django.test import Client

    story = story_in(Status.PENDING)
    maria, tom = client, Client()
    maria.force_login(moderator)
    tom.force_login(other_moderator)
    assert maria.get(f"/review/{story.pk}/").status_code == 200
    assert "Also opened in the last few minutes by maria" in tom.get(f"/review/{story.pk}/").content.decode()

    first = maria.post(f"/review/{story.pk}/", {"action": "approve", "seen_status": "pending"})
    second = tom.post(f"/review/{story.pk}/", {"action": "reject", "seen_status": "pending", "reason": "spam"},
                      follow=True)

    assert first.status_code == 302
    story.refresh_from_db()
    assert story.status == Status.APPROVED
    assert list(story.events.values_list("action", "actor__username")) == [("approve", "maria")]
    told = [str(m) for m in second.context["messages"]]
    assert told == [f"maria already handled “{story.title}”: it is now approved."]
    assert second.redirect_chain[-1][0] == f"/review/{story.pk}/"


def test_the_slower_module_call_names_the_winner(moderator, other_moderator):
    story = story_in(Status.PENDING)
    stale = Story.objects.get(pk=story.pk)
    moderation.request_changes(story, by=moderator, seen_status="pending", note="Shorter, please.")
    with pytest.raises(moderation.AlreadyDecided) as lost:
        moderation.approve(stale, by=other_moderator, seen_status="pending")
    assert lost.value.event.actor == moderator
    assert "maria already handled" in str(lost.value)
    assert ModerationEvent.objects.filter(story=story).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_threads_racing_on_postgresql():
    """Two moderators' requests at the same instant, each on its own database connection."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every write, so there is no race to lose; run with DATABASE_URL=postgres://…")
    maria, tom = ModeratorFactory(username="maria"), ModeratorFactory(username="tom")
    for _ in range(5):
        story = story_in(Status.PENDING)
        start = threading.Barrier(2)
        outcomes = {}

        def decide(user, move, story_pk=story.pk, start=start, outcomes=outcomes):
            mine = Story.objects.get(pk=story_pk)
            start.wait()
            try:
                move(mine, by=user, seen_status="pending")
                outcomes[user.username] = "won"
            except moderation.AlreadyDecided as lost:
                outcomes[user.username] = lost
            finally:
                connection.close()

        threads = [
            threading.Thread(target=decide, args=(maria, moderation.approve)),
            threading.Thread(target=decide, args=(tom, lambda s, **kw: moderation.reject(s, reason="spam", **kw))),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

        winners = [name for name, outcome in outcomes.items() if outcome == "won"]
        assert len(winners) == 1, outcomes
        loser = ({"maria", "tom"} - set(winners)).pop()
        assert outcomes[loser].event.actor.username == winners[0]
        assert str(outcomes[loser]).startswith(f"{winners[0]} already handled")
        events = list(ModerationEvent.objects.filter(story=story).values_list("actor__username", flat=True))
        assert events == winners
        story.refresh_from_db()
        assert story.status == (Status.APPROVED if winners == ["maria"] else Status.REJECTED)


def admin_action(client, action, stories, **extra):
    return client.post("/admin/stories/story/", {
        "action": action, "_selected_action": [story.pk for story in stories], "index": 0, **extra,
    }, follow=True)


def test_admin_actions_move_each_story_through_the_module(moderator_client, other_moderator):
    waiting = [story_in(Status.PENDING) for _ in range(2)]
    refused = story_in(Status.REJECTED)
    response = admin_action(moderator_client, "admin_approve", [*waiting, refused])
    told = [str(m) for m in response.context["messages"]]
    assert told == ["Approve: 2 stories.", "A rejected story cannot be approved."]
    for story in waiting:
        assert list(story.events.values_list("action", "actor__username")) == [("approve", "maria")]
    refused.refresh_from_db()
    assert refused.status == Status.REJECTED and not refused.events.exists()


def test_admin_reject_and_request_changes_take_their_reason_and_note(moderator_client):
    story, other = story_in(Status.PENDING), story_in(Status.PENDING)
    response = admin_action(moderator_client, "admin_reject", [story])
    assert [str(m) for m in response.context["messages"]] == ["Choose a reason for rejecting this story."]
    admin_action(moderator_client, "admin_reject", [story], reason="duplicate", note="We have it already.")
    admin_action(moderator_client, "admin_request_changes", [other], note="Leave out the surname.")
    story.refresh_from_db()
    other.refresh_from_db()
    assert (story.status, story.moderator_note) == (Status.REJECTED, "We have it already.")
    assert story.events.get().reason == "duplicate"
    assert (other.status, other.moderator_note) == (Status.CHANGES_REQUESTED, "Leave out the surname.")


def test_admin_filters_by_signal_and_open_reports(moderator_client):
    linked = StoryFactory(signals={"link": True})
    plain = StoryFactory(approved=True, reports_count=1)
    plain.reports.create(reason="spam", reporter_key="k")
    by_signal = moderator_client.get("/admin/stories/story/?signal=link").context["cl"].result_list
    by_report = moderator_client.get("/admin/stories/story/?reported=open").context["cl"].result_list
    assert list(by_signal) == [linked] and list(by_report) == [plain]


def test_admin_never_edits_status_and_records_text_edits(moderator_client):
    story = story_in(Status.PENDING)
    page = moderator_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert 'name="status"' not in page
    moderator_client.post(f"/admin/stories/story/{story.pk}/change/", {
        "title": "A clearer title", "body": story.body, "category": story.category_id, "business": story.business,
        "place": story.place, "display_name": story.display_name, "email": story.email, "consent_publish": "on",
        "consent_names": "on", "status": "approved", "events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0,
    })
    story.refresh_from_db()
    assert story.status == Status.PENDING and story.title == "A clearer title"
    assert list(story.events.values_list("action", flat=True)) == ["edit"]


def admin_form(story, **changes):
    return {
        "title": story.title, "body": story.body, "category": story.category_id, "business": story.business,
        "place": story.place, "display_name": story.display_name, "email": story.email, "consent_publish": "on",
        "consent_names": "on", "events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0, **changes,
    }


def test_admin_edits_of_any_field_are_screened_again_and_recorded(moderator_client):
    story = story_in(Status.APPROVED)
    moderator_client.post(f"/admin/stories/story/{story.pk}/change/", admin_form(
        story, business="Riverside Pharmacy", display_name="write to amira@example.org", email="new@example.org"))
    story.refresh_from_db()
    assert story.business == "Riverside Pharmacy" and story.status == Status.APPROVED
    assert "email" in story.signals
    note = story.events.get(action="edit").note
    assert "business: “" in note and "→ “Riverside Pharmacy”" in note and "display name:" in note
    assert "email address changed" in note and "new@example.org" not in note


def test_admin_text_keeps_to_the_public_rule_on_control_characters(moderator_client):
    story = story_in(Status.PENDING)
    response = moderator_client.post(f"/admin/stories/story/{story.pk}/change/", admin_form(
        story, title="A \x02marked\x03 title", place="Leeds\x07"))
    story.refresh_from_db()
    assert response.status_code == 200 and "\x02" not in story.title and story.place != "Leeds\x07"
    assert not story.events.filter(action="edit").exists()


def test_only_a_storys_own_fields_can_be_edited(moderator):
    story = story_in(Status.PENDING)
    with pytest.raises(ValueError):
        moderation.edit(story, by=moderator, status=Status.APPROVED)
    story.refresh_from_db()
    assert story.status == Status.PENDING


def test_an_edit_of_a_story_withdrawn_meanwhile_is_refused_kindly(moderator_client):
    story = StoryFactory()
    moderation.withdraw(story, seen_status="pending")
    response = moderator_client.post(f"/review/{story.pk}/", {"action": "edit", "title": "Back", "body": "x" * 300},
                                     follow=True)
    assert response.status_code == 200 and "cannot be edited" in response.content.decode()


def test_admin_cannot_write_into_a_withdrawn_story(moderator_client):
    story = StoryFactory()
    moderation.withdraw(story, seen_status="pending")
    story.refresh_from_db()
    response = moderator_client.post(f"/admin/stories/story/{story.pk}/change/", admin_form(
        story, title="Back again", body="x" * 300, email="someone@example.org"), follow=True)
    story.refresh_from_db()
    assert story.title == "" and story.email == ""
    assert "cannot be edited" in response.content.decode()


@pytest.mark.parametrize("source, action", [
    (Story.Status.PENDING, "unfeature"),
    (Story.Status.PENDING, "restore"),
    (Story.Status.PENDING, "hide"),
    (Story.Status.CHANGES_REQUESTED, "reopen"),
    (Story.Status.CHANGES_REQUESTED, "approve"),
    (Story.Status.APPROVED, "request_changes"),
])
def test_an_action_from_the_wrong_state_is_refused_even_with_an_honest_seen_state(moderator_client, source, action):
    story = StoryFactory(status=source)
    response = moderator_client.post(f"/review/{story.pk}/", {
        "action": action, "seen_status": source, "note": "a note", "reason": "other",
    })
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == source and not story.events.exists()
    assert not story.published_at or source == Story.Status.APPROVED


def test_admin_stop_featuring_a_pending_story_does_not_publish_it(moderator_client):
    story = StoryFactory()
    moderator_client.post("/admin/stories/story/", {
        "action": "admin_unfeature", "_selected_action": [story.pk],
    })
    story.refresh_from_db()
    assert story.status == Story.Status.PENDING and not story.published_at
    assert not story.events.exclude(action="submit").exists()


def test_a_withdrawn_story_cannot_be_edited_back(moderator):
    story = StoryFactory()
    moderation.withdraw(story, seen_status="pending")
    with pytest.raises(moderation.ForbiddenMove):
        moderation.edit(story, by=moderator, title="Back again", body="x" * 300)
    story.refresh_from_db()
    assert story.title == "" and story.body == ""


def test_a_hidden_story_put_back_is_not_announced_twice(moderator, mailoutbox):
    story = StoryFactory(approved=True)
    moderation.hide(story, by=moderator, seen_status="approved")
    moderation.approve(story, by=moderator, seen_status="hidden")
    assert not [m for m in mailoutbox if "published" in m.subject]


def test_an_admin_edit_of_a_public_field_shows_at_the_next_request(client, moderator):
    from django.contrib.auth.models import User

    story = StoryFactory(approved=True, display_name="Amira")
    assert "Amira" in client.get(story.get_absolute_url()).content.decode()
    admin_client = type(client)()
    admin_client.force_login(User.objects.create_superuser("root", "root@example.org", "a-good-password-123"))
    form = {
        "title": story.title, "body": story.body, "category": story.category_id, "business": story.business,
        "place": story.place, "display_name": "Amira K.", "email": story.email,
        "consent_publish": "on", "consent_names": "on",
        "events-TOTAL_FORMS": "0", "events-INITIAL_FORMS": "0",
    }
    response = admin_client.post(f"/admin/stories/story/{story.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()
    assert story.status == Story.Status.APPROVED and story.display_name == "Amira K."
    assert "Amira K." in client.get(story.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("status", "featured", "expected"), [
    (Story.Status.PENDING, False, {"approve", "feature", "reject", "request_changes"}),
    (Story.Status.CHANGES_REQUESTED, False, {"reject"}),
    (Story.Status.APPROVED, False, {"feature", "hide"}),
    (Story.Status.APPROVED, True, {"unfeature", "hide"}),
    (Story.Status.HIDDEN, False, {"restore", "reject"}),
    (Story.Status.REJECTED, False, {"reopen"}),
])
def test_the_story_page_offers_exactly_the_moves_the_module_accepts(moderator_client, status, featured, expected):
    story = StoryFactory(status=status, featured=featured)
    page = moderator_client.get(f"/review/{story.pk}/").content.decode()
    offered = set(re.findall(r'name="action" value="([a-z_]+)"', page))
    offered.discard("edit")  # the light-edit form, not a move
    assert offered == expected
