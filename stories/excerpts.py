"""The openings of stories that cards show, and search excerpts around the words searched for."""

# Control characters that no form (public or admin) lets through: an excerpt is escaped first, then these become
# <mark> tags (stories_tags.highlight), so the reader's text is never marked safe.
MARK_START = "\x02"
MARK_END = "\x03"
# How much of a story comes before the first match, when the match is past the opening.
LEAD_CHARS = 60
# Room for the line breaks and double spaces of a story's opening, which collapse to one space.
OPENING_SLACK = 40


def opening(text, length=200):
    """The opening of a story, cut at a word boundary rather than mid-word."""
    # Only the opening can show: collapse the whitespace of a little more than `length`
    # characters rather than of a whole 3,000-character story, unless that much holds so much
    # whitespace that it comes out short. A word cut at the end of the piece is past `length`.
    shown = " ".join(text[: length + OPENING_SLACK].split())
    if len(shown) <= length and len(text) > length + OPENING_SLACK:
        shown = " ".join(text.split())
    if len(shown) <= length:
        return shown
    return shown[:length].rsplit(" ", 1)[0].rstrip(",;:.-–—") + "…"


def around(text, words, length):
    """About `length` characters of `text` from its opening, or from just before the first of the
    searched `words` (search.SearchedWords) when that is further in, with every one shown between
    MARK_START and MARK_END."""
    first = words.first_in(text)
    start = 0
    if first and first.end() > length - LEAD_CHARS:
        lead = max(first.start() - LEAD_CHARS, 0)
        start = max(text.rfind(space, 0, lead) for space in " \n\t") + 1
    shown = opening(text[start:], length)
    if start:
        shown = "…" + shown
    pieces, last = [], 0
    for word_start, word_end in words.spans(shown):
        pieces += [shown[last:word_start], MARK_START, shown[word_start:word_end], MARK_END]
        last = word_end
    pieces.append(shown[last:])
    return "".join(pieces)
