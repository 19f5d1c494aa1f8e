"""Version numbers in the shared cache: bump one and everything cached under the old number is
stale on every worker and app server at once."""

import time

from django.core.cache import cache


class SharedVersion:
    def __init__(self, key):
        self.key = key

    def start(self):
        """The first version, or None when the cache cannot be trusted (it is down).

        It starts from the clock, not from 1: should the key ever be lost (evicted, or Redis
        restarted with its data kept), entries stored under an older version never match again.
        """
        # add() is atomic: of two workers starting at once only one sets the first version.
        cache.add(self.key, time.time_ns() // 1000, timeout=None)
        return cache.get(self.key)

    def current(self):
        """The current version, or None when the cache cannot be trusted."""
        found = cache.get(self.key)
        return self.start() if found is None else found

    def bump(self):
        try:
            cache.incr(self.key)
        except ValueError:
            self.start()
