"""Mail as files, for the fault drill."""

import re
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend

SEPARATOR = "\n" + "-" * 79 + "\n"
RECIPIENT = re.compile(r"^To: (.+)$", re.MULTILINE)


class SlowFileBackend(EmailBackend):
    """Writes each message to a file after a pause, like a slow SMTP server.

    The pause makes a worker killed at a random moment almost always die in the middle of a mail,
    which is the case the drill must prove harmless.
    """

    pause = 0.02

    def send_messages(self, email_messages):
        time.sleep(self.pause * len(email_messages))
        return super().send_messages(email_messages)


def recipients(folder):
    """Every message's To: line in the files the backend wrote, one entry per message."""
    found = []
    for path in Path(folder).glob("*.log"):
        for message in path.read_text(errors="replace").split(SEPARATOR):
            found.extend(match.strip() for match in RECIPIENT.findall(message.split("\n\n", 1)[0]))
    return found
