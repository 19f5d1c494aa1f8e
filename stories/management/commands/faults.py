"""`make faults`: the production shape on this machine, broken on purpose, with a table of what held.

The drill starts everything it breaks (its own PostgreSQL cluster and Redis on free loopback
ports, gunicorn app servers from the Procfile, a task worker) and stops all of it at the end,
whatever happens. It exits non-zero if any scenario did not hold.
"""

import signal
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from stories.ops import outages, scenarios
from stories.ops.drill import Drill
from stories.ops.scenarios import Result

SCENARIOS = [
    scenarios.shared_state,
    scenarios.burst,
    scenarios.kill_mid_burst,
    outages.redis_outage,
    outages.postgres_outage,
    outages.worker_killed,
    outages.logs_clean,
]


def _terminate(signum, frame):
    # Turn SIGTERM into an exception so the drill's cleanup runs.
    raise KeyboardInterrupt(f"signal {signum}")


class Command(BaseCommand):
    help = "Run the fault drill: app servers, Redis, PostgreSQL and the worker, broken and checked."

    def add_arguments(self, parser):
        parser.add_argument("--servers", type=int, default=3, help="App servers to start (at least 3).")
        parser.add_argument("--keep-logs", action="store_true", help="Print the processes' logs at the end.")

    def handle(self, *args, servers=3, keep_logs=False, **options):
        if servers < 3:
            raise CommandError("The drill needs at least 3 app servers (one is killed mid-burst).")
        signal.signal(signal.SIGTERM, _terminate)
        started = time.monotonic()
        results = []
        with Drill(servers=servers) as drill:
            try:
                self.say(f"Starting PostgreSQL, Redis and {servers} app servers in {drill.root} ...")
                drill.start()
                self.say(f"Ready in {time.monotonic() - started:.1f} s: app servers on ports "
                         f"{', '.join(str(s.port) for s in drill.servers)}.")
                for scenario in SCENARIOS:
                    step = time.monotonic()
                    try:
                        rows = scenario(drill)
                    except Exception as error:  # noqa: BLE001 - a crashed scenario is a row that did not hold
                        rows = [Result(scenario.__name__.replace("_", " "), f"crashed: {error!r}"[:300], False)]
                    results.extend(rows)
                    seconds = time.monotonic() - step
                    for row in rows:
                        self.say(f"  {'held' if row.held else 'FAILED'}: {row.scenario} ({seconds:.1f} s)")
            finally:
                if keep_logs or not all(r.held for r in results) or not results:
                    self.print_logs(drill)
                    drill.keep_logs_in = settings.BASE_DIR / "test-artifacts" / "faults"
                    self.say(f"The processes' logs are kept in {drill.keep_logs_in}.")
        self.print_table(results, time.monotonic() - started)
        if not results or not all(row.held for row in results):
            sys.exit(1)

    def say(self, text):
        self.stdout.write(text)
        self.stdout.flush()

    def print_logs(self, drill):
        for name in drill.processes.log_names():
            tail = drill.processes.log_text(name).splitlines()[-25:]
            self.stdout.write(f"--- last lines of {name}.log")
            self.stdout.write("\n".join(tail))

    def print_table(self, results, seconds):
        width = max([len(r.scenario) for r in results] + [8])
        self.stdout.write("")
        self.stdout.write(f"{'scenario'.ljust(width)} | held | figure")
        self.stdout.write(f"{'-' * width}-|------|{'-' * 60}")
        for row in results:
            self.stdout.write(f"{row.scenario.ljust(width)} | {'yes ' if row.held else 'NO  '} | {row.figure}")
        held = sum(1 for r in results if r.held)
        self.stdout.write(f"\n{held}/{len(results)} held in {seconds:.0f} s.")
