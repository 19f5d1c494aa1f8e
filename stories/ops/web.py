"""A small HTTP client for the drill: one visitor, its cookies and its address.

All app servers listen on 127.0.0.1, so one cookie jar serves them all, as it does behind a
load balancer. The servers run with PROXY_COUNT=1 and each visitor sends its own
X-Forwarded-For, so rate limits count per visitor as they would behind a proxy.
"""

import http.client
import re
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

STARTED = re.compile(r'name="started" value="([^"]+)"')
FRIENDLY_503 = "We will be right back"


@dataclass
class Response:
    status: int | None
    body: str = ""
    headers: dict = field(default_factory=dict)
    error: str = ""
    ms: float = 0.0
    started: float = 0.0

    @property
    def location(self):
        return self.headers.get("location", "")


class Visitor:
    def __init__(self, address):
        self.address = address
        self.cookies = {}

    def request(self, port, method, path, data=None, timeout=30):
        headers = {"X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            raw = conn.getresponse()
            text = raw.read().decode("utf-8", "replace")
            headers_in = {name.lower(): value for name, value in raw.getheaders()}
            self._keep_cookies(raw.msg.get_all("Set-Cookie") or [])
            status = raw.status
        except (OSError, http.client.HTTPException) as error:
            return Response(None, error=type(error).__name__, ms=(time.monotonic() - started) * 1000,
                            started=started)
        finally:
            conn.close()
        return Response(status, text, headers_in, ms=(time.monotonic() - started) * 1000, started=started)

    def _keep_cookies(self, lines):
        for line in lines:
            jar = SimpleCookie()
            jar.load(line)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def get(self, port, path, **kwargs):
        return self.request(port, "GET", path, **kwargs)

    def post(self, port, path, data, **kwargs):
        # Django accepts the cookie's secret itself as the form's CSRF token.
        return self.request(port, "POST", path, {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data},
                            **kwargs)

    def open_share_form(self, port):
        """GET /share/ and return the hidden form stamp, or None when the page did not come."""
        page = self.get(port, "/share/")
        found = STARTED.search(page.body) if page.status == 200 else None
        return found.group(1) if found else None

    def share(self, port, started, story):
        return self.post(port, "/share/", {**story, "started": started})

    def log_in(self, port, username, password):
        self.get(port, "/accounts/login/")
        return self.post(port, "/accounts/login/", {"username": username, "password": password})


def story(title, email=""):
    """A valid story with a body unique to it (the duplicate check refuses repeats)."""
    marker = uuid.uuid4().hex
    body = (
        f"{title}. The clerk at the late-night pharmacy saw that I was worried, stayed past closing "
        "time to call my doctor, and walked me through every dose until I understood it. I went home "
        f"calm for the first time that week and I have never forgotten her kindness. Reference {marker}."
    )
    return {
        "title": title, "body": body, "category": "healthcare", "business": "", "place": "",
        "happened_on": "", "display_name": "", "email": email, "consent_publish": "on",
        "consent_names": "on", "website": "",
    }
