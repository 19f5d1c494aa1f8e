"""Hearts: one per visitor per story, no login, counted once however often or at once it is sent."""

import threading

import pytest
from django.db import connection
from django.test import Client

from stories.models import Heart, Story
from stories.views import hearts
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def heart_url(story):
    return f"/stories/{story.slug}/heart/"


def count(story):
    return Story.objects.get(pk=story.pk).hearts_count


def test_without_javascript_the_form_posts_and_comes_back(client, approved_story):
    response = client.post(heart_url(approved_story))
    assert response.status_code == 302 and response.url == f"{approved_story.get_absolute_url()}#heart"
    assert hearts.VISITOR_COOKIE in response.cookies and response.cookies[hearts.VISITOR_COOKIE]["httponly"]
    assert count(approved_story) == 1
    page = client.get(response.url).content.decode()
    assert "data-heart-status>Thank you! Your heart is on this story.</p>" in page
    assert 'aria-pressed="true"' in page and "1 reader loved this story" in page


def test_with_javascript_the_answer_is_json(client, approved_story):
    response = client.post(heart_url(approved_story), **JSON)
    assert response.json() == {"hearts": 1, "hearted": True, "added": True}
    again = client.post(heart_url(approved_story), **JSON)
    assert again.json() == {"hearts": 1, "hearted": True, "added": False}


def test_a_visitor_counts_once_and_another_visitor_counts_too(client, approved_story):
    for _ in range(3):
        client.post(heart_url(approved_story))
    assert count(approved_story) == 1 and Heart.objects.count() == 1
    Client().post(heart_url(approved_story))
    assert count(approved_story) == 2
    page = client.get(approved_story.get_absolute_url()).content.decode()
    assert "You have already given this story a heart." in page


def test_the_database_keeps_a_hash_not_the_cookie(client, approved_story):
    response = client.post(heart_url(approved_story))
    signed = response.cookies[hearts.VISITOR_COOKIE].value
    stored = Heart.objects.get().visitor_key
    assert len(stored) == 64 and stored not in signed and signed.split(":")[0] not in stored


def test_a_forged_cookie_is_a_new_visitor(client, approved_story):
    client.cookies[hearts.VISITOR_COOKIE] = "someone-else:forged"
    response = client.post(heart_url(approved_story))
    assert response.status_code == 302 and response.cookies[hearts.VISITOR_COOKIE].value != "someone-else:forged"
    assert count(approved_story) == 1


def test_only_published_stories_take_hearts(client):
    pending = StoryFactory()
    assert client.post(heart_url(pending)).status_code == 404
    assert client.post("/stories/nothing-here/heart/").status_code == 404
    assert count(pending) == 0


def test_a_heart_is_a_post_behind_csrf(approved_story):
    strict = Client(enforce_csrf_checks=True)
    assert strict.get(heart_url(approved_story)).status_code == 405
    assert strict.post(heart_url(approved_story)).status_code == 403
    page = strict.get(approved_story.get_absolute_url()).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert strict.post(heart_url(approved_story), {"csrfmiddlewaretoken": token}).status_code == 302
    assert count(approved_story) == 1


def test_hearts_are_rate_limited(settings):
    settings.HEART_RATE = "3/m"
    stories = StoryFactory.create_batch(5, approved=True)
    answers = [Client().post(heart_url(story)).status_code for story in stories[:3]]
    assert answers == [302, 302, 302]
    blocked = Client().post(heart_url(stories[3]))
    assert blocked.status_code == 429 and b"breather" in blocked.content
    as_json = Client().post(heart_url(stories[4]), **JSON)
    assert as_json.status_code == 429 and "error" in as_json.json()
    assert count(stories[3]) == 0 and count(stories[4]) == 0


def test_a_heart_keeps_the_cache_and_shows_at_once_on_the_story_page(client, settings, approved_story):
    settings.PAGE_CACHE_SECONDS = 300
    one_heart = "1<span class=\"visually-hidden\"> heart</span>"
    assert one_heart not in client.get("/").content.decode()
    assert "Be the first" in Client().get(approved_story.get_absolute_url()).content.decode()
    client.post(heart_url(approved_story))
    # Cards may lag by up to PAGE_CACHE_SECONDS; the story page's count is live for everyone.
    assert one_heart not in client.get("/").content.decode()
    assert "1 reader loved this story" in client.get(approved_story.get_absolute_url()).content.decode()
    page = Client().get(approved_story.get_absolute_url()).content.decode()
    assert "1 reader loved this story" in page and 'aria-pressed="false"' in page
    settings.PAGE_CACHE_SECONDS = 0
    assert one_heart in client.get("/").content.decode()


def in_own_connection(work):
    """Run `work` in a thread with its own, autocommitting database connection, and return its result."""
    result = []

    def run():
        try:
            result.append(work())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writes: no race to lose")
@pytest.mark.parametrize("same_visitor", [True, False])
def test_concurrent_hearts_are_counted_exactly(same_visitor):
    # The story is committed from its own connection, so the racing threads see it without a
    # transactional test (whose flush would empty the categories for the tests after it).
    story = in_own_connection(lambda: StoryFactory(approved=True))
    threads_count = 8
    barrier = threading.Barrier(threads_count)
    results = []

    def give(n):
        try:
            barrier.wait()
            results.append(hearts.give_heart(story, "the-same-visitor" if same_visitor else f"visitor-{n}")[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=give, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        expected = 1 if same_visitor else threads_count
        assert results.count(True) == expected and count(story) == expected
        assert Heart.objects.filter(story=story).count() == expected
    finally:
        in_own_connection(lambda: Story.objects.filter(pk=story.pk).delete())
