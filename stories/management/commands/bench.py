"""`make bench`: the public pages under load, beside Django's floor, printed as one table.

Settings from the environment: BENCH_DATABASE_URL (a database of its own, created and dropped),
BENCH_REDIS_URL (a Redis database number of its own, flushed), BENCH_STORIES (default 100,000),
BENCH_SMALL_STORIES (the smaller size the gallery is also measured at, default 10,000; 0 skips it),
BENCH_ROUNDS, BENCH_SECONDS, and BENCH_QUICK=1 for a short run while developing.
"""

import os

from django.core.management.base import BaseCommand, CommandError

from stories.benchmarks.pages import PAGES
from stories.benchmarks.runner import RESULTS_DIR, Bench, Options
from stories.benchmarks.wrk import WrkError

QUICK = {"stories": 2_000, "small_stories": 0, "rounds": 1, "seconds": 2}
MODES = {"cached": ("cached",), "uncached": ("uncached",), "both": ("cached", "uncached")}


def env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


class Command(BaseCommand):
    help = "Benchmark the public pages with wrk against gunicorn and PostgreSQL; prints a Markdown table."

    def add_arguments(self, parser):
        parser.add_argument("--quick", action="store_true", help="A short run (also BENCH_QUICK=1).")
        parser.add_argument("--stories", type=int, help="Approved stories to generate (BENCH_STORIES).")
        parser.add_argument("--rounds", type=int, help="Interleaved rounds over every page (BENCH_ROUNDS).")
        parser.add_argument("--seconds", type=int, help="Seconds of load per page and round (BENCH_SECONDS).")
        parser.add_argument("--pages", help=f"Comma-separated subset of: {', '.join(p.label for p in PAGES)}.")
        parser.add_argument("--modes", default="both", choices=sorted(MODES), help="Which page caching to measure.")
        parser.add_argument("--reuse-db", action="store_true", help="Keep using an existing bench database.")
        parser.add_argument("--keep-db", action="store_true", help="Do not drop the bench database at the end.")

    def handle(self, *args, **flags):
        quick = flags["quick"] or os.environ.get("BENCH_QUICK", "") in {"1", "true", "yes"}
        defaults = Options()
        base = QUICK if quick else {}
        options = Options(
            database_url=os.environ.get("BENCH_DATABASE_URL") or defaults.database_url,
            redis_url=os.environ.get("BENCH_REDIS_URL") or defaults.redis_url,
            stories=flags["stories"] or env_int("BENCH_STORIES", base.get("stories", defaults.stories)),
            small_stories=env_int("BENCH_SMALL_STORIES", base.get("small_stories", defaults.small_stories)),
            rounds=flags["rounds"] or env_int("BENCH_ROUNDS", base.get("rounds", defaults.rounds)),
            seconds=flags["seconds"] or env_int("BENCH_SECONDS", base.get("seconds", defaults.seconds)),
            modes=MODES[flags["modes"]],
            reuse_db=flags["reuse_db"], keep_db=flags["keep_db"],
        )
        if flags["pages"]:
            chosen = [label.strip() for label in flags["pages"].split(",")]
            unknown = set(chosen) - {page.label for page in PAGES}
            if unknown:
                raise CommandError(f"Unknown pages: {', '.join(sorted(unknown))}")
            # The floor is what every ratio is taken against: it is always measured.
            options.labels = [page.label for page in PAGES if page.label in chosen or page.label == "floor"]
        try:
            text, _ = Bench(options, self.stderr.write).run()
        except WrkError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(text)
        self.stdout.write(f"Written to {RESULTS_DIR}/bench.md")
