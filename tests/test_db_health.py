"""A persistent connection the server has ended is noticed before a query is lost on it."""

import time

import psycopg
import pytest
from django.db import connection

from stories.postgres.base import DatabaseWrapper, looks_idle

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own connections")


def raw_connection(**kwargs):
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**params, **kwargs)


def ended_by_the_server(target):
    with raw_connection(autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [target.info.backend_pid])
    deadline = time.monotonic() + 5
    while looks_idle(target) and time.monotonic() < deadline:
        time.sleep(0.01)


def test_an_idle_connection_looks_idle_and_a_terminated_one_does_not():
    with raw_connection(autocommit=True) as target:
        target.execute("SELECT 1")
        assert looks_idle(target)
        ended_by_the_server(target)
        assert not looks_idle(target)


def test_a_connection_inside_a_transaction_or_closed_is_checked_the_slow_way():
    target = raw_connection()
    target.execute("SELECT 1")
    assert not looks_idle(target)
    target.rollback()
    assert looks_idle(target)
    target.close()
    assert not looks_idle(target)


@pytest.mark.django_db
def test_a_connection_quiet_for_long_is_asked_even_when_its_socket_says_nothing(monkeypatch):
    from stories.postgres import base

    # A firewall dropping an idle connection leaves no word on the socket: pretend so.
    monkeypatch.setattr(base, "looks_idle", lambda connection: True)
    wrapper = DatabaseWrapper({**connection.settings_dict, "CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": True})
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            first_pid = cursor.fetchone()[0]
        wrapper.close_if_unusable_or_obsolete()
        with raw_connection(autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [first_pid])
        wrapper.last_request_end -= base.QUIET_SECONDS
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            assert cursor.fetchone()[0] != first_pid
    finally:
        wrapper.close()


@pytest.mark.django_db
def test_the_health_check_replaces_a_connection_the_server_ended():
    # A connection of its own, outside the test's transaction: it only asks for its backend's id.
    wrapper = DatabaseWrapper({**connection.settings_dict, "CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": True})
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            first_pid = cursor.fetchone()[0]
        wrapper.close_if_unusable_or_obsolete()  # the end of a request
        ended_by_the_server(wrapper.connection)
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            assert cursor.fetchone()[0] != first_pid
    finally:
        wrapper.close()
