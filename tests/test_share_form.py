"""The share form: every field's limits with the words a person sees, and nasty input."""

import datetime
import unicodedata

import pytest
from django.utils import timezone
from django.utils.html import escape

from stories import moderation
from stories.models import Story

from .submitting import VALID, errors_of, post_story

pytestmark = pytest.mark.django_db

CONTROL = "This contains invisible control characters; please retype it."
LONG_BODY = "x" * 5001


def next_month():
    first = timezone.localdate().replace(day=1)
    return (first + datetime.timedelta(days=32)).strftime("%Y-%m")


@pytest.fixture(autouse=True)
def generous_rate(settings):
    # These tests send many stories from one address; the limit itself is tested in test_spam.
    settings.SUBMIT_RATE = "1000/h"


def refused(client, **changes):
    response = post_story(client, **changes)
    assert response.status_code == 400
    assert not Story.objects.exists()
    return errors_of(response)


def accepted(client, **changes):
    response = post_story(client, **changes)
    assert response.status_code == 302, errors_of(response)
    return Story.objects.latest("id")


LIMITS = [
    ("title", "", "Give your story a title."),
    ("title", "   ", "Give your story a title."),
    ("title", "t" * 121, "Keep the title to 120 characters (it has 121)."),
    ("body", "", "Tell us your story."),
    ("body", "b" * 199, "Please tell us a little more: at least 200 characters (you have 199)."),
    ("body", "  \n" + "b" * 199 + "\n\n  ", "Please tell us a little more: at least 200 characters (you have 199)."),
    ("body", LONG_BODY, "Please keep it to 5,000 characters at most (you have 5,001)."),
    ("category", "", "Choose the kind of place it happened."),
    ("category", "spaceships", "Choose one of the listed kinds of place."),
    ("category", "Travel", "Choose one of the listed kinds of place."),
    ("happened_on", "1899-12", "Pick a year after 1900."),
    ("happened_on", "last summer", "Enter a month and year, like 2025-03."),
    ("happened_on", "2025-13", "Enter a month and year, like 2025-03."),
    ("business", "b" * 121, "Please keep this to 120 characters (it has 121)."),
    ("place", "p" * 121, "Please keep this to 120 characters (it has 121)."),
    ("display_name", "n" * 81, "Please keep this to 80 characters (it has 81)."),
    ("display_name", "Jonas jonas@example.org", "This name is shown to everyone: please leave your email out of it."),
    ("email", "jonas-at-example.org", "Enter an email address like name@example.org, or leave it empty."),
    ("email", "jonas@", "Enter an email address like name@example.org, or leave it empty."),
    ("email", "jonas@example.org<script>", "Enter an email address like name@example.org, or leave it empty."),
    ("email", "j" * 243 + "@example.org", "Please keep this to 254 characters (it has 255)."),
    ("consent_publish", None, "We can only publish your story with your agreement."),
    ("consent_names", None, "Please confirm that the names in your story are yours to share."),
    ("title", "Hello\x00world", CONTROL),
    ("body", VALID["body"] + "\x07", CONTROL),
    ("business", "Shop\x1b[31m", CONTROL),
    ("place", "Par\x85is", CONTROL),
    ("display_name", "Ann\x7f", CONTROL),
]


@pytest.mark.parametrize(("field", "value", "message"), LIMITS, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(LIMITS)])
def test_each_limit_is_refused_with_its_message(client, field, value, message):
    assert message in refused(client, **{field: value}).get(field, [])


def test_a_month_still_to_come_is_refused(client):
    errors = refused(client, happened_on=next_month())
    assert errors["happened_on"] == ["That month is still to come: pick the month it happened."]


def test_the_form_keeps_what_was_typed_after_an_error(client):
    page = post_story(client, title="").content.decode()
    assert escape(VALID["body"].split("\n")[0]) in page and 'value="Lisbon"' in page


@pytest.mark.parametrize(("field", "value"), [
    ("title", "t" * 120),
    ("body", "b" * 200),
    ("body", "b" * 5000),
    ("display_name", "n" * 80),
    ("business", "b" * 120),
    ("email", "j" * 242 + "@example.org"),
])
def test_values_at_the_limit_are_accepted(client, field, value):
    assert getattr(accepted(client, **{field: value}), field) == value


def test_a_browsers_line_ends_count_once(client):
    # A browser sends CRLF; its own counter, like a person, counts one character per line end.
    body = ("b" * 99 + "\r\n") * 50
    assert len(body.replace("\r\n", "\n")) == 5000
    story = accepted(client, body=body)
    assert "\r" not in story.body and story.body == body.replace("\r\n", "\n").strip()


def test_optional_fields_may_stay_empty(client):
    story = accepted(client, business="", place="", happened_on="", display_name="", email="")
    assert story.shown_name == "Anonymous" and story.email == "" and story.happened_on is None


@pytest.mark.parametrize(("typed", "month"), [
    ("2025-03", datetime.date(2025, 3, 1)),
    ("03/2024", datetime.date(2024, 3, 1)),
    ("March 2024", datetime.date(2024, 3, 1)),
    ("Mar 2024", datetime.date(2024, 3, 1)),
])
def test_the_month_is_understood_as_people_type_it(client, typed, month):
    assert accepted(client, happened_on=typed).happened_on == month


def test_this_month_is_not_in_the_future(client):
    this_month = timezone.localdate().replace(day=1)
    assert accepted(client, happened_on=this_month.strftime("%Y-%m")).happened_on == this_month


def test_the_category_is_a_select_of_slugs(client):
    page = client.get("/share/").content.decode()
    assert '<select name="category"' in page and '<option value="travel">' in page
    assert accepted(client, category="healthcare").category.slug == "healthcare"


def test_tabs_and_paragraphs_are_kept(client):
    body = VALID["body"] + "\n\nP.S.\tThank you, Ana."
    assert accepted(client, body=body).body == body


# A sample in the spirit of the Big List of Naughty Strings (minimaxir/big-list-of-naughty-strings).
NAUGHTY = [
    "' OR 1=1 --",
    "1'; DROP TABLE stories_story; --",
    '" OR ""="',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(document.cookie)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "{{ settings.SECRET_KEY }} {% debug %}",
    "${7*7} #{7*7} %s%s%n",
    "&lt;b&gt; &amp; &#x27;",
    "\u202eevil.exe\u202c right-to-left override",
    "\u200fright-to-left mark\u200e and \u200bzero\u200bwidth",
    "مرحبا، شكراً جزيلاً",
    "שלום, תודה רבה",
    "田中さんにあげて下さい",
    "👩‍👩‍👧‍👦 🏳️‍🌈 ❤️‍🔥 👍🏽",
    "𝕋𝕙𝕖 𝕢𝕦𝕚𝕔𝕜 𝕓𝕣𝕠𝕨𝕟 𝕗𝕠𝕩",
    "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳",
    "\ufeffbyte order mark",
    "Ω≈ç√∫˜µ≤≥÷ åß∂ƒ©˙∆˚¬…æ",
    "ﷺ ﷽",
    "1E+02 -1 0xffffffff NaN Infinity undefined null None",
    "../../../../etc/passwd %00 %2e%2e%2f",
    "Supercalifragilisticexpialidocious" * 3,
    "w" * 4000,
    "null\x00byte",
    "escape\x1b[31mred",
    "bell\x07",
    "next\x85line",
]


def has_control(text):
    return any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text)


@pytest.mark.parametrize("nasty", NAUGHTY, ids=range(len(NAUGHTY)))
def test_naughty_strings_are_refused_with_a_message_or_shown_exactly(client, moderator, nasty):
    title, business = nasty[:120], nasty[:120]
    body = f"{VALID['body']}\n\n{nasty}"
    response = post_story(client, title=title, business=business, body=body)
    if has_control(nasty):
        assert response.status_code == 400
        assert CONTROL in errors_of(response)["title"]
        return
    assert response.status_code == 302, errors_of(response)
    story = Story.objects.get()
    assert (story.title, story.business) == (title, business)
    assert story.body == body
    moderation.approve(story, by=moderator, seen_status=story.status)
    page = client.get(story.get_absolute_url()).content.decode()
    for shown in (title, nasty):
        assert escape(shown) in page
        if escape(shown) != shown:
            assert shown not in page
    gallery = client.get("/")
    assert gallery.status_code == 200 and escape(title) in gallery.content.decode()
