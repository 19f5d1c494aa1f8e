"""Every list page costs a fixed, small number of queries, whatever the number of stories on it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stories import cards, cursor, search
from stories.models import Category, Story
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

# Where each part of a UNION can be ordered and limited (PostgreSQL), the front page's newest and
# featured stories come in one query, as do a story and the more like it; SQLite takes two.
TWO_IN_ONE = 1 if connection.features.supports_slicing_ordering_in_compound else 2
# (path, queries with the page cache off). The categories come from each process's own copy once
# read (see cards.categories).
PAGES = [
    ("/", TWO_IN_ONE),
    ("/?category=healthcare", 1),
    ("/?q=pharmacist", 1),
    ("/?q=pharmacist&category=healthcare", 1),
    ("/api/stories/?limit=100", 1),
    ("/api/stories/?category=healthcare&limit=100", 1),
    ("/feed/", 1),
    ("/embed/?limit=24", 1),
    ("/embed/?category=travel&limit=24", 1),
]


def add_stories(count):
    start = timezone.now() - datetime.timedelta(days=2)
    travel = Category.objects.get(slug="travel")
    for n in range(count):
        story = StoryFactory(approved=True, featured=n % 5 == 0, hearts_count=n,
                             published_at=start + datetime.timedelta(minutes=n),
                             category=travel if n % 4 == 0 else Category.objects.get(slug="healthcare"))
        search.index_story(story)


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("path", "expected"), PAGES)
def test_queries_do_not_grow_with_the_stories(client, settings, django_assert_num_queries, path, expected):
    settings.PAGE_CACHE_SECONDS = 0
    add_stories(3)
    client.get(path)
    with django_assert_num_queries(expected):
        client.get(path)
    add_stories(27)
    with django_assert_num_queries(expected):
        response = client.get(path)
    assert response.status_code == 200


def test_the_story_page_is_one_query_and_a_second_for_a_returning_visitor(client, settings,
                                                                          django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    add_stories(30)
    story = StoryFactory(approved=True)
    with django_assert_num_queries(TWO_IN_ONE):
        client.get(story.get_absolute_url())
    client.post(f"/stories/{story.slug}/heart/")
    with django_assert_num_queries(TWO_IN_ONE + 1):
        client.get(story.get_absolute_url())


@pytest.mark.parametrize(("path", "expected"), [*PAGES, ("/sitemap.xml", 0)])
def test_a_cached_page_asks_the_database_nothing(client, settings, django_assert_num_queries, path, expected):
    settings.PAGE_CACHE_SECONDS = 300
    add_stories(5)
    client.get(path)
    with django_assert_num_queries(0):
        assert client.get(path).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_a_deep_page_seeks_the_index_instead_of_filtering_from_the_top():
    add_stories(5)
    newest = Story.objects.published().newest_first()[2]
    before = cursor.encode(newest)
    moment, pk = cursor.decode(before)
    with connection.cursor() as db:
        db.execute("SET LOCAL enable_seqscan = off")
        plan = cards.newest_queryset(13, before_at=moment, before_pk=pk).explain()
    assert "story_published_idx" in plan and "Index Cond: (published_at <=" in plan, plan
