"""The stories, their history, and what readers do with them.

Reads go through `Story.objects`: `published()` is the one way any public page sees stories.
Writes of `status` go through `stories.moderation` only.
"""

import hashlib
import secrets

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from . import public_cache, review_cache

REJECT_REASONS = [
    ("not_customer_service", "Not a story about customer service"),
    ("personal_data", "It shares personal details we cannot publish"),
    ("not_kind", "It is a complaint rather than a story of kindness"),
    ("offensive", "Offensive or hurtful language"),
    ("duplicate", "We already have this story"),
    ("spam", "Advertising or spam"),
    ("other", "Another reason (see the note)"),
]
REJECT_REASON_LABELS = dict(REJECT_REASONS)


class Category(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


@receiver([post_save, post_delete], sender=Category)
def category_changed(**kwargs):
    """Category names and order show on every public page, and filter the review queue: a change must show at once."""
    public_cache.bump_on_commit()
    review_cache.bump_on_commit()


@receiver(post_migrate)
def migrated(**kwargs):
    """A migration may have changed what pages show without a signal (historical models)."""
    public_cache.bump()
    review_cache.QUEUE.bump()


class PublicText:
    """How a story's name and text read on a public page: for the model and for a card alike."""

    __slots__ = ()

    @property
    def shown_name(self):
        return self.display_name or "Anonymous"

    @property
    def paragraphs(self):
        return [part.strip() for part in self.body.replace("\r\n", "\n").split("\n\n") if part.strip()]


class StoryQuerySet(models.QuerySet):
    def published(self):
        """The only stories any public page, feed, sitemap, embed or API may show."""
        return self.filter(status=Story.Status.APPROVED)

    def newest_first(self):
        return self.order_by("-published_at", "-id")

    def for_cards(self):
        """Just what a story card shows, with its category in the same query."""
        return self.select_related("category").only(
            "slug", "title", "body", "business", "place", "display_name", "published_at",
            "hearts_count", "featured", "category__name", "category__slug",
        )

    def in_state(self, status):
        return self.filter(status=status)

    def pending(self):
        return self.filter(status=Story.Status.PENDING)

    def reported(self):
        return self.filter(reports_count__gt=0, reports__resolved=False).exclude(
            status__in=[Story.Status.WITHDRAWN, Story.Status.REJECTED]
        ).distinct()


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class Story(PublicText, models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        HIDDEN = "hidden", "Hidden"
        WITHDRAWN = "withdrawn", "Withdrawn"

    slug = models.SlugField(max_length=140, unique=True, editable=False)
    title = models.CharField(max_length=120)
    body = models.TextField(help_text="Plain text; blank lines separate paragraphs.")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="stories")
    business = models.CharField(max_length=120, blank=True, help_text="The business or organisation.")
    place = models.CharField(max_length=120, blank=True, help_text="City or place.")
    happened_on = models.DateField(null=True, blank=True, help_text="Month and year; the day is always 1.")
    display_name = models.CharField(max_length=80, blank=True, help_text="Shown publicly; blank means Anonymous.")
    email = models.EmailField(blank=True, help_text="Private: status link and notifications only.")
    consent_publish = models.BooleanField(default=False)
    consent_names = models.BooleanField(default=False)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, editable=False)
    featured = models.BooleanField(default=False, editable=False)
    hearts_count = models.PositiveIntegerField(default=0, editable=False)
    reports_count = models.PositiveIntegerField(default=0, editable=False)

    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    body_fingerprint = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    signals = models.JSONField(default=dict, blank=True, editable=False)
    moderator_note = models.TextField(blank=True, editable=False, help_text="The last note sent to the submitter.")
    # Filled on PostgreSQL only (see stories.search); SQLite searches with a simple fallback.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "stories"
        permissions = [("moderate_story", "Can moderate stories")]
        indexes = [
            # The gallery, feed, API and embed: newest approved first, keyset by (published_at, id).
            models.Index(
                fields=["-published_at", "-id"], name="story_published_idx",
                condition=models.Q(status="approved"),
            ),
            models.Index(
                fields=["category", "-published_at", "-id"], name="story_cat_published_idx",
                condition=models.Q(status="approved"),
            ),
            models.Index(
                fields=["-published_at", "-id"], name="story_featured_idx",
                condition=models.Q(status="approved", featured=True),
            ),
            # The queue: each tab oldest first.
            models.Index(fields=["status", "submitted_at", "id"], name="story_queue_idx"),
        ]

    def __str__(self):
        return self.title or f"Story {self.pk}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.assign_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("stories:detail", args=[self.slug])


    def assign_slug(self):
        base = slugify(self.title)[:100] or "story"
        self.slug = f"{base}-{secrets.token_hex(3)}"




class ModerationEvent(models.Model):
    """Append-only history: who moved a story from which state to which, and why."""

    ACTION_LABELS = {
        "submit": "Submitted", "approve": "Approved", "feature": "Featured", "unfeature": "Stopped featuring",
        "reject": "Rejected", "request_changes": "Asked for changes", "hide": "Hidden", "restore": "Restored",
        "reopen": "Reopened", "edit": "Edited", "submitter_edit": "Edited by the submitter",
        "withdraw": "Withdrawn", "auto_hide": "Hidden after reader reports",
    }

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        help_text="Empty for the submitter or the system.",
    )
    actor_label = models.CharField(max_length=40, blank=True, help_text="'submitter' or 'system' when no user.")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    action = models.CharField(max_length=30)
    reason = models.CharField(max_length=40, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.action}: {self.from_status or '-'} → {self.to_status}"

    @property
    def action_label(self):
        return self.ACTION_LABELS.get(self.action, self.action)

    @property
    def who(self):
        if self.actor_id:
            return self.actor.get_username()
        return self.actor_label or "system"


class Report(models.Model):
    class Reason(models.TextChoices):
        PERSONAL_DATA = "personal_data", "It shares someone's personal details"
        OFFENSIVE = "offensive", "It is offensive or hurtful"
        NOT_TRUE = "not_true", "I believe it is not true"
        SPAM = "spam", "It is an advert or spam"
        OTHER = "other", "Something else"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    note = models.CharField(max_length=500, blank=True)
    reporter_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["story", "reporter_key"], name="one_report_per_reporter"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} on {self.story_id}"


@receiver([post_save, post_delete], sender=Story)
@receiver([post_save, post_delete], sender=Report)
def queue_changed(**kwargs):
    """A submission, a report or a deleted story changes the review queue's figures."""
    review_cache.bump_on_commit()


class Heart(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="hearts")
    visitor_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["story", "visitor_key"], name="one_heart_per_visitor")]

    def __str__(self):
        return f"Heart for {self.story_id}"


class SuspectWord(models.Model):
    """Words that make a moderator look twice; staff edit the list in the admin."""

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip().lower()
        super().save(*args, **kwargs)
