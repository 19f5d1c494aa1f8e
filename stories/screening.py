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
SHINGLE_WORDS = 3
SIMILAR_SHARE = 0.5
SIMILAR_RECENT = 100
SIMILAR_SAME_SENDER = 20
SIMILAR_WINDOW = 1000

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


def suspect_words_in(text):
    """The staff's suspect words (or phrases of several words) found in `text`, sorted."""
    padded = f" {normalise(text)} "
    listed = {normalise(word) for word in SuspectWord.objects.values_list("word", flat=True)}
    return sorted(word for word in listed if word and f" {word} " in padded)


def shingles(text):
    """Overlapping runs of SHINGLE_WORDS words: two texts that share most of them say the same thing."""
    words = normalise(text).split()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}


def find_similar(story):
    """A live story worded much like this one: among the most recent, or the same sender's lately.

    The cost is bounded whatever the size of the table: a short look at the newest rows (ids and
    sender hashes only), then the texts of the few chosen.
    """
    others = Story.objects.exclude(status=Story.Status.WITHDRAWN).exclude(pk=story.pk).order_by("-id")
    latest = others.values_list("pk", "client_hash")[:SIMILAR_WINDOW]
    chosen = [pk for n, (pk, sender) in enumerate(latest)
              if n < SIMILAR_RECENT or (story.client_hash and sender == story.client_hash)]
    candidates = others.filter(pk__in=chosen[:SIMILAR_RECENT + SIMILAR_SAME_SENDER]).values_list("pk", "body")
    mine = shingles(story.body)
    for pk, body in candidates:
        theirs = shingles(body)
        if len(mine & theirs) / len(mine | theirs) >= SIMILAR_SHARE:
            return pk
    return None


def rescreen(story, **changes):
    """Apply `changes` to the story in memory; return the screening fields to save along with them."""
    for name, value in changes.items():
        setattr(story, name, value)
    return {**fingerprint_fields(story.body), "signals": signals_for(story)}


def signals_for(story):
    """A dict of signal name to detail, stored on the story and shown as badges in the queue."""
    # Every field that is shown publicly, so an email put in the name field is caught too.
    text = "\n".join([story.title, story.body, story.business, story.place, story.display_name])
    found = {}
    if EMAIL_RE.search(text):
        found["email"] = True
    if PHONE_RE.search(text):
        found["phone"] = True
    if LINK_RE.search(text):
        found["link"] = True
    suspect = suspect_words_in(text)
    if suspect:
        found["suspect_words"] = suspect
    if len(story.body.strip()) < SHORT_TEXT_CHARS:
        found["short"] = True
    letters = [c for c in story.body if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > SHOUTING_SHARE:
        found["shouting"] = True
    # Exact copies are refused by the forms; this catches a resend with a few words changed.
    similar = find_similar(story)
    if similar:
        found["duplicate"] = similar
    return found


def badges(signals):
    """(key, label) pairs for templates, in a stable order."""
    return [(key, SIGNAL_LABELS[key]) for key in SIGNAL_LABELS if key in (signals or {})]
