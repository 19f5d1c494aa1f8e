"""Story cards: what every list of published stories shows, read with as little work as possible.

Lists (the gallery, a category, a search, the API, the embed, "more like this") read plain rows
through compiled queries (see compiled.py) instead of model instances, each with its category's
slug and name joined in, so a list needs no other read to show them.
"""

import functools
import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Subquery, Value

from . import compiled, cursor, excerpts, public_cache, search
from .models import Category, PublicText, Story
from .templatetags.stories_tags import CARD_EXCERPT_CHARS, story_url

COLUMNS = ("pk", "slug", "title", "body", "business", "place", "display_name", "featured", "hearts_count",
           "published_at", "category_id", "category__slug", "category__name")
# The story's own columns come first, then its category's three (Card takes them as one record).
COLUMN_COUNT = len(COLUMNS)
STORY_COLUMNS = COLUMN_COUNT - 3


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which made building a
# page's dozen cards five times slower. Nothing changes a card once made.
@dataclass(slots=True)
class Card(PublicText):
    pk: int
    slug: str
    title: str
    body: str
    business: str
    place: str
    display_name: str
    featured: bool
    hearts_count: int
    published_at: object
    category: "CardCategory"
    headline: str = ""
    happened_on: object = None
    updated_at: object = None

    def get_absolute_url(self):
        return story_url(self.slug)


# A change that bypasses Category.save (a bulk update, raw SQL, a bump lost while Redis was away)
# shows within this long all the same.
CATEGORY_COPY_SECONDS = 60
# How long a version this process has read serves to check its copy: a category renamed on
# another app server shows here within this long. Cards carry their category's name from the
# database, so this is only the menu and the pills.
CATEGORY_CHECK_SECONDS = 1
_categories = {}


def categories():
    """Every category, from this process's own copy while the public cache version is unchanged.

    Categories change rarely and every save bumps the version (see models.category_changed), so
    a page costs at most one look at the version rather than a query: none when this process
    read the version within CATEGORY_CHECK_SECONDS (as a cached page's lookup has just done).
    Without a working cache they are read each time.
    """
    return categories_at(public_cache.PUBLIC.recent(CATEGORY_CHECK_SECONDS))


def categories_at(version):
    """categories(), for a caller that has read the public version already (None: the cache is down)."""
    kept = _categories.get("all")
    now = time.monotonic()
    if version is not None and kept and kept[0] == version and now - kept[1] < CATEGORY_COPY_SECONDS:
        return kept[2]
    found = list(Category.objects.all())
    if version is not None:
        _categories["all"] = (version, now, found)
    return found


@dataclass(frozen=True, slots=True)
class CardCategory:
    """What a card shows of its category."""

    pk: int
    slug: str
    name: str


# There are a handful of categories: the same few records serve every card.
card_category = functools.lru_cache(maxsize=256)(CardCategory)


def to_cards(rows, extras=()):
    """Cards from rows of COLUMNS followed by the `extras` named (Card fields such as "headline")."""
    return [Card(*row[:STORY_COLUMNS], card_category(*row[STORY_COLUMNS:COLUMN_COUNT]),
                 **dict(zip(extras, row[COLUMN_COUNT:], strict=True))) for row in rows]


def newest_queryset(size, category=None, before_at=None, before_pk=None, after_at=None, after_pk=None, featured=None,
                    columns=COLUMNS):
    stories = Story.objects.published()
    if featured:
        stories = stories.filter(featured=True)
    if category is not None:
        stories = stories.filter(category_id=category)
    # Written so the index scan starts at the cursor (see cursor.py).
    order = ("-published_at", "-id")
    if before_at is not None:
        stories = stories.filter(cursor.past("published_at", before_at, before_pk, "lt"))
    elif after_at is not None:
        stories = stories.filter(cursor.past("published_at", after_at, after_pk, "gt"))
        order = ("published_at", "id")
    return stories.order_by(*order).values_list(*columns)[:size]


NEWEST = compiled.CompiledQuery(
    newest_queryset, category="int", before_at="datetime", before_pk="int", after_at="datetime", after_pk="int",
)


def newest(size, **values):
    """Up to `size` published stories, newest first (oldest first with `after_*`), as cards.

    `values`: category (an id), before_at/before_pk or after_at/after_pk (a cursor).
    """
    given = {name: value for name, value in values.items() if value is not None}
    return to_cards(NEWEST.rows(size, **given))


# A search reads the stories' own columns and category id: PostgreSQL plans the ranked query in two thirds of
# the time without the category join, and the search page holds the category list anyway.
OWN_COLUMNS = COLUMNS[: COLUMNS.index("category_id") + 1]
CATEGORY_ID = COLUMNS.index("category_id")


def _searchable(category=None):
    stories = Story.objects.published()
    return stories if category is None else stories.filter(category_id=category)


def _search(shape, query, category=None):
    size, way = shape
    return search.search(_searchable(category), query, size, way).values_list(*OWN_COLUMNS)


# Prepared, like the other lists: each way of searching has its plan fixed (see search.py).
SEARCH = compiled.CompiledQuery(_search, query="str", category="int")


def _newest_matches(size, query, category=None):
    return search.newest_matches_of(_searchable(category), query).values_list("pk")[:size]


# Only ever explained, never run: the planner's way to a search's newest matches (search.chosen_way).
NEWEST_MATCHES = compiled.CompiledQuery(_newest_matches, query="str", category="int")


def with_categories(rows, known_categories=None):
    """Rows of OWN_COLUMNS with their category's slug and name added, as COLUMNS has them."""
    known = categories() if known_categories is None else known_categories
    named = {category.pk: (category.slug, category.name) for category in known}
    if any(row[CATEGORY_ID] not in named for row in rows):
        # A category made since this process last read the list: read it again, for later pages too.
        _categories.clear()
        named = {category.pk: (category.slug, category.name) for category in categories()}
    return [(*row, *named[row[CATEGORY_ID]]) for row in rows]


def searched(size, query, *, category=None, known_categories=None):
    """The best `size` matches for `query` (see search.py), as cards whose `headline` is the
    excerpt around the words searched for, marked. `known_categories`: the category list, when
    the caller has it."""
    given = {"query": query, **({"category": category} if category is not None else {})}
    if search.is_full_text():
        # Unprepared, a search is planned with its words anyway: the planner chooses there and then.
        way = None
        if settings.DB_PREPARED_STATEMENTS:
            way = search.chosen_way(query, category, lambda: NEWEST_MATCHES.explained(search.RANKED_MATCHES, **given))
        found = SEARCH.rows((size, way), **given)
    else:
        # The fallback's SQL grows with the number of words: nothing to compile once.
        found = list(_search((size, None), **given))
    rows = with_categories(found, known_categories)
    words = search.searched_words(query)
    if words is None:
        return to_cards(rows)
    marked = [(*row, excerpts.around(row[3], words, CARD_EXCERPT_CHARS)) for row in rows]
    return to_cards(marked, extras=("headline",))


def _story_and_more(more, slug):
    """The published story at `slug` (flagged True) and up to `more` newest others of its category."""
    story = Story.objects.published().filter(slug=slug)
    itself = story.values_list(*COLUMNS, "happened_on", Value(True))[:1]
    others = (Story.objects.published().filter(category_id=Subquery(story.values("category_id")[:1]))
              .exclude(slug=slug).order_by("-published_at", "-id")
              .values_list(*COLUMNS, "happened_on", Value(False))[:more])
    return itself, others


# The story page's one query.
STORY_AND_MORE = compiled.CompiledPair(_story_and_more, slug="str")


def published_story(slug, more):
    """(the published story at `slug` as a card with its `happened_on`, or None; up to `more`
    newest other stories of its category, as cards)."""
    itself, others = STORY_AND_MORE.rows(more, slug=slug)
    found = to_cards(itself, extras=("happened_on",))
    return (found[0] if found else None), to_cards(others, extras=("happened_on",))


FEED_ENTRIES = compiled.CompiledQuery(
    lambda size, **values: newest_queryset(size, columns=(*COLUMNS, "updated_at"), **values), category="int",
)


def feed_entries(size, *, category=None):
    """The newest `size` published stories as cards with their `updated_at`, for the feed."""
    rows = FEED_ENTRIES.rows(size, **({"category": category} if category is not None else {}))
    return to_cards(rows, extras=("updated_at",))


def _featured_and_newest(shape):
    """The `featured` newest featured stories (flagged True) and the `size` newest of all."""
    size, featured = shape
    return (newest_queryset(featured, featured=True, columns=(*COLUMNS, Value(True))),
            newest_queryset(size, columns=(*COLUMNS, Value(False))))


# The front page's one query.
FEATURED_AND_NEWEST = compiled.CompiledPair(_featured_and_newest)


def newest_and_featured(size, featured):
    """(up to `size` newest published stories, up to `featured` newest featured ones), as cards."""
    featured_rows, newest_rows = FEATURED_AND_NEWEST.rows((size, featured))
    return to_cards(newest_rows), to_cards(featured_rows)


def cursor_page(*, category=None, before=None, after=None, size, featured=0):
    """Up to `size` published cards older than `before` (or newer than `after`), newest first.

    Returns (items, older_cursor, newer_cursor, featured cards); a cursor is None where there is
    nothing more. Up to `featured` featured stories come with the first page of all categories.
    Raises BadCursor for a malformed cursor.
    """
    chosen = []
    if after:
        moment, pk = cursor.decode(after)
        window = newest(size + 1, category=category, after_at=moment, after_pk=pk)
        has_newer = len(window) > size
        items = window[:size][::-1]
        has_older = True
    else:
        if before:
            moment, pk = cursor.decode(before)
            window = newest(size + 1, category=category, before_at=moment, before_pk=pk)
        elif featured and category is None:
            window, chosen = newest_and_featured(size + 1, featured)
        else:
            window = newest(size + 1, category=category)
        has_older = len(window) > size
        items = window[:size]
        has_newer = bool(before)
    older = cursor.encode(items[-1]) if items and has_older else None
    newer = cursor.encode(items[0]) if items and has_newer else None
    return items, older, newer, chosen
