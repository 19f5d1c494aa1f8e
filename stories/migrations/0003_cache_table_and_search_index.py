"""The database cache table (the shared cache when there is no Redis) and, on PostgreSQL,
the GIN index behind full-text search."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS story_search_idx ON stories_story USING gin (search_vector) "
            "WHERE status = 'approved'"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS story_search_idx")


class Migration(migrations.Migration):
    dependencies = [("stories", "0002_defaults")]

    operations = [
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
        migrations.RunPython(add_search_index, drop_search_index),
    ]
