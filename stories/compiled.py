"""Querysets whose SQL is compiled once per process, then run with new values.

The busiest public pages run the same few queries over and over with different values (a
category, a cursor, a search). Turning a queryset into SQL costs Django about as much as the
database spends answering it, so each shape is compiled once: the queryset is built with a
placeholder for each value, the placeholders are found among the compiled parameters, and later
runs put the real values in their places. The SQL is still the ORM's own, built from the same
queryset methods (`Story.objects.published()` and the rest), and its rows go through the same
converters as `values_list()`.

On PostgreSQL a compiled query is also prepared (see stories.postgres), with one plan for any
values. Its constants (the status of a published story, say) are then written into the SQL: a
plan made once for any values can use a partial index only for a condition it can see. Where the
best plan depends on the values, as a search's does on how common its words are, each plan is a
shape of its own (see search.py).
"""

import re
from datetime import UTC, datetime

from django.db import connection


class Placeholder:
    """A value that stands for a named slot while the shape is compiled."""

    def __init__(self, kind, number):
        self.kind = kind
        if kind == "int":
            # Negative, so no real id; within 32 bits, so an AutoField lookup still compiles.
            self.value = -2_000_000_000 - number
        elif kind == "datetime":
            self.value = datetime(1901, 1, 1, 0, 0, 0, number + 1, tzinfo=UTC)
        elif kind == "str":
            self.value = f"compiled-slot-{number}-a8f3e1"
        else:
            raise ValueError(f"unknown slot kind {kind!r}")

    def adapted(self, value):
        """`value` as the compiled parameters hold it."""
        if self.kind == "datetime":
            return connection.ops.adapt_datetimefield_value(value)
        return value


PARAMETER = re.compile(r"%%|%s")


def _constants_written_in(sql, params):
    """(sql, params) with each constant of `params` written into the SQL as a quoted literal."""
    remaining = iter(params)

    def written(match):
        if match.group() == "%%":
            return "%%"
        name, constant = next(remaining)
        if name:
            return "%s"
        return connection.ops.compose_sql("%s", [constant]).replace("%", "%%")

    return PARAMETER.sub(written, sql), [(name, None) for name, _ in params if name]


def _cursor(prepared):
    return connection.prepared_cursor() if prepared else connection.cursor()


class Shape:
    def __init__(self, queryset, placeholders):
        compiler = queryset.query.get_compiler(connection=connection)
        self.sql, params = compiler.as_sql()
        self.compiler = compiler
        self.converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
        found = {placeholder.adapted(placeholder.value): name for name, placeholder in placeholders.items()}
        self.params = [(found[param], None) if _hashable(param) and param in found else (None, param)
                       for param in params]
        missing = set(placeholders) - {name for name, _ in self.params if name}
        if missing:
            raise ValueError(f"slots not found in the compiled query: {', '.join(sorted(missing))}")
        self.placeholders = placeholders
        self.prepared = hasattr(connection, "prepared_cursor")
        if self.prepared:
            self.sql, self.params = _constants_written_in(self.sql, self.params)

    def params_for(self, values):
        return [self.placeholders[name].adapted(values[name]) if name else constant for name, constant in self.params]

    def run(self, values):
        params = self.params_for(values)
        with _cursor(self.prepared) as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            return [tuple(row) for row in self.compiler.apply_converters(rows, self.converters)]
        return rows


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


class CompiledQuery:
    """`build(shape_key, **values)` returns a `values_list()` queryset; `slots` names each value's kind.

    `rows(shape_key, **values)` runs the shape `shape_key` (what else changes the SQL, such as a
    LIMIT) with `values`, and returns its rows as tuples. Which values are given is part of the
    shape too: a query with a category filter is compiled apart from one without.
    """

    def __init__(self, build, **slots):
        self.build = build
        self.slots = slots
        self.shapes = {}

    def rows(self, shape_key, **values):
        return self._shape(shape_key, values).run(values)

    def explained(self, shape_key, **values):
        """PostgreSQL's plan for the shape with these very values in it (EXPLAIN, FORMAT JSON):
        what the planner would do for them, not the prepared plan made for any values."""
        shape = self._shape(shape_key, values)
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {shape.sql}", shape.params_for(values))
            return cursor.fetchone()[0]

    def _shape(self, shape_key, values):
        key = (connection.vendor, connection.settings_dict["NAME"], shape_key, frozenset(values))
        shape = self.shapes.get(key)
        if shape is None:
            placeholders = {name: Placeholder(self.slots[name], number) for number, name in enumerate(sorted(values))}
            queryset = self.build(shape_key, **{name: placeholder.value for name, placeholder in placeholders.items()})
            shape = self.shapes[key] = Shape(queryset, placeholders)
        return shape


class CompiledPair:
    """Two querysets read together: `parts(shape_key, **values)` builds them, each row ending with a
    flag, True in the first and False in the second. Where each part of a UNION can be ordered and
    limited (PostgreSQL) they are one compiled UNION ALL query; elsewhere (SQLite) two queries.

    `rows(shape_key, **values)` returns (the first part's rows, the second's), without the flag.
    """

    def __init__(self, parts, **slots):
        self.parts = parts
        self.union = CompiledQuery(self._union, **slots)

    def _union(self, shape_key, **values):
        first, second = self.parts(shape_key, **values)
        return first.union(second, all=True)

    def rows(self, shape_key, **values):
        if connection.features.supports_slicing_ordering_in_compound:
            rows = self.union.rows(shape_key, **values)
        else:
            rows = [row for part in self.parts(shape_key, **values) for row in part]
        return [row[:-1] for row in rows if row[-1]], [row[:-1] for row in rows if not row[-1]]
