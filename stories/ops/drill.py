# ruff: noqa: S603, S607 - runs the Procfile's own commands through sh
"""The production shape in miniature, for the fault drill: its own PostgreSQL cluster and Redis,
N gunicorn app servers and a task worker, all started from the Procfile's own lines.

The drill never touches the machine's shared PostgreSQL or Redis, so tests running beside it are
not disturbed, and whatever happens every process it started is stopped and its files removed.
"""

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .processes import PostgresCluster, Processes, RedisServer, free_port, wait_for
from .web import Visitor, story

DATABASE = "kindness_faults"
MODERATOR = ("drill-moderator", secrets.token_urlsafe(16))
# Keep only what a process needs from the caller's environment: a developer's .env or shell
# must not leak SMTP, Sentry or another database into the drill.
PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ")


def procfile(path=None):
    """The Procfile's process types and their commands."""
    lines = Path(path or settings.BASE_DIR / "Procfile").read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if line.strip() and not line.startswith("#"))


@dataclass
class AppServer:
    name: str
    port: int
    proc: subprocess.Popen


class Drill:
    def __init__(self, *, servers=3, web_concurrency=2):
        self.server_count = servers
        self.web_concurrency = web_concurrency
        self.commands = {name: command.strip() for name, command in procfile().items()}
        self.root = Path(tempfile.mkdtemp(prefix="kindness-faults-"))
        self.mail_dir = self.root / "mail"
        self.mail_dir.mkdir()
        self.processes = Processes(self.root)
        self.pg = PostgresCluster(self.processes, self.root / "pg")
        self.redis = RedisServer(self.processes, self.root)
        self.servers = []
        self.worker = None
        self.moderator = Visitor("10.9.0.250")
        self.public_path = None
        self.keep_logs_in = None
        self.private_tokens = []

    # --- life cycle -----------------------------------------------------------------------------

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close(self.keep_logs_in)

    def close(self, keep_logs_in=None):
        """Stop everything (the database last, so nobody waits on it) and remove the drill's files."""
        self.processes.stop_all(last=[self.pg.proc])
        if keep_logs_in:
            Path(keep_logs_in).mkdir(parents=True, exist_ok=True)
            for log in self.root.glob("*.log"):
                shutil.copy(log, Path(keep_logs_in) / log.name)
        shutil.rmtree(self.root, ignore_errors=True)

    def start(self):
        """Database, Redis, the release step, the app servers; the worker waits for its scenario."""
        os.chmod(self.root, 0o755)  # noqa: S103 - the postgres user must reach its data folder inside
        self.pg.init()
        self.pg.start()
        self.sql_admin(f'CREATE DATABASE "{DATABASE}"')
        self.redis.start()
        self.run(self.commands["release"])
        self.run("python manage.py createsuperuser --noinput --username {0} --email {0}@example.org".format(
            MODERATOR[0]), DJANGO_SUPERUSER_PASSWORD=MODERATOR[1])
        for index in range(self.server_count):
            self.servers.append(self.launch_server(chr(ord("A") + index)))
        for server in self.servers:
            self.wait_ready(server)
        return self

    def env(self, **overrides):
        venv_bin = str(Path(sys.executable).parent)
        env = {key: os.environ[key] for key in PASSED_THROUGH if key in os.environ}
        env.update({
            "PATH": f"{venv_bin}:{env.get('PATH', '/usr/bin:/bin')}",
            "PYTHONUNBUFFERED": "1",
            "DJANGO_SETTINGS_MODULE": "kindness.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": self.secret_key,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Plain HTTP on loopback: the proxy in front would normally do TLS.
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SESSION_COOKIE_SECURE": "0",
            "DJANGO_CSRF_COOKIE_SECURE": "0",
            "DJANGO_SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": self.pg.dsn(DATABASE),
            "REDIS_URL": self.redis.url,
            "PROXY_COUNT": "1",
            "SUBMIT_MIN_SECONDS": "0",
            "SUBMIT_RATE": "5/h",
            "PAGE_CACHE_SECONDS": "300",
            "WEB_CONCURRENCY": str(self.web_concurrency),
            "LOG_LEVEL": "INFO",
            "TASK_STALE_SECONDS": "1",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "TASK_BACKEND": "django_tasks_db.DatabaseBackend",
            **{key: "" for key in ("EMAIL_URL", "EMAIL_HOST", "SENTRY_DSN", "MODERATOR_EMAILS",
                                   "RATELIMIT_ENABLE", "RATELIMIT_FAIL_OPEN", "DB_CONN_MAX_AGE")},
        })
        env.update(overrides)
        return env

    @property
    def secret_key(self):
        if not hasattr(self, "_secret_key"):
            self._secret_key = secrets.token_urlsafe(50)
        return self._secret_key

    def run(self, command, **env):
        done = subprocess.run(["sh", "-c", command], cwd=settings.BASE_DIR, env=self.env(**env),
                              capture_output=True, text=True, timeout=300)
        if done.returncode:
            raise RuntimeError(f"`{command}` failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        return done.stdout

    # --- app servers and the worker -------------------------------------------------------------

    def launch_server(self, name, *, port=None, **env):
        port = port or free_port()
        proc = self.processes.start(
            f"web-{name}", ["sh", "-c", f"exec {self.commands['web']}"], cwd=settings.BASE_DIR,
            env=self.env(GUNICORN_BIND=f"127.0.0.1:{port}", **env),
        )
        return AppServer(name, port, proc)

    def wait_ready(self, server, timeout=30):
        probe = Visitor("10.9.0.254")
        wait_for(lambda: probe.get(server.port, "/healthz", timeout=2).status == 200, timeout=timeout,
                 what=f"app server {server.name}")

    def restart_server(self, server):
        """Start a killed app server again on its port (a platform restarts a crashed dyno)."""
        self.processes.stop(server.proc)
        fresh = self.launch_server(server.name, port=server.port)
        self.servers[self.servers.index(server)] = fresh
        self.wait_ready(fresh)
        return fresh

    def start_worker(self):
        # The drill's worker writes mail to files, slowly enough to be killed in the middle of one.
        self.worker = self.processes.start(
            "worker", ["sh", "-c", self.commands["worker"]], cwd=settings.BASE_DIR,
            env=self.env(DJANGO_SETTINGS_MODULE="stories.ops.drill_settings"),
        )
        return self.worker

    # --- the database, read directly (the drill's own process runs other settings) ---------------

    def sql(self, query, params=(), *, database=DATABASE):
        import psycopg

        with psycopg.connect(self.pg.dsn(database), autocommit=True, connect_timeout=5) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else []

    def sql_admin(self, query):
        return self.sql(query, database="postgres")

    def scalar(self, query, params=()):
        return self.sql(query, params)[0][0]

    def counts(self):
        """Stories, history events and queued tasks: what a submission writes."""
        return self.sql(
            "SELECT (SELECT count(*) FROM stories_story), (SELECT count(*) FROM stories_moderationevent),"
            " (SELECT count(*) FROM django_tasks_database_dbtaskresult)"
        )[0]

    def story(self, title):
        rows = self.sql("SELECT id, slug, status FROM stories_story WHERE title = %s", (title,))
        return rows[0] if rows else None

    def log_in_moderator(self, server):
        return self.moderator.log_in(server.port, *MODERATOR)

    def moderate(self, server, title, action, seen_status):
        story_id = self.story(title)[0]
        return self.moderator.post(server.port, f"/review/{story_id}/", {"action": action, "seen_status": seen_status})

    def publish(self, server, visitor, title):
        """Share a story on `server` and approve it there; return its public path."""
        visitor.share(server.port, visitor.open_share_form(server.port), story(title))
        self.moderate(server, title, "approve", "pending")
        return f"/stories/{self.story(title)[1]}/"
