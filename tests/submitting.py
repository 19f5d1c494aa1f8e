"""What the submitter's tests share: a valid story, and sending it the way a browser does."""

import html
import re

from django.core import signing
from django.utils import timezone

from stories.forms import FORM_STAMP_SALT
from stories.models import Story

VALID = {
    "title": "The night porter who found my passport",
    "body": (
        "I had left my passport in a taxi on the way to the station. The night porter at the hotel "
        "spent an hour on the phone with the taxi company, found the driver, and had the passport "
        "waiting at the desk before my train the next morning. He would not even take a tip.\n\n"
        "I still think of him every time I travel."
    ),
    "category": "travel",
    "business": "Hotel Miramar",
    "place": "Lisbon",
    "happened_on": "2025-03",
    "display_name": "Jonas",
    "email": "jonas@example.org",
    "consent_publish": "on",
    "consent_names": "on",
    "website": "",
}
STATUS_LINK = re.compile(r"https?://[^/\s\"]+/my/([\w-]+)/")


def stamp(seconds_ago):
    """The form's signed `started` field, as if it had been shown `seconds_ago`."""
    return signing.dumps(timezone.now().timestamp() - seconds_ago, salt=FORM_STAMP_SALT)


def form_stamp(client):
    page = client.get("/share/").content.decode()
    return re.search(r'name="started" value="([^"]+)"', page).group(1)


def post_story(client, **changes):
    """Show the form, then send it with `changes` over the valid story (None drops a field).

    Upper-case names (REMOTE_ADDR, HTTP_X_FORWARDED_FOR) are request headers, not fields.
    """
    meta = {key: changes.pop(key) for key in list(changes) if key.isupper()}
    data = {**VALID, "started": form_stamp(client), **changes}
    return client.post("/share/", {key: value for key, value in data.items() if value is not None}, **meta)


def submit(client, **changes):
    """Send a valid story and read its private link on the thanks page: (story, token)."""
    response = post_story(client, **changes)
    assert response.status_code == 302, response.content.decode()[:2000]
    token = STATUS_LINK.search(client.get("/share/thanks/").content.decode()).group(1)
    return Story.objects.latest("id"), token


def errors_of(response):
    """{field: [messages]} as the page shows them under its fields, and "__all__" for the top alert."""
    page = response.content.decode()
    found = {}
    for field, message in re.findall(r'<span id="error_\d+_id_(\w+)"><strong>(.*?)</strong>', page, re.S):
        found.setdefault(field, []).append(html.unescape(message))
    alert = re.search(r'<div class="alert alert-warning" role="alert">(.*?)</div>', page, re.S)
    if alert:
        found["__all__"] = [html.unescape(m) for m in re.findall(r"<p[^>]*>(.*?)</p>", alert.group(1), re.S)]
    return found
