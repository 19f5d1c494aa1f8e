"""The queue in a real headless Chromium: a moderator clears it with the keyboard alone."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import Story
from tests.factories import StoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
Status = Story.Status


@pytest.fixture
def pending_five(db):
    now = timezone.now()
    return [
        StoryFactory(title=f"Queue story {n}", submitted_at=now - timedelta(hours=10 - n),
                     signals={"link": True} if n == 2 else {})
        for n in range(5)
    ]


def sign_in(page, live_server, moderator):
    page.goto(f"{live_server.url}/review/")
    assert "/accounts/login/" in page.url
    page.fill("#id_username", moderator.username)
    page.fill("#id_password", "a-good-password-123")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/review/")


def press(page, key, *, expect_story=None):
    with page.expect_navigation():
        page.keyboard.press(key)
    if expect_story is not None:
        assert page.locator("h1").inner_text() == expect_story.title


def test_clear_the_queue_with_the_keyboard(page, live_server, moderator, pending_five):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    sign_in(page, live_server, moderator)
    started = time.monotonic()
    first, second, third, fourth, fifth = pending_five

    # The queue: j/k move between rows, ? lists the keys, Enter opens the current story.
    assert page.locator("#keys-hint").is_visible()
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.textContent") == first.title
    page.keyboard.press("?")
    assert page.locator("#keys-help").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#keys-help").is_visible()
    press(page, "Enter", expect_story=first)

    # j/k walk the tab without deciding; a approves and opens the next story.
    press(page, "j", expect_story=second)
    press(page, "k", expect_story=first)
    press(page, "a", expect_story=second)
    assert "Approved and published" in page.locator(".alert-success").inner_text()
    assert "1 of 4 in pending" in page.locator("#queue-position").inner_text()

    # r focuses the reason; choose one, leave a note, Enter sends it.
    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.id") == "reject-reason"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.type("Thank you, but links cannot be published.")
    press(page, "Enter", expect_story=third)

    # c focuses the note for the submitter; Enter sends it.
    page.keyboard.press("c")
    assert page.evaluate("document.activeElement.id") == "changes-note"
    page.keyboard.type("Please leave out the shop assistant's surname.")
    press(page, "Enter", expect_story=fourth)

    # ? shows the keys on a story page too; Escape closes the list, then approve the last two.
    page.keyboard.press("?")
    assert page.locator("#keys-help").is_visible()
    page.keyboard.press("Escape")
    press(page, "a", expect_story=fifth)
    press(page, "a")
    elapsed = time.monotonic() - started

    assert page.url == f"{live_server.url}/review/"
    assert "The queue is clear" in page.content()
    statuses = {story.title: story.status for story in Story.objects.all()}
    assert statuses == {
        first.title: Status.APPROVED, second.title: Status.REJECTED, third.title: Status.CHANGES_REQUESTED,
        fourth.title: Status.APPROVED, fifth.title: Status.APPROVED,
    }
    rejected = Story.objects.get(pk=second.pk).events.get()
    assert (rejected.reason, rejected.note) == ("personal_data", "Thank you, but links cannot be published.")
    assert Story.objects.get(pk=third.pk).moderator_note == "Please leave out the shop assistant's surname."
    assert errors == []
    print(f"\nfive stories cleared by keyboard in {elapsed:.1f} s")


def test_bulk_approve_from_the_queue_with_the_keyboard(page, live_server, moderator, pending_five):
    sign_in(page, live_server, moderator)
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("x")
    press(page, "a")
    assert "Approved 2 stories. 3 stories are still pending." in page.locator(".alert-success").inner_text()
    approved = set(Story.objects.filter(status=Status.APPROVED).values_list("pk", flat=True))
    assert approved == {pending_five[0].pk, pending_five[2].pk}


def test_no_accessibility_violations_on_the_review_pages(page, live_server, moderator, pending_five):
    from axe_playwright_python.sync_playwright import Axe

    published = StoryFactory(approved=True, reports_count=2)
    sign_in(page, live_server, moderator)
    axe = Axe()
    for path in ["/review/", "/review/?tab=approved", f"/review/{pending_five[2].pk}/", f"/review/{published.pk}/",
                 f"/stories/{published.slug}/report/"]:
        page.goto(f"{live_server.url}{path}")
        results = axe.run(page)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"
    page.keyboard.press("?")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
