"""A submitter in a real headless Chromium: share, keep the link, edit, withdraw; axe on each page."""

import pytest

from stories.models import Story

from .submitting import VALID

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def assert_accessible(page, label):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, f"{label}\n{results.generate_report()}"


def fill_the_form(page):
    page.fill("#id_title", VALID["title"])
    page.fill("#id_body", VALID["body"])
    page.select_option("#id_category", "travel")
    page.fill("#id_business", VALID["business"])
    page.fill("#id_place", VALID["place"])
    page.fill("#id_display_name", VALID["display_name"])
    page.fill("#id_email", VALID["email"])
    page.check("#id_consent_publish")
    page.check("#id_consent_names")


def test_share_follow_edit_and_withdraw(page, live_server):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    page.goto(f"{live_server.url}/share/")
    honeypot = page.locator("div:has(> div > #id_website), div:has(> #id_website)").first.bounding_box()
    assert honeypot["width"] <= 1 and honeypot["height"] <= 1  # out of sight, yet there for bots
    assert_accessible(page, "/share/")
    fill_the_form(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Share my story").click()
    assert page.url == f"{live_server.url}/share/thanks/"
    assert_accessible(page, "/share/thanks/ with the private link")
    status_url = page.locator("a.private-link").get_attribute("href")
    assert status_url.startswith(f"{live_server.url}/my/") and len(status_url.split("/")[-2]) >= 43

    page.goto(status_url)
    assert "Waiting for review" in page.locator(".status-panel").inner_text()
    assert page.input_value("#id_title") == VALID["title"] and page.input_value("#id_category") == "travel"
    assert_accessible(page, "/my/<token>/")
    page.fill("#id_title", "The porter who found my passport")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and send for review").click()
    assert "Your changes are saved" in page.locator(".alert-success").inner_text()
    story = Story.objects.get()
    assert story.title == "The porter who found my passport" and story.status == Story.Status.PENDING

    with page.expect_navigation():
        page.get_by_role("link", name="Withdraw my story").click()
    assert "Withdraw “The porter who found my passport”?" in page.locator("h1").inner_text()
    assert_accessible(page, "withdraw confirmation")
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, withdraw and erase it").click()
    assert page.url == status_url
    assert page.locator("h1").inner_text() == "Your story is withdrawn"
    story.refresh_from_db()
    assert story.status == Story.Status.WITHDRAWN and story.title == "" and story.email == ""
    assert errors == []


def test_form_errors_are_announced_and_accessible(page, live_server):
    page.goto(f"{live_server.url}/share/")
    page.fill("#id_title", VALID["title"])
    page.fill("#id_body", "Too short.")
    with page.expect_navigation():
        page.get_by_role("button", name="Share my story").click()
    assert page.locator("#id_body").get_attribute("aria-invalid") == "true"
    assert "at least 200 characters" in page.locator("#id_body_error").inner_text()
    assert page.input_value("#id_title") == VALID["title"]
    assert not Story.objects.exists()
    assert_accessible(page, "/share/ with errors")


@pytest.mark.parametrize("path", ["/about/", "/my/lost-link/"])
def test_the_other_submitter_pages_are_accessible(page, live_server, path):
    page.goto(f"{live_server.url}{path}")
    assert_accessible(page, path)
