"""The bench's results as Markdown: the two tables, the checks across rows, and the side-by-side."""

from .pages import (
    BY_LABEL,
    PAGE_WEIGHT_LIMIT,
    PAGES,
    SCALING_LABELS,
    row_failures,
    target_text,
)

MODE_TITLES = {
    "cached": "Page caching on (PAGE_CACHE_SECONDS default)",
    "uncached": "Page caching off (PAGE_CACHE_SECONDS=0)",
}


def number(value, digits=0):
    return "—" if value is None else f"{value:,.{digits}f}"


def row_checks(mode_result, mode):
    rows = mode_result["rows"]
    return {label: row_failures(label, mode, figures, rows) for label, figures in rows.items()}


def mode_table(mode, mode_result):
    checks = row_checks(mode_result, mode)
    lines = [
        f"### {MODE_TITLES[mode]}",
        "",
        "| page | req/s | × floor | p50 ms | p99 ms | SQL queries | KB gzip | target (× floor) | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for page in PAGES:
        row = mode_result["rows"].get(page.label)
        if row is None:
            continue
        target = target_text(page.label, mode)
        misses = checks[page.label]
        verdict = ("**not met**: " + "; ".join(misses)) if misses else ("met" if target else "")
        kilobytes = None if row["bytes"] is None else row["bytes"] / 1024
        lines.append(
            f"| {page.title} | {number(row['rps'])} | {number(row['ratio'], 2)} | {number(row['p50'], 1)} "
            f"| {number(row['p99'], 1)} | {number(row['queries'])} | {number(kilobytes, 1)} | {target} | {verdict} |"
        )
    return lines, checks


def cross_checks(results):
    """Targets that no single row carries: query counts, page weight, lost submissions, scaling."""
    probe = results["probe"]
    found = []
    for first, deep in (("gallery", "gallery_deep"), ("api", "api_deep")):
        for mode in ("cached", "uncached"):
            a, b = probe["queries"][first][mode]["queries"], probe["queries"][deep][mode]["queries"]
            # The first page may add the featured stories; a deeper page must never add more.
            found.append((f"{first} queries do not grow with depth ({mode}): {a} first, {b} at 90 %", b <= a))
    counting = [label for label, modes in probe["queries"].items()
                if BY_LABEL[label].public and any(m["count"] for m in modes.values())]
    found.append(("no COUNT query on a public page" + (f" (found on {', '.join(counting)})" if counting else ""),
                  not counting))
    weight = results.get("weight")
    if weight:
        found.append((f"gallery with its CSS and JS: {weight['bytes'] / 1024:.1f} KB gzip "
                      f"(limit {PAGE_WEIGHT_LIMIT // 1024} KB)", weight["bytes"] < PAGE_WEIGHT_LIMIT))
        found.append(("no third-party request from the gallery"
                      + (f" (found {', '.join(weight['third_party'])})" if weight["third_party"] else ""),
                      not weight["third_party"]))
    for mode, figures in results.get("submissions", {}).items():
        lost = figures["rows"] < figures["successes"] or figures["without_event"]
        found.append((f"submissions ({mode}): {figures['successes']:,} accepted, {figures['rows']:,} rows, "
                      f"{figures['events']:,} events, none lost", not lost))
    scaling = results.get("scaling")
    if scaling:
        small, large = scaling["small"]["rows"], scaling["large"]["rows"]
        if "gallery" in small and "gallery" in large:
            before, after = small["gallery"]["ratio"], large["gallery"]["ratio"]
            kept = after / before if before and after else 0
            found.append((f"gallery at {scaling['large']['stories']:,} stories keeps {kept:.0%} of its "
                          f"ratio to the floor at {scaling['small']['stories']:,}", kept >= 0.8))
    return found


def scaling_table(scaling):
    small, large = scaling["small"], scaling["large"]
    lines = [
        f"### Cost against the data (page caching off): {small['stories']:,} and {large['stories']:,} stories",
        "",
        f"| page | req/s at {small['stories']:,} | × floor | p99 ms "
        f"| req/s at {large['stories']:,} | × floor | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label in SCALING_LABELS:
        a, b = small["rows"].get(label), large["rows"].get(label)
        if a and b:
            lines.append(f"| {BY_LABEL[label].title} | {number(a['rps'])} | {number(a['ratio'], 2)} "
                         f"| {number(a['p99'], 1)} | {number(b['rps'])} | {number(b['ratio'], 2)} "
                         f"| {number(b['p99'], 1)} |")
    return lines


def render(results):
    machine = results["machine"]
    probe = results["probe"]
    settings_line = results["settings"]
    lines = [
        "## Benchmark",
        "",
        f"{machine['cpu']} ({machine['cores']} cores), {machine['memory_gb']:.0f} GB RAM; {machine['software']}.",
        f"{probe['approved']:,} approved stories, {probe['pending']:,} pending; {settings_line}.",
        f"Search words, by document frequency: common “{probe['words']['common']}”, "
        f"rare “{probe['words']['rare']}”; category “{probe['category']}”.",
        "",
    ]
    misses = 0
    for mode, mode_result in results["modes"].items():
        table, checks = mode_table(mode, mode_result)
        misses += sum(1 for failures in checks.values() if failures)
        lines += table
        rss = mode_result["rss"]
        if rss:
            lines += ["", f"Gunicorn workers after the run: {len(rss)} × {min(rss):.0f}–{max(rss):.0f} MiB RSS "
                          f"({sum(rss):.0f} MiB in all); {mode_result['connections']} wrk connections."]
        lines.append("")
    lines += ["### Checks across pages", ""]
    for text, ok in cross_checks(results):
        misses += 0 if ok else 1
        lines.append(f"- {'met' if ok else '**not met**'}: {text}")
    load = results["load"]
    loaded = "; ".join(f"{count:,} stories in {seconds:.1f} s" for count, seconds in load) or "an existing database"
    lines += ["", f"Data load (load_demo_stories --generate): {loaded}."]
    if results.get("load_average"):
        start, end = results["load_average"]
        # Other work on the machine slows every page alike; the ratios to the floor hold up best.
        lines.append(f"Machine load average (1 min): {start:.1f} before the run, {end:.1f} at its end.")
    lines.append("")
    if results.get("scaling"):
        lines += scaling_table(results["scaling"]) + [""]
    lines.append(f"{misses} target{'s' if misses != 1 else ''} not met." if misses else "Every target met.")
    return "\n".join(lines) + "\n", misses
