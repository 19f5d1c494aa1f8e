"""The submitter's email, status token and address hash never leave the staff side.

A story is shared through the form (so it has a real token and a real client hash), approved
and featured; then every public page, feed, sitemap, embed and API answer is searched for them.
"""

import logging
import re

import pytest
from django.core import mail

from stories import moderation
from stories import urls as stories_urls
from stories.log_filters import MaskPrivateLinks
from stories.models import Story

from .factories import StoryFactory
from .submitting import VALID, submit

pytestmark = pytest.mark.django_db

ADDRESS = "192.0.2.44"


@pytest.fixture
def shared(client, moderator):
    """(story, the secrets it holds): approved, featured, with a neighbour in its category."""
    story, token = submit(client, REMOTE_ADDR=ADDRESS)
    moderation.approve(story, by=moderator, seen_status=Story.Status.PENDING, featured=True)
    StoryFactory(approved=True, category=story.category, email="neighbour@example.org")
    StoryFactory(email="pending.person@example.org", title="A pending one")
    story.refresh_from_db()
    secrets = {
        "email": VALID["email"], "email local part": "jonas@", "token": token, "token hash": story.token_hash,
        "client hash": story.client_hash, "address": ADDRESS, "neighbour email": "neighbour@example.org",
        "pending email": "pending.person@example.org",
    }
    assert all(secrets.values())
    client.logout()
    return story, secrets


def public_urls(client, story):
    urls = [
        "/", "/?q=passport", "/?category=travel", "/?q=night+porter&category=travel", story.get_absolute_url(),
        f"{story.get_absolute_url()}report/", "/feed/", "/sitemap.xml", "/embed/", "/embed/?category=travel&limit=5",
        "/api/stories/", "/api/stories/?q=passport", "/api/stories/?category=travel&limit=1", "/about/", "/share/",
        "/robots.txt", "/healthz", "/my/lost-link/", "/stories/no-such-story/", "/share/thanks/",
    ]
    sitemap = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>https?://[^/]+(/sitemap-[^<]+)</loc>", sitemap)
    assert sections, sitemap
    return urls + [section.replace("&amp;", "&") for section in sections]


# Route names of stories.urls: the public ones are all fetched above (heart by POST below); the
# private ones are the submitter's own pages and the staff's.
CHECKED_ROUTES = {"gallery", "detail", "share", "thanks", "lost_link", "about", "healthz", "robots", "feed",
                  "sitemap", "sitemap_section", "embed", "api_stories", "report", "heart"}
PRIVATE_ROUTES = {"my_story", "withdraw", "review", "review_export", "review_story"}


def test_every_public_route_is_checked():
    """A new public URL fails here until it is added to the checks of this file."""
    names = {pattern.name for pattern in stories_urls.urlpatterns}
    assert names - PRIVATE_ROUTES == CHECKED_ROUTES


def everything_in(response):
    headers = "\n".join(f"{name}: {value}" for name, value in response.items())
    return f"{headers}\n{response.content.decode()}"


def test_no_public_answer_holds_a_private_detail(client, shared):
    story, secrets = shared
    seen = 0
    for url in public_urls(client, story):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        text = everything_in(response)
        for name, secret in secrets.items():
            assert secret not in text, f"{name} in {url}"
        seen += VALID["title"] in text
    assert seen >= 10  # the story itself is on those pages: the check looked where it matters


def test_the_api_lists_public_fields_only(client, shared):
    story, _ = shared
    [first, *_] = client.get("/api/stories/").json()["results"]
    assert set(first) == {"slug", "url", "title", "body", "category", "business", "place", "display_name",
                          "published_at", "hearts", "featured"}


def test_a_heart_answers_nothing_private(client, shared):
    story, secrets = shared
    response = client.post(f"{story.get_absolute_url()}heart/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert not any(secret in everything_in(response) for secret in secrets.values())


@pytest.mark.parametrize("query", [VALID["email"], "jonas example org", "neighbour@example.org"])
def test_searching_for_an_email_finds_nothing(client, shared, query):
    gallery = client.get("/", {"q": query}).content.decode()
    assert VALID["title"] not in gallery
    assert client.get("/api/stories/", {"q": query}).json()["results"] == []


def test_a_withdrawn_story_leaves_no_trace_in_public_answers(client, shared):
    story, secrets = shared
    old_url = story.get_absolute_url()
    client.post(f"/my/{secrets['token']}/withdraw/", {"seen_status": Story.Status.APPROVED})
    for url in [*public_urls(client, story), old_url]:
        text = everything_in(client.get(url))
        assert VALID["title"] not in text and story.slug not in text, url


def test_no_log_line_holds_an_email_or_a_token(client, caplog):
    caplog.set_level(logging.DEBUG)
    story, token = submit(client)
    client.get(f"/my/{token}/")
    client.post(f"/my/{token}/", {"action": "edit", "title": "", "seen_status": "pending"})
    client.get(f"/my/{token}x/")
    client.post("/my/lost-link/", {"email": VALID["email"]})
    new_token = re.search(r"/my/([\w-]{43,})/", mail.outbox[-1].body).group(1)
    client.post(f"/my/{new_token}/withdraw/", {"seen_status": "pending"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "/my/<token>" in logged  # the request lines were captured
    for secret in (VALID["email"], token, new_token, story.token_hash):
        assert secret not in logged


def test_the_log_filter_masks_a_link_whoever_logs_it():
    token = "A" * 43
    record = logging.LogRecord("django.server", logging.WARNING, __file__, 1, '"%s" %s %s',
                               (f"POST /my/{token}/ HTTP/1.1", 400, 1234), None)
    assert MaskPrivateLinks().filter(record)
    assert token not in record.getMessage() and record.getMessage() == '"POST /my/<token>/ HTTP/1.1" 400 1234'
    lost = logging.LogRecord("django.server", logging.INFO, __file__, 1, "GET /my/lost-link/ 200", None, None)
    MaskPrivateLinks().filter(lost)
    assert lost.getMessage() == "GET /my/lost-link/ 200"


def test_runserver_lines_pass_through_the_mask():
    """django.server writes the raw path of every 4xx in development: it must reach a masking handler."""
    logger, handlers = logging.getLogger("django.server"), []
    while logger:
        handlers += [h for h in logger.handlers if not type(h).__module__.startswith("_pytest")]
        logger = logger.parent if logger.propagate else None
    assert handlers and all(any(isinstance(f, MaskPrivateLinks) for f in h.filters) for h in handlers)
