"""The gallery's page around its cards is rendered once per process for signed-out readers
without a message (stories.shells); every reader must still get exactly their own page."""

import pytest
from django.test import Client, RequestFactory

from stories import shells
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    # With page caching on, an anonymous gallery comes whole from the cache instead.
    settings.PAGE_CACHE_SECONDS = 0


def title(page):
    return page.split("<title>", 1)[1].split("</title>", 1)[0]


def test_each_kind_of_gallery_page_keeps_its_own_title_words_and_robots_line(client, approved_story):
    StoryFactory(approved=True, title="The night porter who found my ring")
    searches = ['<b>"porter"</b>', "ring", "porter"]
    for _ in range(2):
        front = client.get("/").content.decode()
        assert title(front) == "Kindness Stories" and "noindex" not in front
        for words in searches:
            page = client.get("/", {"q": words}).content.decode()
            escaped = words.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            assert title(page) == f"“{escaped}”: Kindness Stories"
            assert f'name="q" value="{escaped}"' in page and '<meta name="robots" content="noindex, follow">' in page
            assert "<b>" not in page
        category = client.get("/", {"category": approved_story.category.slug}).content.decode()
        assert title(category) == "Kindness Stories" and "noindex, follow" in category
        assert f'value="{approved_story.category.slug}" selected' in category


def test_a_moderator_gets_the_review_link_and_a_reader_never_does(moderator_client, approved_story):
    for _ in range(2):
        assert 'href="/review/"' not in Client().get("/").content.decode()
        assert 'href="/review/"' in moderator_client.get("/").content.decode()
        assert 'href="/review/"' in moderator_client.get("/", {"q": "kind"}).content.decode()


def test_a_message_waiting_shows_on_the_gallery_to_its_reader_only(client, approved_story):
    Client().get("/")
    client.post(f"/stories/{approved_story.slug}/heart/")
    assert "Your heart is on this story" in client.get("/").content.decode()
    assert "Your heart is on this story" not in Client().get("/").content.decode()
    assert "Your heart is on this story" not in client.get("/").content.decode()


def test_no_csrf_token_or_cookie_of_the_first_reader_is_kept_for_the_next(approved_story):
    first = Client()
    first.get(approved_story.get_absolute_url())
    first.get("/")
    later = Client().get("/")
    assert "csrftoken" not in later.cookies and "csrfmiddlewaretoken" not in later.content.decode()


def test_a_shell_refuses_a_template_that_changes_a_slot_value(approved_story):
    # The list shows category.name and category.slug|urlencode, never {{ category }} itself.
    shell = shells.Shell("includes/gallery_list.html", slots=("category",))
    with pytest.raises(ValueError, match="category"):
        shell.render(RequestFactory().get("/"), {}, category=approved_story.category)
