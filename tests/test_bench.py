"""The benchmark's own parts: reading wrk, the comparison views, the targets and the report."""

import pytest
from django.urls import Resolver404, resolve

from stories.benchmarks import database, pages, report, wrk
from tests.factories import StoryFactory

WRK_OUTPUT = """\
Running 5s test @ http://127.0.0.1:8123/
  2 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.21ms    2.10ms  61.30ms   90.12%
    Req/Sec     1.21k   150.33     1.50k    71.00%
  Latency Distribution
     50%  812.00us
     75%    4.50ms
     90%    6.10ms
     99%    1.20s
  12077 requests in 5.01s, 38.20MB read
  Non-2xx or 3xx responses: 7
  Socket errors: connect 1, read 12, write 0, timeout 2
Requests/sec:   2410.58
Transfer/sec:      7.62MB
"""


def test_wrk_output_is_read_with_its_units():
    result = wrk.parse(WRK_OUTPUT)
    assert result.requests == 12077
    assert result.seconds == pytest.approx(5.01)
    assert result.requests_per_second == pytest.approx(2410.58)
    assert result.p50 == pytest.approx(0.812)
    assert result.percentiles[75.0] == pytest.approx(4.5)
    assert result.p99 == pytest.approx(1200.0)
    assert result.bad_responses == 7
    # Read errors are closed keep-alive connections, not failures; connect and timeouts are.
    assert result.socket_errors == 3


def test_wrk_output_without_errors_or_totals():
    clean = "\n".join(line for line in WRK_OUTPUT.splitlines() if "Non-2xx" not in line and "Socket" not in line)
    result = wrk.parse(clean)
    assert (result.bad_responses, result.socket_errors) == (0, 0)
    with pytest.raises(wrk.WrkError):
        wrk.parse("unable to connect to 127.0.0.1:8123 Connection refused")
    with pytest.raises(wrk.WrkError):
        wrk.to_ms("12parsecs")


def test_submit_script_escapes_what_it_embeds():
    script = wrk.submit_script(path="/share/", form='a=1&b="2"', body="x\\y", headers={"Cookie": "csrftoken=abc"})
    assert 'FORM = "a=1&b=\\"2\\""' in script
    assert 'BODY = "x\\\\y"' in script
    assert '["Cookie"] = "csrftoken=abc"' in script
    assert "function request()" in script


def test_bench_database_must_be_postgres_with_a_name():
    assert database.split_url("postgres://postgres@127.0.0.1:5432/kindness_bench") == (
        "postgres://postgres@127.0.0.1:5432/postgres", "kindness_bench")
    with pytest.raises(ValueError):
        database.split_url("sqlite:///db.sqlite3")
    with pytest.raises(ValueError):
        database.split_url("postgres://postgres@127.0.0.1:5432/")


@pytest.mark.urls("stories.benchmarks.urls")
def test_bench_urls_serve_the_floor(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/bench/floor/")
    assert response.status_code == 200
    assert response.content == b"ok"
    # Behind the same middleware as every page.
    assert "Content-Security-Policy" in response.headers


@pytest.mark.urls("stories.benchmarks.urls")
def test_bench_urls_serve_the_naive_list_with_offset_and_count(client, db):
    stories = [StoryFactory(approved=True) for _ in range(14)]
    StoryFactory()  # pending: never listed
    first = client.get("/bench/naive/")
    assert first.status_code == 200
    assert first.context["paginator"].count == 14
    assert "Page 1 of 2" in first.content.decode()
    second = client.get("/bench/naive/?page=2")
    # The same cards as the gallery, newest first: page 2 holds the two oldest.
    assert [s.title for s in second.context["page_obj"]] == [s.title for s in stories[1::-1]]
    assert 'class="card story-card' in second.content.decode()
    # The product's own pages are still there.
    assert client.get("/").status_code == 200


def test_product_urls_do_not_have_the_bench_views(client, db):
    for path in ("/bench/floor/", "/bench/naive/"):
        with pytest.raises(Resolver404):
            resolve(path)
        assert client.get(path).status_code == 404


def figures(rps, p99=10.0, status=200, bad=0, floor=1000.0):
    return {"rps": rps, "ratio": rps / floor, "p99": p99, "status": status, "bad": bad}


def test_rows_are_held_to_the_issues_targets():
    cached = {"gallery": figures(600), "floor": figures(1000)}
    assert pages.row_failures("gallery", "cached", cached["gallery"], cached) == []
    assert pages.row_failures("gallery", "cached", figures(400), cached) == ["< 0.5 × floor"]
    assert pages.row_failures("gallery", "cached", figures(600, p99=50.0), cached) == ["p99 ≥ 50 ms"]
    # Deep pages and searches are held to the uncached targets only.
    assert pages.row_failures("gallery_deep", "cached", figures(100), cached) == []

    uncached = {"gallery": figures(300), "naive_deep": figures(20), "search_rare": figures(300)}
    assert pages.row_failures("gallery_deep", "uncached", figures(250), uncached) == []
    assert pages.row_failures("gallery_deep", "uncached", figures(230), uncached) == [
        "> 20% slower than the first page"]
    assert pages.row_failures("gallery_deep", "uncached", figures(150), uncached) == [
        "< 0.2 × floor", "> 20% slower than the first page", "< 10 × naive"]
    assert pages.row_failures("search_common", "uncached", figures(250), uncached) == []
    assert pages.row_failures("search_common", "uncached", figures(90, p99=80), uncached) == [
        "p99 ≥ 50 ms", "< 0.2 × floor", "> 3 × slower than the rare word"]
    assert pages.row_failures("queue", "uncached", figures(90), uncached) == ["< 0.1 × floor"]
    assert pages.row_failures("queue", "uncached", figures(150, p99=500), uncached) == []
    assert pages.row_failures("feed", "uncached", figures(300, status=404, bad=12), uncached) == [
        "HTTP 404", "12 bad responses"]
    assert pages.row_failures("submit", "uncached", figures(5, status=302), uncached) == []


def bench_results():
    def row(rps, queries=2, size=4096):
        return {**figures(rps), "p50": 2.0, "queries": queries, "bytes": size}

    labels = [page.label for page in pages.PAGES]
    rows = {label: row(500) for label in labels}
    rows["floor"], rows["naive_deep"], rows["feed"] = row(1000, 0), row(10), row(100)
    rows["submit"]["status"] = 302
    queries = {label: {mode: {"status": 200, "queries": 2, "count": label.startswith("naive")}
                       for mode in ("cached", "uncached")} for label in labels}
    mode = {"rows": rows, "workers": 5, "connections": 10, "rss": [60.0, 64.0]}
    return {
        "machine": {"cpu": "Test CPU", "cores": 2, "memory_gb": 24.0, "software": "Python"},
        "probe": {"approved": 100_000, "pending": 2_000, "category": "retail", "queries": queries,
                  "words": {"common": "kind", "rare": "umbrella"}},
        "settings": "5 workers", "modes": {"cached": mode, "uncached": mode},
        "load": [(10_000, 6.0), (90_000, 50.0)], "load_average": [0.5, 2.0],
        "weight": {"bytes": 40_000, "third_party": []},
        "submissions": {"uncached": {"successes": 10, "rows": 10, "events": 10, "without_event": 0}},
        "scaling": {"small": {"stories": 10_000, "rows": rows}, "large": {"stories": 100_000, "rows": rows}},
    }


def test_report_marks_each_row_and_the_checks_across_pages():
    text, misses = report.render(bench_results())
    assert "| gallery, first page | 500 | 0.50 | 2.0 | 10.0 | 2 | 4.0 | ≥ 0.5, p99 < 50 | met |" in text
    assert "| feed | 100 | 0.10 |" in text
    assert "**not met**: < 0.5 × floor" in text
    assert "- met: no COUNT query on a public page" in text
    assert "- met: submissions (uncached): 10 accepted, 10 rows, 10 events, none lost" in text
    assert "10,000 stories in 6.0 s; 90,000 stories in 50.0 s" in text
    assert "0.5 before the run, 2.0 at its end" in text
    assert "req/s at 10,000" in text and "req/s at 100,000" in text
    # The feed misses its ratio in both modes; the deep gallery misses nothing (50 × naive).
    assert misses == 2
    assert text.rstrip().endswith("2 targets not met.")


def test_report_tells_a_lost_submission_and_a_counting_page():
    results = bench_results()
    results["submissions"]["uncached"]["rows"] = 9
    results["probe"]["queries"]["gallery"]["uncached"]["count"] = True
    text, _ = report.render(results)
    assert "- **not met**: submissions (uncached)" in text
    assert "- **not met**: no COUNT query on a public page (found on gallery)" in text


def test_report_tells_queries_that_grow_with_depth():
    results = bench_results()
    results["probe"]["queries"]["api_deep"]["uncached"]["queries"] = 3
    text, _ = report.render(results)
    assert "- met: gallery queries do not grow with depth (uncached): 2 first, 2 at 90 %" in text
    assert "- **not met**: api queries do not grow with depth (uncached): 2 first, 3 at 90 %" in text


def test_report_says_so_when_the_floor_answered_nothing():
    results = bench_results()
    for mode in results["modes"].values():
        for row in mode["rows"].values():
            row["ratio"] = None
    text, _ = report.render(results)
    assert "| gallery, first page | 500 | — |" in text and "no floor measured" in text
