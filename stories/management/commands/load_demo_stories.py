"""Fill the database with stories: the hand-written demo set, or many generated ones for load tests.

The demo set goes through the same fields a real submission fills (slug, token hash, fingerprint,
signals) and gets a believable history. Generated stories come from stories/demo_generator.py.
"""

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from stories import demo_words, public_cache, review_cache, search
from stories.demo_generator import Generator
from stories.demo_stories import DEMO_STORIES
from stories.models import Category, ModerationEvent, Story
from stories.notifications import issue_link
from stories.screening import fingerprint_fields, signals_for

from .ensure_demo_moderator import DEMO_USERNAME

Status = Story.Status


class Command(BaseCommand):
    help = "Load the hand-written demo stories, or generate N synthetic ones with --generate N."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when any story exists.")
        parser.add_argument("--generate", type=int, metavar="N", help="Generate N approved stories (and a few more).")
        parser.add_argument("--seed", type=int, help="Make generated text reproducible.")

    def handle(self, *args, if_empty=False, generate=None, seed=None, **options):
        if if_empty and Story.objects.exists():
            self.stdout.write("Stories already exist; not loading demo stories.")
            return
        categories = {category.slug: category for category in Category.objects.all()}
        missing = set(demo_words.CATEGORY_WORDS) - categories.keys()
        if missing:
            raise CommandError(f"Missing categories {sorted(missing)}: run migrate first.")
        if generate is None:
            self.load_demo(categories)
        elif generate < 1:
            raise CommandError("--generate needs a positive number.")
        else:
            Generator(categories, random.Random(seed), self.stderr).run(generate)
            self.stdout.write(f"Generated {generate:,} approved stories and their companions.")
        public_cache.bump()
        review_cache.QUEUE.bump()

    def load_demo(self, categories):
        titles = [data["title"] for data in DEMO_STORIES]
        existing = set(Story.objects.filter(title__in=titles).values_list("title", flat=True))
        moderator = get_user_model().objects.filter(username=DEMO_USERNAME).first()
        # Fixed jitter, so every fresh install tells the same history.
        rng = random.Random(2024)
        now = timezone.now()
        decided = [d for d in DEMO_STORIES if d["status"] == Status.APPROVED]
        created = 0
        for data in DEMO_STORIES:
            if data["title"] in existing:
                continue
            if data["status"] == Status.APPROVED:
                # Spread over the last ten months, the first story in the list the newest.
                days_ago = 4 + 290 * decided.index(data) / len(decided)
                decided_at = now - timedelta(days=days_ago, hours=rng.randint(0, 23))
                submitted_at = decided_at - timedelta(hours=rng.randint(5, 70))
            else:
                # The queue is fresh: nothing waits long on a well-run site.
                submitted_at = now - timedelta(hours=rng.randint(3, 240))
                decided_at = submitted_at + timedelta(hours=rng.randint(2, 20))
            with transaction.atomic():
                self.create_demo_story(data, categories, moderator, submitted_at, min(decided_at, now))
            created += 1
        search.index_all(Story.objects.all())
        self.stdout.write(f"Loaded {created} demo stories ({len(DEMO_STORIES) - created} already there).")

    def create_demo_story(self, data, categories, moderator, submitted_at, decided_at):
        story = Story(
            title=data["title"], body=data["body"], category=categories[data["category"]],
            business=data["business"], place=data["place"], display_name=data["display_name"],
            happened_on=date.fromisoformat(data["happened_on"] + "-01") if data["happened_on"] else None,
            consent_publish=True, consent_names=True, submitted_at=submitted_at,
            **fingerprint_fields(data["body"]),
        )
        issue_link(story)
        story.signals = signals_for(story)
        status = data["status"]
        if status != Status.PENDING:
            story.status = status
            story.decided_at = decided_at
            story.moderator_note = data.get("note", "")
        if status == Status.APPROVED:
            story.published_at = decided_at
            story.featured = data["featured"]
        story.save()
        events = [ModerationEvent(
            story=story, actor_label="submitter", to_status=Status.PENDING, action="submit", created_at=submitted_at,
        )]
        if status != Status.PENDING:
            action = {
                Status.APPROVED: "feature" if story.featured else "approve",
                Status.REJECTED: "reject", Status.CHANGES_REQUESTED: "request_changes",
            }[status]
            events.append(ModerationEvent(
                story=story, actor=moderator, actor_label="" if moderator else "demo", from_status=Status.PENDING,
                to_status=status, action=action, reason=data.get("reason", ""), note=data.get("note", ""),
                created_at=decided_at,
            ))
        ModerationEvent.objects.bulk_create(events)
