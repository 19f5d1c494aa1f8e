"""Every staff URL: anonymous visitors go to a login page, signed-in non-moderators get 403."""

import pytest

from stories.models import Story
from tests.factories import StoryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(db):
    return StoryFactory()


def staff_get_urls(story):
    return [
        "/review/", "/review/?tab=reported", "/review/?tab=approved&category=retail&signal=link",
        f"/review/{story.pk}/", f"/review/{story.pk}/?tab=pending", "/review/export.csv",
    ]


def admin_urls(story):
    return [
        "/admin/", "/admin/stories/", "/admin/stories/story/", "/admin/stories/story/?status__exact=pending",
        "/admin/stories/story/?signal=link&reported=open", f"/admin/stories/story/{story.pk}/change/",
        f"/admin/stories/story/{story.pk}/history/", "/admin/stories/moderationevent/", "/admin/stories/report/",
        "/admin/stories/category/", "/admin/stories/suspectword/",
    ]


def staff_posts(story):
    return [
        (f"/review/{story.pk}/", {"action": "approve", "seen_status": "pending"}),
        ("/review/", {"action": "approve", "ids": [story.pk], "seen_status": "pending"}),
        ("/admin/stories/story/", {"action": "admin_approve", "_selected_action": [story.pk]}),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, story):
    for url in staff_get_urls(story):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/accounts/login/?next="), url
    for url in admin_urls(story):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/admin/login/?next="), url


def test_anonymous_posts_change_nothing(client, story):
    for url, data in staff_posts(story):
        response = client.post(url, data)
        assert response.status_code == 302 and "login" in response.url, url
    story.refresh_from_db()
    assert story.status == Story.Status.PENDING and not story.events.exists()


def test_plain_users_get_403(client, plain_user, story):
    client.force_login(plain_user)
    for url in staff_get_urls(story) + admin_urls(story):
        assert client.get(url).status_code == 403, url


def test_plain_staff_without_the_permission_gets_403_on_stories(client, story):
    """is_staff alone opens the admin's door, not the stories or the queue."""
    client.force_login(UserFactory(username="clerk", is_staff=True))
    assert client.get("/review/").status_code == 403
    assert client.get("/admin/stories/story/").status_code == 403
    assert client.get(f"/admin/stories/story/{story.pk}/change/").status_code == 403


def test_plain_user_posts_are_refused(client, plain_user, story):
    client.force_login(plain_user)
    for url, data in staff_posts(story):
        assert client.post(url, data).status_code == 403, url
    story.refresh_from_db()
    assert story.status == Story.Status.PENDING and not story.events.exists()


def test_moderators_see_every_staff_page(moderator_client, story):
    for url in staff_get_urls(story) + admin_urls(story):
        assert moderator_client.get(url).status_code == 200, url


@pytest.mark.parametrize("index", [0, 1, 2])
def test_moderators_can_post_each_action_url(moderator_client, story, index):
    url, data = staff_posts(story)[index]
    response = moderator_client.post(url, data)
    assert response.status_code == 302, url
    story.refresh_from_db()
    assert story.status == Story.Status.APPROVED
    assert list(story.events.values_list("action", "actor__username")) == [("approve", "maria")]


def test_review_pages_are_never_cached(moderator_client, story):
    for url in ["/review/", f"/review/{story.pk}/", "/review/export.csv"]:
        assert "no-cache" in moderator_client.get(url)["Cache-Control"], url


ADMIN_ONLY = ["/admin/stories/heart/", "/admin/auth/user/", "/admin/auth/group/"]


@pytest.mark.parametrize("url", ADMIN_ONLY)
def test_hearts_users_and_groups_are_for_administrators_only(client, moderator, plain_user, django_user_model, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith("/admin/login/"), url
    for user in (plain_user, moderator):
        client.force_login(user)
        assert client.get(url).status_code == 403, (user.username, url)
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "a-good-password-1"))
    assert client.get(url).status_code == 200, url


def test_a_moderator_taken_out_of_the_group_loses_the_queue_at_the_next_request(moderator_client, moderator):
    from django.contrib.auth.models import Group, Permission

    assert moderator_client.get("/review/").status_code == 200
    moderators = Group.objects.get(name="Moderators")
    moderator.groups.remove(moderators)
    assert moderator_client.get("/review/").status_code == 403
    moderator.groups.add(moderators)
    assert moderator_client.get("/review/").status_code == 200
    moderators.permissions.remove(Permission.objects.get(codename="moderate_story"))
    assert moderator_client.get("/review/").status_code == 403


def test_a_deactivated_moderator_is_signed_out_at_the_next_request(moderator_client, moderator):
    assert moderator_client.get("/review/").status_code == 200
    moderator.is_active = False
    moderator.save()
    assert moderator_client.get("/review/").status_code == 302


def test_a_deleted_moderator_or_a_changed_password_signs_the_session_out(moderator_client, moderator,
                                                                      other_moderator):
    from django.test import Client

    other_client = Client()
    other_client.force_login(other_moderator)
    assert moderator_client.get("/review/").status_code == other_client.get("/review/").status_code == 200
    moderator.set_password("a-brand-new-passphrase-42")
    moderator.save()
    other_moderator.delete()
    assert moderator_client.get("/review/").status_code == other_client.get("/review/").status_code == 302


def test_someone_signing_in_leaves_the_moderators_cached_permissions_alone(moderator_client, other_moderator):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    moderator_client.get("/review/")
    Client().force_login(other_moderator)
    with CaptureQueriesContext(connection) as queries:
        assert moderator_client.get("/review/").status_code == 200
    assert not [q for q in queries.captured_queries if "auth_permission" in q["sql"]]
