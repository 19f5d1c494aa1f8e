"""Many generated stories for load tests, inserted in bulk (see `load_demo_stories --generate`).

Generated stories skip per-row saves and real tokens so that 100,000 of them load in well under
a minute on PostgreSQL; memory stays bounded because they are built and inserted one batch at a
time, and the search index is filled by a thread of its own while the next batch is built.
"""

import itertools
import json
import math
import os
import queue
import secrets
import string
import threading
import time
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import JSONField
from django.utils import timezone
from django.utils.text import slugify

from . import demo_words, search
from .models import ModerationEvent, Story
from .screening import fingerprint_fields

Status = Story.Status

BATCH_SIZE = 5000
INDEX_CHUNK = 10000
BODY_MIN, BODY_MAX = 200, 3000
# A long, thin tail of lengths (median about 650 characters) like real submissions.
BODY_MEDIAN, BODY_SPREAD = 650, 0.6
DAY = timedelta(days=1)
SENTENCE_POOL = 50000
PARAGRAPH_SENTENCES = (2, 3, 3, 4, 4, 5, 6)
STORY_SLOTS = ("name", "role", "place", "biz")


def zipf(words, exponent=1.0):
    """The words with cumulative Zipf weights by rank, for random.choices."""
    return words, list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(len(words))))


def unique(words):
    return list(dict.fromkeys(words))


def inflect(entry, *suffix_rules):
    """`entry` is a base form or "base|form|form"; missing forms follow the regular rules given."""
    forms = entry.split("|")
    return [forms[i] if i < len(forms) else rule(forms[0]) for i, rule in enumerate(suffix_rules)]


def plural(word):
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def past(word):
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ied"
    return word + "ed"


def present_participle(word):
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith("ee"):
        return word[:-1] + "ing"
    return word + "ing"


def compile_templates(lines):
    """Each template as a positional format string and the slot names it fills, in order."""
    compiled = []
    for line in lines:
        fmt, slots = [], []
        for literal, field, _, _ in string.Formatter().parse(line):
            fmt.append(literal)
            if field is not None:
                fmt.append("{}")
                slots.append(field)
        compiled.append(("".join(fmt), tuple(slots)))
    return compiled


class Generator:
    def __init__(self, categories, rng, progress):
        self.categories = list(categories.values())
        self.rng = rng
        self.progress = progress
        nouns = [inflect(entry, str, plural) for entry in unique(demo_words.NOUNS)]
        verbs = [inflect(entry, str, past, present_participle) for entry in unique(demo_words.VERBS)]
        vocabulary = {
            "noun": [n[0] for n in nouns], "nouns": [n[1] for n in nouns],
            "verb": [v[0] for v in verbs], "verbed": [v[1] for v in verbs], "verbing": [v[2] for v in verbs],
            "adj": unique(demo_words.ADJECTIVES), "adv": unique(demo_words.ADVERBS),
        }
        # One endless stream of Zipf-drawn words per slot: drawing in bulk is what keeps this fast.
        self.streams = {slot: self.stream(*zipf(words)).__next__ for slot, words in vocabulary.items()}
        # Bodies are drawn from a big pool of sentences filled once, each story's own name, role,
        # business and place left as fields: filling every sentence afresh costs more than the
        # insert. Rare words still land in few stories, common ones in many.
        sentences = compile_templates(demo_words.SENTENCES)
        own = {slot: f"{{{slot}}}" for slot in STORY_SLOTS}
        self.pool = [self.fill(rng.choice(sentences), own) for _ in range(SENTENCE_POOL)]
        self.mean_sentence = sum(map(len, self.pool)) / len(self.pool) + 5
        self.titles = compile_templates(demo_words.TITLES)
        self.businesses = {
            slug: [f"{prefix} {rng.choice(kinds)}" for prefix in rng.sample(demo_words.BUSINESS_PREFIXES, 25)]
            for slug, (kinds, _) in demo_words.CATEGORY_WORDS.items()
        }
        # Slugs of another run never collide: each run has its own prefix.
        self.run_prefix = secrets.token_hex(3)
        self.now = timezone.now()

    def stream(self, words, cum_weights):
        while True:
            yield from self.rng.choices(words, cum_weights=cum_weights, k=65536)

    def fill(self, template, fixed):
        fmt, slots = template
        return fmt.format(*[fixed[slot] if slot in fixed else self.streams[slot]() for slot in slots])

    def body(self, fixed):
        rng = self.rng
        target = min(BODY_MAX - 400, max(BODY_MIN, int(rng.lognormvariate(math.log(BODY_MEDIAN), BODY_SPREAD))))
        sentences = rng.choices(self.pool, k=max(3, round(target / self.mean_sentence)))
        paragraphs, start = [], 0
        while start < len(sentences):
            size = rng.choice(PARAGRAPH_SENTENCES)
            paragraphs.append(" ".join(sentences[start:start + size]))
            start += size
        body = "\n\n".join(paragraphs).format(**fixed)
        while len(body) < BODY_MIN:
            body += " " + rng.choice(self.pool).format(**fixed)
        if len(body) > BODY_MAX:
            body = body[:body.rindex(".", 0, BODY_MAX) + 1]
        return body

    def story(self, status, number):
        rng = self.rng
        category = rng.choice(self.categories)
        kinds, roles = demo_words.CATEGORY_WORDS[category.slug]
        name = rng.choice(demo_words.FIRST_NAMES)
        fixed = {
            "name": name, "role": rng.choice(roles), "place": rng.choice(demo_words.PLACES),
            "biz": rng.choice(self.businesses[category.slug]),
        }
        title = self.fill(rng.choice(self.titles), fixed)[:120]
        body = self.body(fixed)
        contact = status == Status.PENDING and number % 10 == 0
        if contact:
            # Some of the queue carries contact details, as real submissions do.
            body += f"\n\nYou can reach me at {name.lower()}{number}@example.com or 07700 900{number % 1000:03d}."
        submitted_at = self.now - timedelta(seconds=rng.randint(3600, 3 * 365 * 86400))
        story = Story(
            slug=f"{slugify(title)[:100]}-{self.run_prefix}{number:x}", title=title, body=body, category=category,
            business=fixed["biz"] if rng.random() < 0.85 else "", place=fixed["place"] if rng.random() < 0.8 else "",
            display_name=self.display_name(name), consent_publish=True, consent_names=True, status=status,
            submitted_at=submitted_at, updated_at=self.now, token_hash=os.urandom(32).hex(),
            **fingerprint_fields(body),
        )
        if rng.random() < 0.65:
            happened = submitted_at - timedelta(days=rng.randint(0, 400))
            story.happened_on = happened.date().replace(day=1)
        if status == Status.PENDING:
            story.submitted_at = self.now - timedelta(seconds=rng.randint(600, 30 * 86400))
        else:
            story.decided_at = min(self.now, submitted_at + timedelta(seconds=rng.randint(1800, 4 * 86400)))
        if status in (Status.APPROVED, Status.HIDDEN):
            story.published_at = story.decided_at
            story.featured = status == Status.APPROVED and rng.random() < 0.01
        if contact:
            # Screening every generated story (it compares with recent ones) would cost more than
            # the whole load; the generator knows what it put in.
            story.signals = {"email": True, "phone": True}
        return story

    def display_name(self, name):
        roll = self.rng.random()
        if roll < 0.3:
            return ""
        if roll < 0.6:
            return f"{name} {self.rng.choice(string.ascii_uppercase)}."
        return name

    @staticmethod
    def events(story):
        def event(from_status, to_status, action, at, actor_label="generator", reason=""):
            return ModerationEvent(
                story=story, actor_label=actor_label, from_status=from_status, to_status=to_status,
                action=action, reason=reason, created_at=at,
            )

        if story.status == Status.PENDING:
            return [event("", Status.PENDING, "submit", story.submitted_at, actor_label="submitter")]
        if story.status == Status.REJECTED:
            return [event(Status.PENDING, Status.REJECTED, "reject", story.decided_at, reason="not_kind")]
        approve = event(Status.PENDING, Status.APPROVED, "feature" if story.featured else "approve", story.decided_at)
        if story.status == Status.HIDDEN:
            return [approve, event(Status.APPROVED, Status.HIDDEN, "hide", story.decided_at + DAY)]
        return [approve]

    def run_statuses(self, count):
        extra = count // 1000 + 2
        return itertools.chain(
            itertools.repeat(Status.APPROVED, count), itertools.repeat(Status.PENDING, count // 50),
            itertools.repeat(Status.REJECTED, extra), itertools.repeat(Status.HIDDEN, extra),
        )

    def run(self, count):
        total = count + count // 50 + 2 * (count // 1000 + 2)
        statuses = self.run_statuses(count)
        started = time.monotonic()
        indexer = Indexer() if search.is_full_text() else None
        done, analyzed = 0, False
        try:
            while batch_statuses := list(itertools.islice(statuses, BATCH_SIZE)):
                if indexer and batch_statuses[-1] != Status.APPROVED and not analyzed:
                    # The screening of queued stories looks up fingerprints: stale statistics after
                    # a bulk load make each look-up a full scan.
                    analyze()
                    analyzed = True
                stories = [self.story(status, done + i) for i, status in enumerate(batch_statuses)]
                with transaction.atomic():
                    insert(Story, stories)
                    insert(ModerationEvent, [e for story in stories for e in self.events(story)])
                if indexer:
                    indexer.add(stories[0].pk, stories[-1].pk)
                done += len(stories)
                self.report(f"stories {done:,}/{total:,}", started)
        finally:
            if indexer:
                self.report("search index: finishing", started)
                indexer.finish()
        if indexer:
            analyze()
        self.progress.write(f"\rdone: {done:,} stories in {time.monotonic() - started:.1f}s" + " " * 20)

    def report(self, text, started):
        self.progress.write(f"\r{text} ({time.monotonic() - started:.1f}s)", ending="")
        self.progress.flush()


def analyze():
    """Fresh planner statistics (PostgreSQL), so the partial indexes are used right after a bulk load."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Story._meta.db_table}, {ModerationEvent._meta.db_table}")


def insert(model, objects):
    """bulk_create, or on PostgreSQL a COPY: building one huge INSERT costs ten times more there.

    COPY returns no ids, so stories take theirs from the table's sequence first."""
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects)
        return
    table = model._meta.db_table
    fields = [f for f in model._meta.concrete_fields if f.attname != "search_vector"]
    with connection.cursor() as cursor:
        if model is Story:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, len(objects)]
            )
            for obj, (pk,) in zip(objects, cursor.fetchall(), strict=True):
                obj.pk = pk
        else:
            fields = [f for f in fields if not f.primary_key]
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        # Plain Python values go straight to COPY; only JSON needs its text form first.
        convert = [json.dumps if isinstance(f, JSONField) else None for f in fields]
        attnames = [f.attname for f in fields]
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                values = [getattr(obj, name) for name in attnames]
                copy.write_row([c(v) if c else v for c, v in zip(convert, values, strict=True)])


class Indexer:
    """Fills search vectors of committed batches on its own connection while the next batch is built:
    stemming every text is the slowest part of a load, and this way it runs on the other core."""

    def __init__(self):
        # Inside an outer transaction (a test) another connection would not see the rows.
        self.inline = connection.in_atomic_block
        self.ranges = queue.Queue()
        self.error = None
        self.thread = None if self.inline else threading.Thread(target=self.work, daemon=True)
        if self.thread:
            self.thread.start()

    def add(self, first_id, last_id):
        if self.inline:
            self.index(first_id, last_id)
        else:
            self.ranges.put((first_id, last_id))

    def work(self):
        try:
            while (item := self.ranges.get()) is not None:
                self.index(*item)
        except Exception as error:  # noqa: BLE001 - raised again in the main thread by finish()
            self.error = error
        finally:
            connection.close()

    @staticmethod
    def index(first_id, last_id):
        for low in range(first_id, last_id + 1, INDEX_CHUNK):
            search.index_all(Story.objects.filter(pk__gte=low, pk__lte=min(low + INDEX_CHUNK - 1, last_id)))

    def finish(self):
        if self.thread:
            self.ranges.put(None)
            self.thread.join()
        if self.error:
            raise self.error
