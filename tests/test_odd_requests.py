"""Odd requests get a plain answer, never a 500 or a page meant for someone else."""

import pytest

from stories import cursor
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/?q=%00", "/?q=kind%00ness", "/api/stories/?q=%00", "/embed/?q=%00",
                                  "/?q=%0A%09"])
def test_control_characters_in_a_search_are_ignored(client, approved_story, path):
    assert client.get(path).status_code == 200


def test_a_control_character_in_the_queue_filter_is_ignored(moderator_client):
    assert moderator_client.get("/review/?category=%00").status_code == 200


def test_an_unlisted_parameter_cannot_plant_a_first_page_in_the_api_cache(client):
    stories = [StoryFactory(approved=True) for _ in range(3)]
    client.get(f"/api/stories/?after={cursor.encode(stories[1])}")
    slugs = [story["slug"] for story in client.get("/api/stories/").json()["results"]]
    assert slugs == [story.slug for story in reversed(stories)]


@pytest.mark.parametrize("odd_id", ["²", "99999999999999999999999999", "-1", "1e3", ""])
def test_odd_ids_in_a_bulk_decision_are_ignored(moderator_client, odd_id):
    story = StoryFactory()
    response = moderator_client.post("/review/", {"action": "approve", "ids": [odd_id, str(story.pk)]})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == "approved"
