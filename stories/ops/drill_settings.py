"""The drill's task worker: production settings, with mail written to files (counted afterwards)."""

import os

from kindness.settings import *  # noqa: F403

EMAIL_BACKEND = "stories.ops.mail.SlowFileBackend"
EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
