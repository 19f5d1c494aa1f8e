# ruff: noqa: S603, S606, S607 - runs the Procfile's own commands and honcho from the venv
"""`make prod`: the production shape on this machine, run from the Procfile with honcho.

Production settings (DEBUG off, a fresh secret) against the local PostgreSQL (database
`kindness_prod`, created when missing) and the local Redis, plain HTTP on loopback. The release
step runs first, then honcho starts the web and worker processes until Ctrl+C.
"""

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from stories.ops.drill import procfile

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/kindness_prod"
DEFAULT_REDIS = "redis://127.0.0.1:6379/1"


class Command(BaseCommand):
    help = "Run the Procfile's web and worker processes with production settings on this machine."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--database-url", default=os.environ.get("PROD_DATABASE_URL", DEFAULT_DATABASE))
        parser.add_argument("--redis-url", default=os.environ.get("PROD_REDIS_URL", DEFAULT_REDIS))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3)))

    def handle(self, *args, port, database_url, redis_url, workers, **options):
        create_database(database_url)
        check_redis(redis_url)
        env = {
            "DJANGO_DEBUG": "0",
            # A fresh secret each run: sessions from an earlier run end, nothing secret is written down.
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SESSION_COOKIE_SECURE": "0",
            "DJANGO_CSRF_COOKIE_SECURE": "0",
            "DJANGO_SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "TASK_BACKEND": "django_tasks_db.DatabaseBackend",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(workers),
            "SITE_URL": f"http://127.0.0.1:{port}",
            "PYTHONUNBUFFERED": "1",
        }
        child_env = {**os.environ, **env, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}

        self.stdout.write("Release step: migrate and collectstatic ...")
        self.run(procfile()["release"].strip(), child_env)
        self.run("python manage.py load_demo_stories --if-empty", child_env)
        honcho = shutil.which("honcho", path=child_env["PATH"])
        if not honcho:
            raise CommandError("honcho is not installed: pip install -r requirements.txt")
        self.stdout.write(self.style.SUCCESS(
            f"Kindness Stories (production settings) is starting at http://127.0.0.1:{port}/ "
            f"with {workers} gunicorn workers and a task worker. Ctrl+C stops it."
        ))
        self.stdout.write("Sign in to /review/ with an account from `python manage.py createsuperuser` "
                          f"(DATABASE_URL={database_url}).")
        self.stdout.flush()
        os.chdir(settings.BASE_DIR)
        # honcho reads .env over the inherited environment; /dev/null keeps the development .env out.
        os.execve(honcho, [honcho, "-f", "Procfile", "-e", "/dev/null", "start", "web", "worker"], child_env)

    def run(self, command, env):
        done = subprocess.run(["sh", "-c", command], cwd=settings.BASE_DIR, env=env)
        if done.returncode:
            raise CommandError(f"`{command}` failed with exit code {done.returncode}")


def create_database(url):
    import psycopg
    from psycopg import sql

    parts = url.rsplit("/", 1)
    try:
        with psycopg.connect(f"{parts[0]}/postgres", autocommit=True, connect_timeout=3) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (parts[1],)).fetchone():
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(parts[1])))
    except psycopg.OperationalError as error:
        raise CommandError(f"PostgreSQL is not answering at {parts[0]}: start it with "
                           "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`. "
                           f"({error})") from error


def check_redis(url):
    import redis

    try:
        redis.Redis.from_url(url, socket_timeout=2).ping()
    except redis.RedisError as error:
        raise CommandError(f"Redis is not answering at {url}: start it with `redis-server --daemonize yes`. "
                           f"({error})") from error
