"""Django's PostgreSQL backend with a health check that costs no round trip when nothing is wrong.

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before the first query of every request that
reuses a connection: on a page of one or two queries that is a third of the time spent waiting
for the database. A connection the server has ended (a restart, a terminated backend, its idle
timeout) says so on its socket: the server sends its goodbye and closes, so the socket becomes
readable while the connection should be idle. So for a connection used in the last
QUIET_SECONDS the socket is looked at first, without waiting, and Django's own check runs only
when it has something to say. A connection idle for longer gets Django's check: a firewall or a
failover can drop a quiet connection without a word, and only a round trip finds that out.
"""

import select
import time

from django.db.backends.postgresql import base
from psycopg import pq

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


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_request_end = None

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
