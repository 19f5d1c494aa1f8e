"""The database away: a health check that says so, kind 503 pages with Retry-After, never a 500,
and a visitor's story kept on screen."""

import re
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection

from stories.models import Story
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

REFUSED = ('connection failed: connection to server at "127.0.0.1", port 5432 failed: Connection refused\n'
           "\tIs the server running on that host and accepting TCP/IP connections?")
# The test's own transaction must survive: only the statements a request makes are refused.
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


@contextmanager
def database_refusing(*statements):
    """Every query (or only those starting with one of `statements`) fails as a stopped server does."""

    def refuse(execute, sql, params, many, context):
        text = sql.lstrip().upper()
        if not text.startswith(TRANSACTION_CONTROL) and (not statements or text.startswith(statements)):
            raise OperationalError(REFUSED)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


def story_form(client):
    page = client.get("/share/").content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    return {
        "title": "The librarian who found the book", "started": started, "category": "public-services",
        "body": ("I needed an out-of-print book for my thesis and no library in the country had it. The "
                 "librarian spent her lunch break writing to three universities abroad, found a copy, and "
                 "had it sent over on inter-library loan within two weeks. She even called to tell me.\n\n"
                 "I thanked her in the preface."),
        "business": "", "place": "", "happened_on": "", "display_name": "", "email": "",
        "consent_publish": "on", "consent_names": "on", "website": "",
    }


def test_healthz_answers_503_while_the_database_is_away(client):
    assert client.get("/healthz").status_code == 200
    with database_refusing():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["database"] == "down"


@pytest.mark.parametrize("path", ["/", "/?category=travel", "/stories/{slug}/", "/share/"])
def test_public_pages_answer_a_friendly_503(client, path):
    story = StoryFactory(approved=True)
    with database_refusing():
        response = client.get(path.format(slug=story.slug))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert "We will be right back" in body
    assert "Traceback" not in body and "OperationalError" not in body


def test_a_signed_in_moderator_gets_the_friendly_503_not_a_500(moderator_client):
    with database_refusing():
        response = moderator_client.get("/review/")
    assert response.status_code == 503
    assert "We will be right back" in response.content.decode()


def test_a_story_refused_at_save_keeps_its_text_in_the_form(client):
    data = story_form(client)
    with database_refusing("INSERT", "UPDATE"):
        response = client.post("/share/", data)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert "I thanked her in the preface." in body and 'value="The librarian who found the book"' in body
    assert "Your text is still here" in body
    assert not Story.objects.exists()


def test_a_story_sent_while_the_database_is_away_keeps_its_text_in_the_form(client):
    data = story_form(client)
    with database_refusing():
        response = client.post("/share/", data)
    assert response.status_code == 503
    assert "I thanked her in the preface." in response.content.decode()
