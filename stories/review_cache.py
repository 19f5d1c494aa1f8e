"""The review queue's figures kept in the shared cache between views.

Every tab's count, the oldest pending story and the shown tab's count cost a query over every tab,
and moderators refresh the queue all day. One version covers them all, bumped by every write that
could change them: a story saved (a submission), moved or edited, a report made or resolved (see
models and moderation). A write that bypasses both (a bulk load) shows within FIGURES_SECONDS.
"""

from . import versions

QUEUE = versions.SharedVersion("review:version")
FIGURES_SECONDS = 60
bump_on_commit = QUEUE.bump_on_commit
