"""The submitter's private page: the link, editing, withdrawing, and getting the link again."""

import hashlib
import re
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core import mail

from stories import moderation
from stories.models import Heart, ModerationEvent, Report, Story

from .submitting import STATUS_LINK, VALID, submit

pytestmark = pytest.mark.django_db
Status = Story.Status


def edit_data(story, **changes):
    return {"title": story.title, "body": story.body, "category": story.category.slug,
            "business": story.business, "place": story.place, "happened_on": "2025-03",
            "display_name": story.display_name, "action": "edit", "seen_status": story.status, **changes}


def put_in(story, status, moderator):
    """Move a freshly submitted story to `status` the way staff would."""
    if status == Status.CHANGES_REQUESTED:
        moderation.request_changes(story, by=moderator, seen_status=Status.PENDING,
                                   note="Please leave out the surname.")
    elif status in {Status.APPROVED, Status.HIDDEN}:
        moderation.approve(story, by=moderator, seen_status=Status.PENDING)
        if status == Status.HIDDEN:
            moderation.hide(story, by=moderator, seen_status=Status.APPROVED, note="A reader says it is not true.")
    elif status == Status.REJECTED:
        moderation.reject(story, by=moderator, seen_status=Status.PENDING, reason="spam",
                          note="It reads like an advert.")
    story.refresh_from_db()
    return story


# --- The private link ------------------------------------------------------------------------------

def test_the_token_is_long_random_and_only_its_sha256_is_kept(client):
    story, token = submit(client)
    other, other_token = submit(client, body=VALID["body"] + " Another visit.")
    assert len(token) >= 43 and re.fullmatch(r"[\w-]+", token) and token != other_token
    assert story.token_hash == hashlib.sha256(token.encode()).hexdigest()
    row = Story.objects.filter(pk=story.pk).values().get()
    assert not any(token in str(value) for value in row.values())
    events = list(ModerationEvent.objects.values_list("note", "reason"))
    assert not any(token in str(event) for event in events)
    # The session carried the link to the thanks page once, and keeps nothing of it after.
    assert not any(token in str(session.get_decoded()) for session in Session.objects.all())


def test_the_private_page_shows_the_status(client):
    story, token = submit(client)
    page = client.get(f"/my/{token}/")
    assert page.status_code == 200 and "Waiting for review" in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0") and "no-store" in page["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in page.content.decode()


@pytest.mark.parametrize("path", ["/my/{}/", "/my/{}/withdraw/"])
@pytest.mark.parametrize("wrong", ["x" * 43, "short", "a" * 200, "{token}x", "{token_upper}"])
def test_a_wrong_token_is_a_404(client, path, wrong):
    story, token = submit(client)
    bad = wrong.format(token=token, token_upper=token.swapcase())
    assert client.get(path.format(bad)).status_code == 404
    assert client.post(path.format(bad), {"action": "edit", "seen_status": "pending"}).status_code == 404
    story.refresh_from_db()
    assert story.status == Status.PENDING and story.title == VALID["title"]


def test_the_last_step_compares_in_constant_time(client):
    _, token = submit(client)
    with mock.patch("stories.views.submitter.hmac.compare_digest", return_value=True) as compare:
        assert client.get(f"/my/{token}/").status_code == 200
    compare.assert_called_once()


# --- Editing -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [Status.PENDING, Status.CHANGES_REQUESTED])
def test_an_edit_goes_back_to_pending_with_an_event(client, moderator, status):
    story, token = submit(client)
    put_in(story, status, moderator)
    page = client.get(f"/my/{token}/").content.decode()
    assert "Edit your story" in page
    if status == Status.CHANGES_REQUESTED:
        assert "Please leave out the surname." in page
    response = client.post(f"/my/{token}/", edit_data(story, title="The porter who found my passport"))
    assert response.status_code == 302 and response.url == f"/my/{token}/"
    story.refresh_from_db()
    assert story.status == Status.PENDING and story.title == "The porter who found my passport"
    event = story.events.latest("id")
    assert (event.action, event.from_status, event.to_status, event.actor, event.actor_label) == (
        "submitter_edit", status, Status.PENDING, None, "submitter")
    assert "Your changes are saved" in client.get(f"/my/{token}/").content.decode()


def test_the_edit_form_shows_the_story_as_it_is(client):
    story, token = submit(client)
    page = client.get(f"/my/{token}/").content.decode()
    assert '<option value="travel" selected>' in page
    assert 'value="2025-03"' in page and 'value="Hotel Miramar"' in page and 'value="Jonas"' in page


def test_an_invalid_edit_says_why_and_changes_nothing(client):
    story, token = submit(client)
    response = client.post(f"/my/{token}/", edit_data(story, body="Too short now."))
    assert response.status_code == 400
    assert "at least 200 characters" in response.content.decode()
    story.refresh_from_db()
    assert story.body == VALID["body"] and story.events.count() == 1


def test_an_edit_to_another_storys_text_is_refused(client):
    other, _ = submit(client, body=VALID["body"] + " Mine.")
    story, token = submit(client)
    response = client.post(f"/my/{token}/", edit_data(story, body=other.body))
    assert response.status_code == 400 and "Another story already has exactly this text." in response.content.decode()


@pytest.mark.parametrize("status", [Status.APPROVED, Status.HIDDEN, Status.REJECTED])
def test_an_edit_is_refused_once_decided(client, moderator, status):
    story, token = submit(client)
    put_in(story, status, moderator)
    assert "Edit your story" not in client.get(f"/my/{token}/").content.decode()
    events = story.events.count()
    response = client.post(f"/my/{token}/", edit_data(story, title="Sneaky new title", seen_status=Status.PENDING))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == status and story.title == VALID["title"] and story.events.count() == events
    assert "This story can no longer be edited." in client.get(f"/my/{token}/").content.decode()


def test_an_edit_that_lost_a_race_changes_nothing(client, moderator):
    story, token = submit(client)
    seen = edit_data(story, title="Edited in an old tab")
    put_in(story, Status.CHANGES_REQUESTED, moderator)
    assert client.post(f"/my/{token}/", seen).status_code == 302
    story.refresh_from_db()
    assert story.status == Status.CHANGES_REQUESTED and story.title == VALID["title"]
    assert "Your story changed while you were editing" in client.get(f"/my/{token}/").content.decode()


# --- Withdrawing -------------------------------------------------------------------------------------

PERSONAL = ["title", "body", "business", "place", "display_name", "email", "client_hash", "body_fingerprint",
            "moderator_note"]


@pytest.mark.parametrize("status", [Status.PENDING, Status.CHANGES_REQUESTED, Status.APPROVED, Status.HIDDEN,
                                    Status.REJECTED])
def test_withdraw_confirms_then_erases_everything_personal(client, moderator, status):
    story, token = submit(client)
    put_in(story, status, moderator)
    before = Story.objects.filter(pk=story.pk).values().get()
    Heart.objects.create(story=story, visitor_key="h" * 64)
    Report.objects.create(story=story, reason="other", note="I know who wrote this", reporter_key="r" * 64)

    confirm = client.get(f"/my/{token}/withdraw/")
    assert confirm.status_code == 200 and "Yes, withdraw and erase it" in confirm.content.decode()
    story.refresh_from_db()
    assert story.status == status  # a GET changes nothing

    response = client.post(f"/my/{token}/withdraw/", {"seen_status": status})
    assert response.status_code == 302 and response.url == f"/my/{token}/"
    row = Story.objects.filter(pk=story.pk).values().get()
    assert row["status"] == Status.WITHDRAWN
    assert all(row[name] in ("", None) for name in PERSONAL)
    assert row["happened_on"] is None and row["signals"] == {} and row["search_vector"] is None
    assert row["slug"] != before["slug"] and "night-porter" not in row["slug"]
    leftovers = [str(value) for value in row.values()]
    for private in (VALID["email"], VALID["title"], before["client_hash"], before["body_fingerprint"], "Jonas"):
        assert not any(private in value for value in leftovers)
    events = list(story.events.values("action", "note"))
    assert events[0]["action"] == "submit" and events[-1]["action"] == "withdraw"
    assert all(event["note"] == "" for event in events)
    assert not Heart.objects.filter(story=story).exists() and not Report.objects.filter(story=story).exists()

    page = client.get(f"/my/{token}/").content.decode()
    assert "Your story is withdrawn" in page and VALID["title"] not in page


def test_a_withdrawn_story_is_gone_from_every_public_page(client, moderator):
    story, token = submit(client)
    put_in(story, Status.APPROVED, moderator)
    old_url = story.get_absolute_url()
    assert VALID["title"] in client.get("/").content.decode()
    assert client.get(old_url).status_code == 200
    client.post(f"/my/{token}/withdraw/", {"seen_status": Status.APPROVED})
    assert VALID["title"] not in client.get("/").content.decode()
    assert client.get(old_url).status_code == 404
    assert VALID["title"] not in client.get("/", {"q": "passport"}).content.decode()


def test_withdrawing_twice_just_shows_the_page(client):
    story, token = submit(client)
    client.post(f"/my/{token}/withdraw/", {"seen_status": Status.PENDING})
    assert client.get(f"/my/{token}/withdraw/").status_code == 302
    assert client.post(f"/my/{token}/withdraw/", {"seen_status": Status.WITHDRAWN}).status_code == 302
    assert story.events.filter(action="withdraw").count() == 1


def test_a_withdraw_confirmed_on_a_stale_page_asks_again(client, moderator):
    story, token = submit(client)
    put_in(story, Status.APPROVED, moderator)
    response = client.post(f"/my/{token}/withdraw/", {"seen_status": Status.PENDING})
    assert response.status_code == 302 and response.url == f"/my/{token}/withdraw/"
    story.refresh_from_db()
    assert story.status == Status.APPROVED
    assert "please confirm again" in client.get(response.url).content.decode()


# --- Getting the link again -------------------------------------------------------------------------

def lost_link(client, email):
    response = client.post("/my/lost-link/", {"email": email}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_a_lost_link_is_mailed_anew_and_the_old_one_stops_working(client):
    story, old_token = submit(client)
    mail.outbox.clear()
    page = lost_link(client, "JONAS@example.org")
    assert "If we have stories sent from that address" in page
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [VALID["email"]]
    new_token = STATUS_LINK.search(mail.outbox[0].body).group(1)
    assert new_token != old_token and len(new_token) >= 43
    assert client.get(f"/my/{old_token}/").status_code == 404
    assert client.get(f"/my/{new_token}/").status_code == 200
    story.refresh_from_db()
    assert story.token_hash == hashlib.sha256(new_token.encode()).hexdigest()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    submit(client)
    mail.outbox.clear()
    known = lost_link(client, VALID["email"])
    unknown = lost_link(client, "nobody@example.org")
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", known) == strip.sub("", unknown)
    assert len(mail.outbox) == 1


def test_every_live_story_from_the_address_gets_a_link_but_not_a_withdrawn_one(client):
    submit(client)
    submit(client, body=VALID["body"] + " Second story.")
    gone, token = submit(client, body=VALID["body"] + " Third story.")
    client.post(f"/my/{token}/withdraw/", {"seen_status": Status.PENDING})
    mail.outbox.clear()
    lost_link(client, VALID["email"])
    assert len(mail.outbox) == 2


def test_the_lost_link_form_checks_the_address(client):
    response = client.post("/my/lost-link/", {"email": "not an address"})
    assert response.status_code == 200 and "Enter a valid email address." in response.content.decode()
    assert mail.outbox == []
