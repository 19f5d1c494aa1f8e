"""Full-text search: PostgreSQL's ranked search when there, a plain match on SQLite."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Substr

# Ranking every match of a common word would cost more the bigger the site grows, so only the
# newest matches are ranked; a reader searching wants recent stories anyway.
RANKED_MATCHES = 100
# The excerpt is cut from the opening of the body: a headline over a whole 3,000-character story
# cost as much as the ranking itself, and readers see the first matches anyway.
HEADLINE_SOURCE_CHARS = 600

# Control characters that no form lets through: the headline is escaped first, then these
# become <mark> tags, so the reader's text is never marked safe.
MARK_START = "\x02"
MARK_END = "\x03"


def is_full_text():
    return connection.vendor == "postgresql"


def story_vector():
    return (
        SearchVector("title", weight="A", config="english")
        + SearchVector("business", "place", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )


def index_story(story):
    """Refresh the stored search vector of one story (PostgreSQL only)."""
    if is_full_text():
        type(story).objects.filter(pk=story.pk).update(search_vector=story_vector())


def index_all(queryset):
    if is_full_text():
        queryset.update(search_vector=story_vector())


def search(stories, text):
    """Stories matching `text`, best first, each with a `headline` excerpt where available."""
    text = text.strip()
    if not is_full_text():
        words = text.split()[:8]
        condition = Q()
        for word in words:
            condition &= Q(title__icontains=word) | Q(body__icontains=word) | Q(business__icontains=word) | Q(
                place__icontains=word
            )
        return stories.filter(condition).newest_first()
    query = SearchQuery(text, search_type="websearch", config="english")
    newest_matches = stories.filter(search_vector=query).order_by("-published_at", "-id").values("pk")[
        :RANKED_MATCHES
    ]
    return (
        stories.filter(pk__in=newest_matches)
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            headline=SearchHeadline(
                Substr("body", 1, HEADLINE_SOURCE_CHARS), query, config="english", start_sel=MARK_START,
                stop_sel=MARK_END, max_words=40, min_words=20,
            ),
        )
        .order_by("-rank", "-published_at", "-id")
    )
