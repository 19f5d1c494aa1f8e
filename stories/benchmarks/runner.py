# ruff: noqa: S603 - runs this project's own probe module
"""The order of a bench run: database, data, probe, gunicorn cached then uncached, wrk, report."""

import gzip
import json
import os
import platform
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus, urlencode

import django
from django.conf import settings

from . import database, wrk
from .pages import PAGES, SCALING_LABELS
from .probe import SUBMISSION_BODY
from .report import render
from .server import Gunicorn, fetch

RESULTS_DIR = "bench-results"
SETTLE_MAX_SECONDS = 6


@dataclass
class Options:
    database_url: str = "postgres://postgres@127.0.0.1:5432/kindness_bench"
    redis_url: str = "redis://127.0.0.1:6379/5"
    stories: int = 100_000
    small_stories: int = 10_000
    rounds: int = 3
    seconds: int = 5
    modes: tuple = ("cached", "uncached")
    labels: list = field(default_factory=lambda: [page.label for page in PAGES])
    reuse_db: bool = False
    keep_db: bool = False


def bench_env(options):
    """The environment of production, on loopback: DEBUG off, a fresh secret, no TLS redirect."""
    env = {key: value for key, value in os.environ.items() if key != "PAGE_CACHE_SECONDS"}
    env.update(
        DJANGO_SETTINGS_MODULE="stories.benchmarks.settings", DATABASE_URL=options.database_url,
        REDIS_URL=options.redis_url, DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_SECURE_SSL_REDIRECT="0",
        # The per-client submission limit would refuse all but the first few posts from one address.
        RATELIMIT_ENABLE="0", PYTHONUNBUFFERED="1",
    )
    return env


def probe(env, command):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, "-m", "stories.benchmarks.probe", command, out.name], env=env,
                       cwd=settings.BASE_DIR, check=True)
        return json.loads(Path(out.name).read_text())


class Bench:
    def __init__(self, options, say):
        self.options = options
        self.say = say
        self.env = bench_env(options)
        self.results_dir = Path(settings.BASE_DIR) / RESULTS_DIR
        self.wrk = wrk.ensure_installed(say)

    def run(self):
        options = self.options
        results = {"load": [], "submissions": {}, "load_average": [os.getloadavg()[0]]}
        if options.reuse_db and database.exists(options.database_url):
            self.say(f"Reusing the database at {options.database_url}.")
        else:
            self.say(f"Creating {options.database_url} and loading {options.stories:,} stories…")
            database.create(options.database_url)
            database.prepare(self.env)
            small = options.small_stories if 0 < options.small_stories < options.stories else 0
            if small:
                results["load"].append((small, database.load(self.env, small)))
                database.vacuum(options.database_url)
                found = probe(self.env, "prepare")
                probe(self.env, "cleanup")
                labels = [label for label in SCALING_LABELS if label in options.labels]
                results["scaling"] = {"small": {"stories": found["approved"], **self.measure(
                    "uncached", found, labels, results)}}
            results["load"].append((options.stories - small, database.load(self.env, options.stories - small)))
            database.vacuum(options.database_url)
        try:
            found = probe(self.env, "prepare")
            probe(self.env, "cleanup")
            results["probe"] = found
            results["machine"] = machine(database.server_version(options.database_url))
            results["modes"] = {mode: self.measure(mode, found, options.labels, results) for mode in options.modes}
            if "scaling" in results and "uncached" in results["modes"]:
                results["scaling"]["large"] = {"stories": found["approved"], **results["modes"]["uncached"]}
            results["load_average"].append(os.getloadavg()[0])
            results["settings"] = self.settings_line(results)
            text, misses = render(results)
        finally:
            if not options.keep_db:
                database.drop(options.database_url)
        self.results_dir.mkdir(exist_ok=True)
        (self.results_dir / "bench.md").write_text(text)
        (self.results_dir / "bench.json").write_text(json.dumps(results, indent=2, default=str))
        return text, misses

    def settings_line(self, results):
        modes = results["modes"]
        workers = next(iter(modes.values()))["workers"] if modes else 0
        config = "the product's gunicorn.conf.py" if (Path(settings.BASE_DIR) / "gunicorn.conf.py").exists() \
            else "gunicorn sync workers (no gunicorn.conf.py yet)"
        return (f"{config}, {workers} workers; wrk at {2 * workers} connections, {self.options.rounds} interleaved "
                f"rounds × {self.options.seconds} s per page, Accept-Encoding: gzip")

    def measure(self, mode, found, labels, results):
        """One gunicorn, every page in interleaved rounds; the rows of one table."""
        env = dict(self.env, PAGE_CACHE_SECONDS="0") if mode == "uncached" else self.env
        database.flush_redis(self.options.redis_url)
        self.say(f"Measuring with page caching {'off' if mode == 'uncached' else 'on'} "
                 f"({found['approved']:,} stories)…")
        with Gunicorn(env, self.results_dir / f"gunicorn-{mode}.log") as server:
            workers = len(server.worker_pids())
            connections = 2 * workers
            fetched = {label: self.fetch_once(server, found, label) for label in labels}
            for label in labels:
                if label != "submit":
                    self.load(server, found, label, connections, seconds=1)
            rounds = {label: [] for label in labels}
            for number in range(self.options.rounds):
                for label in labels:
                    rounds[label].append(self.load(server, found, label, connections, self.options.seconds,
                                                   tag=f"{mode}{number}"))
                    if label == "submit":
                        self.count_submissions(results, mode, rounds[label][-1])
                self.say(f"  round {number + 1}/{self.options.rounds} done")
            if mode == "cached" and "gallery" in labels:
                results["weight"] = page_weight(server.base_url)
            rss = server.worker_rss()
        rows = {label: summarise(rounds[label], fetched[label], found["queries"][label][mode]) for label in labels}
        floor = rows.get("floor", {}).get("rps")
        for row in rows.values():
            row["ratio"] = row["rps"] / floor if floor else None
        return {"rows": rows, "workers": workers, "connections": connections, "rss": rss}

    def headers(self, found, label):
        headers = ["Accept-Encoding: gzip"]
        if label == "queue":
            headers.append(f"Cookie: {found['moderator_cookie']}")
        return headers

    def fetch_once(self, server, found, label):
        """(status, compressed bytes) of one request, as a browser would make it."""
        if label == "submit":
            return None, None
        cookie = {"Cookie": found["moderator_cookie"]} if label == "queue" else {}
        status, body, _ = fetch(server.base_url + found["urls"][label], headers=cookie)
        return status, len(body)

    def load(self, server, found, label, connections, seconds, tag="warm"):
        result = self.run_wrk(server, found, label, connections, seconds, tag)
        # wrk stops with up to `connections` requests still queued at the workers: a slow page
        # (the naive list at 90 %, seconds a request) would otherwise bill them to the next page.
        # Fewer answers than connections means requests longer than the run itself are still queued.
        settle = SETTLE_MAX_SECONDS if result.requests < connections else 2 * (result.p99 or 0) / 1000
        time.sleep(min(settle, SETTLE_MAX_SECONDS))
        return result

    def run_wrk(self, server, found, label, connections, seconds, tag):
        url = server.base_url + found["urls"][label]
        if label != "submit":
            return wrk.run(self.wrk, url, seconds=seconds, connections=connections,
                           headers=self.headers(found, label))
        form = urlencode({
            "csrfmiddlewaretoken": found["csrf_token"], "category": found["category"], "business": "Central Station",
            "place": "York", "happened_on": "", "display_name": "A grateful traveller", "email": "",
            "consent_publish": "on", "consent_names": "on", "website": "", "started": found["started"],
        })
        script = wrk.submit_script(path=found["urls"]["submit"], form=form, body=quote_plus(SUBMISSION_BODY), headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": found["csrf_cookie"],
            "Accept-Encoding": "gzip",
        })
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
            lua.write(script)
            lua.flush()
            return wrk.run(self.wrk, url, seconds=seconds, connections=connections, script=lua.name,
                           script_args=[tag])

    def count_submissions(self, results, mode, result):
        """Delete what the load posted (the queue stays as loaded), checking none was lost."""
        figures = probe(self.env, "cleanup")
        totals = results["submissions"].setdefault(mode, {"successes": 0, "rows": 0, "events": 0, "without_event": 0})
        totals["successes"] += result.requests - result.bad_responses
        for key in ("rows", "events", "without_event"):
            totals[key] += figures[key]


def summarise(runs, fetched, queries):
    """One row from the rounds: throughput over all of them, the median p50, the worst p99."""
    requests = sum(run.requests for run in runs)
    seconds = sum(run.seconds for run in runs)
    status, size = fetched
    return {
        "rps": requests / seconds if seconds else 0.0,
        "p50": statistics.median(run.p50 for run in runs) if runs else None,
        "p99": max(run.p99 for run in runs) if runs else None,
        "bad": sum(run.bad_responses + run.socket_errors for run in runs),
        # Submissions are not fetched on their own: the probe's post tells their status.
        "status": queries["status"] if status is None else status,
        "bytes": size, "queries": queries["queries"], "counts_rows": queries["count"],
        "rounds": [run.requests_per_second for run in runs],
    }


ASSET = re.compile(r"<(?:link|script|img|iframe)\b[^>]*?\b(?:href|src)=\"([^\"]+)\"", re.I)


def page_weight(base_url):
    """The gallery with its stylesheets and scripts, compressed, and any address off this site."""
    status, html, _ = fetch(base_url + "/")
    text = gzip.decompress(html).decode() if html[:2] == b"\x1f\x8b" else html.decode()
    assets = ASSET.findall(text)
    third_party = sorted({a for a in assets if re.match(r"^(https?:)?//", a) and not a.startswith(base_url)})
    total = len(html)
    for asset in assets:
        if asset.endswith((".css", ".js")) and asset.startswith("/"):
            total += len(fetch(base_url + asset)[1])
    return {"bytes": total, "third_party": third_party, "status": status}


def machine(database_version):
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                    if line.startswith("model name")), cpu)
    memory = 0.0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        memory = int(meminfo.read_text().split()[1]) / 1024 / 1024
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory,
            "software": f"Python {platform.python_version()}, Django {django.get_version()}, "
                        f"PostgreSQL {database_version}, Redis, wrk {wrk.version()}"}
