"""Logs a person can follow: one line per request with its id, status and time; errors with their
traceback; no email address, token or client address in any line."""

import io
import logging
import re

import pytest

from stories.models import Story

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
EMAIL = "private.person@example.org"
REQUEST_LINE = re.compile(r"INFO stories\.requests \[(?P<id>[\w-]+)\] (?P<method>[A-Z]+) (?P<path>\S+) "
                          r"(?P<status>\d{3}) \d+\.\dms$")
STORY = {
    "title": "The bus driver who waited",
    "body": ("My daughter ran for the last bus of the night and missed it by a few steps. The driver saw her "
             "in the mirror, stopped at the next corner and waited with the doors open until she caught up, "
             "then asked if she had a ride home from the terminal. She did, thanks to him.\n\n"
             "We still talk about him at dinner."),
    "category": "travel", "business": "City Buses", "place": "Porto", "happened_on": "2024-11",
    "display_name": "Rita", "email": EMAIL, "consent_publish": "on", "consent_names": "on", "website": "",
}


@pytest.fixture
def log_lines():
    """What the configured console handler writes: formatted and filtered as in production."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    root = logging.getLogger()
    buffer, level = io.StringIO(), root.level
    previous = handler.setStream(buffer)
    root.setLevel(logging.INFO)
    yield lambda: buffer.getvalue().splitlines()
    handler.setStream(previous)
    root.setLevel(level)


def request_lines(lines):
    return [match for line in lines if (match := REQUEST_LINE.search(line))]


def test_one_line_per_request_with_its_id_status_and_time(client, log_lines):
    response = client.get("/about/?utm_source=newsletter")
    lines = request_lines(log_lines())
    assert len(lines) == 1
    assert lines[0]["id"] == response["X-Request-Id"]
    assert (lines[0]["method"], lines[0]["path"], lines[0]["status"]) == ("GET", "/about/", "200")
    assert "newsletter" not in "\n".join(log_lines())


def test_a_request_id_from_the_proxy_is_kept_and_a_malformed_one_replaced(client, log_lines):
    kept = client.get("/about/", HTTP_X_REQUEST_ID="edge-4f2a9c01")
    replaced = client.get("/about/", HTTP_X_REQUEST_ID="no good <id>")
    assert kept["X-Request-Id"] == "edge-4f2a9c01"
    assert re.fullmatch(r"[0-9a-f]{16}", replaced["X-Request-Id"])
    assert [line["id"] for line in request_lines(log_lines())] == ["edge-4f2a9c01", replaced["X-Request-Id"]]


def test_nothing_private_in_any_line_from_share_to_approval(client, moderator, log_lines):
    form = client.get("/share/", REMOTE_ADDR=ADDRESS).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', form).group(1)
    assert client.post("/share/", {**STORY, "started": started}, REMOTE_ADDR=ADDRESS).status_code == 302
    thanks = client.get("/share/thanks/", REMOTE_ADDR=ADDRESS).content.decode()
    token = re.search(r"/my/([\w-]{20,})/", thanks).group(1)
    assert client.get(f"/my/{token}/", REMOTE_ADDR=ADDRESS).status_code == 200
    assert client.get(f"/my/{token}x/", REMOTE_ADDR=ADDRESS).status_code == 404
    # A failed staff login is logged by the throttle (axes), which must mask the address.
    client.post("/accounts/login/", {"username": "maria", "password": "wrong"}, REMOTE_ADDR=ADDRESS)
    client.force_login(moderator)
    story = Story.objects.get(email=EMAIL)
    approved = client.post(f"/review/{story.pk}/", {"action": "approve", "seen_status": "pending"},
                           REMOTE_ADDR=ADDRESS)
    assert approved.status_code == 302
    client.logout()
    assert client.get(f"/my/{token}/", REMOTE_ADDR=ADDRESS).status_code == 200

    lines = log_lines()
    text = "\n".join(lines)
    assert len(request_lines(lines)) >= 8
    assert "GET /my/<token>/ 200" in text
    assert EMAIL not in text and "@example.org" not in text
    assert token not in text and token[:12] not in text
    assert ADDRESS not in text


def test_an_error_is_logged_with_its_traceback(client, log_lines, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the about page broke")

    monkeypatch.setattr("stories.views.public.render", broken)
    client.raise_request_exception = False
    response = client.get("/about/")
    assert response.status_code == 500
    text = "\n".join(log_lines())
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: the about page broke" in text
    error_line = next(line for line in log_lines() if "ERROR django.request" in line)
    assert f"[{response['X-Request-Id']}]" in error_line
    assert [(line["path"], line["status"]) for line in request_lines(log_lines())] == [("/about/", "500")]
