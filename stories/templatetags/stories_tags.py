from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..search import MARK_END, MARK_START

register = template.Library()


@register.filter
def highlight(headline):
    """Escape a search headline entirely, then turn its match markers into <mark> tags."""
    return mark_safe(escape(headline).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308


@register.filter
def excerpt(text, length=200):
    """The opening of a story, cut at a word boundary rather than mid-word."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",;:.-–—") + "…"
