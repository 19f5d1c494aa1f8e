"""The Atom feed, the sitemap and robots.txt: valid, and published stories only."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from stories.models import Category, Story
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml(response):
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)  # noqa: S314 (our own server's output)


def test_the_feed_is_atom_with_published_stories_only(client):
    shown = StoryFactory(approved=True, title="Shown in the feed", display_name="")
    StoryFactory(title="Still pending")
    StoryFactory(title="Hidden one", status=Story.Status.HIDDEN)
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = xml(response)
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}title").text == "Kindness Stories"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Shown in the feed"]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{shown.get_absolute_url()}"
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Anonymous"
    assert entry.find(f"{ATOM}category").get("term") == "Healthcare"
    assert shown.email.encode() not in response.content


def test_feed_text_is_escaped_for_feed_readers(client):
    StoryFactory(approved=True, body="Nice <script>alert(1)</script> people.\n\nSecond paragraph. " * 4)
    summary = xml(client.get("/feed/")).find(f"{ATOM}entry/{ATOM}summary")
    # The summary is HTML: once the XML is read, the user's markup must still be plain text.
    assert summary.get("type") == "html"
    assert "&lt;script&gt;" in summary.text and "<script>" not in summary.text
    assert summary.text.startswith("<p>Nice")


def test_a_feed_per_category(client):
    travel = StoryFactory(approved=True, title="A travel story", category=Category.objects.get(slug="travel"))
    StoryFactory(approved=True, title="A healthcare story")
    feed = xml(client.get("/feed/?category=travel"))
    assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == [travel.title]
    assert client.get("/feed/?category=nope").status_code == 404


def test_the_sitemap_lists_static_pages_and_published_stories(client):
    shown = StoryFactory(approved=True)
    pending = StoryFactory()
    index = xml(client.get("/sitemap.xml"))
    assert index.tag == f"{SITEMAP}sitemapindex"
    locations = []
    for loc in index.iter(f"{SITEMAP}loc"):
        part = urlsplit(loc.text)
        section = xml(client.get(part.path, {"p": part.query.removeprefix("p=")} if part.query else {}))
        assert section.tag == f"{SITEMAP}urlset"
        locations += [url.text for url in section.iter(f"{SITEMAP}loc")]
    base = "http://testserver"
    assert f"{base}/" in locations and f"{base}/about/" in locations and f"{base}/share/" in locations
    assert f"{base}{shown.get_absolute_url()}" in locations
    assert f"{base}{pending.get_absolute_url()}" not in locations
    assert len(locations) == 4


def test_robots_txt_points_to_the_sitemap_and_away_from_private_pages(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for private in ("/review/", "/admin/", "/my/", "/share/thanks/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /" not in lines


def test_the_feed_is_the_document_djangos_atom_generator_writes(client):
    from django.conf import settings
    from django.utils.feedgenerator import Atom1Feed
    from django.utils.html import escape, linebreaks

    odd = Category.objects.create(name='Cafés & "bars" \'n\' <more>', slug="cafes", order=50)
    stories = [StoryFactory(approved=True, title=f"Story {n} & <friends>", display_name=name, category=category,
                            body="A \"quoted\" line.\n\nAnother <b>one</b>.")
               for n, (name, category) in enumerate([("", odd), ("Amira", odd),
                                                        ("Jonas O'Neill", Category.objects.get(slug="travel"))])]
    expected = Atom1Feed(title=settings.SITE_NAME, link="http://testserver/", description="",
                         subtitle=settings.SITE_TAGLINE, language=settings.LANGUAGE_CODE,
                         feed_url="http://testserver/feed/")
    for story in sorted(stories, key=lambda s: (s.published_at, s.pk), reverse=True):
        link = f"http://testserver{story.get_absolute_url()}"
        expected.add_item(title=story.title, link=link, unique_id=link, description=linebreaks(escape(story.body)),
                          author_name=story.shown_name, pubdate=story.published_at,
                          updateddate=max(story.published_at, story.updated_at), categories=[story.category.name])
    response = client.get("/feed/")
    assert response.content.decode() == expected.writeString("utf-8")
    assert response["Content-Type"] == expected.content_type


def test_a_control_character_in_a_story_leaves_the_feed_readable(client):
    StoryFactory(approved=True, title="Bell\x07 ringer", body="Text with a stray \x0b tab.\n\nMore text here.")
    titles = [e.find(f"{ATOM}title").text for e in xml(client.get("/feed/")).findall(f"{ATOM}entry")]
    assert titles == ["Bell ringer"]
