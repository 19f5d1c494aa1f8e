"""Work every worker would otherwise repeat on its first requests, done once before gunicorn forks.

With `preload_app` the master imports the app; `prepare_for_fork` then compiles the templates
into the cached loader, fills the URL resolver and freezes what exists so far out of the garbage
collector's reach. A worker (and every worker gunicorn starts again later) begins with all of
it, so its first request is as quick as its thousandth. No database connection is opened.
"""

import gc
from pathlib import Path

from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse


def template_names():
    for directory in settings.TEMPLATES[0]["DIRS"]:
        root = Path(directory)
        for path in sorted(root.rglob("*.html")):
            yield path.relative_to(root).as_posix()


def compile_templates():
    """Compiles every template of the project; one that does not compile stops the start."""
    names = list(template_names())
    for name in names:
        get_template(name)
    return len(names)


def prepare_for_fork():
    """Returns how many templates were compiled."""
    compiled = compile_templates()
    # The first reverse() fills the resolver's tables for every process forked after it.
    reverse("stories:gallery")
    # Objects made before the fork stay shared with the master instead of being copied into each
    # worker the first time a collection walks them, and no collection pauses a request for them.
    gc.freeze()
    return compiled
