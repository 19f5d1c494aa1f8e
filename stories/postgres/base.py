"""Django's PostgreSQL backend with a health check that costs no round trip when nothing is wrong.

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before the first query of every request that
reuses a connection: on a page of one or two queries that is a third of the time spent waiting
for the database. A connection the server has ended (a restart, a terminated backend, its idle
timeout) says so on its socket: the server sends its goodbye and closes, so the socket becomes
readable while the connection should be idle. So for a connection used in the last
QUIET_SECONDS the socket is looked at first, without waiting, and Django's own check runs only
when it has something to say. A connection idle for longer gets Django's check: a firewall or a
failover can drop a quiet connection without a word, and only a round trip finds that out.

Timestamps are read by psycopg's own loader (C, with psycopg[binary]) rather than the Python one
Django installs, which parsed every date of a list of cards again in Python: for a connection in
UTC, as Django keeps it, both give the same aware datetimes. (psycopg's follows the session's
time zone: nothing here ever sets another.)

It also gives `prepared_cursor()`, for the few queries the public pages run over and over
(stories.compiled): PostgreSQL parses and plans each once per connection instead of on every
run, which halves its work on a one-row lookup. Django's own cursors bind values on the client
and are never prepared. psycopg forgets them all, and deallocates them, after any rollback (a
savepoint's too, such as a repeated heart's): they are prepared again as they are next used.
"""

import datetime
import functools
import select
import time

import psycopg
from django.conf import settings
from django.db.backends.postgresql import base, operations
from psycopg import adapt, pq

QUIET_SECONDS = 30


def looks_idle(connection):
    """True when `connection` (psycopg) is open, between transactions, and the server has sent nothing."""
    if connection.closed or connection.pgconn.status != pq.ConnStatus.OK:
        return False
    if connection.info.transaction_status != pq.TransactionStatus.IDLE:
        return False
    poller = select.poll()
    poller.register(connection.fileno(), select.POLLIN | select.POLLPRI)
    return not poller.poll(0)


TIMESTAMPTZ = psycopg.adapters.types["timestamptz"].oid
PSYCOPG_TIMESTAMPTZ_LOADER = psycopg.adapters.get_loader(TIMESTAMPTZ, pq.Format.TEXT)


class UTCTimestampLoader(adapt.Loader):
    """psycopg's timestamptz loader, for connections whose time zone is UTC (timezone.utc, as Django's)."""

    # What Django's create_cursor compares with the time zone it wants.
    timezone = datetime.UTC

    def __init__(self, oid, context=None):
        super().__init__(oid, context)
        self._loader = PSYCOPG_TIMESTAMPTZ_LOADER(oid, context)
        # psycopg looks `load` up once per result: this way each value goes straight to the C method.
        self.load = self._loader.load

    def load(self, data):
        # Required by the abstract base; the instance's own `load`, set above, is the one called.
        return self._loader.load(data)


@functools.cache
def with_utc_timestamps(adapters):
    """Django's adapters map for its connections, with UTCTimestampLoader for timestamptz."""
    ours = adapt.AdaptersMap(adapters)
    ours.register_loader(TIMESTAMPTZ, UTCTimestampLoader)
    return ours


class PreparedCursor(base.ServerBindingCursor):
    """Binds values on the server and prepares every query it runs (psycopg keeps the PREPARED_MAX
    most recently used per connection, and forgets them all on a rollback)."""

    def execute(self, query, params=None, **options):
        options = {**options, "prepare": True}
        try:
            return super().execute(query, params, **options)
        except psycopg.errors.FeatureNotSupported as error:
            # "cached plan must not change result type": a migration has changed a column this
            # connection's statements read (a longer title, say). Outside a transaction the query
            # can simply be prepared again; inside one, the transaction is lost anyway.
            idle = self.connection.info.transaction_status == pq.TransactionStatus.IDLE
            if not idle or "cached plan" not in str(error):
                raise
            # psycopg forgets its own record of them too when it sees this command.
            self.connection.execute("DEALLOCATE ALL", prepare=False)
            return super().execute(query, params, **options)


# Room for every shape the public pages compile (the API's and the embed's page sizes make a few
# hundred), so that no caller can push the busiest ones out; psycopg keeps 100 by default.
PREPARED_MAX = 1000


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor, sql, params):
        if isinstance(cursor, PreparedCursor):
            # Its values went to the server apart from the SQL: written in here, for query logs and
            # tests, as Django does for its own server-side binding.
            try:
                return self.compose_sql(sql, params)
            except psycopg.errors.DataError:
                return None
        return super().last_executed_query(cursor, sql, params)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_request_end = None
        self._next_cursor_prepares = False

    def get_connection_params(self):
        params = super().get_connection_params()
        # Django sets every connection's time zone to UTC unless the database has one of its own.
        if self.timezone is datetime.UTC:
            params["context"] = with_utc_timestamps(params["context"])
        return params

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if settings.DB_PREPARED_STATEMENTS:
            # Django leaves psycopg's threshold at None, which refuses even an explicit prepare.
            # Only PreparedCursor asks; Django's client-binding cursors never prepare.
            connection.prepare_threshold = 0
            connection.prepared_max = PREPARED_MAX
        return connection

    def _configure_connection(self, connection):
        commit = super()._configure_connection(connection)
        if settings.DB_PREPARED_STATEMENTS:
            # Each prepared query is written to be planned once for any values (stories.compiled). Left
            # to choose, PostgreSQL would plan some afresh on every run, where its estimate for values
            # unknown is far above the one for the values at hand (a search's common word).
            connection.execute("SET plan_cache_mode = force_generic_plan")
            commit = True
        return commit

    def prepared_cursor(self):
        """A cursor whose queries are prepared (DB_PREPARED_STATEMENTS), else a plain one. Through
        Django's own cursor(): health check, time zone, query logging and wrappers all apply."""
        if not settings.DB_PREPARED_STATEMENTS:
            return self.cursor()
        self._next_cursor_prepares = True
        try:
            return self.cursor()
        finally:
            self._next_cursor_prepares = False

    def create_cursor(self, name=None):
        if not self._next_cursor_prepares or name:
            return super().create_cursor(name)
        usual_factory = self.connection.cursor_factory
        self.connection.cursor_factory = PreparedCursor
        try:
            return super().create_cursor(name)
        finally:
            self.connection.cursor_factory = usual_factory

    def close_if_unusable_or_obsolete(self):
        """Django calls this as each request starts and ends."""
        super().close_if_unusable_or_obsolete()
        self.last_request_end = time.monotonic() if self.connection is not None else None

    def close_if_health_check_failed(self):
        recently_used = self.last_request_end is not None and time.monotonic() - self.last_request_end < QUIET_SECONDS
        if (self.connection is not None and self.health_check_enabled and not self.health_check_done
                and not self.pool and recently_used and looks_idle(self.connection)):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()
