import importlib
import os
import shutil

import pytest
from django.core.cache import cache

from .factories import ModeratorFactory, StoryFactory, UserFactory

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


TRANSACTIONAL = {"transactional_db", "live_server"}


@pytest.fixture(autouse=True)
def default_rows(request):
    """Give every transactional test the rows the data migrations make.

    Transactional tests empty every table when they end, so whichever ran before would otherwise
    leave the next one without categories or the Moderators group, depending on test order.
    """
    marker = request.node.get_closest_marker("django_db")
    if not (TRANSACTIONAL & set(request.fixturenames) or (marker and marker.kwargs.get("transaction"))):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    importlib.import_module("stories.migrations.0002_defaults").add_defaults(apps, None)


@pytest.fixture(autouse=True)
def fresh_cache():
    from stories import auth, public_cache, review_cache, search

    def clear():
        cache.clear()
        # What this process last read of the shared versions went with the cache.
        for version in (public_cache.PUBLIC, auth.PERMISSIONS, review_cache.QUEUE):
            version._seen = None
        # And the way each search was found suited the last test's stories.
        search._ways.clear()

    clear()
    yield
    clear()


@pytest.fixture
def moderator(db):
    return ModeratorFactory(username="maria")


@pytest.fixture
def other_moderator(db):
    return ModeratorFactory(username="tom")


@pytest.fixture
def plain_user(db):
    return UserFactory(username="reader")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def pending_story(db):
    return StoryFactory()


@pytest.fixture
def approved_story(db):
    return StoryFactory(approved=True)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright, or a skip (a failure under REQUIRE_BROWSER=1)."""
    if not os.path.exists(CHROMIUM):
        message = f"browser tests need Chromium at {CHROMIUM} (apt install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; the database calls of the test
    # itself are still synchronous and safe. Only the browser tests need Django told so.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    # Once Playwright's loop runs in this thread, Django keeps database handles per context, so
    # the tests get new handles without the snapshot that serialized_rollback restores from.
    snapshots = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            if snapshot is not None and not hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
