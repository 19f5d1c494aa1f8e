"""The embeddable wall (the only framable page) and the read-only JSON API."""

import datetime

import pytest
from django.utils import timezone

from stories import search
from stories.models import Category, Story
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

API_FIELDS = {"slug", "url", "title", "body", "category", "business", "place", "display_name", "published_at",
              "hearts", "featured"}


def stories_at(count, **fields):
    """`count` published stories one minute apart, newest last."""
    start = timezone.now() - datetime.timedelta(days=1)
    return [StoryFactory(approved=True, published_at=start + datetime.timedelta(minutes=n), **fields)
            for n in range(count)]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_the_embed_may_be_framed_by_the_allowed_origins_only(client, settings):
    response = client.get("/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert directives(response)["frame-ancestors"] == settings.EMBED_ALLOWED_ORIGINS
    assert "script-src" in directives(response)
    for other in ("/", "/api/stories/", "/feed/"):
        framed = client.get(other)
        assert framed["X-Frame-Options"] == "DENY"
        assert directives(framed)["frame-ancestors"] == ["'none'"]


def test_the_embed_shows_the_newest_stories_with_category_and_limit(client):
    travel = Category.objects.get(slug="travel")
    trips = stories_at(4, category=travel)
    others = stories_at(3)
    page = client.get("/embed/").content.decode()
    assert all(s.title in page for s in others + trips[1:]) and trips[0].title not in page  # six by default
    assert 'target="_blank"' in page and f'href="http://testserver{others[0].get_absolute_url()}"' in page
    two = client.get("/embed/", {"category": "travel", "limit": 2}).content.decode()
    assert [s.title in two for s in trips] == [False, False, True, True]
    assert all(s.title not in two for s in others)
    assert client.get("/embed/", {"limit": "lots"}).status_code == 200
    assert client.get("/embed/", {"category": "nope"}).status_code == 404


def test_the_embed_never_shows_unpublished_or_private_things(client):
    story = StoryFactory(approved=True)
    StoryFactory(title="Not yet published")
    page = client.get("/embed/").content.decode()
    assert story.title in page and "Not yet published" not in page and story.email not in page


def test_the_api_gives_exactly_the_public_fields(client):
    story = StoryFactory(approved=True, featured=True, hearts_count=4, display_name="")
    StoryFactory(title="Pending, not listed")
    response = client.get("/api/stories/")
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"results", "next"} and body["next"] is None
    [item] = body["results"]
    assert set(item) == API_FIELDS
    assert item == {
        "slug": story.slug, "url": f"http://testserver{story.get_absolute_url()}", "title": story.title,
        "body": story.body, "category": "healthcare", "business": story.business, "place": story.place,
        "display_name": "Anonymous", "published_at": story.published_at.isoformat(), "hearts": 4, "featured": True,
    }
    text = response.content.decode()
    for private in (story.email, story.token_hash, "client_hash", "signals", "status", "reports"):
        assert private not in text


def test_the_api_cursor_walks_every_story_once(client):
    stories = stories_at(7)
    seen, url, pages = [], "/api/stories/?limit=3", 0
    while url:
        body = client.get(url).json()
        seen += [item["slug"] for item in body["results"]]
        url = body["next"]
        pages += 1
    assert pages == 3 and seen == [s.slug for s in reversed(stories)]


def test_the_api_filters_by_category_and_searches(client):
    travel = Category.objects.get(slug="travel")
    trip = StoryFactory(approved=True, title="The conductor and my ticket", category=travel)
    StoryFactory(approved=True, title="The conductor of the choir")
    StoryFactory(approved=True, title="Another trip", category=travel)
    search.index_all(Story.objects.all())
    by_category = client.get("/api/stories/", {"category": "travel", "limit": 1}).json()
    assert by_category["results"][0]["category"] == "travel"
    assert "category=travel" in by_category["next"] and "limit=1" in by_category["next"]
    found = client.get("/api/stories/", {"q": "conductor", "category": "travel"}).json()
    assert [item["slug"] for item in found["results"]] == [trip.slug]


def test_the_api_caps_the_limit_at_one_hundred(client):
    category = Category.objects.get(slug="retail")
    now = timezone.now()
    Story.objects.bulk_create([
        Story(slug=f"story-{n}", title=f"Story {n}", body="Kind.", category=category, status=Story.Status.APPROVED,
              published_at=now - datetime.timedelta(seconds=n), token_hash=f"{n:064x}")
        for n in range(101)
    ])
    body = client.get("/api/stories/", {"limit": 500}).json()
    assert len(body["results"]) == 100 and "limit=100" in body["next"]


@pytest.mark.parametrize("params", [{"before": "garbage"}, {"before": "1-0"}, {"limit": "ten"}, {"limit": 0},
                                    {"limit": -3}])
def test_bad_api_parameters_are_a_400(client, params):
    response = client.get("/api/stories/", params)
    assert response.status_code == 400 and "error" in response.json()


def test_an_unknown_api_category_is_a_404(client):
    assert client.get("/api/stories/", {"category": "nope"}).status_code == 404
