"""Version numbers in the shared cache: bump one and everything cached under the old number is
stale on every worker and app server at once."""

import time

from django.core.cache import cache
from django.db import transaction


class SharedVersion:
    def __init__(self, key):
        self.key = key
        # (version, time.monotonic()) as this process last read it.
        self._seen = None

    def _saw(self, version):
        if version is not None:
            self._seen = (version, time.monotonic())
        return version

    def recent(self, seconds):
        """The version as this process read it less than `seconds` ago, else read afresh.

        Only for what may lag that long on other workers; a bump made here is seen at once.
        """
        seen = self._seen
        if seen is not None and time.monotonic() - seen[1] < seconds:
            return seen[0]
        return self.current()

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
        return self._saw(self.start() if found is None else found)

    def current_with(self, *keys):
        """(the current version, {key: value} of the other `keys` found), in one round trip."""
        found = cache.get_many([self.key, *keys])
        return self.taken_from(found), found

    def taken_from(self, found):
        """The version among the values a get_many found (taken out of them), started when missing."""
        version = found.pop(self.key, None)
        return self._saw(self.start() if version is None else version)

    def cached(self, key, build, seconds, keep=None, also=()):
        """The value stored at `key` if it was stored at the current version, else `build()` stored.

        An entry keeps the version it was built at, and the version is read in the same round
        trip as the entry: one request to the cache for a hit. `keep(value)` may refuse to store a
        built value (it is still returned). Other keys in `also` are read in that same round trip;
        the result is (value, {key: value found}).
        """
        version, found = self.current_with(key, *also)
        entry = found.pop(key, None)
        if version is not None and entry is not None and entry[0] == version:
            return entry[1], found
        value = build()
        if version is not None and (keep is None or keep(value)):
            cache.set(key, (version, value), seconds)
        return value, found

    def bump(self):
        self._seen = None
        try:
            cache.incr(self.key)
        except ValueError:
            self.start()

    def bump_on_commit(self):
        """Bump now and again once the change is committed.

        The first bump makes the change visible inside the same transaction (and in tests, which never
        commit); the second throws away anything another request built from the old rows meanwhile.
        """
        self.bump()
        transaction.on_commit(self.bump)
