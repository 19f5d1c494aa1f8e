"""Scenarios with every process up: what app servers share, and bursts of submissions.

Each scenario returns Result rows: what was tried, the figure seen, and whether it held.
"""

import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .web import Visitor, story

RATE_LIMITED = "take a short breather"


@dataclass
class Result:
    scenario: str
    figure: str
    held: bool


def shows_hearts(html, count):
    """The heart count as a story page ("N readers loved this story") or a card ("N hearts") writes it."""
    pattern = rf"data-heart-count[^>]*>\s*{count}\b|(?<![\d>]){count}\s*(<[^>]+>\s*)?hearts?\b"
    return re.search(pattern, html) is not None


def shared_state(drill):
    """Two app servers behave as one: rate limit, login, hearts, approvals and hides."""
    a, b = drill.servers[0], drill.servers[1]
    results = []

    sender = Visitor("10.9.0.1")
    statuses = []
    for attempt in range(6):
        server = a if attempt % 2 == 0 else b
        stamp = sender.open_share_form(server.port)
        answer = sender.share(server.port, stamp, story(f"Rate {attempt} {uuid.uuid4().hex[:6]}"))
        statuses.append(answer.status)
    held = statuses == [302] * 5 + [429] and RATE_LIMITED in answer.body
    results.append(Result("rate limit counted across servers (5/h)",
                          f"posts on A,B,A,B,A: {statuses[:5]}; 6th on B: {statuses[5]}", held))

    login = drill.log_in_moderator(a)
    queue = drill.moderator.get(b.port, "/review/")
    drill.public_path = drill.publish(a, Visitor("10.9.0.7"), f"Public drill story {uuid.uuid4().hex[:8]}")
    results.append(Result("login on A valid on B", f"login on A {login.status}; /review/ on B {queue.status}",
                          login.status == 302 and queue.status == 200))

    # A status link issued by A opens on B (the thanks page reads the session A wrote).
    writer = Visitor("10.9.0.2")
    writer.share(a.port, writer.open_share_form(a.port), story("Status link drill", email="writer@example.org"))
    thanks = writer.get(b.port, "/share/thanks/")
    link = re.search(r"/my/([\w-]{20,})/", thanks.body)
    status_page = writer.get(b.port, f"/my/{link.group(1)}/") if link else None
    drill.private_tokens.append(link.group(1) if link else "")
    results.append(Result("session and status link from A on B",
                          f"thanks on B shows the link: {bool(link)}; /my/<token>/ on B "
                          f"{status_page.status if status_page else '-'}",
                          bool(link) and status_page.status == 200))

    results.append(_approve_and_hide(drill, a, b))
    results.append(_heart(drill, a, b))
    return results


def _approve_and_hide(drill, a, b):
    reader = Visitor("10.9.0.3")
    title = f"Approve drill {uuid.uuid4().hex[:8]}"
    sender = Visitor("10.9.0.4")
    sender.share(a.port, sender.open_share_form(a.port), story(title))
    path = f"/stories/{drill.story(title)[1]}/"
    others = drill.servers[1:]
    # Warm every other server's page cache first, so a stale page would be there to serve.
    before = [title in reader.get(s.port, "/").body or reader.get(s.port, path).status == 200 for s in others]
    approved = drill.moderate(a, title, "approve", "pending")
    shown = [title in reader.get(s.port, "/").body and reader.get(s.port, path).status == 200 for s in others]
    hidden = drill.moderate(a, title, "hide", "approved")
    gone = [title not in reader.get(s.port, "/").body and reader.get(s.port, path).status == 404 for s in others]
    names = ",".join(s.name for s in others)
    return Result(
        "approve/hide on A shown on the others at once",
        f"page cache 300 s; approve {approved.status}: on {names} {sum(shown)}/{len(others)}; "
        f"hide {hidden.status}: gone on {sum(gone)}/{len(others)}",
        not any(before) and approved.status == 302 and all(shown) and hidden.status == 302 and all(gone),
    )


def _heart(drill, a, b):
    reader, giver = Visitor("10.9.0.5"), Visitor("10.9.0.6")
    path = drill.public_path
    before = reader.get(b.port, path)
    giver.get(a.port, path)
    given = giver.post(a.port, f"{path}heart/", {})
    after = reader.get(b.port, path)
    count = drill.scalar("SELECT hearts_count FROM stories_story WHERE slug = %s", (path.split("/")[2],))
    if given.status in (404, 405):
        return Result("heart on A shows on B", f"POST {path}heart/ on A: {given.status} (route not built yet)", False)
    return Result(
        "heart on A shows on B",
        f"POST heart on A {given.status}; stored {count}; B's page shows 1 before: {shows_hearts(before.body, 1)}, "
        f"after: {shows_hearts(after.body, 1)}",
        given.status in (200, 302, 303) and count == 1 and not shows_hearts(before.body, 1)
        and shows_hearts(after.body, 1),
    )


def submit_all(drill, visitors, titles, *, on_answer=None):
    """Open every form first, then post all stories at once over the servers (a real burst)."""
    servers = list(drill.servers)

    def open_form(i):
        return visitors[i].open_share_form(servers[i % len(servers)].port)

    with ThreadPoolExecutor(16) as pool:
        stamps = list(pool.map(open_form, range(len(visitors))))
    gate = threading.Barrier(len(visitors))

    def post(i):
        gate.wait()
        answer = visitors[i].share(servers[i % len(servers)].port, stamps[i],
                                   story(titles[i], email=f"burst-{i}-{uuid.uuid4().hex[:6]}@example.org"))
        if on_answer:
            on_answer(i, answer)
        return answer

    with ThreadPoolExecutor(len(visitors)) as pool:
        return servers, list(pool.map(post, range(len(visitors))))


def integrity(drill, titles):
    """For each title: (rows, submit events, queued mails)."""
    rows = drill.sql(
        "SELECT s.title, count(DISTINCT e.id), count(DISTINCT t.id) FROM stories_story s"
        " LEFT JOIN stories_moderationevent e ON e.story_id = s.id AND e.action = 'submit'"
        " LEFT JOIN django_tasks_database_dbtaskresult t ON t.args_kwargs->'args'->>0 = s.id::text"
        " WHERE s.title = ANY(%s) GROUP BY s.title, s.id",
        (list(titles),),
    )
    return {title: (events, mails) for title, events, mails in rows}, len(rows)


def burst(drill, size=200):
    """`size` concurrent submissions over every server: each accepted one whole, nothing else."""
    run = uuid.uuid4().hex[:6]
    titles = [f"Burst {run} {i:03d}" for i in range(size)]
    visitors = [Visitor(f"10.20.{i // 200}.{i % 200 + 1}") for i in range(size)]
    before = drill.counts()
    started = time.monotonic()
    servers, answers = submit_all(drill, visitors, titles)
    seconds = time.monotonic() - started
    after = drill.counts()
    accepted = {titles[i] for i, answer in enumerate(answers) if answer.status == 302}
    failed = sum(1 for answer in answers if answer.status is None or answer.status >= 500)
    found, rows = integrity(drill, titles)
    whole = sum(1 for title in accepted if found.get(title) == (1, 1))
    extra = [after[k] - before[k] - len(accepted) for k in range(3)]
    return [Result(
        f"burst of {size} submissions over {len(servers)} servers",
        f"{seconds:.1f} s; accepted {len(accepted)}, 5xx/errors {failed}; whole (row+event+mail) "
        f"{whole}/{len(accepted)}; extra rows/events/tasks {extra}",
        failed == 0 and len(accepted) == size and whole == len(accepted) and rows == len(accepted)
        and extra == [0, 0, 0],
    )]


def kill_mid_burst(drill, size=90):
    """SIGKILL one app server while a burst is in flight: no half-written story, others serve."""
    run = uuid.uuid4().hex[:6]
    titles = [f"Kill {run} {i:03d}" for i in range(size)]
    visitors = [Visitor(f"10.30.{i // 200}.{i % 200 + 1}") for i in range(size)]
    victim = drill.servers[-1]
    answered = []
    killed = threading.Event()

    def on_answer(i, answer):
        answered.append(i)
        if len(answered) >= size // 6 and not killed.is_set():
            killed.set()
            drill.processes.kill(victim.proc)

    servers, answers = submit_all(drill, visitors, titles, on_answer=on_answer)
    on_victim = [answers[i] for i in range(size) if servers[i % len(servers)] is victim]
    on_others = [answers[i] for i in range(size) if servers[i % len(servers)] is not victim]
    others_ok = sum(1 for answer in on_others if answer.status == 302)
    cut = sum(1 for answer in on_victim if answer.status is None)
    half_written = drill.scalar(
        "SELECT count(*) FROM stories_story s WHERE NOT EXISTS (SELECT 1 FROM stories_moderationevent e"
        " WHERE e.story_id = s.id) OR (s.email <> '' AND NOT EXISTS (SELECT 1 FROM"
        " django_tasks_database_dbtaskresult t WHERE t.args_kwargs->'args'->>0 = s.id::text))"
    )
    accepted = {titles[i] for i, answer in enumerate(answers) if answer.status == 302}
    found, _ = integrity(drill, titles)
    missing = sum(1 for title in accepted if found.get(title) != (1, 1))
    still = Visitor("10.30.9.9")
    serving = all(still.get(s.port, "/").status == 200 for s in drill.servers if s is not victim)
    drill.restart_server(victim)
    return [Result(
        f"app server {victim.name} SIGKILLed mid-burst of {size}",
        f"killed after {size // 6} answers; {cut} cut off on {victim.name}; others {others_ok}/{len(on_others)} "
        f"accepted; half-written stories {half_written}; accepted but missing {missing}",
        killed.is_set() and others_ok == len(on_others) and half_written == 0 and missing == 0 and serving,
    )]
