# ruff: noqa: S603, S607 - runs wrk and apt-get with arguments the bench builds
"""Running wrk and reading what it prints.

wrk is Debian's package; when it is missing the bench installs it with apt-get where it can and
otherwise says how.
"""

import re
import shutil
import subprocess
from dataclasses import dataclass, field

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


class WrkError(RuntimeError):
    pass


@dataclass
class WrkResult:
    requests: int
    seconds: float
    requests_per_second: float
    percentiles: dict = field(default_factory=dict)  # {50.0: ms, 99.0: ms, ...}
    bad_responses: int = 0
    socket_errors: int = 0

    @property
    def p50(self):
        return self.percentiles.get(50.0)

    @property
    def p99(self):
        return self.percentiles.get(99.0)


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise WrkError(f"unreadable duration {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def parse(output):
    """A WrkResult from wrk's text output (run with --latency for the percentiles)."""
    totals = re.search(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h),", output, re.M)
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    if not totals or not rate:
        raise WrkError(f"wrk printed no totals:\n{output}")
    percentiles = {
        float(p): to_ms(value)
        for p, value in re.findall(r"^\s+([\d.]+)%\s+([\d.]+(?:us|ms|s|m|h))\s*$", output, re.M)
    }
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return WrkResult(
        requests=int(totals.group(1)),
        seconds=to_ms(totals.group(2) + totals.group(3)) / 1000,
        requests_per_second=float(rate.group(1)),
        percentiles=percentiles,
        bad_responses=int(bad.group(1)) if bad else 0,
        # Read errors are how wrk counts a server closing a connection it kept alive: normal.
        socket_errors=sum(int(sockets.group(i)) for i in (1, 3, 4)) if sockets else 0,
    )


def ensure_installed(say):
    """The wrk binary, installing Debian's package when missing and allowed to."""
    found = shutil.which("wrk")
    if found:
        return found
    if shutil.which("apt-get"):
        say("wrk is missing: installing Debian's package (apt-get install -y wrk)…")
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=False, capture_output=True)
        found = shutil.which("wrk")
        if found:
            return found
    raise WrkError("wrk is not installed. Install it with `sudo apt-get install wrk` (Debian/Ubuntu) "
                   "or `brew install wrk` (macOS), then run `make bench` again.")


def version():
    done = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    words = (done.stdout or done.stderr).split()
    return words[1] if len(words) > 1 else "?"


def run(binary, url, *, seconds, connections, threads=2, headers=(), script=None, script_args=()):
    command = [binary, f"-t{min(threads, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency",
               "--timeout", "5s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    if script_args:
        command += ["--", *script_args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    if done.returncode != 0:
        raise WrkError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return parse(done.stdout)


# Each wrk thread has its own Lua state: `setup` numbers the threads and `init` takes a tag for
# the run, so every posted story is unique (the duplicate check would refuse a repeat).
SUBMIT_SCRIPT = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end
function init(args)
  run_tag = args[1] or "run"
  counter = 0
end
function request()
  counter = counter + 1
  local mark = run_tag .. "-" .. thread_no .. "-" .. counter
  local body = FORM .. "&title=Bench+submission+" .. mark .. "&body=" .. BODY .. "+Reference+" .. mark .. "."
  return wrk.format("POST", PATH, HEADERS, body)
end
"""


def lua_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def submit_script(*, path, form, body, headers):
    """A wrk Lua script that posts the share form; `form` and `body` are already URL-encoded."""
    header_table = "{" + ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items()) + "}"
    return (
        f"PATH = {lua_string(path)}\nFORM = {lua_string(form)}\nBODY = {lua_string(body)}\n"
        f"HEADERS = {header_table}\n" + SUBMIT_SCRIPT
    )
