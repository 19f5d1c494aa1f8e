"""The production shape: deploy checks, gunicorn's settings, the Procfile, a worker's lost tasks."""

import os
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from stories import moderation
from stories.ops.drill import procfile
from tests.factories import StoryFactory

ROOT = Path(__file__).resolve().parent.parent


def production_env(**extra):
    """What an operator sets, and nothing from this shell or a developer's .env."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    env.update({
        "DJANGO_SETTINGS_MODULE": "kindness.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "stories.example.org",
        "DATABASE_URL": "postgres://kindness@db.example.org:5432/kindness",
        "REDIS_URL": "",
    })
    env.update(extra)
    return env


def manage(*args, **env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=production_env(**env),
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("redis_url", ["", "redis://cache.example.org:6379/0"], ids=["database cache", "redis"])
def test_check_deploy_gives_no_warning(redis_url):
    done = manage("check", "--deploy", "--fail-level", "WARNING", REDIS_URL=redis_url)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout or "no issues" in done.stdout
    assert "WARNINGS" not in done.stdout + done.stderr


def test_production_refuses_to_start_without_a_secret():
    done = manage("check", DJANGO_SECRET_KEY="")
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY" in done.stderr


def load_gunicorn_conf(monkeypatch, **env):
    for key in ("WEB_CONCURRENCY", "PORT", "GUNICORN_BIND"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    namespace = {}
    exec(compile((ROOT / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)  # noqa: S102
    return namespace


def test_gunicorn_conf_reads_the_environment(monkeypatch):
    conf = load_gunicorn_conf(monkeypatch, WEB_CONCURRENCY="5", PORT="9000")
    assert conf["workers"] == 5
    assert conf["bind"] == ["0.0.0.0:9000"]
    pinned = load_gunicorn_conf(monkeypatch, GUNICORN_BIND="127.0.0.1:8001")
    assert pinned["bind"] == ["127.0.0.1:8001"]
    assert 3 <= pinned["workers"] <= 12
    # Gunicorn's own access log would write client addresses and /my/<token>/ paths.
    assert pinned["accesslog"] is None
    assert pinned["timeout"] == 30 and pinned["preload_app"] is True


def test_gunicorn_accepts_the_conf_and_loads_the_app():
    gunicorn = Path(sys.executable).parent / "gunicorn"
    done = subprocess.run([str(gunicorn), "--check-config", "kindness.wsgi", "-c", "gunicorn.conf.py"],
                          cwd=ROOT, env=production_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_procfile_has_web_worker_and_release():
    commands = {name: command.strip() for name, command in procfile(ROOT / "Procfile").items()}
    assert set(commands) == {"web", "worker", "release"}
    assert commands["web"] == "gunicorn kindness.wsgi -c gunicorn.conf.py"
    # createcachetable: a site that drops Redis later still finds its database cache table.
    assert commands["release"] == ("python manage.py migrate --noinput && python manage.py createcachetable"
                                   " && python manage.py collectstatic --noinput")
    # A worker restarted after a SIGKILL first puts its orphaned tasks back in the queue.
    assert commands["worker"].index("requeue_stale_tasks") < commands["worker"].index("db_worker")


@pytest.fixture
def database_tasks(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_STALE_SECONDS = 600
    # The worker closes connections it thinks stale; inside the test's transaction that would end it.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@pytest.mark.django_db
def test_a_mail_left_running_by_a_killed_worker_is_sent_after_the_restart(database_tasks, moderator):
    story = StoryFactory(email="kept@example.org")
    moderation.approve(story, by=moderator, seen_status="pending")
    queued = DBTaskResult.objects.get()
    # What SIGKILL leaves behind: the worker claimed the mail and died before finishing it.
    DBTaskResult.objects.filter(pk=queued.pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(seconds=601), worker_ids=["gone"])
    run_worker()
    assert mail.outbox == []

    call_command("requeue_stale_tasks", verbosity=0)
    run_worker()
    assert [m.to for m in mail.outbox] == [["kept@example.org"]]
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db
def test_requeue_leaves_live_and_finished_tasks_alone(database_tasks, moderator):
    for n in range(3):
        moderation.approve(StoryFactory(email=f"reader{n}@example.org"), by=moderator, seen_status="pending")
    stale, live, done = DBTaskResult.objects.order_by("enqueued_at")
    now = timezone.now()
    DBTaskResult.objects.filter(pk=stale.pk).update(status=TaskResultStatus.RUNNING,
                                                    started_at=now - timedelta(seconds=900))
    DBTaskResult.objects.filter(pk=live.pk).update(status=TaskResultStatus.RUNNING,
                                                   started_at=now - timedelta(seconds=30))
    DBTaskResult.objects.filter(pk=done.pk).update(status=TaskResultStatus.SUCCESSFUL,
                                                   started_at=now - timedelta(seconds=900))
    call_command("requeue_stale_tasks", verbosity=0)
    statuses = {row.pk: row.status for row in DBTaskResult.objects.all()}
    assert statuses == {stale.pk: TaskResultStatus.READY, live.pk: TaskResultStatus.RUNNING,
                        done.pk: TaskResultStatus.SUCCESSFUL}
    call_command("requeue_stale_tasks", older_than=10, verbosity=0)
    assert DBTaskResult.objects.get(pk=live.pk).status == TaskResultStatus.READY
