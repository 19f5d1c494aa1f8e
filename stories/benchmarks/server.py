# ruff: noqa: S603, S310 - starts gunicorn and fetches from it on loopback, with URLs the bench builds
"""The app under gunicorn, started the way production starts it, and its workers' memory."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

from ..ops.processes import free_port


class Gunicorn:
    """One gunicorn master with the product's gunicorn.conf.py (or plain flags when there is none)."""

    def __init__(self, env, log_path):
        self.env = env
        self.log_path = Path(log_path)
        self.port = free_port()
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def command(self):
        command = [sys.executable, "-m", "gunicorn", "kindness.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
        config = settings.BASE_DIR / "gunicorn.conf.py"
        if config.exists():
            return [*command, "--config", str(config)]
        # No product configuration yet: gunicorn's own advice for sync workers.
        workers = self.env.get("WEB_CONCURRENCY") or str(2 * (os.cpu_count() or 1) + 1)
        return [*command, "--workers", workers, "--worker-class", "sync"]

    def start(self, timeout=60):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            env = dict(self.env, GUNICORN_BIND=f"127.0.0.1:{self.port}")
            self.process = subprocess.Popen(self.command(), env=env, cwd=settings.BASE_DIR,
                                            stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base_url + "/bench/floor/", timeout=2) as response:
                    if response.status == 200 and len(self.worker_pids()) >= 1:
                        time.sleep(1)  # let the other workers finish booting
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout}s; see {self.log_path}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def worker_pids(self):
        if not self.process:
            return []
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                # The parent pid is the second field after the parenthesised command name.
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(entry.name))
        return sorted(pids)

    def worker_rss(self):
        """Resident memory of each worker, in MiB."""
        sizes = []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def fetch(url, *, headers=None, data=None):
    """(status, compressed body bytes, headers) of one request that asks for gzip like a browser."""
    request = urllib.request.Request(url, data=data, headers={"Accept-Encoding": "gzip", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers
