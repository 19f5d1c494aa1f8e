"""The public pages' repeated queries: prepared once per connection on PostgreSQL, with plans that
fit any values; a search's way of finding its stories chosen for its words; constants written
into the SQL safely."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories import compiled
from stories.models import Story
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages_built_each_time(settings):
    settings.PAGE_CACHE_SECONDS = 0

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")


def prepared_statements():
    """(statement, generic plans used, custom plans made) of this connection's prepared statements."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements")
        return cursor.fetchall()


def story_statements():
    return [(statement, generic, custom) for statement, generic, custom in prepared_statements()
            if '"stories_story"' in statement]


@on_postgres
def test_the_gallery_and_story_page_queries_are_prepared_with_one_plan_for_any_values(client):
    first, second = StoryFactory(approved=True), StoryFactory(approved=True)
    for _ in range(4):
        for story in (first, second):
            assert client.get("/").status_code == 200
            assert client.get(story.get_absolute_url()).status_code == 200
    kept = story_statements()
    # The gallery's newest and featured stories, and the story with the more like it.
    assert len(kept) == 2
    assert all("'approved'" in statement for statement, _, _ in kept)
    # Planned once, for any values: no plan made for the values at hand.
    assert all(generic == 8 and custom == 0 for _, generic, custom in kept), kept


@on_postgres
def test_a_search_is_prepared_and_its_way_asked_once(client):
    StoryFactory(approved=True)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(7):
            assert client.get("/", {"q": "pharmacist"}).status_code == 200
    searches = [(generic, custom) for statement, generic, custom in prepared_statements()
                if "websearch_to_tsquery" in statement]
    assert searches == [(7, 0)]
    assert sum(query["sql"].startswith("EXPLAIN") for query in queries.captured_queries) == 1


@on_postgres
def test_without_prepared_statements_nothing_is_prepared(client, settings):
    settings.DB_PREPARED_STATEMENTS = False
    story = StoryFactory(approved=True)
    for _ in range(3):
        assert client.get(story.get_absolute_url()).status_code == 200
    assert story_statements() == []


@on_postgres
def test_query_logs_show_a_prepared_query_with_its_values(client):
    story = StoryFactory(approved=True)
    client.get(story.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(story.get_absolute_url())
    assert any(story.slug in query["sql"] and "'approved'" in query["sql"] for query in queries.captured_queries)


@on_postgres
def test_constants_with_quotes_and_percent_signs_are_written_in_safely():
    title = "It's 100% kind; isn't it? %s %%"
    odd = StoryFactory(approved=True, title=title)
    StoryFactory(approved=True, title="Plain")
    query = compiled.CompiledQuery(
        lambda shape, pk: Story.objects.filter(title=title).exclude(pk=pk).values_list("pk", "title"), pk="int",
    )
    for _ in range(3):
        assert query.rows(None, pk=0) == [(odd.pk, title)]
        assert query.rows(None, pk=odd.pk) == []


@on_postgres
def test_timestamps_come_back_as_djangos_own_loader_gives_them():
    from datetime import UTC

    from django.db.backends.postgresql.psycopg_any import register_tzloader

    from stories.postgres.base import TIMESTAMPTZ, UTCTimestampLoader

    moments = ["2026-12-31 23:59:59.999999+00", "1901-01-01 00:00:00.000001+00", "2024-02-29 12:00:00+05:30",
               "2025-03-30 01:30:00-08"]
    sql = "SELECT " + ", ".join(["%s::timestamptz"] * len(moments))
    connection.ensure_connection()
    assert connection.connection.adapters.get_loader(TIMESTAMPTZ, 0) is UTCTimestampLoader
    with connection.cursor() as cursor:
        cursor.execute(sql, moments)
        ours = cursor.fetchone()
    with connection.connection.cursor() as djangos:
        register_tzloader(UTC, djangos)
        djangos.execute(sql, moments)
        expected = djangos.fetchone()
    assert ours == expected
    assert all(moment.tzinfo is UTC for moment in ours)
    story = StoryFactory(approved=True)
    assert Story.objects.values_list("published_at", flat=True).get(pk=story.pk) == story.published_at


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_a_column_changed_by_a_migration_elsewhere_costs_no_failed_request(client):
    from tests.test_db_health import raw_connection

    story = StoryFactory(approved=True)
    assert client.get(story.get_absolute_url()).status_code == 200
    with raw_connection(autocommit=True) as migration:
        (title_type,) = migration.execute(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
            "WHERE attrelid = 'stories_story'::regclass AND attname = 'title'").fetchone()
        migration.execute("ALTER TABLE stories_story ALTER COLUMN title TYPE varchar(500)")
        try:
            response = client.get(story.get_absolute_url())
        finally:
            migration.execute(f"ALTER TABLE stories_story ALTER COLUMN title TYPE {title_type}")
    assert response.status_code == 200 and story.title in response.content.decode()
