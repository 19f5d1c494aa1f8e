"""The pages the bench loads, what each one is, and the numbers the issue sets for them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    label: str
    title: str
    kind: str  # hot | public | queue | submit | naive | floor

    @property
    def public(self):
        return self.kind in {"hot", "public"}


PAGES = [
    Page("gallery", "gallery, first page", "hot"),
    Page("gallery_deep", "gallery, 90 % deep", "public"),
    Page("category", "category, first page", "hot"),
    Page("search_common", "search, common word", "public"),
    Page("search_rare", "search, rare word", "public"),
    Page("story", "story page", "hot"),
    Page("api", "API, first page", "hot"),
    Page("api_deep", "API, 90 % deep", "public"),
    Page("embed", "embed", "hot"),
    Page("feed", "feed", "hot"),
    Page("queue", "review queue (moderator)", "queue"),
    Page("submit", "submissions (POST /share/)", "submit"),
    Page("naive", "naive ListView, first page", "naive"),
    Page("naive_deep", "naive ListView, 90 % deep", "naive"),
    Page("floor", "floor: HttpResponse(\"ok\")", "floor"),
]
BY_LABEL = {page.label: page for page in PAGES}
# The side-by-side at two data sizes: the gallery, and the naive list whose cost grows.
SCALING_LABELS = ["gallery", "gallery_deep", "naive_deep", "floor"]

HOT_CACHED_RATIO = 0.5
PUBLIC_UNCACHED_RATIO = 0.2
QUEUE_UNCACHED_RATIO = 0.1
P99_LIMIT_MS = 50
DEEP_WITHIN = 0.2
DEEP_OVER_NAIVE = 10
COMMON_OVER_RARE = 3
PAGE_WEIGHT_LIMIT = 100 * 1024


def expected_status(label):
    return 302 if label == "submit" else 200


def row_failures(label, mode, figures, by_label):
    """What one measured row misses of its targets; an empty list when it meets them all.

    `figures` has rps, ratio, p99, status, bad; `by_label` the same mode's other rows, for the
    targets that compare two pages.
    """
    page = BY_LABEL[label]
    misses = []
    if figures["status"] != expected_status(label):
        misses.append(f"HTTP {figures['status']}")
    if figures["bad"]:
        misses.append(f"{figures['bad']} bad responses")
    if page.public and figures["p99"] is not None and figures["p99"] >= P99_LIMIT_MS:
        misses.append(f"p99 ≥ {P99_LIMIT_MS} ms")
    ratio = figures["ratio"]
    if ratio is None:
        # No floor to compare with: it answered nothing (stuck behind a page's queued requests).
        return [*misses, "no floor measured"]
    if mode == "cached" and page.kind == "hot" and ratio < HOT_CACHED_RATIO:
        misses.append(f"< {HOT_CACHED_RATIO} × floor")
    if mode == "uncached" and page.public and ratio < PUBLIC_UNCACHED_RATIO:
        misses.append(f"< {PUBLIC_UNCACHED_RATIO} × floor")
    if mode == "uncached" and page.kind == "queue" and ratio < QUEUE_UNCACHED_RATIO:
        misses.append(f"< {QUEUE_UNCACHED_RATIO} × floor")
    if mode == "uncached" and label == "gallery_deep":
        first, naive = by_label.get("gallery"), by_label.get("naive_deep")
        if first and figures["rps"] < (1 - DEEP_WITHIN) * first["rps"]:
            misses.append(f"> {DEEP_WITHIN:.0%} slower than the first page")
        if naive and figures["rps"] < DEEP_OVER_NAIVE * naive["rps"]:
            misses.append(f"< {DEEP_OVER_NAIVE} × naive")
    if mode == "uncached" and label == "search_common":
        rare = by_label.get("search_rare")
        if rare and figures["rps"] * COMMON_OVER_RARE < rare["rps"]:
            misses.append(f"> {COMMON_OVER_RARE} × slower than the rare word")
    return misses


def target_text(label, mode):
    """The targets a row is held to, in words, for the table."""
    page = BY_LABEL[label]
    parts = []
    if mode == "cached" and page.kind == "hot":
        parts.append(f"≥ {HOT_CACHED_RATIO}")
    if mode == "uncached" and page.public:
        parts.append(f"≥ {PUBLIC_UNCACHED_RATIO}")
    if mode == "uncached" and page.kind == "queue":
        parts.append(f"≥ {QUEUE_UNCACHED_RATIO}")
    if mode == "uncached" and label == "gallery_deep":
        parts.append(f"≥ {1 - DEEP_WITHIN:.1f} × first, ≥ {DEEP_OVER_NAIVE} × naive")
    if mode == "uncached" and label == "search_common":
        parts.append(f"≥ rare / {COMMON_OVER_RARE}")
    if page.public:
        parts.append(f"p99 < {P99_LIMIT_MS}")
    return ", ".join(parts)
