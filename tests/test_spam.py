"""The quiet defences of /share/: each stops what it should and lets a real person through."""

import hashlib
import hmac
import time
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import override_settings

from stories import moderation, screening
from stories.forms import FORM_STAMP_SALT
from stories.models import Story, SuspectWord

from .factories import StoryFactory
from .submitting import VALID, errors_of, post_story, stamp, submit

pytestmark = pytest.mark.django_db


# --- Honeypot ---------------------------------------------------------------------------------

def test_a_filled_honeypot_is_thanked_and_dropped(client):
    response = post_story(client, website="https://cheap-pills.example")
    assert response.status_code == 302 and response.url == "/share/thanks/"
    thanks = client.get("/share/thanks/").content.decode()
    assert "Thank you for sharing" in thanks and "/my/" not in thanks.replace("/my/lost-link/", "")
    assert not Story.objects.exists() and mail.outbox == []


def test_a_filled_honeypot_is_dropped_even_when_the_rest_is_junk(client):
    response = client.post("/share/", {"website": "x", "title": "buy", "body": "now"})
    assert response.status_code == 302 and not Story.objects.exists()


def test_the_honeypot_is_out_of_sight_and_out_of_the_tab_order(client):
    page = client.get("/share/").content.decode()
    at = page.index('name="website"')
    wrapper = page.rfind("<div", 0, page.rfind('class="visually-hidden"', 0, at) + 30)
    assert 'aria-hidden="true"' in page[wrapper:at] and 'tabindex="-1"' in page[at - 300:at + 300]


def test_an_empty_honeypot_lets_the_story_in(client):
    story, _ = submit(client, website="")
    assert story.title == VALID["title"]


# --- Time between showing and sending ---------------------------------------------------------

@override_settings(SUBMIT_MIN_SECONDS=3)
def test_a_form_sent_faster_than_a_person_types_is_refused_kindly(client):
    response = post_story(client, started=stamp(0))
    assert response.status_code == 400 and not Story.objects.exists()
    assert errors_of(response)["__all__"] == [
        "That was quick! Please check your story once more, then send it again."]
    page = response.content.decode()
    assert escape_first_line() in page  # the text is still there
    refreshed = page.split('name="started" value="')[1].split('"')[0]
    assert abs(signing.loads(refreshed, salt=FORM_STAMP_SALT) - signing.loads(stamp(0), salt=FORM_STAMP_SALT)) < 5


@override_settings(SUBMIT_MIN_SECONDS=3)
def test_a_form_sent_after_the_minimum_time_is_accepted(client):
    assert post_story(client, started=stamp(3.5)).status_code == 302
    assert Story.objects.count() == 1


def day_old_stamp():
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 25 * 3600):
        return stamp(25 * 3600)


@pytest.mark.parametrize("started", ["", "not-signed", "1700000000", "day-old"])
def test_a_missing_forged_or_day_old_stamp_is_refused(client, started):
    response = post_story(client, started=day_old_stamp() if started == "day-old" else started)
    assert response.status_code == 400 and not Story.objects.exists()
    assert errors_of(response)["__all__"] == ["This form has expired. Your text is still here: please send it again."]


def test_the_default_minimum_is_three_seconds():
    from kindness import settings as project_settings

    assert project_settings.SUBMIT_MIN_SECONDS == 3 and project_settings.SUBMIT_RATE == "5/h"


def escape_first_line():
    return VALID["body"].split(" The night")[0]


# --- Rate limit ---------------------------------------------------------------------------------

@override_settings(SUBMIT_RATE="2/h")
def test_past_the_rate_a_client_gets_the_friendly_429_page(client):
    submit(client)
    submit(client, body=VALID["body"] + " Second story.")
    response = post_story(client, body=VALID["body"] + " Third story.")
    assert response.status_code == 429 and response["Retry-After"]
    page = response.content.decode()
    assert "Let's take a short breather" in page and "your next story is very welcome" in page
    assert Story.objects.count() == 2


@override_settings(SUBMIT_RATE="2/h")
def test_refused_forms_do_not_count_against_the_rate(client):
    for _ in range(3):
        assert post_story(client, body="too short").status_code == 400
    submit(client)
    submit(client, body=VALID["body"] + " Second story.")
    assert Story.objects.count() == 2


@override_settings(SUBMIT_RATE="2/h")
def test_honeypot_hits_count_against_the_rate(client):
    post_story(client, website="x")
    post_story(client, website="x")
    assert post_story(client).status_code == 429 and not Story.objects.exists()


@override_settings(SUBMIT_RATE="1/h", PROXY_COUNT=1)
def test_the_rate_is_per_client(client):
    assert post_story(client, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 302
    again = post_story(client, body=VALID["body"] + " Again.", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert again.status_code == 429
    other = post_story(client, body=VALID["body"] + " Another.", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert other.status_code == 302 and Story.objects.count() == 2


def test_lost_link_requests_are_limited_too(client):
    for _ in range(5):
        assert client.post("/my/lost-link/", {"email": "someone@example.org"}).status_code == 302
    assert client.post("/my/lost-link/", {"email": "someone@example.org"}).status_code == 429


# --- Duplicates and the client's address ------------------------------------------------------

def test_the_same_text_is_refused_even_with_other_spacing_and_case(client):
    submit(client)
    again = VALID["body"].upper().replace(" ", "  ").replace(".", " !")
    response = post_story(client, title="Another title", body=again)
    assert response.status_code == 400 and Story.objects.count() == 1
    assert errors_of(response)["body"] == ["We already have a story with exactly this text. Thank you for sharing it!"]


def test_a_withdrawn_story_does_not_block_its_text(client):
    story, _ = submit(client)
    moderation.withdraw(story, seen_status=story.status)
    assert post_story(client).status_code == 302


def test_only_a_salted_hash_of_the_address_is_stored(client):
    story, _ = submit(client, REMOTE_ADDR="192.0.2.44")
    expected = hmac.new(settings.SECRET_KEY.encode(), b"client:192.0.2.44", hashlib.sha256).hexdigest()
    assert story.client_hash == expected
    assert hashlib.sha256(b"192.0.2.44").hexdigest() != story.client_hash
    row = Story.objects.filter(pk=story.pk).values().get()
    assert not any("192.0.2.44" in str(value) for value in row.values())


# --- Signals ------------------------------------------------------------------------------------

def signals_of(story):
    story.refresh_from_db()
    return story.signals


def test_signals_are_computed_at_submission(client):
    SuspectWord.objects.get_or_create(word="bitcoin")
    SuspectWord.objects.get_or_create(word="free money")
    body = (VALID["body"] + " Write to anna.k@example.net or call +44 20 7946 0958, see www.example.com. "
            "Free money in Bitcoin!")
    story, _ = submit(client, body=body)
    signals = signals_of(story)
    assert signals["email"] and signals["phone"] and signals["link"]
    assert signals["suspect_words"] == ["bitcoin", "free money"]
    assert "short" not in signals and "shouting" not in signals and "duplicate" not in signals


def test_a_plain_story_has_no_signals(client):
    story, _ = submit(client)
    assert signals_of(story) == {}


def test_short_and_shouting_text_is_flagged(client):
    story, _ = submit(client, body=("THEY WERE SO KIND TO ME AT THE BANK, " * 6).strip())
    signals = signals_of(story)
    assert signals["short"] and signals["shouting"]


def test_an_email_in_the_name_fields_is_flagged(client):
    story, _ = submit(client, business="Ask for bob@shop.example")
    assert signals_of(story)["email"]


def test_a_resend_with_a_few_words_changed_is_a_possible_duplicate(client):
    first, _ = submit(client)
    changed = VALID["body"].replace("an hour", "two hours").replace("tip", "thing")
    second, _ = submit(client, body=changed)
    assert signals_of(second)["duplicate"] == first.pk
    assert "duplicate" not in signals_of(first)


def test_the_same_senders_resend_is_found_behind_many_newer_stories(client):
    first, _ = submit(client)
    StoryFactory.create_batch(screening.SIMILAR_RECENT + 10, client_hash="another-sender")
    second, _ = submit(client, body=VALID["body"].replace("an hour", "two hours"))
    assert signals_of(second)["duplicate"] == first.pk


def test_screening_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    StoryFactory.create_batch(30)
    story = StoryFactory.build(client_hash="someone")
    with django_assert_num_queries(3):  # suspect words, the newest ids, the chosen texts
        screening.signals_for(story)


def test_a_different_story_is_not_a_duplicate(client):
    submit(client)
    other = StoryFactory.build().body
    story, _ = submit(client, body=other)
    assert "duplicate" not in signals_of(story)


def edit(client, token, story, **changes):
    data = {"title": story.title, "body": story.body, "category": story.category.slug, "business": story.business,
            "place": story.place, "happened_on": "", "display_name": story.display_name,
            "action": "edit", "seen_status": story.status, **changes}
    return client.post(f"/my/{token}/", data)


def test_signals_are_computed_again_at_every_submitter_edit(client):
    story, token = submit(client, body=VALID["body"] + " Call me on 0161 496 0000.")
    assert signals_of(story)["phone"]
    SuspectWord.objects.get_or_create(word="casino")
    assert edit(client, token, story, body=VALID["body"] + " Now at the casino: www.example.com").status_code == 302
    signals = signals_of(story)
    assert "phone" not in signals and signals["link"] and signals["suspect_words"] == ["casino"]
    assert edit(client, token, story, body=VALID["body"]).status_code == 302
    assert signals_of(story) == {}


def test_signals_are_computed_again_at_a_moderators_edit(client, moderator):
    story, _ = submit(client)
    moderation.edit(story, by=moderator, title=story.title, body=story.body + " Mail me: a@b.example")
    assert signals_of(story)["email"]
    assert story.body_fingerprint == screening.fingerprint_fields(story.body)["body_fingerprint"]


def test_moderators_see_the_signals(client, moderator):
    story, _ = submit(client, body=VALID["body"] + " Call me on 0161 496 0000.")
    client.force_login(moderator)
    page = client.get(f"/review/{story.pk}/").content.decode()
    assert "Phone number in text" in page
    assert "Phone number in text" in client.get("/review/").content.decode()
