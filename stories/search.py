"""Full-text search: PostgreSQL's ranked search when there, a plain match on SQLite."""

import re
import threading
import time
from collections import OrderedDict

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL

# Ranking every match of a common word would cost more the bigger the site grows, so only the
# newest matches are ranked; a reader searching wants recent stories anyway.
RANKED_MATCHES = 100
# PostgreSQL's English stemming and stop words, for the stored vectors and for what readers type.
CONFIG = "english"
# Common words, most of them on PostgreSQL's english stop list (which leaves them out of every
# search), and websearch's "or": marking them in an excerpt would mark half the text.
STOP_WORDS = frozenset({
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "me", "more", "my", "no", "not", "of", "on", "or",
    "our", "out", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "too", "up", "us", "was", "we", "were", "what", "when", "where", "which",
    "who", "will", "with", "would", "you", "your",
})
# Endings taken off a searched word before it is looked for in a story, so that "pharmacists"
# marks "pharmacist" and "stayed" marks "stays", as PostgreSQL's stemming matched them. Cruder
# than stemming: "stories" marks "storm" too, in an excerpt of a story that matched.
ENDINGS = ("ies", "ing", "es", "ed", "ly", "s", "y", "e")


def is_full_text():
    return connection.vendor == "postgresql"


def story_vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("business", "place", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
    )


def index_story(story):
    """Refresh the stored search vector of one story (PostgreSQL only)."""
    if is_full_text():
        type(story).objects.filter(pk=story.pk).update(search_vector=story_vector())


def index_all(queryset):
    if is_full_text():
        queryset.update(search_vector=story_vector())


# Two ways to find a search's newest matches, which find the same stories. Walking the stories
# newest first and keeping those that match is quick for a common word (a hundred matches among
# the first few hundred stories) and slow for a rare one (every story read); reading every match
# from the search index and keeping the newest is the other way round. PostgreSQL's planner knows
# which, but planning the search took it longer than running it: so each way is a query prepared
# once per connection with its plan fixed, and the planner's choice for a search is asked once
# per process (chosen_way) and kept.
NEWEST_FIRST = "newest-first"
ALL_MATCHES = "all-matches"
# How common a word is changes slowly, as stories come: a kept choice is asked again after this long.
WAY_SECONDS = 600
# Searches whose way this process keeps, the least recently used forgotten first.
WAYS_KEPT = 1000
_ways = OrderedDict()
# Sync workers serve one request at a time; the lock is for a server that runs threads.
_ways_lock = threading.Lock()


def search(stories, text, size, way=None):
    """The best `size` stories matching `text`, best first. `way`: how PostgreSQL finds the newest
    matches (NEWEST_FIRST or ALL_MATCHES, the same stories either way); None leaves it to the
    planner, for a query planned afresh with its words in it."""
    text = text.strip()
    if not is_full_text():
        words = text.split()[:8]
        condition = Q()
        for word in words:
            condition &= Q(title__icontains=word) | Q(body__icontains=word) | Q(business__icontains=word) | Q(
                place__icontains=word
            )
        return stories.filter(condition).newest_first()[:size]
    # Websearch syntax: "quoted phrases", -not, or. Written as a subquery, the searched words are
    # parsed once per search rather than once for each story a prepared query looks at.
    searched = "(SELECT websearch_to_tsquery(%s::regconfig, %s))"
    columns = stories.values_list("pk", "search_vector", "published_at")
    if way == NEWEST_FIRST:
        # ts_match_vq is what @@ calls: as a function it cannot lead PostgreSQL to the search index.
        walked = columns.filter(_raw_condition(f"ts_match_vq(search_vector, {searched})", text))
        newest_matches, params = walked.order_by("-published_at", "-id")[:RANKED_MATCHES].query.sql_with_params()
    elif way == ALL_MATCHES:
        # With OFFSET 0, PostgreSQL does not merge the subquery into the query around it: it finds
        # the matches first (its one plan, made not knowing the words, reads them from the search
        # index), then keeps the newest, rather than walking the stories by date.
        found = columns.filter(_raw_condition(f"search_vector @@ {searched}", text)).order_by()
        sql, params = found.query.sql_with_params()
        newest_matches = (f"SELECT * FROM ({sql} OFFSET 0) AS found (pk, vector, published_at) "  # noqa: S608
                          "ORDER BY published_at DESC, pk DESC LIMIT %s")
        params = (*params, RANKED_MATCHES)
    else:
        newest_matches, params = newest_matches_of(columns, text)[:RANKED_MATCHES].query.sql_with_params()
    meta = stories.model._meta
    pk_column = f"{connection.ops.quote_name(meta.db_table)}.{connection.ops.quote_name(meta.pk.column)}"
    # The ORM's own SQL with its values still apart: nothing typed is written into it. The newest
    # matches are ranked once they are found, not in the search that finds them: a rarer word's
    # matches are all read to find the newest, and ranking each of them cost a fifth more.
    # "= ANY(ARRAY(…))" rather than "IN (…)": PostgreSQL plans a list of ids faster than a join.
    among_best = RawSQL(  # noqa: S611
        f"{pk_column} = ANY(ARRAY(SELECT pk FROM ("  # noqa: S608
        f"SELECT pk, ts_rank(vector, {searched}) AS rank, published_at "
        f"FROM ({newest_matches}) AS newest (pk, vector, published_at)"
        ") AS ranked ORDER BY rank DESC, published_at DESC, pk DESC LIMIT %s))",
        (CONFIG, text, *params, size), output_field=BooleanField(),
    )
    rank = RawSQL(f"ts_rank(search_vector, {searched})", (CONFIG, text), output_field=FloatField())  # noqa: S611
    return stories.filter(among_best).annotate(rank=rank).order_by("-rank", "-published_at", "-id")[:size]


def _raw_condition(sql, text):
    return RawSQL(sql, (CONFIG, text), output_field=BooleanField())  # noqa: S611 - the words are a parameter


def newest_matches_of(stories, text):
    """The `stories` matching `text`, newest first, written plainly: PostgreSQL's planner picks the
    way for the words at hand (see chosen_way)."""
    matching = stories.filter(search_vector=SearchQuery(text, search_type="websearch", config=CONFIG))
    return matching.order_by("-published_at", "-id")


def chosen_way(text, scope, explain):
    """The way (NEWEST_FIRST or ALL_MATCHES) PostgreSQL's planner takes to find the newest matches
    of `text`, kept by this process for that text and scope (a category, say). `explain()` gives
    the planner's plan (EXPLAIN, FORMAT JSON) of the plain query for the newest matches."""
    # Case and spacing change nothing PostgreSQL searches for.
    key = (" ".join(text.lower().split()), scope)
    now = time.monotonic()
    with _ways_lock:
        kept = _ways.get(key)
        if kept is not None and now - kept[1] < WAY_SECONDS:
            _ways.move_to_end(key)
            return kept[0]
    # Only a scan of the search index reads every match; a plan that reads a small category whole
    # and keeps its matches is better served by walking that category newest first.
    reads_matches = any(node.get("Node Type") == "Bitmap Index Scan" and "@@" in node.get("Index Cond", "")
                        for node in _nodes(explain()[0]["Plan"]))
    way = ALL_MATCHES if reads_matches else NEWEST_FIRST
    with _ways_lock:
        _ways[key] = (way, now)
        _ways.move_to_end(key)
        while len(_ways) > WAYS_KEPT:
            _ways.popitem(last=False)
    return way


def _nodes(node):
    """Every node of an EXPLAIN (FORMAT JSON) plan, from its top one down."""
    yield node
    for child in node.get("Plans", ()):
        yield from _nodes(child)


def _stem(word):
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


# A word character beyond ASCII. Python's case-blind matching pairs some of them in ways
# lowercasing does not (ı and i, ſ and s, µ and μ, ς and σ), so where one is near, the pattern decides.
OTHER_LETTER = re.compile(r"[^\x00-\x7f\W]")


class SearchedWords:
    """The words of a story that a search is about: their stems, and a pattern for their forms.

    The pattern, tried case-blind at every position, is slow over a whole story or a dozen
    excerpts; for ASCII words in ASCII text, finding each stem in the lowercased text and
    widening it to the word gives the same answers in a third of the time.
    """

    def __init__(self, stems):
        self.stems = sorted(stems, key=len, reverse=True)
        self.pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, self.stems))})\w*", re.IGNORECASE)
        self.ascii = all(stem.isascii() for stem in self.stems)

    def first_in(self, text):
        """The first match of the pattern in `text`, or None."""
        if not self.ascii:
            return self.pattern.search(text)
        lowered = text.lower()
        found = [position for position in map(lowered.find, self.stems) if position >= 0]
        first = min(found, default=len(text))
        if not text.isascii() and OTHER_LETTER.search(text, 0, first):
            return self.pattern.search(text)
        # Up to `first`, lowercasing kept every position, and no match can start before it.
        return self.pattern.search(text, first) if found else None

    def spans(self, text):
        """(start, end) of every match of the pattern in `text`, in order."""
        if not self.ascii or not text.isascii() and OTHER_LETTER.search(text):
            return [match.span() for match in self.pattern.finditer(text)]
        lowered = text.lower()
        found = set()
        for stem in self.stems:
            start = lowered.find(stem)
            while start >= 0:
                if start and _is_word(lowered[start - 1]):
                    start = lowered.find(stem, start + 1)
                    continue
                end = start + len(stem)
                while end < len(lowered) and _is_word(lowered[end]):
                    end += 1
                # Two stems can start the same word ("kind", "kindness"): one match.
                found.add((start, end))
                start = lowered.find(stem, end)
        return sorted(found)


def _is_word(character):
    """What the pattern's \\w matches."""
    return character.isalnum() or character == "_"


def searched_words(text):
    """What a search for `text` is about (SearchedWords), or None.

    Marking is done here rather than by PostgreSQL's ts_headline, which parsed and stemmed every
    shown story's text on each search and cost more than finding and ranking the stories. Words
    after a minus (websearch's "not") are not marked.
    """
    stems = {
        _stem(word.lower())
        for token in text.split() if not token.startswith("-")
        for word in re.findall(r"\w+", token)
        if len(word) > 1 and word.lower() not in STOP_WORDS
    }
    return SearchedWords(stems) if stems else None
