from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Kindness stories"

    def ready(self):
        # In every process (gunicorn's master, before it forks the workers): the signals that keep
        # cached permissions honest, and the quicker CSRF strings.
        from . import auth, csrf_strings  # noqa: F401

        csrf_strings.install()
