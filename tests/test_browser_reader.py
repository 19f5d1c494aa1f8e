"""The reader's side in a real headless Chromium: share, approve, find, heart, share onward; axe-core on each page."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command

from stories.models import Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
BODY = (
    "My bicycle chain snapped on the way to a job interview, three kilometres from the office. "
    "The mechanic at a tiny repair stand near the river saw me running past with the bike, called me "
    "back, fixed the chain in four minutes and refused to take a cent. He even wiped the grease off my "
    "hands with a clean rag so I would not shake hands with a black palm. I got the job."
)


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def watch_errors(page):
    """Collect script errors and CSP refusals, which Chromium reports on the console."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    return errors


def test_share_approve_find_heart_and_share_onward(browser, live_server, moderator):
    reader = browser.new_context(viewport={"width": 1280, "height": 900})
    reader.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = reader.new_page()
    errors = watch_errors(page)

    page.goto(f"{live_server.url}/share/")
    assert_accessible(page)
    page.fill("#id_title", "The bicycle mechanic by the river")
    page.fill("#id_body", BODY)
    page.select_option("#id_category", "retail")
    page.fill("#id_place", "Ghent")
    page.fill("#id_display_name", "Lotte")
    page.check("#id_consent_publish")
    page.check("#id_consent_names")
    with page.expect_navigation():
        page.click("form.share-form [type=submit]")
    assert page.url == f"{live_server.url}/share/thanks/"
    assert_accessible(page)
    story = Story.objects.get(title="The bicycle mechanic by the river")

    staff = browser.new_context()
    desk = staff.new_page()
    desk.goto(f"{live_server.url}/accounts/login/?next=/review/{story.pk}/")
    desk.fill("#id_username", moderator.username)
    desk.fill("#id_password", "a-good-password-123")
    with desk.expect_navigation():
        desk.click("form [type=submit]")
    with desk.expect_navigation():
        desk.click("button[name=action][value=approve]")
    staff.close()
    story.refresh_from_db()
    assert story.status == Story.Status.APPROVED

    page.goto(f"{live_server.url}/")
    assert_accessible(page)
    page.fill("#search-q", "mechanic river")
    with page.expect_navigation():
        page.press("#search-q", "Enter")
    with page.expect_navigation():
        page.click("text=The bicycle mechanic by the river")
    story_url = f"{live_server.url}/stories/{story.slug}/"
    assert page.url == story_url
    assert_accessible(page)

    # The heart counts in place: no navigation, the count and the button change.
    page.click("button.btn-heart")
    page.wait_for_selector("text=1 reader loved this story")
    assert page.url == story_url
    assert page.get_attribute("button.btn-heart", "aria-pressed") == "true"
    assert Story.objects.get(pk=story.pk).hearts_count == 1

    page.click("text=Copy link")
    page.wait_for_selector("text=Copied!")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == story_url
    friend = browser.new_page()
    friend.goto(copied)
    assert friend.locator("h1").inner_text() == "The bicycle mechanic by the river"
    assert "1 reader loved this story" in friend.content()
    assert friend.get_attribute("button.btn-heart", "aria-pressed") == "false"
    friend.close()
    reader.close()
    assert errors == []


def test_the_gallery_on_a_phone_and_a_desktop(browser, live_server):
    call_command("load_demo_stories", verbosity=0)
    ARTIFACTS.mkdir(exist_ok=True)
    for width, height in ((390, 844), (1440, 900)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        errors = watch_errors(page)
        page.goto(f"{live_server.url}/")
        assert page.locator(".story-card").count() >= 9
        # Nothing sticks out sideways on a small screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert_accessible(page)
        page.screenshot(path=ARTIFACTS / f"gallery-{width}x{height}.png", full_page=True)
        context.close()
        assert errors == []
