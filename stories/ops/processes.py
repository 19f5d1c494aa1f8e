# ruff: noqa: S603 - starts PostgreSQL, Redis and the app's own commands with arguments built here
"""Child processes of the drill, each in its own process group, every one stopped at the end.

Each child gets the parent-death signal SIGKILL, so even a drill that is itself killed leaves no
app server, Redis or PostgreSQL behind.
"""

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

PR_SET_PDEATHSIG = 1


def free_port():
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, *, timeout, what, interval=0.05):
    """Call `check` until it returns true; raise TimeoutError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(Exception):  # not ready yet is any error at all
            if check():
                return
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not ready after {timeout:g} s")
        time.sleep(interval)


# Looked up once here: between fork and exec (with the drill's threads running) the child only
# makes the one system call, and takes no lock a thread of the parent might hold.
_prctl = ctypes.CDLL(None, use_errno=True).prctl


def _die_with_parent():
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class Processes:
    """Starts children with their output in `log_dir`/<name>.log and stops them all."""

    def __init__(self, log_dir):
        self.log_dir = Path(log_dir)
        self.children = []

    def start(self, name, argv, env, cwd=None):
        with open(self.log_dir / f"{name}.log", "ab") as log:
            proc = subprocess.Popen(
                argv, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True, preexec_fn=_die_with_parent,
            )
        proc.name = name
        self.children.append(proc)
        return proc

    @staticmethod
    def signal_group(proc, sig):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)

    def kill(self, proc):
        """SIGKILL the whole group at once: the master and every worker, no goodbye."""
        self.signal_group(proc, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self, proc, sig=signal.SIGTERM, timeout=15):
        if proc.poll() is None:
            self.signal_group(proc, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=timeout)
        # Whatever is left of the group (a worker whose master is gone) goes too.
        self.signal_group(proc, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)

    def stop_all(self, last=()):
        first = [proc for proc in self.children if proc not in last]
        for proc in [*reversed(first), *last]:
            if proc is not None:
                self.stop(proc, timeout=5)
        self.children.clear()

    def log_names(self):
        return sorted(path.stem for path in self.log_dir.glob("*.log"))

    def log_text(self, name):
        path = self.log_dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""


def postgres_bin():
    """The newest installed PostgreSQL's binaries (Debian keeps them off PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parent.parent.name))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if not initdb:
        raise RuntimeError("PostgreSQL's initdb and postgres are not installed")
    return Path(initdb).parent


class PostgresCluster:
    """A throwaway cluster on a free port that the drill may stop and start at will.

    initdb refuses root, so as root the server runs as the postgres user (setpriv execs in
    place: the server stays our direct child and dies with us).
    """

    def __init__(self, processes, folder):
        self.processes = processes
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.port = free_port()
        self.bin = postgres_bin()
        self.proc = None

    def _as_owner(self, argv):
        if os.geteuid() == 0:
            return [
                # A change of user clears the parent-death signal; setpriv sets it again after.
                "setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--pdeathsig=KILL", *argv,
            ]
        return argv

    def init(self):
        self.folder.mkdir(mode=0o700, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        subprocess.run(
            self._as_owner([str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                            "-E", "UTF8", "--no-sync"]),
            check=True, capture_output=True, timeout=120,
        )

    def start(self, timeout=30):
        argv = self._as_owner([
            str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port), "-k", str(self.folder),
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200",
        ])
        self.proc = self.processes.start("postgres", argv, env={**os.environ, "LC_ALL": "C"})
        wait_for(self.accepts_connections, timeout=timeout, what="PostgreSQL")

    def accepts_connections(self):
        import psycopg

        with psycopg.connect(self.dsn("postgres"), connect_timeout=1) as conn:
            return conn.execute("SELECT 1").fetchone() == (1,)

    def stop(self):
        """A fast shutdown, as an operator's restart does: open sessions are cut at once."""
        if self.proc is not None and self.proc.poll() is None:
            # The postmaster alone: SIGINT to its backends would only cancel their queries.
            self.proc.send_signal(signal.SIGINT)
            self.proc.wait(timeout=30)

    def dsn(self, database):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"


class RedisServer:
    """A Redis of our own that keeps nothing on disk."""

    def __init__(self, processes, folder):
        self.processes = processes
        self.folder = Path(folder)
        self.port = free_port()
        self.proc = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        argv = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", str(self.folder)]
        self.proc = self.processes.start("redis", argv, env=dict(os.environ))
        wait_for(self.ping, timeout=10, what="Redis")

    def ping(self):
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=0.5).ping()

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=1)

    def kill(self):
        if self.proc is not None:
            self.processes.kill(self.proc)
