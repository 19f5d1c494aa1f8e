"""The two ways a search finds its newest matches give the same stories; the way is asked once."""

import datetime

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stories import cards, search
from stories.models import Category, Story
from tests.factories import StoryFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"),
]

WORDS = ["lantern", "umbrella", "receipt", "kettle"]


@pytest.fixture
def many_stories():
    """40 stories, a word in every other one, every third, fourth and seventh, some in the title."""
    now = timezone.now()
    travel, retail = Category.objects.get(slug="travel"), Category.objects.get(slug="retail")
    for n in range(40):
        used = [word for step, word in zip((2, 3, 4, 7), WORDS, strict=True) if n % step == 0]
        title = f"A {used[0]} at the desk" if used and n % 5 == 0 else f"A kind word, number {n}"
        body = " ".join(f"The clerk found my {word} and kept it safe." for word in used) or "She smiled and helped."
        story = StoryFactory(approved=True, title=title, body=body * 3, category=travel if n % 3 else retail,
                             published_at=now - datetime.timedelta(hours=n * 7 % 40))
        search.index_story(story)


QUERIES = ["lantern", "umbrella", "kettle", "lantern umbrella", "lantern or kettle", "lantern -receipt",
           '"found my umbrella"', "clerk", "desk lantern", "nothing-like-this"]


@pytest.mark.parametrize("ranked", [3, 100])
@pytest.mark.parametrize("query", QUERIES)
def test_both_ways_find_the_same_stories_in_the_same_order(many_stories, monkeypatch, query, ranked):
    monkeypatch.setattr(search, "RANKED_MATCHES", ranked)
    # The searches' SQL is compiled with RANKED_MATCHES in it.
    monkeypatch.setattr(cards.SEARCH, "shapes", {})
    retail = Category.objects.get(slug="retail").pk
    searched = SearchQuery(query, search_type="websearch", config=search.CONFIG)
    for category in (None, retail):
        given = {"category": category} if category else {}
        walked = cards.SEARCH.rows((12, search.NEWEST_FIRST), query=query, **given)
        found = cards.SEARCH.rows((12, search.ALL_MATCHES), query=query, **given)
        assert walked == found, (query, category)
        # What both stand for, written plainly: the newest `ranked` matches, the best 12 of them.
        matches = cards._searchable(category).filter(search_vector=searched)
        newest = matches.order_by("-published_at", "-id").values_list("pk", flat=True)[:ranked]
        best = (Story.objects.filter(pk__in=list(newest)).annotate(rank=SearchRank(F("search_vector"), searched))
                .order_by("-rank", "-published_at", "-id").values_list("pk", flat=True)[:12])
        assert [row[0] for row in found] == list(best), (query, category)


def test_a_title_match_comes_first_either_way(many_stories):
    for way in (search.NEWEST_FIRST, search.ALL_MATCHES):
        rows = cards.SEARCH.rows((12, way), query="lantern")
        assert "lantern" in rows[0][2], way


def test_the_way_is_asked_once_then_kept(many_stories, monkeypatch):
    search._ways.clear()
    known = list(Category.objects.all())
    with CaptureQueriesContext(connection) as first:
        cards.searched(12, "umbrella", known_categories=known)
    assert [q["sql"].startswith("EXPLAIN") for q in first.captured_queries] == [True, False]
    with CaptureQueriesContext(connection) as again:
        cards.searched(12, "umbrella", known_categories=known)
    assert len(again.captured_queries) == 1
    # Each category is a search of its own, and a kept way is asked again once it is old.
    with CaptureQueriesContext(connection) as in_category:
        cards.searched(12, "umbrella", category=known[0].pk, known_categories=known)
    assert len(in_category.captured_queries) == 2
    later = search.time.monotonic() + search.WAY_SECONDS + 1
    monkeypatch.setattr(search.time, "monotonic", lambda: later)
    with CaptureQueriesContext(connection) as expired:
        cards.searched(12, "umbrella", known_categories=known)
    assert len(expired.captured_queries) == 2


def test_only_so_many_ways_are_kept(many_stories, monkeypatch):
    monkeypatch.setattr(search, "WAYS_KEPT", 2)
    search._ways.clear()
    for query in ("lantern", "kettle", "umbrella"):
        cards.searched(12, query)
    assert list(search._ways) == [("kettle", None), ("umbrella", None)]


def test_the_way_follows_how_common_the_words_are():
    """A word in every story is walked to, newest first; a word in none is looked up in the index."""
    story = StoryFactory(approved=True, body="The clerk found my umbrella and kept it safe. " * 4)
    columns = [field.column for field in Story._meta.concrete_fields if not field.primary_key]
    unique = {"slug": "slug || '-' || n", "token_hash": "left(token_hash, 56) || '-' || n"}
    copied = ", ".join(unique.get(column, column) for column in columns)
    with connection.cursor() as cursor:
        # Enough stories for the planner to tell the two apart, in one statement.
        cursor.execute(f"INSERT INTO stories_story ({', '.join(columns)}) SELECT {copied} "  # noqa: S608
                       "FROM stories_story, generate_series(1, 3000) AS n WHERE id = %s", [story.pk])
        search.index_all(Story.objects.all())
        # Stories the earlier tests added and took back leave the index's list of pending entries
        # long, which the planner counts against it.
        cursor.execute("SELECT gin_clean_pending_list('story_search_idx'::regclass)")
        cursor.execute("ANALYZE stories_story")
    search._ways.clear()
    assert search.chosen_way("clerk", None, cards._searchable) == search.NEWEST_FIRST
    assert search.chosen_way("zeppelin", None, cards._searchable) == search.ALL_MATCHES


def test_prepared_queries_are_planned_once_for_any_values(settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == ("force_generic_plan" if settings.DB_PREPARED_STATEMENTS else "auto")
