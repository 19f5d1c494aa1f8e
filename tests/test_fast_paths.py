"""The shortcuts the busy pages take (compiled queries, the category copy, spliced gzip) give
exactly what the plain way would."""

import gc
import gzip
import os
import struct
import zlib

import pytest

from stories import cards, gzip_slot, warmup
from stories.models import Category, Story
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_one_compiled_shape_answers_each_category_and_cursor_with_its_own_rows(client):
    healthcare, travel = Category.objects.get(slug="healthcare"), Category.objects.get(slug="travel")
    ours = {category: [StoryFactory(approved=True, category=category) for _ in range(4)]
            for category in (healthcare, travel)}
    for _ in range(2):
        for category, stories in ours.items():
            shown = cards.newest(10, category=category.pk)
            assert [card.slug for card in shown] == [story.slug for story in reversed(stories)]
            assert {card.category.slug for card in shown} == {category.slug}
    newest = Story.objects.published().newest_first()
    third = newest[2]
    older = cards.newest(50, before_at=third.published_at, before_pk=third.pk)
    assert [card.pk for card in older] == [story.pk for story in newest[3:]]


def test_a_category_renamed_anywhere_shows_on_the_next_page(client):
    story = StoryFactory(approved=True)
    assert ">Healthcare<" in client.get("/").content.decode()
    category = story.category
    category.name = "Pharmacies and clinics"
    category.save()
    page = client.get("/").content.decode()
    assert "Pharmacies and clinics" in page and ">Healthcare<" not in page


def test_a_story_in_a_category_newer_than_the_kept_list_still_shows(client):
    client.get("/")
    newer = Category.objects.create(name="Libraries", slug="libraries", order=99)
    story = StoryFactory(approved=True, category=newer)
    shown = cards.newest(5)
    assert shown[0].slug == story.slug and shown[0].category.name == "Libraries"
    assert "Libraries" in client.get("/").content.decode()


def test_a_category_renamed_on_another_app_server_shows_within_the_check_window(client, monkeypatch):
    from django.core.cache import cache

    from stories import public_cache, versions

    StoryFactory(approved=True)
    assert ">Healthcare<" in client.get("/").content.decode()
    # Another server's rename: the rows and the shared version change, this process bumps nothing.
    Category.objects.filter(slug="healthcare").update(name="Pharmacies and clinics")
    cache.set(public_cache.VERSION_KEY, cache.get(public_cache.VERSION_KEY) + 1, None)
    later = versions.time.monotonic() + cards.CATEGORY_CHECK_SECONDS
    monkeypatch.setattr(versions.time, "monotonic", lambda: later)
    page = client.get("/").content.decode()
    assert "Pharmacies and clinics" in page and ">Healthcare<" not in page


def test_without_a_working_cache_the_categories_are_read_on_every_page(client, settings, monkeypatch):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    # No version this process read before the cache went away may stand in for one.
    monkeypatch.setattr(cards, "CATEGORY_CHECK_SECONDS", 0)
    StoryFactory(approved=True)
    assert ">Healthcare<" in client.get("/").content.decode()
    # No signal and no version to bump: only a fresh read can show the new name.
    Category.objects.filter(slug="healthcare").update(name="Pharmacies and clinics")
    page = client.get("/").content.decode()
    assert "Pharmacies and clinics" in page and ">Healthcare<" not in page


@pytest.mark.parametrize("piece", [b"", b"<form>a token</form>", "¡Olé! ♥".encode() * 400,
                                   # One stored block's most, one byte over, and several blocks.
                                   b"x" * 0xFFFF, b"x" * 0x10000, bytes(range(256)) * 600])
@pytest.mark.parametrize(("head", "tail"), [("<html><body>Héllo ".encode() * 300, b"</body></html>" * 200),
                                            (b"", b"</html>"), (b"<html>", b"")])
def test_a_page_gzipped_around_its_piece_unzips_to_the_whole_page(piece, head, tail):
    prepared = gzip_slot.prepare(head, tail)
    zipped = gzip_slot.gzip_with_piece(prepared, piece)
    assert gzip.decompress(zipped) == head + piece + tail == gzip_slot.plain_with_piece(prepared, piece)
    stream = zlib.decompressobj(wbits=31)
    assert stream.decompress(zipped) == head + piece + tail and stream.eof and not stream.unused_data


def test_the_piece_goes_out_as_it_is():
    """The piece holds the visitor's CSRF token: it never goes through a compressor, so its bytes
    follow the head as one stored block, and a token that repeats itself is as long as random bytes."""
    head, tail = b"<p>csrfmiddlewaretoken</p>" * 50, b"</body></html>" * 20
    prepared = gzip_slot.prepare(head, tail)
    token = b'<input name="csrfmiddlewaretoken" value="' + b"a" * 64 + b'">'
    zipped = gzip_slot.gzip_with_piece(prepared, token)
    stored = b"\x00" + struct.pack("<HH", len(token), len(token) ^ 0xFFFF) + token
    assert prepared["head"] + stored + prepared["tail"] in zipped
    random = gzip_slot.gzip_with_piece(prepared, os.urandom(len(token)))
    assert deflated_size(zipped) == deflated_size(random)


def test_the_gunicorn_master_prepares_the_templates_before_forking():
    compiled = warmup.prepare_for_fork()
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    assert compiled == len(list(warmup.template_names())) >= 30 and frozen > 0


@pytest.mark.parametrize("level", [1, 9])
def test_pages_go_out_gzipped_at_the_operators_level_and_unzip_whole(client, settings, level):
    settings.GZIP_LEVEL = level
    StoryFactory.create_batch(6, approved=True)
    plain = client.get("/")
    zipped = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
    assert int(zipped["Content-Length"]) == len(zipped.content) < len(plain.content)
    unzipped = gzip.decompress(zipped.content).decode()
    assert unzipped.count('class="card story-card') == plain.content.decode().count('class="card story-card') == 6


def deflated_size(zipped):
    """A gzip member's size without its header's random-length name (10 fixed bytes, the name, NUL)."""
    return len(zipped) - zipped.index(b"\x00", 10) - 1


def test_the_middleware_compresses_at_the_level_set(client, settings):
    StoryFactory.create_batch(12, approved=True)
    sizes = {}
    for level in (1, 9):
        settings.GZIP_LEVEL = level
        sizes[level] = deflated_size(client.get("/", HTTP_ACCEPT_ENCODING="gzip").content)
    assert sizes[9] < sizes[1]


def test_a_higher_gzip_level_gives_a_smaller_page(settings):
    page = " ".join(f"<p>story {n} told by visitor {n * 7 % 13}</p>" for n in range(2000)).encode()
    fast, small = (gzip_slot.gzip_whole(page, level) for level in (1, 9))
    assert gzip.decompress(fast) == gzip.decompress(small) == page
    assert deflated_size(small) < deflated_size(fast)


def test_each_response_gets_a_header_of_its_own_length_odd_or_even():
    page = b"<p>the same page</p>" * 100
    sizes = {len(gzip_slot.gzip_whole(page, 1)) for _ in range(60)}
    assert len({size % 2 for size in sizes}) == 2


def test_hashed_static_urls_are_the_manifests_own(tmp_path, settings):
    from whitenoise.storage import CompressedManifestStaticFilesStorage

    from stories.storage import StaticFilesStorage

    (tmp_path / "staticfiles.json").write_text(
        '{"paths": {"css/site.css": "css/site.abc123.css"}, "version": "1.1", "hash": "x"}')
    remembering = StaticFilesStorage(location=tmp_path, base_url="/static/")
    plain = CompressedManifestStaticFilesStorage(location=tmp_path, base_url="/static/")
    for _ in range(2):
        assert remembering.url("css/site.css") == plain.url("css/site.css") == "/static/css/site.abc123.css"
    with pytest.raises(ValueError):
        remembering.url("css/missing.css")


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Kolkata"])
def test_the_quick_date_filters_write_what_djangos_date_filter_writes(settings, zone):
    from datetime import UTC, date, datetime

    from django.template import engines

    settings.TIME_ZONE = zone
    ours = engines["django"].from_string(
        "{% load stories_tags %}{{ at|iso_moment }}|{{ at|day_month_year }}|{{ at|day_month_year:'%b' }}|"
        "{{ day|month_year }}|{{ slug|story_path:'stories:report' }}")
    djangos = engines["django"].from_string(
        "{{ at|date:'c' }}|{{ at|date:'j F Y' }}|{{ at|date:'j M Y' }}|{{ day|date:'F Y' }}|"
        "{% url 'stories:report' slug %}")
    for moment in (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), datetime(2025, 3, 1, 2, 5, 9, 120, tzinfo=UTC),
                   datetime(2024, 7, 4, 12, 0, tzinfo=UTC)):
        context = {"at": moment, "day": date(2025, 9, 1), "slug": "the-porter-who-smiled-1a2b"}
        assert ours.render(context) == djangos.render(context)


@pytest.mark.parametrize("text", [
    "A short story.",
    "word " * 100,
    "Line one.\n\n\n\n" + "   \n" * 60 + "Then the rest, " * 30,
    "\n" * 500 + "Only after a long run of blank lines does the story begin, " * 8,
    "x" * 300,
    "A sentence that ends close to the cut, with a long last word: extraordinarily" + " more" * 50,
])
def test_a_cards_opening_is_cut_from_the_whole_text_collapsed(text):
    from stories.excerpts import opening

    # Collapsing only the opening's whitespace must not change what shows.
    collapsed = " ".join(text.split())
    expected = collapsed if len(collapsed) <= 200 else collapsed[:200].rsplit(" ", 1)[0].rstrip(",;:.-–—") + "…"
    assert opening(text, 200) == expected
