"""Page templates rendered once per process for anonymous readers, then filled in on each request.

The gallery's own part is a few string joins, but the page around it (base.html: the head, the
header, the footer, an `extends` and its seven blocks, the static URLs, the permission check)
cost as much to render again on every request as the cards. For a reader who is signed out and
has no message waiting, that page is the same every time but for a few values, so it is rendered
once, with a marker in the place of each value, and kept as the text between the markers.

A shell is rendered without the request: context processors do not run, so nothing of the reader
who happened to ask first (a CSRF token, a login, a message, a path) can be kept in it. Everyone
else (signed in, or with a message waiting) gets the page rendered as usual, as does every
request while templates may change on disk (DEBUG).
"""

import re

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.html import conditional_escape

from . import context_processors, public_cache

MARKER = "\x00shell-slot:{}\x00"
MARKERS = re.compile("\x00shell-slot:(\\w+)\x00")
_shells = []


class Shell:
    """`template_name` with the values named in `slots` filled in per request.

    A slot's value must be shown as a plain `{{ name }}` (escaped unless safe, as the template
    would) and may otherwise only be tested for truth: which slots are empty, and every value in
    `shape`, choose between separately kept shells.
    """

    def __init__(self, template_name, slots):
        self.template_name = template_name
        self.slots = tuple(slots)
        self.kept = {}
        _shells.append(self)

    def response(self, request, shape, **values):
        if settings.DEBUG or not public_cache.is_anonymous_without_messages(request):
            return render(request, self.template_name, {**shape, **values})
        filled = tuple(name for name in self.slots if values[name])
        empty = tuple((name, values[name]) for name in self.slots if not values[name])
        key = (tuple(sorted(shape.items())), filled, empty)
        parts = self.kept.get(key)
        if parts is None:
            parts = self.kept[key] = self._split(shape, dict(empty), filled)
        pieces = [parts[0]]
        for name, text in parts[1:]:
            pieces += [conditional_escape(values[name]), text]
        response = HttpResponse("".join(pieces))
        # As render() would by touching the session: a signed-in visitor gets another page.
        patch_vary_headers(response, ["Cookie"])
        return response

    def _split(self, shape, empty, filled):
        """[the text before the first slot, (slot name, the text after it), …]."""
        context = {**context_processors.site(None), **shape, **empty, **{name: MARKER.format(name) for name in filled}}
        found = MARKERS.split(render_to_string(self.template_name, context))
        texts = found[::2]
        if set(filled) - set(found[1::2]) or any("\x00" in text for text in texts):
            raise ValueError(f"{self.template_name} must show each of {', '.join(filled)} as a plain variable")
        return [texts[0], *zip(found[1::2], texts[1:], strict=True)]


@receiver(setting_changed)
def forget_kept_shells(**kwargs):
    """A shell holds what settings (the site's name, say) gave the page: in tests they change."""
    for shell in _shells:
        shell.kept.clear()
