"""A new visitor's CSRF strings: Django's alphabet and length, every character as likely."""

from collections import Counter, defaultdict
from types import SimpleNamespace

import pytest
from django.middleware import csrf
from django.test import Client

from stories import csrf_strings
from tests.factories import StoryFactory


def test_django_takes_its_csrf_strings_from_here(rf, monkeypatch):
    """Through Django's own get_token: a new visitor's secret and the mask over it come from here."""
    drawn = iter([bytes(range(40)), bytes(range(10, 50))])
    monkeypatch.setattr(csrf_strings, "secrets", SimpleNamespace(token_bytes=lambda n: next(drawn)))
    request = rf.get("/")
    token = csrf.get_token(request)
    letters = csrf.CSRF_ALLOWED_CHARS
    assert request.META["CSRF_COOKIE"] == "".join(letters[n] for n in range(32))
    assert token[:32] == "".join(letters[n] for n in range(10, 42))
    cipher = "".join(letters[(n + n + 10) % len(letters)] for n in range(32))
    assert token[32:] == cipher


def test_django_masks_its_tokens_here(rf, monkeypatch):
    """Through Django's own get_token: the cipher half comes from this module's table."""
    monkeypatch.setattr(csrf_strings, "CIPHER_OF", defaultdict(lambda: "a"))
    assert csrf.get_token(rf.get("/"))[32:] == "a" * 32


def test_the_table_adds_as_django_does():
    letters = csrf.CSRF_ALLOWED_CHARS
    assert len(csrf_strings.CIPHER_OF) == len(letters) ** 2
    place = letters.index
    assert all(csrf_strings.CIPHER_OF[secret, mask] == letters[(place(secret) + place(mask)) % len(letters)]
               for secret in letters for mask in letters)


def test_django_takes_apart_every_token_masked_here():
    for _ in range(300):
        secret = csrf_strings.new_csrf_string()
        token = csrf._mask_cipher_secret(secret)
        assert len(token) == csrf.CSRF_TOKEN_LENGTH and csrf._unmask_cipher_token(token) == secret
        assert token[:32] != secret


def test_a_string_has_django_s_length_and_characters_and_no_two_are_alike():
    drawn = [csrf_strings.new_csrf_string() for _ in range(200)]
    assert all(len(string) == csrf.CSRF_SECRET_LENGTH for string in drawn)
    assert set("".join(drawn)) <= set(csrf.CSRF_ALLOWED_CHARS)
    assert len(set(drawn)) == len(drawn)


def test_every_character_is_as_likely():
    counts = Counter("".join(csrf_strings.new_csrf_string() for _ in range(2000)))
    expected = 2000 * csrf.CSRF_SECRET_LENGTH / len(csrf.CSRF_ALLOWED_CHARS)
    # Six standard deviations either side: by chance, one run in some eight million fails. Characters
    # taken as `byte % 62` with none dropped would give the first eight a fifth more: far outside.
    spread = 6 * (expected * (1 - 1 / len(csrf.CSRF_ALLOWED_CHARS))) ** 0.5
    assert set(counts) == set(csrf.CSRF_ALLOWED_CHARS)
    assert all(abs(count - expected) < spread for count in counts.values()), counts.most_common(3)


def test_every_character_stands_for_four_byte_values_and_the_rest_are_dropped():
    kept = bytes(range(256)).translate(csrf_strings.CHARACTER_OF_BYTE, csrf_strings.DROPPED_BYTES).decode()
    assert Counter(kept) == dict.fromkeys(csrf.CSRF_ALLOWED_CHARS, 4)


def test_drawing_carries_on_when_too_many_bytes_are_dropped(monkeypatch):
    dropped, kept = bytes([255] * 40), bytes(range(40))
    answers = iter([dropped, kept])
    monkeypatch.setattr(csrf_strings, "secrets", SimpleNamespace(token_bytes=lambda n: next(answers)))
    assert csrf_strings.new_csrf_string() == "".join(csrf.CSRF_ALLOWED_CHARS[n] for n in range(32))


@pytest.mark.django_db
def test_a_new_visitor_s_heart_form_works_with_its_token():
    story = StoryFactory(approved=True)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(story.get_absolute_url())
    secret = page.cookies["csrftoken"].value
    assert len(secret) == csrf.CSRF_SECRET_LENGTH and set(secret) <= set(csrf.CSRF_ALLOWED_CHARS)
    token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert csrf._unmask_cipher_token(token) == secret
    response = visitor.post(f"/stories/{story.slug}/heart/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.hearts_count == 1
    refused = Client(enforce_csrf_checks=True).post(f"/stories/{story.slug}/heart/")
    assert refused.status_code == 403
