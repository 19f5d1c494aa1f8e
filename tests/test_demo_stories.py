from io import StringIO

import pytest
from django.core.management import call_command

from stories.demo_stories import DEMO_STORIES
from stories.models import Category, ModerationEvent, Story

pytestmark = pytest.mark.django_db

Status = Story.Status


def load(*args):
    out, err = StringIO(), StringIO()
    call_command("load_demo_stories", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_demo_set_is_varied_and_well_formed():
    slugs = set(Category.objects.values_list("slug", flat=True))
    assert len(DEMO_STORIES) >= 28
    assert len({story["title"] for story in DEMO_STORIES}) == len(DEMO_STORIES)
    for story in DEMO_STORIES:
        assert len(story["title"]) <= 120
        assert 200 <= len(story["body"]) <= 5000
        assert story["category"] in slugs
    assert sum(story["featured"] for story in DEMO_STORIES) == 3
    assert all(story["status"] == Status.APPROVED for story in DEMO_STORIES if story["featured"])


def test_load_creates_stories_in_every_category_with_history():
    load()
    assert Story.objects.count() == len(DEMO_STORIES) >= 24
    approved = Story.objects.published()
    all_slugs = set(Category.objects.values_list("slug", flat=True))
    assert set(approved.values_list("category__slug", flat=True)) == all_slugs
    assert Story.objects.pending().count() >= 4
    assert approved.filter(featured=True).count() == 3
    assert not approved.filter(published_at=None).exists()
    for story in Story.objects.all():
        assert story.slug and len(story.token_hash) == 64 and story.body_fingerprint
        actions = list(story.events.values_list("action", flat=True))
        assert actions[0] == "submit"
        assert len(actions) == (1 if story.status == Status.PENDING else 2)


def test_load_flags_what_a_moderator_must_see():
    load()
    signals = [story.signals for story in Story.objects.pending()]
    assert any("email" in found for found in signals)
    assert any("phone" in found for found in signals)
    assert any("short" in found for found in signals)
    changes = Story.objects.get(status=Status.CHANGES_REQUESTED)
    assert changes.moderator_note
    assert Story.objects.get(status=Status.REJECTED).events.get(action="reject").reason


def test_load_is_idempotent():
    load()
    count, events = Story.objects.count(), ModerationEvent.objects.count()
    assert "0 demo stories" in load()
    assert (Story.objects.count(), ModerationEvent.objects.count()) == (count, events)


def test_if_empty_skips_when_stories_exist():
    load("--if-empty")
    count = Story.objects.count()
    assert count == len(DEMO_STORIES)
    assert "already exist" in load("--if-empty")
    assert Story.objects.count() == count


def test_generate_adds_approved_pending_rejected_and_hidden():
    load("--generate", "200", "--seed", "3")
    assert Story.objects.published().count() == 200
    assert Story.objects.pending().count() == 4
    assert Story.objects.in_state(Status.REJECTED).count() == 2
    assert Story.objects.in_state(Status.HIDDEN).count() == 2
    assert ModerationEvent.objects.filter(action__in=["approve", "feature"], actor=None).count() == 202
    bodies = Story.objects.values_list("body", flat=True)
    assert all(200 <= len(body) <= 3000 for body in bodies)
    assert Story.objects.values("category").distinct().count() == Category.objects.count()
    assert Story.objects.filter(body__icontains="thank").count() > 40


def test_generate_again_adds_more_without_collisions():
    load("--generate", "50", "--seed", "1")
    load("--generate", "50", "--seed", "1")
    assert Story.objects.published().count() == 100
    assert Story.objects.values("slug").distinct().count() == Story.objects.count()
