from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "moderator"
DEMO_PASSWORD = "kindness-demo"  # noqa: S105 - a development login, refused outside DEBUG


class Command(BaseCommand):
    help = "Create the demo moderator for development (refused unless DJANGO_DEBUG is on) and print its login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo moderator is for development only (DJANGO_DEBUG=1).")
        user, created = User.objects.get_or_create(username=DEMO_USERNAME, defaults={"is_staff": True})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name="Moderators"))
        self.stdout.write(self.style.SUCCESS(
            f"Demo moderator: sign in at {settings.SITE_URL or 'http://127.0.0.1:8000'}/review/ as "
            f"'{DEMO_USERNAME}' with password '{DEMO_PASSWORD}'."
        ))
