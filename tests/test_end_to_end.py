"""The whole path: a visitor shares, a moderator approves, a reader finds it."""

import re

import pytest
from django.core import mail

from stories.models import Category, Story
from tests.factories import StoryFactory
from tests.submitting import VALID, form_stamp

pytestmark = pytest.mark.django_db

def share(client, **changes):
    return client.post("/share/", {**VALID, "started": form_stamp(client), **changes})


def test_share_moderate_publish_browse(client, moderator):
    response = share(client)
    assert response.status_code == 302 and response.url == "/share/thanks/"
    thanks = client.get("/share/thanks/").content.decode()
    status_path = re.search(r"https?://[^/]+(/my/[\w-]+/)", thanks).group(1)

    story = Story.objects.get(title=VALID["title"])
    assert story.status == Story.Status.PENDING
    assert story.happened_on.isoformat() == "2025-03-01"
    assert story.email == "jonas@example.org" and story.client_hash and story.token_hash
    assert status_path.split("/")[2] not in story.token_hash
    assert list(story.events.values_list("action", flat=True)) == ["submit"]

    assert VALID["title"] not in client.get("/").content.decode()
    assert client.get(story.get_absolute_url()).status_code == 404
    assert "Waiting for review" in client.get(status_path).content.decode()

    client.force_login(moderator)
    queue = client.get("/review/").content.decode()
    assert VALID["title"] in queue
    detail = client.get(f"/review/{story.pk}/").content.decode()
    assert "jonas@example.org" in detail
    response = client.post(f"/review/{story.pk}/", {"action": "approve", "seen_status": "pending"})
    assert response.status_code == 302
    client.logout()

    gallery = client.get("/").content.decode()
    assert VALID["title"] in gallery
    page = client.get(story.get_absolute_url()).content.decode()
    assert "I still think of him every time I travel." in page
    assert "jonas@example.org" not in page and "jonas@example.org" not in gallery
    assert "Published!" in client.get(status_path).content.decode()
    subjects = [m.subject for m in mail.outbox]
    assert any("Thank you for your story" in s for s in subjects)
    assert any("published" in s for s in subjects)


def test_thanks_link_is_shown_once(client):
    share(client)
    first = client.get("/share/thanks/").content.decode()
    assert "/my/" in first
    assert "/my/" not in client.get("/share/thanks/").content.decode().replace("/my/lost-link/", "")


def test_category_filter_and_cursor_pagination(client):
    stories = [StoryFactory(approved=True) for _ in range(15)]
    travel = StoryFactory(
        approved=True, title="A train guard and his kindness", category=Category.objects.get(slug="travel")
    )
    first = client.get("/").content.decode()
    assert stories[-1].title in first and stories[0].title not in first
    older = re.search(r'href="\?before=([^"]+)"', first).group(1)
    second = client.get(f"/?before={older}").content.decode()
    assert stories[0].title in second and stories[-1].title not in second
    assert "Newer stories" in second
    filtered = client.get("/?category=travel").content.decode()
    assert travel.title in filtered and stories[0].title not in filtered
    assert client.get("/?category=nope").status_code == 404
    assert client.get("/?before=not-a-cursor").status_code == 400
    assert client.get("/?before=99999999999999999999999-1").status_code == 400


def test_featured_stories_lead_the_gallery(client):
    StoryFactory(approved=True, featured=True, title="A featured one")
    page = client.get("/").content.decode()
    assert "Featured stories" in page and "A featured one" in page


def test_empty_gallery_invites_to_share(client):
    page = client.get("/").content.decode()
    assert "No stories here yet" in page and 'href="/share/"' in page


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["database"] == "ok"


def test_paragraphs_are_kept_and_html_is_escaped(client):
    story = StoryFactory(approved=True, body="First <b>bold</b> part.\n\nSecond <script>alert(1)</script> part. " * 3)
    page = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert page.count("<p>First &lt;b&gt;") >= 1
