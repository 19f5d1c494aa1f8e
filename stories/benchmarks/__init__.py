"""`make bench`: the public pages under load from wrk, beside Django's own floor, in one run.

The runner (stories.benchmarks.runner) owns the order of things; the other modules each do one
part: a database of its own (database), the app under gunicorn (server), the load (wrk), what is
measured in-process with Django's test client (probe), and the table with its targets (report).
"""
