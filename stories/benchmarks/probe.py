"""What the bench learns in-process, with the bench's settings against the bench database.

Run as `python -m stories.benchmarks.probe <command> <json path>` in the same environment as the
bench's gunicorn (same secret key, database and cache), so the cookies and stamps it makes are
accepted there. Commands:
- `prepare`: the URLs to load (cursor at 90 % depth, search words by document frequency, ...),
  a moderator's session cookie, a CSRF cookie and token, a signed form stamp, and the SQL queries
  each page makes, cached and uncached, counted with Django's own CaptureQueriesContext.
- `cleanup`: count and delete the stories the submission load posted, so the queue stays as loaded.
"""

import json
import os
import sys
from urllib.parse import urlencode

import django

SUBMISSION_TITLE = "Bench submission"
# About as long as a typical story (the median is ~800 characters), in the reader's words.
SUBMISSION_BODY = (
    "I had missed the last train home and the station was closing for the night. The man at the "
    "ticket desk could have told me to wait outside, but he made me a cup of tea, found a timetable "
    "for the night bus, and walked me to the stop in the rain with his own umbrella. He said it was "
    "nothing, that anyone would do the same. It was not nothing to me: I was cold, my phone was "
    "dead, and I did not know the city at all. I never learned his name, so I hope someone from the "
    "station reads this and tells him that the lost traveller got home safely and still thinks of "
    "his kindness every time it rains."
)
DEEP_FRACTION = 0.9


def main(command, out_path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stories.benchmarks.settings")
    # Its own requests are not the load: their log lines would only bury the bench's output.
    os.environ["LOG_LEVEL"] = "WARNING"
    django.setup()
    result = prepare() if command == "prepare" else cleanup()
    with open(out_path, "w") as out:
        json.dump(result, out, indent=2)


def moderator_cookie(client):
    from django.conf import settings
    from django.contrib.auth.models import Group, User

    user, _ = User.objects.get_or_create(username="bench-moderator", defaults={"email": "bench@example.org"})
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def csrf_pair():
    """A CSRF cookie value and a form token matching it, as the share form would hand out."""
    from django.conf import settings
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret

    secret = _get_new_csrf_string()
    return f"{settings.CSRF_COOKIE_NAME}={secret}", _mask_cipher_secret(secret)


def search_words():
    """(common, rare): vocabulary words the most and the fewest stories contain."""
    from django.db import connection

    from stories import demo_words

    words = sorted({entry.split("|")[0] for entry in [*demo_words.NOUNS, *demo_words.ADJECTIVES]})
    with connection.cursor() as db:
        db.execute("SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM stories_story "
                   "WHERE status = ''approved'' AND id % 10 = 0')")
        frequency = dict(db.fetchall())
        db.execute("SELECT w, array_to_string(tsvector_to_array(to_tsvector('english', w)), ' ') "
                   "FROM unnest(%s::text[]) AS w", [words])
        lexemes = dict(db.fetchall())
    counted = sorted((frequency[lexemes[w]], w) for w in words if lexemes.get(w) in frequency)
    return counted[-1][1], counted[0][1]


def targets():
    from stories import cursor
    from stories.models import Category, Story
    from stories.views.listing import PAGE_SIZE

    published = Story.objects.published()
    total = published.count()
    depth = int(total * DEEP_FRACTION)
    deep = published.newest_first().only("published_at")[depth]
    deep_cursor = cursor.encode(deep)
    common, rare = search_words()
    newest = published.newest_first().only("slug").first()
    category = Category.objects.first()
    return {
        "approved": total,
        "pending": Story.objects.pending().count(),
        "words": {"common": common, "rare": rare},
        "category": category.slug,
        "urls": {
            "gallery": "/",
            "gallery_deep": "/?" + urlencode({"before": deep_cursor}),
            "category": "/?" + urlencode({"category": category.slug}),
            "search_common": "/?" + urlencode({"q": common}),
            "search_rare": "/?" + urlencode({"q": rare}),
            "story": newest.get_absolute_url(),
            "api": "/api/stories/",
            "api_deep": "/api/stories/?" + urlencode({"before": deep_cursor}),
            "embed": "/embed/",
            "feed": "/feed/",
            "queue": "/review/",
            "submit": "/share/",
            "naive": "/bench/naive/",
            "naive_deep": "/bench/naive/?" + urlencode({"page": depth // PAGE_SIZE + 1}),
            "floor": "/bench/floor/",
        },
    }


def submission_form(category, stamp, token, mark):
    return {
        "csrfmiddlewaretoken": token, "title": f"{SUBMISSION_TITLE} {mark}",
        "body": f"{SUBMISSION_BODY} Reference {mark}.", "category": category, "business": "Central Station",
        "place": "York", "happened_on": "", "display_name": "A grateful traveller", "email": "",
        "consent_publish": "on", "consent_names": "on", "website": "", "started": stamp,
    }


def count_queries(client, label, url, moderator, form):
    """(status, queries, whether any query counts rows) for one request made through all middleware."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        if label == "submit":
            response = client.post(url, form)
        else:
            response = client.get(url, HTTP_COOKIE=moderator if label == "queue" else "")
    counts = any("COUNT(" in query["sql"].upper() for query in captured.captured_queries)
    return response.status_code, len(captured.captured_queries), counts


def prepare():
    from django.core import signing
    from django.test import Client, override_settings
    from django.utils import timezone

    from stories.forms import FORM_STAMP_SALT

    client = Client(HTTP_HOST="127.0.0.1")
    found = targets()
    moderator = moderator_cookie(client)
    csrf_cookie, csrf_token = csrf_pair()
    # An hour old: well past the minimum time a person takes, well within the day it is valid.
    stamp = signing.dumps(timezone.now().timestamp() - 3600, salt=FORM_STAMP_SALT)
    queries = {}
    for label, url in found["urls"].items():
        client.cookies.clear()
        measured = {}
        for mode, seconds in (("uncached", 0), ("cached", 300)):
            with override_settings(PAGE_CACHE_SECONDS=seconds):
                form = submission_form(found["category"], stamp, csrf_token, f"probe-{mode}")
                if label != "submit":
                    count_queries(client, label, url, moderator, form)  # fill the cache
                status, count, counts_rows = count_queries(client, label, url, moderator, form)
            measured[mode] = {"status": status, "queries": count, "count": counts_rows}
        queries[label] = measured
    return {**found, "queries": queries, "moderator_cookie": moderator, "csrf_cookie": csrf_cookie,
            "csrf_token": csrf_token, "started": stamp, "submission_body": SUBMISSION_BODY}


def cleanup():
    from django.db.models import Count

    from stories.models import Story

    posted = Story.objects.filter(title__startswith=SUBMISSION_TITLE)
    figures = posted.aggregate(rows=Count("id", distinct=True), events=Count("events"))
    figures["without_event"] = posted.filter(events__isnull=True).count()
    posted.delete()
    return figures


if __name__ == "__main__":
    main(*sys.argv[1:3])
