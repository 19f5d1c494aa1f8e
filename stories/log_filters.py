"""Keep private links out of every log line, whoever writes it (runserver, Django, a library)."""

import logging
import re

# A status-link token in a path, wherever it appears in a message; the lost-link page is not private.
PRIVATE_LINK = re.compile(r"/my/(?!lost-link/)[^/\s\"'?#]+")


class MaskPrivateLinks(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        masked = PRIVATE_LINK.sub("/my/<token>", message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
