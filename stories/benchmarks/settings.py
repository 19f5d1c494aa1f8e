"""The product's settings plus the bench's own URLs (the floor and the naive list).

Only `make bench` runs with this module; nothing else about the app changes, so the figures are
the product's own.
"""

from kindness.settings import *  # noqa: F403

ROOT_URLCONF = "stories.benchmarks.urls"
