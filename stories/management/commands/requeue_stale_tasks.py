"""Put tasks that a killed worker left RUNNING back in the queue.

django-tasks-db marks a task RUNNING when a worker claims it and keeps no heartbeat, so a worker
killed with SIGKILL (or a lost machine) leaves its task RUNNING for ever and the mail is never
sent. The Procfile runs this before every worker start. A mail whose worker died after sending
but before recording it goes out twice; none is lost.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Requeue tasks stuck in RUNNING for longer than --older-than seconds."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than", type=float, default=None,
            help="Seconds a task may run before it counts as orphaned (default: TASK_STALE_SECONDS).",
        )

    def handle(self, *args, older_than=None, **options):
        seconds = settings.TASK_STALE_SECONDS if older_than is None else older_than
        cutoff = timezone.now() - timedelta(seconds=seconds)
        stale = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
        count = stale.update(status=TaskResultStatus.READY, started_at=None)
        self.stdout.write(f"Requeued {count} task(s) left running for more than {seconds:g} s.")
