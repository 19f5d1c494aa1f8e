"""With page caching on, every change is on every public page at the next request, and nothing
particular to one visitor is ever served from the cache."""

import gzip
import re

import pytest
from django.test import Client

from stories import moderation
from stories.models import Story
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/?category=healthcare", "/api/stories/", "/feed/", "/embed/", "/sitemap-stories.xml"]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def everywhere(client, story):
    """The public pages that show `story` (its own page included)."""
    pages = PUBLIC_PAGES + [story.get_absolute_url()]
    return {path for path in pages if story.slug in client.get(path).content.decode()}


def warm(client, story):
    for path in PUBLIC_PAGES + [story.get_absolute_url()]:
        client.get(path)


def test_an_approval_appears_at_the_next_request(client, moderator):
    StoryFactory(approved=True)
    story = StoryFactory()
    warm(client, story)
    assert everywhere(client, story) == set()
    moderation.approve(story, by=moderator, seen_status=Story.Status.PENDING)
    assert everywhere(client, story) == set(PUBLIC_PAGES) | {story.get_absolute_url()}


def test_hide_and_withdraw_disappear_at_the_next_request(client, moderator):
    hidden, withdrawn = StoryFactory(approved=True), StoryFactory(approved=True)
    warm(client, hidden)
    warm(client, withdrawn)
    assert len(everywhere(client, hidden)) == len(PUBLIC_PAGES) + 1
    moderation.hide(hidden, by=moderator, seen_status=Story.Status.APPROVED)
    moderation.withdraw(withdrawn, seen_status=Story.Status.APPROVED)
    assert everywhere(client, hidden) == set()
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(f"/stories/{withdrawn.slug}/").status_code == 404
    assert withdrawn.slug not in client.get("/api/stories/").content.decode()


def test_an_edit_shows_at_the_next_request(client, moderator):
    story = StoryFactory(approved=True, title="A tpyo in the title")
    warm(client, story)
    moderation.edit(story, by=moderator, title="A typo fixed", body=story.body)
    for path in PUBLIC_PAGES[:-1] + [story.get_absolute_url()]:
        page = client.get(path).content.decode()
        assert "A typo fixed" in page and ">A tpyo in the title" not in page, path


def test_one_visitors_heart_is_not_shown_to_another(approved_story):
    alice, bob = Client(), Client()
    alice.post(f"/stories/{approved_story.slug}/heart/")
    assert 'aria-pressed="true"' in alice.get(approved_story.get_absolute_url()).content.decode()
    page = bob.get(approved_story.get_absolute_url()).content.decode()
    assert 'aria-pressed="false"' in page and "You loved this story" not in page
    assert "1 reader loved this story" in page
    assert "Your heart is on this story" not in page


def test_csrf_tokens_are_per_visitor_on_a_cached_page(approved_story):
    def token(client):
        page = client.get(approved_story.get_absolute_url()).content.decode()
        form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return form_token, client.cookies["csrftoken"].value

    first, second = Client(), Client()
    (token_a, cookie_a), (token_b, cookie_b) = token(first), token(second)
    assert token_a != token_b and cookie_a != cookie_b
    assert first.post(f"/stories/{approved_story.slug}/heart/", {"csrfmiddlewaretoken": token_a}).status_code == 302


def test_messages_are_never_cached(client, approved_story):
    client.post(f"/stories/{approved_story.slug}/heart/")
    assert "Your heart is on this story" in client.get(approved_story.get_absolute_url()).content.decode()
    assert "Your heart is on this story" not in Client().get(approved_story.get_absolute_url()).content.decode()
    assert "Your heart is on this story" not in client.get(approved_story.get_absolute_url()).content.decode()


def test_a_category_renamed_in_the_admin_shows_at_the_next_request(client, approved_story):
    from django.contrib.auth.models import User

    assert "Healthcare" in client.get("/").content.decode()
    admin_user = User.objects.create_superuser("root", "root@example.org", "a-good-password-123")
    staff = Client()
    staff.force_login(admin_user)
    category = approved_story.category
    response = staff.post(f"/admin/stories/category/{category.pk}/change/",
                          {"name": "Pharmacies and clinics", "slug": category.slug, "order": category.order})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert "Pharmacies and clinics" in page and ">Healthcare<" not in page


def test_staff_links_are_never_served_from_an_anonymous_page(client, moderator_client, approved_story):
    # The anonymous copy is cached first and last: the moderator's page is never mixed with it.
    paths = ["/", approved_story.get_absolute_url()]
    anonymous = Client()
    for path in paths:
        assert 'href="/review/"' not in anonymous.get(path).content.decode()
        assert 'href="/review/"' in moderator_client.get(path).content.decode()
        assert 'href="/review/"' not in anonymous.get(path).content.decode()


def test_a_whole_cached_page_comes_compressed_once_and_plain_alike(approved_story):
    for path in ["/", "/api/stories/", approved_story.get_absolute_url()]:
        plain = Client().get(path)
        zipped = Client(HTTP_ACCEPT_ENCODING="gzip").get(path)
        again = Client(HTTP_ACCEPT_ENCODING="gzip").get(path)
        assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"], path
        without_tokens = [re.sub(rb'value="[^"]{64}"', b"", gzip.decompress(r.content)) for r in (zipped, again)]
        assert without_tokens[0] == without_tokens[1] == re.sub(rb'value="[^"]{64}"', b"", plain.content), path
    assert "Cookie" in Client().get("/")["Vary"]


def test_a_heart_given_with_javascript_shows_only_to_its_giver_on_the_cached_page(approved_story):
    alice, bob = Client(), Client()
    bob.get(approved_story.get_absolute_url())
    answer = alice.post(f"/stories/{approved_story.slug}/heart/", HTTP_ACCEPT="application/json")
    assert answer.json()["hearts"] == 1
    page = alice.get(approved_story.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in page and "1 reader loved this story" in page
    page = bob.get(approved_story.get_absolute_url()).content.decode()
    assert 'aria-pressed="false"' in page and "You loved this story" not in page
