"""Operations tooling: the processes `make faults` starts, breaks and checks.

Everything here starts its own processes on free loopback ports (app servers, a Redis, a
PostgreSQL cluster, a task worker) and stops every one of them, whatever happens.
"""
