"""What a moderator should look at twice, found when a story arrives and at every edit."""

import hashlib
import re
import unicodedata

from .models import Story, SuspectWord

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<!\w)\+?\d[\d ().-]{7,}\d(?!\w)")
LINK_RE = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|net|org|co|io|info|biz|ru|uk)\b", re.IGNORECASE)
WORD_RE = re.compile(r"[\w']+")

SHORT_TEXT_CHARS = 300
SHOUTING_SHARE = 0.5

SIGNAL_LABELS = {
    "email": "Email address in text",
    "phone": "Phone number in text",
    "link": "Link in text",
    "suspect_words": "Suspect words",
    "short": "Very short",
    "shouting": "Shouting",
    "duplicate": "Possible duplicate",
}


def normalise(text):
    """Lowercase words only, so a copy with other spacing or punctuation still matches."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(WORD_RE.findall(text))


def fingerprint_fields(body):
    return {"body_fingerprint": hashlib.sha256(normalise(body).encode()).hexdigest()}


def find_duplicate(body, *, exclude_pk=None):
    """Another live story with the same normalised text, if any."""
    fingerprint = fingerprint_fields(body)["body_fingerprint"]
    stories = Story.objects.filter(body_fingerprint=fingerprint).exclude(status=Story.Status.WITHDRAWN)
    if exclude_pk:
        stories = stories.exclude(pk=exclude_pk)
    return stories.only("pk", "slug", "status").first()


def signals_for(story):
    """A dict of signal name to detail, stored on the story and shown as badges in the queue."""
    text = f"{story.title}\n{story.body}"
    found = {}
    if EMAIL_RE.search(text):
        found["email"] = True
    if PHONE_RE.search(text):
        found["phone"] = True
    if LINK_RE.search(text):
        found["link"] = True
    words = set(normalise(text).split())
    suspect = sorted(words & set(SuspectWord.objects.values_list("word", flat=True)))
    if suspect:
        found["suspect_words"] = suspect
    if len(story.body.strip()) < SHORT_TEXT_CHARS:
        found["short"] = True
    letters = [c for c in story.body if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > SHOUTING_SHARE:
        found["shouting"] = True
    duplicate = find_duplicate(story.body, exclude_pk=story.pk)
    if duplicate:
        found["duplicate"] = duplicate.pk
    return found


def badges(signals):
    """(key, label) pairs for templates, in a stable order."""
    return [(key, SIGNAL_LABELS[key]) for key in SIGNAL_LABELS if key in (signals or {})]
