"""Scenarios that take something away: Redis, PostgreSQL, the task worker."""

import itertools
import queue
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from . import mail
from .processes import free_port, wait_for
from .scenarios import Result
from .web import FRIENDLY_503, Response, Visitor, story


def _statuses(answers):
    counts = {}
    for answer in answers:
        counts[answer.status] = counts.get(answer.status, 0) + 1
    return ", ".join(f"{status}×{n}" for status, n in sorted(counts.items(), key=lambda item: str(item[0])))


def _share_once(server, address):
    visitor = Visitor(address)
    stamp = visitor.open_share_form(server.port)
    return visitor.share(server.port, stamp, story(f"Redis drill {uuid.uuid4().hex[:8]}"))


def _public_pages(drill, servers, address):
    visitor = Visitor(address)
    return [visitor.get(s.port, path) for s in servers for path in ("/", "/about/", drill.public_path, "/share/")]


def redis_outage(drill):
    """Redis killed mid-run, then back; and an app server that never reaches its Redis."""
    servers = drill.servers
    drill.redis.kill()
    pages = _public_pages(drill, servers, "10.40.0.1")
    shares = [_share_once(s, f"10.40.1.{n}") for n, s in enumerate(servers, 1)]
    review = drill.moderator.get(servers[1].port, "/review/")
    slowest = max(answer.ms for answer in pages + shares)
    down = Result(
        "Redis killed: pages, submissions, sessions",
        f"pages {_statuses(pages)}; submissions {_statuses(shares)}; moderator session on B {review.status}; "
        f"slowest {slowest:.0f} ms",
        all(a.status == 200 for a in pages) and all(a.status == 302 for a in shares) and review.status == 200,
    )

    drill.redis.start()
    pages = _public_pages(drill, servers, "10.40.0.2")
    shares = [_share_once(s, f"10.40.2.{n}") for n, s in enumerate(servers, 1)]
    keys = drill.redis.client().dbsize()
    back = Result(
        "Redis back on the same port",
        f"pages {_statuses(pages)}; submissions {_statuses(shares)}; keys in Redis again {keys}",
        all(a.status == 200 for a in pages) and all(a.status == 302 for a in shares) and keys > 0,
    )

    lonely = drill.launch_server("D", REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    try:
        drill.wait_ready(lonely)
        pages = _public_pages(drill, [lonely], "10.40.0.3")
        shares = [_share_once(lonely, f"10.40.3.{n}") for n in range(3)]
    finally:
        drill.processes.stop(lonely.proc)
    never = Result(
        "app server whose Redis is unreachable from the start",
        f"pages {_statuses(pages)}; submissions {_statuses(shares)}",
        all(a.status == 200 for a in pages) and all(a.status == 302 for a in shares),
    )
    return [down, back, never]


@dataclass
class Answer:
    phase_start: str
    phase_end: str
    server: str
    kind: str
    response: Response
    title: str = ""
    marker: str = ""


class Load:
    """Readers and writers on every server until stopped; each answer tagged with the phase."""

    KINDS = ("gallery", "story", "about", "healthz", "share")

    def __init__(self, drill, forms, threads=6):
        self.drill = drill
        self.forms = forms
        self.phase = "before"
        self.answers = []
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.loop, args=(n,), daemon=True) for n in range(threads)]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def loop(self, n):
        reader = Visitor(f"10.50.0.{n + 1}")
        paths = {"gallery": "/", "story": self.drill.public_path, "about": "/about/", "healthz": "/healthz"}
        for step in itertools.count(n):
            if self.stopping.is_set():
                return
            server = self.drill.servers[step % len(self.drill.servers)]
            kind = self.KINDS[step % len(self.KINDS)]
            phase = self.phase
            title = marker = ""
            if kind == "share":
                try:
                    visitor, stamp, fields = self.forms.get_nowait()
                except queue.Empty:
                    continue
                title, marker = fields["title"], fields["body"][-40:]
                response = visitor.share(server.port, stamp, fields)
            else:
                response = reader.get(server.port, paths[kind])
            self.answers.append(Answer(phase, self.phase, server.name, kind, response, title, marker))
            time.sleep(0.01)


def _kinds(answers):
    """How many of each kind of request, with its status: "share 503×3"."""
    counts = {}
    for answer in answers:
        key = f"{answer.kind} {answer.response.status or answer.response.error}"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{key}×{n}" for key, n in sorted(counts.items())) or "none"


def _friendly(answer):
    response = answer.response
    if response.status != 503 or not response.headers.get("retry-after"):
        return False
    if answer.kind == "healthz":
        return True
    if answer.kind == "share":
        return answer.marker in response.body
    return FRIENDLY_503 in response.body


def postgres_outage(drill, down_seconds=3.0):
    """PostgreSQL stopped under load, then started again with the app servers left running."""
    forms = queue.Queue()

    def open_form(n):
        visitor = Visitor(f"10.60.{n // 200}.{n % 200 + 1}")
        server = drill.servers[n % len(drill.servers)]
        forms.put((visitor, visitor.open_share_form(server.port),
                   story(f"Outage {uuid.uuid4().hex[:8]}", email=f"outage-{n}@example.org")))

    # Enough forms that writers are still sending stories while the database is away.
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(open_form, range(150)))
    pids = [s.proc.pid for s in drill.servers]
    outage = {"down"}
    with Load(drill, forms) as load:
        time.sleep(1.0)
        load.phase = "stopping"
        drill.pg.stop()
        load.phase = "down"
        time.sleep(down_seconds)
        load.phase = "restarting"
        drill.pg.start()
        load.phase = "back"
        ready = time.monotonic()
        recovered = {}
        probe = Visitor("10.60.9.9")
        for server in drill.servers:
            wait_for(lambda s=server: probe.get(s.port, "/healthz", timeout=2).status == 200
                     and probe.get(s.port, "/", timeout=2).status == 200, timeout=15, what=f"{server.name} back")
            recovered[server.name] = time.monotonic() - ready
        load.phase = "recovered"
        time.sleep(1.5)
    answers = load.answers
    inside = [a for a in answers if a.phase_start in outage and a.phase_end in outage]
    broken = [a for a in answers if a.response.status is None or a.response.status in (500, 502, 504)]
    unfriendly = [a for a in inside if a.response.status != 200 and not _friendly(a)]
    health_inside = [a for a in inside if a.kind == "healthz"]
    kept = [a for a in inside if a.kind == "share" and _friendly(a)]
    after = [a for a in answers if a.phase_start == "recovered"]
    failed_after = [a for a in after if a.response.status not in (200, 302)]
    accepted = [a.title for a in answers if a.kind == "share" and a.response.status == 302]
    stored = drill.scalar("SELECT count(*) FROM stories_story WHERE title = ANY(%s)", (accepted,))
    same_processes = [s.proc.pid for s in drill.servers] == pids and all(s.proc.poll() is None for s in drill.servers)
    slowest = max(recovered.values())
    return [
        Result("PostgreSQL stopped under load: answers while down",
               f"{len(answers)} requests; while down: healthz {_statuses([a.response for a in health_inside])}, "
               f"all {_statuses([a.response for a in inside])}; unfriendly {_kinds(unfriendly)}; 500s/errors "
               f"{_kinds(broken)}; submissions refused with text kept {len(kept)}",
               bool(health_inside) and all(a.response.status == 503 for a in health_inside) and not unfriendly
               and not broken and bool(kept)),
        Result("PostgreSQL back: every app server serves again",
               f"all {len(drill.servers)} back {slowest:.2f} s after restart (limit 5 s), same processes: "
               f"{same_processes}; failed after back {len(failed_after)}/{len(after)}; accepted "
               f"{len(accepted)}, stored {stored}",
               slowest <= 5 and same_processes and not failed_after and stored == len(accepted)),
    ]


def worker_killed(drill):
    """The worker SIGKILLed in the middle of a mail, then started again: every mail goes out."""
    expected = [row[0] for row in drill.sql(
        "SELECT s.email FROM django_tasks_database_dbtaskresult t JOIN stories_story s"
        " ON t.args_kwargs->'args'->>0 = s.id::text WHERE s.email <> ''")]
    tally = "SELECT count(*) FILTER (WHERE status = %s) FROM django_tasks_database_dbtaskresult"
    stuck = 0
    for kills in range(1, 4):
        worker = drill.start_worker()
        enough = len(expected) // 4 * kills
        wait_for(lambda enough=enough: drill.scalar(tally, ("SUCCESSFUL",)) >= enough
                 and drill.scalar(tally, ("RUNNING",)) > 0, timeout=60, what="the worker halfway")
        drill.processes.kill(worker)
        stuck = drill.scalar(tally, ("RUNNING",))
        if stuck:
            break
    time.sleep(1.2)  # past the drill's TASK_STALE_SECONDS
    drill.start_worker()
    wait_for(lambda: drill.scalar("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN "
                                  "('READY', 'RUNNING')") == 0, timeout=90, what="every mail sent")
    failed = drill.scalar(tally, ("FAILED",))
    sent = mail.recipients(drill.mail_dir)
    missing = len(set(expected) - set(sent))
    log = drill.processes.log_text("worker")
    requeued = sum(int(n) for n in re.findall(r"Requeued (\d+) task", log))
    return [Result(
        "worker SIGKILLed mid-run, started again",
        f"{len(expected)} mails queued; killed with {stuck} task running; restart requeued {requeued}; "
        f"sent {len(set(sent))}/{len(expected)}, twice {len(sent) - len(set(sent))}, failed {failed}",
        stuck > 0 and requeued >= stuck and missing == 0 and failed == 0,
    )]


REQUEST_LINE = re.compile(r"\[[\w-]{8,64}\] (GET|POST|HEAD) (\S+) (\d{3}) [\d.]+ms$", re.MULTILINE)
CLIENT = re.compile(r"\b10\.\d+\.\d+\.\d+\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def logs_clean(drill):
    """Every app server's log: a line per request with id and status, nothing private in any line."""
    text = "\n".join(drill.processes.log_text(name) for name in drill.processes.log_names() if name.startswith("web-"))
    lines = REQUEST_LINE.findall(text)
    errors = sum(1 for _, _, status in lines if status == "500")
    leaks = {
        "emails": len(EMAIL.findall(text)),
        "tokens": sum(text.count(token) for token in drill.private_tokens if token),
        "addresses": len(CLIENT.findall(text)),
    }
    return [Result(
        "logs: one line per request, nothing private",
        f"{len(lines)} request lines, 500s {errors}; leaks {leaks}",
        len(lines) > 500 and errors == 0 and not any(leaks.values()) and all(drill.private_tokens),
    )]
