"""Gunicorn settings for every app server, read from the environment.

`gunicorn kindness.wsgi -c gunicorn.conf.py` (the Procfile's web process). Gunicorn's own
access log is off: its line carries the client address and the raw path, and the status link
path holds a private token. stories.middleware.RequestLogMiddleware writes the request line
instead (request id, method, masked path, status, milliseconds) to stdout.
"""

import multiprocessing
import os

# A platform gives PORT; GUNICORN_BIND (or -b) pins an address, e.g. 127.0.0.1:8000 behind nginx.
bind = [os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"]

# Sync workers: each holds one persistent database connection, so app servers × workers must
# stay under PostgreSQL's max_connections (100 by default). Twelve is plenty for one machine.
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count() + 1, 12))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound. A worker serves
# hundreds of requests a second, so a low figure would restart one every few seconds, and each
# restart stalls the requests queued behind it.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "200000"))
max_requests_jitter = max_requests // 10
# Import the app once in the master: workers fork with it loaded and a broken deploy fails at
# start, not on the first request. No database connection is opened at import time.
preload_app = True

accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Which proxies may set X-Forwarded-Proto (HTTPS detection); the app counts hops with PROXY_COUNT.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "kindness"


def when_ready(server):
    """Runs in the master after the app is loaded and before any worker is forked."""
    if not server.cfg.preload_app:
        return
    from stories.warmup import prepare_for_fork

    server.log.info("Prepared %d templates for the workers", prepare_for_fork())
