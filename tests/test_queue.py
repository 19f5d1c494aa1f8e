"""The queue at /review/: tabs, filters, figures, bulk decisions, light edits, the CSV export."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from stories import moderation
from stories.models import Category, ModerationEvent, Report, Story
from stories.views import review
from stories.views.review import median_time_to_decision
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db
Status = Story.Status


def told(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def decision(story, by, *, wait, days_ago=1, to=Status.APPROVED, from_status=Status.PENDING):
    """A decision made `days_ago`, `wait` after the story was submitted."""
    decided = ago(days=days_ago)
    Story.objects.filter(pk=story.pk).update(submitted_at=decided - wait)
    return ModerationEvent.objects.create(story=story, actor=by, from_status=from_status, to_status=to,
                                          action="approve", created_at=decided)


def test_tabs_count_every_state(moderator_client):
    StoryFactory.create_batch(3)
    StoryFactory(status=Status.CHANGES_REQUESTED)
    StoryFactory.create_batch(2, approved=True)
    StoryFactory(status=Status.REJECTED)
    hidden = StoryFactory(status=Status.HIDDEN)
    Report.objects.create(story=hidden, reason="spam", reporter_key="a")
    Story.objects.filter(pk=hidden.pk).update(reports_count=1)
    StoryFactory(status=Status.WITHDRAWN)

    response = moderator_client.get("/review/")
    assert response.context["tabs"] == [
        ("pending", "Pending", 3), ("changes_requested", "Changes requested", 1), ("reported", "Reported", 1),
        ("approved", "Approved", 2), ("rejected", "Rejected", 1), ("hidden", "Hidden", 1),
    ]
    assert len(response.context["rows"]) == 3
    assert len(moderator_client.get("/review/?tab=approved").context["rows"]) == 2
    assert moderator_client.get("/review/?tab=nonsense").context["view"].tab == "pending"


def test_rows_show_title_excerpt_age_and_signals(moderator_client):
    StoryFactory(title="A <b>bold</b> clerk", signals={"link": True, "phone": True},
                 submitted_at=ago(days=3))
    page = moderator_client.get("/review/").content.decode()
    assert "A &lt;b&gt;bold&lt;/b&gt; clerk" in page
    assert "The pharmacy was about to close" in page
    assert "3\xa0days" in page
    assert "Phone number in text" in page and "Link in text" in page
    assert 'src="/static/js/review.js"' in page and "/static/css/review.css" in page
    assert "<kbd>a</kbd> approve" in page


def test_pending_is_oldest_first_and_decided_tabs_newest_first(moderator_client):
    old, new = StoryFactory(submitted_at=ago(days=2)), StoryFactory(submitted_at=ago(hours=1))
    assert [row.pk for row in moderator_client.get("/review/").context["rows"]] == [old.pk, new.pk]
    Story.objects.update(status=Status.APPROVED)
    assert [row.pk for row in moderator_client.get("/review/?tab=approved").context["rows"]] == [new.pk, old.pk]


def test_filters_by_category_and_signal(moderator_client):
    retail = Category.objects.get(slug="retail")
    shop_link = StoryFactory(category=retail, signals={"link": True})
    shop_plain = StoryFactory(category=retail)
    StoryFactory(signals={"link": True})

    def shown(query):
        return {row.pk for row in moderator_client.get(f"/review/?{query}").context["rows"]}

    assert shown("category=retail") == {shop_link.pk, shop_plain.pk}
    assert len(shown("signal=link")) == 2 and shop_link.pk in shown("signal=link")
    assert shown("category=retail&signal=link") == {shop_link.pk}
    assert shown("category=no-such-thing") == set()
    assert len(shown("signal=bogus")) == 3
    page = moderator_client.get("/review/?category=retail&signal=link").content.decode()
    assert f'href="/review/{shop_link.pk}/?category=retail&amp;signal=link"' in page
    assert 'href="?tab=approved&amp;category=retail&amp;signal=link"' in page


def test_header_figures(moderator_client, moderator):
    StoryFactory(submitted_at=ago(days=5, hours=1))
    StoryFactory(submitted_at=ago(hours=2))
    for hours in (1, 3, 10):
        decision(StoryFactory(approved=True), moderator, wait=timedelta(hours=hours))
    decision(StoryFactory(approved=True), moderator, wait=timedelta(hours=100), days_ago=40)
    decision(StoryFactory(status=Status.HIDDEN), moderator, wait=timedelta(hours=90), from_status=Status.APPROVED,
             to=Status.HIDDEN)
    decision(StoryFactory(status=Status.HIDDEN), None, wait=timedelta(hours=80))

    assert median_time_to_decision() == timedelta(hours=3)
    response = moderator_client.get("/review/")
    assert response.context["pending_count"] == 2
    assert response.context["median_wait"] == "3\xa0hours"
    page = response.content.decode()
    assert "5\xa0days" in page and "3\xa0hours" in page


def test_median_of_an_even_count_and_of_nothing(moderator):
    assert median_time_to_decision() is None
    for hours in (1, 3):
        decision(StoryFactory(approved=True), moderator, wait=timedelta(hours=hours))
    assert median_time_to_decision() == timedelta(hours=2)


def test_empty_queue_says_so(moderator_client):
    response = moderator_client.get("/review/")
    page = response.content.decode()
    assert "The queue is clear" in page and response.context["oldest_pending"] is None
    assert "no decisions yet" in page


def test_bulk_approve_with_stories_already_handled(moderator_client, other_moderator):
    first, taken, refused, last = (StoryFactory(submitted_at=ago(minutes=10 - i)) for i in range(4))
    moderation.approve(taken, by=other_moderator, seen_status="pending")
    moderation.reject(refused, by=other_moderator, seen_status="pending", reason="spam")

    response = moderator_client.post("/review/", {
        "action": "approve", "seen_status": "pending", "ids": [first.pk, taken.pk, refused.pk, last.pk, "junk"],
    })
    assert response.status_code == 302 and response.url == "/review/"
    assert told(response) == [
        "Approved 2 stories. 0 stories are still pending.",
        f"2 stories were already handled: “{taken.title}” (tom: approved); “{refused.title}” (tom: rejected).",
    ]
    for story, status, actors in [(first, Status.APPROVED, ["maria"]), (taken, Status.APPROVED, ["tom"]),
                                  (refused, Status.REJECTED, ["tom"]), (last, Status.APPROVED, ["maria"])]:
        story.refresh_from_db()
        assert story.status == status
        assert list(story.events.values_list("actor__username", flat=True)) == actors


def test_bulk_reject_with_a_reason_and_a_repeat_says_you(moderator_client):
    stories = StoryFactory.create_batch(3)
    ids = [story.pk for story in stories]
    response = moderator_client.post("/review/?category=healthcare", {
        "action": "reject", "seen_status": "pending", "reason": "duplicate", "ids": ids[:2],
    })
    assert response.url == "/review/?category=healthcare"
    assert told(response) == ["Rejected 2 stories. 1 story is still pending."]
    assert set(Story.objects.filter(pk__in=ids[:2]).values_list("status", flat=True)) == {Status.REJECTED}
    assert set(ModerationEvent.objects.values_list("reason", flat=True)) == {"duplicate"}

    again = moderator_client.post("/review/", {"action": "reject", "seen_status": "pending", "ids": ids[:1]})
    assert told(again)[-1:] == [f"1 story was already handled: “{stories[0].title}” (you: rejected)."]


@pytest.mark.parametrize(("data", "error"), [
    ({"action": "approve"}, "Tick at least one story first."),
    ({"action": "approve", "ids": ["x", ""]}, "Tick at least one story first."),
    ({"action": "hide", "ids": ["1"]}, "Choose approve or reject for the ticked stories."),
    ({"ids": ["1"]}, "Choose approve or reject for the ticked stories."),
    ({"action": "approve", "ids": [str(n) for n in range(10**6, 10**6 + 101)]}, "Tick at most 100 stories at once."),
    ({"action": "reject", "ids": ["1"], "reason": "because"}, "Choose a reason for rejecting this story."),
    ({"action": "approve", "ids": ["1"], "seen_status": "bogus"},
     "The page was out of date; here is the queue as it is now."),
])
def test_bulk_refuses_what_it_cannot_do(moderator_client, data, error):
    story = StoryFactory()
    data = {**data, "ids": [str(story.pk) if value == "1" else value for value in data.get("ids", [])]}
    response = moderator_client.post("/review/", data)
    assert response.status_code == 302
    assert told(response) == [error]
    story.refresh_from_db()
    assert story.status == Status.PENDING


def test_bulk_at_the_limit_is_fine(moderator_client):
    stories = StoryFactory.create_batch(100)
    response = moderator_client.post("/review/", {"action": "approve", "ids": [s.pk for s in stories]})
    assert told(response) == ["Approved 100 stories. 0 stories are still pending."]


def test_after_a_decision_the_next_story_of_the_same_filter_opens(moderator_client):
    retail = Category.objects.get(slug="retail")
    first = StoryFactory(category=retail, submitted_at=ago(hours=3))
    StoryFactory(submitted_at=ago(hours=2))
    second = StoryFactory(category=retail, submitted_at=ago(hours=1))

    page = moderator_client.get(f"/review/{first.pk}/?category=retail")
    assert page.context["position"] == 1 and page.context["tab_total"] == 2
    assert f'href="/review/{second.pk}/?category=retail" data-key="j"' in page.content.decode()

    response = moderator_client.post(f"/review/{first.pk}/?category=retail",
                                     {"action": "approve", "seen_status": "pending"})
    assert response.url == f"/review/{second.pk}/?category=retail"
    assert told(response) == [f"Approved and published: “{first.title}”. 1 left in this tab."]
    response = moderator_client.post(f"/review/{second.pk}/?category=retail",
                                     {"action": "request_changes", "seen_status": "pending", "note": "Shorter."})
    assert response.url == "/review/?category=retail"


def test_light_edit_is_recorded_with_what_changed(moderator_client):
    story = StoryFactory(title="The nurse who sang")
    new_body = story.body.replace("Story number", "Story no.")
    response = moderator_client.post(f"/review/{story.pk}/", {
        "action": "edit", "title": "The nurse who sang to my mother", "body": new_body,
    })
    assert response.status_code == 302 and response.url == f"/review/{story.pk}/"
    story.refresh_from_db()
    assert story.title == "The nurse who sang to my mother" and story.status == Status.PENDING
    event = story.events.get()
    assert (event.action, event.actor.username, event.from_status, event.to_status) == (
        "edit", "maria", "pending", "pending")
    assert event.note == ("title: “The nurse who sang” → “The nurse who sang to my mother”; "
                          "text: “number” → “no.”")
    assert "The nurse who sang to my mother" in moderator_client.get(f"/review/{story.pk}/").content.decode()


@pytest.mark.parametrize(("title", "body_length", "ok"), [
    ("T" * 120, 5000, True), ("T" * 121, 300, False), ("Fine", 5001, False), ("", 300, False), ("Fine", 0, False),
])
def test_light_edit_limits(moderator_client, title, body_length, ok):
    story = StoryFactory()
    response = moderator_client.post(f"/review/{story.pk}/", {"action": "edit", "title": title,
                                                              "body": "b" * body_length})
    assert response.status_code == (302 if ok else 400)
    assert story.events.exists() == ok


def test_decision_note_limit(moderator_client):
    story = StoryFactory()
    response = moderator_client.post(f"/review/{story.pk}/", {"action": "request_changes", "seen_status": "pending",
                                                              "note": "n" * 1001})
    assert told(response) == ["Keep the note under 1000 characters."]
    moderator_client.post(f"/review/{story.pk}/", {"action": "request_changes", "seen_status": "pending",
                                                   "note": "n" * 1000})
    story.refresh_from_db()
    assert story.status == Status.CHANGES_REQUESTED


def test_csv_export_has_approved_stories_and_their_public_fields(moderator_client):
    StoryFactory(approved=True, title="=HYPERLINK(\"http://evil\")", display_name="", featured=True)
    older = StoryFactory(approved=True, title="Kind, \"quoted\"\nand multi-line", published_at=ago(days=2))
    StoryFactory(title="Still pending")
    StoryFactory(status=Status.HIDDEN, title="Hidden one")

    response = moderator_client.get("/review/export.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="stories-')
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["title"] for row in rows] == ["Kind, \"quoted\"\nand multi-line", "'=HYPERLINK(\"http://evil\")"]
    assert rows[0]["url"] == f"http://testserver/stories/{older.slug}/"
    assert rows[0]["category"] == "Healthcare" and rows[0]["business"] == "Corner Pharmacy"
    assert rows[0]["display_name"] == "Amira" and rows[1]["display_name"] == "Anonymous"
    assert rows[1]["featured"] == "yes" and rows[0]["published_at"].startswith(older.published_at.date().isoformat())
    assert "@example.org" not in text and "Still pending" not in text and "Hidden one" not in text
    assert list(rows[0]) == ["slug", "url", "title", "body", "category", "business", "place", "happened_on",
                             "display_name", "featured", "hearts", "submitted_at", "published_at"]


def test_csv_export_is_for_moderators_only(client, plain_user):
    assert client.get("/review/export.csv").status_code == 302
    client.force_login(plain_user)
    assert client.get("/review/export.csv").status_code == 403
    assert client.post("/review/export.csv").status_code == 403


def queue_with(count, moderator):
    stories = StoryFactory.create_batch(count, signals={"link": True})
    StoryFactory.create_batch(count, approved=True, signals={"link": True})
    decision(StoryFactory(approved=True), moderator, wait=timedelta(hours=2))
    Report.objects.create(story=StoryFactory(approved=True, reports_count=1), reason="spam", reporter_key="k")
    return stories


@pytest.mark.parametrize("count", [5, 40])
@pytest.mark.parametrize("query", ["", "?tab=reported", "?tab=approved&category=healthcare&signal=link&page=2"])
def test_queue_queries_do_not_grow_with_the_page(moderator_client, moderator, django_assert_num_queries,
                                                 count, query):
    queue_with(count, moderator)
    moderator_client.get(f"/review/{query}")
    # The first view above left the median wait in the cache for a minute, the figures until the
    # queue changes and the moderator's permissions until they change: the session, the user and
    # the rows.
    with django_assert_num_queries(3):
        response = moderator_client.get(f"/review/{query}")
    assert response.status_code == 200


def test_kept_figures_change_with_every_submission_move_and_report(moderator_client, moderator, client):
    from tests.submitting import submit

    def tabs():
        response = moderator_client.get("/review/")
        return {key: count for key, _, count in response.context["tabs"]}, response.context["rows"]

    StoryFactory.create_batch(2)
    published = StoryFactory(approved=True)
    assert tabs()[0]["pending"] == 2
    submit(client)
    counts, rows = tabs()
    assert counts["pending"] == 3 and len(rows) == 3
    waiting = Story.objects.pending().first()
    moderation.approve(waiting, by=moderator, seen_status="pending")
    assert tabs()[0]["pending"] == 2 and tabs()[0]["approved"] == 2
    assert tabs()[0]["reported"] == 0
    moderation.count_report(published, reason="privacy", note="", reporter_key="k1", threshold=3)
    assert tabs()[0]["reported"] == 1


def test_tab_counts_stop_past_the_cap(moderator_client, monkeypatch):
    monkeypatch.setattr(review, "TAB_COUNT_CAP", 3)
    StoryFactory.create_batch(4)
    StoryFactory.create_batch(3, approved=True)
    response = moderator_client.get("/review/")
    tabs = {key: count for key, _, count in response.context["tabs"]}
    assert tabs["pending"] == "3+" and response.context["pending_count"] == "3+"
    assert tabs["approved"] == 3 and tabs["rejected"] == 0


def test_story_page_queries_do_not_grow_with_its_history(moderator_client, moderator, django_assert_num_queries):
    story = StoryFactory()
    moderator_client.get(f"/review/{story.pk}/")
    with django_assert_num_queries(10) as short:
        moderator_client.get(f"/review/{story.pk}/")
    for n in range(20):
        moderation.edit(story, by=moderator, title=f"Title {n}", body=story.body)
        Report.objects.create(story=story, reason="spam", reporter_key=f"k{n}")
    with django_assert_num_queries(len(short.captured_queries)):
        moderator_client.get(f"/review/{story.pk}/")


@pytest.mark.parametrize("delta", [
    timedelta(seconds=20), timedelta(minutes=1), timedelta(minutes=59), timedelta(hours=1, minutes=5),
    timedelta(hours=23), timedelta(days=1), timedelta(days=3, hours=2), timedelta(days=6, hours=23),
    timedelta(days=8), timedelta(days=15, hours=5),
])
def test_queue_ages_read_as_djangos_timesince_up_to_four_weeks(delta):
    from django.utils.timesince import timesince

    from stories.templatetags.review_tags import age

    now = timezone.now()
    assert age(now - delta, now) == timesince(now - delta, now)
