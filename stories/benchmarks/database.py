# ruff: noqa: S603 - runs this project's own manage.py with arguments the bench builds
"""The bench's own PostgreSQL database and Redis cache: made fresh, filled, and dropped."""

import subprocess
import sys
import time
from urllib.parse import urlparse, urlunparse

import psycopg
import redis
from django.conf import settings
from psycopg import sql


def split_url(url):
    """(server URL pointing at the maintenance database, the bench database's name)."""
    parts = urlparse(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise ValueError(f"BENCH_DATABASE_URL must point at PostgreSQL, not {parts.scheme!r}")
    name = parts.path.lstrip("/")
    if not name:
        raise ValueError("BENCH_DATABASE_URL needs a database name")
    return urlunparse(parts._replace(path="/postgres")), name


def _admin(url, statement):
    server, name = split_url(url)
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(statement.format(sql.Identifier(name)))


def exists(url):
    server, name = split_url(url)
    with psycopg.connect(server, autocommit=True) as connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def server_version(url):
    with psycopg.connect(split_url(url)[0]) as connection:
        return connection.execute("SHOW server_version").fetchone()[0].split()[0]


def create(url):
    drop(url)
    _admin(url, sql.SQL("CREATE DATABASE {}"))


def drop(url):
    # FORCE ends connections a crashed earlier run may have left behind.
    _admin(url, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)"))


def vacuum(url):
    """What autovacuum does to a table soon after a bulk load: visibility maps, so counts can use
    index-only scans, and fresh statistics. The bench measures a site in its steady state."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def flush_redis(url):
    """Empty the bench's own Redis database (its number is in the URL), never another one."""
    redis.Redis.from_url(url).flushdb()


def manage(env, *args, capture=False):
    """Run `manage.py <args>` against the bench database; returns (seconds, stdout)."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *args], env=env, cwd=settings.BASE_DIR,
        check=True, text=True, stdout=subprocess.PIPE if capture else None,
    )
    return time.monotonic() - started, done.stdout


def prepare(env):
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    # Production serves hashed, compressed static files through whitenoise: they must exist.
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def load(env, count):
    """Generate `count` approved stories (and their companions); the seconds it took."""
    seconds, _ = manage(env, "load_demo_stories", "--generate", str(count))
    return seconds
