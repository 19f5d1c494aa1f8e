"""The gallery and the story page: what a reader sees, and what they never see."""

import re

import pytest
from django.test import RequestFactory
from django.utils import timezone

from stories.models import Category, Story
from stories.views import errors
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


def test_cards_show_what_a_reader_needs(client):
    story = StoryFactory(approved=True, title="The baker who saved my bread", business="Rise & Shine",
                         place="Cork", display_name="Niamh", hearts_count=7)
    StoryFactory(approved=True, display_name="", business="", place="")
    page = client.get("/").content.decode()
    assert story.title in page and story.body[:60] in page
    assert "Healthcare" in page and "Rise &amp; Shine, Cork" in page
    assert "Niamh" in page and "Anonymous" in page
    assert timezone.localtime(story.published_at).strftime("%-d %b %Y") in page
    assert re.search(r"\b7<span class=\"visually-hidden\"> hearts</span>", page)
    assert 'href="/share/"' in page


def test_only_published_stories_are_shown(client):
    shown = StoryFactory(approved=True)
    hidden = [StoryFactory(status=status, published_at=timezone.now()) for status in
              (Story.Status.PENDING, Story.Status.HIDDEN, Story.Status.REJECTED, Story.Status.CHANGES_REQUESTED)]
    page = client.get("/").content.decode()
    assert shown.title in page
    for story in hidden:
        assert story.title not in page
        assert client.get(story.get_absolute_url()).status_code == 404


def test_featured_stories_are_not_repeated_below(client):
    featured = StoryFactory(approved=True, featured=True, title="Featured and only once")
    StoryFactory(approved=True)
    page = client.get("/").content.decode()
    assert page.count(featured.title) == 1
    assert "Featured stories" in page
    assert "Featured stories" not in client.get("/?category=healthcare").content.decode()


def test_newer_and_older_links_keep_the_category(client):
    travel = Category.objects.get(slug="travel")
    stories = [StoryFactory(approved=True, category=travel) for _ in range(14)]
    StoryFactory(approved=True)
    first = client.get("/?category=travel").content.decode()
    older = re.search(r'href="\?category=travel&amp;before=([^"]+)"', first).group(1)
    second = client.get(f"/?category=travel&before={older}").content.decode()
    assert stories[0].title in second and stories[-1].title not in second
    newer = re.search(r'href="\?category=travel&amp;after=([^"]+)"', second).group(1)
    back = client.get(f"/?category=travel&after={newer}").content.decode()
    assert stories[-1].title in back and stories[0].title not in back


@pytest.mark.parametrize("cursor", ["x", "1-0", "-5-3", "9" * 30 + "-1", "1-2-3", "1-" + "9" * 20])
def test_a_malformed_cursor_is_a_400_never_a_500(client, cursor):
    assert client.get("/", {"before": cursor}).status_code == 400
    assert client.get("/", {"after": cursor}).status_code == 400


def test_friendly_empty_states(client):
    assert "No stories here yet" in client.get("/").content.decode()
    assert "No travel stories yet" in client.get("/?category=travel").content.decode()
    StoryFactory(approved=True)
    assert "No story matches “zebra”" in client.get("/?q=zebra").content.decode()


def test_story_page_has_heart_share_report_and_meta(client):
    story = StoryFactory(approved=True, title="Kind words at the counter")
    page = client.get(story.get_absolute_url()).content.decode()
    url = f"http://testserver/stories/{story.slug}/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    assert '<meta property="og:title" content="Kind words at the counter">' in page
    assert '<meta name="twitter:card" content="summary">' in page
    assert f'action="/stories/{story.slug}/heart/"' in page and "csrfmiddlewaretoken" in page
    assert f'data-copy="{url}"' in page and "mailto:?subject=Kind%20words%20at%20the%20counter" in page
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Fstories%2F" in page
    assert f'href="/stories/{story.slug}/report/"' in page
    assert "<script src=" in page and not re.search(r"<script(?![^>]*src=)", page)
    assert story.email not in page


def test_more_stories_are_of_the_same_category(client):
    story = StoryFactory(approved=True)
    same = StoryFactory(approved=True, title="Another healthcare story")
    other = StoryFactory(approved=True, title="A travel story", category=Category.objects.get(slug="travel"))
    page = client.get(story.get_absolute_url()).content.decode()
    assert same.title in page and other.title not in page
    lonely = client.get(other.get_absolute_url()).content.decode()
    assert "This is the first travel story" in lonely


def test_more_stories_are_the_three_newest_others_published_in_its_category(client):
    from datetime import timedelta

    from django.utils import timezone

    from stories.models import Story

    now = timezone.now()
    story = StoryFactory(approved=True, title="The story itself", published_at=now - timedelta(days=2))
    older, *newest = [StoryFactory(approved=True, title=f"Healthcare story {n}", published_at=now - timedelta(days=n))
                      for n in (5, 4, 3, 1)]
    StoryFactory(title="A pending healthcare story", status=Story.Status.PENDING)
    page = client.get(story.get_absolute_url()).content.decode()
    more = page[page.index('id="more-heading"'):]
    positions = [more.find(other.title) for other in reversed(newest)]
    assert -1 not in positions and positions == sorted(positions)
    assert older.title not in more and story.title not in more and "pending" not in more


def test_head_requests_are_answered(client):
    story = StoryFactory(approved=True)
    for path in ("/", story.get_absolute_url(), "/feed/", "/api/stories/", "/embed/", "/sitemap.xml"):
        assert client.head(path).status_code == 200, path
    assert client.post("/").status_code == 405


def test_error_pages_share_the_look(client):
    response = client.get("/stories/no-such-story/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "We could not find that page" in body and "site-header" in body
    request = RequestFactory().get("/")
    failed = errors.server_error(request)
    assert failed.status_code == 500 and b"Something went wrong on our side" in failed.content
    bad = client.get("/?before=nonsense")
    assert bad.status_code == 400 and b"This request looks wrong" in bad.content


def test_a_story_reads_as_its_paragraphs_with_line_breaks_kept_and_markup_escaped(client):
    story = StoryFactory(approved=True, body="First line\r\nsecond line <b>bold</b>\n\n\n  Next & last  \rend")
    page = client.get(story.get_absolute_url()).content.decode()
    assert "<p>First line<br>second line &lt;b&gt;bold&lt;/b&gt;</p><p>Next &amp; last  <br>end</p>" in page
