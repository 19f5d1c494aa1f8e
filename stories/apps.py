from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Kindness stories"

    def ready(self):
        # Connects the signals that keep cached permissions honest, in every process.
        from . import auth, csrf_strings  # noqa: F401

        csrf_strings.install()
