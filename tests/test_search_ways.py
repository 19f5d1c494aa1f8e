"""The two ways a search finds its newest matches give the same stories; the way is asked once."""

import datetime
from types import SimpleNamespace

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
    """40 stories, a word in every other one, every third, fourth and seventh, some in the title,
    three or four published at each moment (so the newest are told apart by id)."""
    now = timezone.now()
    travel, retail = Category.objects.get(slug="travel"), Category.objects.get(slug="retail")
    for n in range(40):
        used = [word for step, word in zip((2, 3, 4, 7), WORDS, strict=True) if n % step == 0]
        title = f"A {used[0]} at the desk" if used and n % 5 == 0 else f"A kind word, number {n}"
        body = " ".join(f"The clerk found my {word} and kept it safe." for word in used) or "She smiled and helped."
        story = StoryFactory(approved=True, title=title, body=body * 3, category=travel if n % 3 else retail,
                             published_at=now - datetime.timedelta(hours=n % 13))
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
        # Left to the planner, as without prepared statements: the same again.
        assert cards.SEARCH.rows((12, None), query=query, **given) == found


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
    monkeypatch.setattr(search, "time", SimpleNamespace(monotonic=lambda: later))
    with CaptureQueriesContext(connection) as expired:
        cards.searched(12, "umbrella", known_categories=known)
    assert len(expired.captured_queries) == 2


def test_only_so_many_ways_are_kept(many_stories, monkeypatch):
    monkeypatch.setattr(search, "WAYS_KEPT", 2)
    search._ways.clear()
    for query in ("lantern", "kettle", "umbrella"):
        cards.searched(12, query)
    assert list(search._ways) == [("kettle", None), ("umbrella", None)]


@pytest.fixture
def thousands_of_stories():
    """3,001 stories alike, all travel stories with "clerk" in them: enough for the planner to tell
    the two ways apart."""
    story = StoryFactory(approved=True, body="The clerk found my umbrella and kept it safe. " * 4,
                         category=Category.objects.get(slug="travel"))
    columns = [field.column for field in Story._meta.concrete_fields if not field.primary_key]
    unique = {"slug": "slug || '-' || n", "token_hash": "left(token_hash, 56) || '-' || n"}
    copied = ", ".join(unique.get(column, column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO stories_story ({', '.join(columns)}) SELECT {copied} "  # noqa: S608
                       "FROM stories_story, generate_series(1, 3000) AS n WHERE id = %s", [story.pk])
        search.index_all(Story.objects.all())
        # Stories the earlier tests added and took back leave the index's list of pending entries
        # long, which the planner counts against it.
        cursor.execute("SELECT gin_clean_pending_list('story_search_idx'::regclass)")
        cursor.execute("ANALYZE stories_story")
    return story.category_id


def way_for(text, category):
    given = {"category": category} if category else {}
    return search.chosen_way(text, category,
                             lambda: cards.NEWEST_MATCHES.explained(search.RANKED_MATCHES, query=text, **given))


def test_the_way_follows_how_common_the_words_are(thousands_of_stories):
    """A word in every story is walked to, newest first; a word in none is looked up in the index."""
    travel = thousands_of_stories
    for category in (None, travel):
        assert way_for("clerk", category) == search.NEWEST_FIRST, category
        assert way_for("zeppelin", category) == search.ALL_MATCHES, category
    # What the words are, not how they are typed: one way kept for both.
    way_for("  Zeppelin ", None)
    assert list(search._ways) == [("clerk", None), ("clerk", travel), ("zeppelin", travel), ("zeppelin", None)]


def test_each_way_keeps_its_plan_whatever_the_words(thousands_of_stories):
    """The prepared query of each way, planned once not knowing the words, takes its way for any."""
    travel = thousands_of_stories
    for category in (None, travel):
        given = {"category": category} if category else {}
        for way in (search.NEWEST_FIRST, search.ALL_MATCHES):
            cards.SEARCH.rows((12, way), query="clerk", **given)
        with connection.cursor() as cursor:
            cursor.execute("SELECT name, statement, parameter_types::text[] FROM pg_prepared_statements "
                           "WHERE statement LIKE '%%websearch_to_tsquery%%'")
            statements = [(name, statement, types) for name, statement, types in cursor.fetchall()
                          if ("category_id\" = $" in statement) == bool(category)]
            # One prepared query for each way: none found would check nothing.
            assert sorted("OFFSET 0" in statement for _, statement, _ in statements) == [False, True]
            for name, statement, types in statements:
                values = [category if kind in ("smallint", "integer", "bigint") else "zeppelin" for kind in types]
                cursor.execute(f"EXPLAIN (FORMAT JSON) EXECUTE {name}({', '.join(['%s'] * len(values))})", values)
                indexes = {node.get("Index Name") for node in search._nodes(cursor.fetchone()[0][0]["Plan"])}
                # Newest first by an index on dates (the category's, where its stories are few).
                by_date = indexes & {"story_published_idx", "story_cat_published_idx"}
                if "OFFSET 0" not in statement:
                    assert by_date and "story_search_idx" not in indexes, (category, indexes)
                else:
                    assert "story_search_idx" in indexes and not by_date, (category, indexes)


def test_without_prepared_statements_the_planner_chooses_each_time(many_stories, settings,
                                                                   django_assert_num_queries):
    settings.DB_PREPARED_STATEMENTS = False
    known = list(Category.objects.all())
    for _ in range(2):
        with django_assert_num_queries(1):
            found = cards.searched(12, "umbrella", known_categories=known)
    assert [card.pk for card in found] == [row[0] for row in cards.SEARCH.rows((12, search.ALL_MATCHES),
                                                                                query="umbrella")]
    assert not search._ways


def test_prepared_queries_are_planned_once_for_any_values(settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == ("force_generic_plan" if settings.DB_PREPARED_STATEMENTS else "auto")
