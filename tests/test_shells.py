"""The gallery's page around its cards is rendered once per process for signed-out readers
without a message (stories.shells); every reader must still get exactly their own page."""

import re

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


GALLERY_ADDRESSES = [
    {}, {"q": "kind"}, {"q": 'x<y & "z"'}, {"q": "   "}, {"q": "the"}, {"category": "healthcare"},
    {"category": "healthcare", "q": "kind"}, {"before": "x"}, {"before": "1700000000000000-5"},
    {"after": "1700000000000000-5"},
]


@pytest.mark.parametrize("params", GALLERY_ADDRESSES)
def test_a_kept_shell_gives_exactly_the_page_rendered_afresh(params, approved_story):
    StoryFactory(approved=True, title="Another kind clerk")
    shelled = [Client().get("/", params) for _ in range(2)]
    # A session cookie (even one the server does not know) takes the ordinary render().
    rendered = Client(cookies={"sessionid": "unknown"}).get("/", params)
    for response in shelled:
        assert response.status_code == rendered.status_code
        assert response.content == rendered.content
        assert response["Vary"] == rendered["Vary"]
        assert "Cookie" in response["Vary"] or response.status_code == 400


def test_a_kept_story_page_is_the_page_rendered_afresh_but_for_the_readers_own_token(approved_story):
    StoryFactory(approved=True, category=approved_story.category, title="More like it")

    def without_token(response):
        return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", response.content)

    shelled = [Client().get(approved_story.get_absolute_url()) for _ in range(2)]
    rendered = Client(cookies={"sessionid": "unknown"}).get(approved_story.get_absolute_url())
    assert b"More like it" in rendered.content and b'rel="canonical"' in rendered.content
    for response in shelled:
        assert without_token(response) == without_token(rendered)
        assert response["Vary"] == rendered["Vary"] and "Cookie" in response["Vary"]


PROBE = "{% csrf_token %}|{{ user }}|{{ request.path }}|{% for m in messages %}{{ m }}{% endfor %}|{{ body }}"


def test_a_shell_is_made_without_the_request_that_asked_first(settings, moderator):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.middleware.csrf import get_token

    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [], "APP_DIRS": False, "OPTIONS": {
        **settings.TEMPLATES[0]["OPTIONS"],
        "loaders": [("django.template.loaders.locmem.Loader", {"probe.html": PROBE})],
    }}]
    first = RequestFactory().get("/some/private/path/")
    first.user = moderator
    first.session = {}
    first._messages = FallbackStorage(first)
    first._messages.add(20, "A message for the first reader")
    get_token(first)
    shell = shells.Shell("probe.html", slots=("body",))
    for request in (first, RequestFactory().get("/")):
        assert shell.response(request, {}, body="<b>").content == b"||||&lt;b&gt;"
def test_a_shell_refuses_a_template_that_changes_a_slot_value(approved_story):
    # The list shows category.name and category.slug|urlencode, never {{ category }} itself.
    shell = shells.Shell("includes/gallery_list.html", slots=("category",))
    with pytest.raises(ValueError, match="category"):
        shell.response(RequestFactory().get("/"), {}, category=approved_story.category)


def test_a_story_pages_own_words_are_escaped_in_its_title_description_and_links():
    story = StoryFactory(approved=True, title='Tom & "Jerry" <3', body="<b>Bold</b> & kind " * 20)
    for _ in range(2):
        page = Client().get(story.get_absolute_url()).content.decode()
        assert title(page) == "Tom &amp; &quot;Jerry&quot; &lt;3 · Kindness Stories"
        assert '<meta name="description" content="&lt;b&gt;Bold&lt;/b&gt; &amp; kind' in page
        assert '<meta property="og:title" content="Tom &amp; &quot;Jerry&quot; &lt;3">' in page
        assert f'<a href="/stories/{story.slug}/report/">Report this story</a>' in page
        assert "<b>Bold" not in page
