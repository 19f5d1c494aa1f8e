"""Readers report a story; enough distinct reporters hide it until a moderator looks again."""

import pytest
from django.test import override_settings

from stories import moderation, spam
from stories.models import Report, Story
from stories.views.reports import reporter_key
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db
Status = Story.Status


def report(client, story, address="198.51.100.1", **data):
    return client.post(f"/stories/{story.slug}/report/", {"reason": "personal_data", "note": "", **data},
                       REMOTE_ADDR=address)


def test_the_form_for_a_published_story(client, approved_story):
    response = client.get(f"/stories/{approved_story.slug}/report/")
    page = response.content.decode()
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    assert approved_story.title in page and 'name="reason"' in page and 'name="note"' in page
    assert 'value="personal_data"' in page and 'maxlength="500"' in page and "csrfmiddlewaretoken" in page
    assert 'name="reason" value=""' not in page and "---------" not in page


@pytest.mark.parametrize("status", [Status.PENDING, Status.HIDDEN, Status.REJECTED, Status.CHANGES_REQUESTED])
def test_only_published_stories_can_be_reported(client, status):
    story = StoryFactory(status=status)
    assert client.get(f"/stories/{story.slug}/report/").status_code == 404
    assert report(client, story).status_code == 404
    assert client.get("/stories/no-such-story/report/").status_code == 404
    assert not Report.objects.exists()


def test_a_report_is_thanked_and_keeps_no_address(client, approved_story):
    response = report(client, approved_story, reason="offensive", note="  Rude about the driver.  ")
    assert response.status_code == 200 and "Thank you for telling us" in response.content.decode()
    saved = Report.objects.get()
    assert (saved.story, saved.reason, saved.note, saved.resolved) == (approved_story, "offensive",
                                                                       "Rude about the driver.", False)
    assert "198.51.100.1" not in saved.reporter_key and len(saved.reporter_key) == 64
    approved_story.refresh_from_db()
    assert approved_story.reports_count == 1 and approved_story.status == Status.APPROVED


def test_the_reporter_key_is_not_the_submitter_hash(rf):
    request = rf.get("/", REMOTE_ADDR="198.51.100.1")
    assert reporter_key(request) != spam.client_hash(request)
    assert reporter_key(request) == reporter_key(rf.get("/x/", REMOTE_ADDR="198.51.100.1"))
    assert reporter_key(request) != reporter_key(rf.get("/", REMOTE_ADDR="198.51.100.2"))


@pytest.mark.parametrize(("data", "ok"), [
    ({"reason": "spam", "note": "n" * 500}, True),
    ({"reason": "spam", "note": "n" * 501}, False),
    ({"reason": "", "note": "Hm."}, False),
    ({"reason": "because", "note": ""}, False),
    ({"reason": "other"}, True),
])
def test_form_limits(client, approved_story, data, ok):
    response = client.post(f"/stories/{approved_story.slug}/report/", data)
    assert response.status_code == (200 if ok else 400)
    assert Report.objects.exists() == ok


def test_the_same_reporter_counts_once(client, approved_story):
    for _ in range(4):
        report(client, approved_story)
    approved_story.refresh_from_db()
    assert Report.objects.count() == 1 and approved_story.reports_count == 1
    assert approved_story.status == Status.APPROVED


@override_settings(REPORTS_TO_HIDE=3)
def test_distinct_reporters_crossing_the_threshold_hide_the_story(client, approved_story):
    report(client, approved_story, "198.51.100.1")
    report(client, approved_story, "198.51.100.2")
    report(client, approved_story, "198.51.100.2")
    approved_story.refresh_from_db()
    assert approved_story.status == Status.APPROVED and approved_story.reports_count == 2
    assert client.get(approved_story.get_absolute_url()).status_code == 200

    report(client, approved_story, "198.51.100.3")
    approved_story.refresh_from_db()
    assert approved_story.status == Status.HIDDEN
    event = approved_story.events.get()
    assert (event.actor, event.actor_label, event.action, event.from_status, event.to_status) == (
        None, "system", "auto_hide", "approved", "hidden")
    assert event.note == "3 readers reported this story."
    assert client.get(approved_story.get_absolute_url()).status_code == 404
    assert report(client, approved_story, "198.51.100.4").status_code == 404


@override_settings(REPORTS_TO_HIDE=1)
def test_the_threshold_comes_from_settings(client, approved_story):
    report(client, approved_story)
    approved_story.refresh_from_db()
    assert approved_story.status == Status.HIDDEN


@override_settings(REPORTS_TO_HIDE=2)
def test_reported_tab_then_restore_resolves_the_reports(client, moderator_client, approved_story, moderator):
    calm = StoryFactory(approved=True)
    report(client, approved_story, "198.51.100.1", note="Names my neighbour.")
    rows = moderator_client.get("/review/?tab=reported").context["rows"]
    assert [row.pk for row in rows] == [approved_story.pk]
    report(client, approved_story, "198.51.100.2")

    response = moderator_client.get("/review/?tab=reported")
    assert ("reported", "Reported", 1) in response.context["tabs"]
    assert ("hidden", "Hidden", 1) in response.context["tabs"]
    assert "2 reports" in response.content.decode()
    detail = moderator_client.get(f"/review/{approved_story.pk}/?tab=reported").content.decode()
    assert "Names my neighbour." in detail and "Hidden after reader reports" in detail

    moderator_client.post(f"/review/{approved_story.pk}/?tab=reported", {"action": "restore", "seen_status": "hidden"})
    approved_story.refresh_from_db()
    assert approved_story.status == Status.APPROVED
    assert not approved_story.reports.filter(resolved=False).exists()
    assert moderator_client.get("/review/?tab=reported").context["rows"] == []
    assert calm.reports_count == 0

    # Old reports stay resolved: it takes fresh reporters to hide it again.
    report(client, approved_story, "198.51.100.3")
    approved_story.refresh_from_db()
    assert approved_story.status == Status.APPROVED


@override_settings(REPORTS_TO_HIDE=1)
def test_rejecting_a_reported_story_takes_it_off_the_reported_tab(client, moderator_client, approved_story,
                                                                  moderator):
    report(client, approved_story)
    moderation.reject(approved_story, by=moderator, seen_status="hidden", reason="personal_data")
    assert moderator_client.get("/review/?tab=reported").context["rows"] == []


@override_settings(REPORT_RATE="2/h")
def test_reports_are_rate_limited_per_client(client, approved_story):
    others = StoryFactory.create_batch(3, approved=True)
    assert report(client, others[0]).status_code == 200
    assert report(client, others[1]).status_code == 200
    limited = report(client, others[2])
    assert limited.status_code == 429
    assert Report.objects.count() == 2
    assert report(client, others[2], "198.51.100.9").status_code == 200
    assert client.get(f"/stories/{approved_story.slug}/report/", REMOTE_ADDR="198.51.100.1").status_code == 200
