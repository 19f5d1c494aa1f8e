"""What every list of published stories shares: the gallery, the embed, the API and the feed."""

from django.http import Http404

from .. import cards

PAGE_SIZE = 12
QUERY_MAX_CHARS = 200


def site_parts(request):
    """Cache-key parts for pages that hold absolute URLs: each allowed host has its own copy."""
    return (request.scheme, request.get_host())


def clean_query(params):
    """The search words in `params`: control characters (a NUL, say) mean nothing to a search and
    PostgreSQL refuses them."""
    return "".join(c if c.isprintable() else " " for c in params.get("q", "")).strip()[:QUERY_MAX_CHARS]


def find_category(slug, known_categories=None):
    """The category with this slug, None for no slug; Http404 for an unknown one.

    `known_categories`: the list when the caller has read it already.
    """
    slug = slug.strip()
    if not slug:
        return None
    known = cards.categories() if known_categories is None else known_categories
    category = next((c for c in known if c.slug == slug), None)
    if category is None:
        raise Http404("No such category")
    return category


def gallery_filters(params, known_categories=None):
    """(category, search text) a list page asks for in `params` (its query string).

    Raises Http404 for an unknown category.
    """
    category = find_category(params.get("category", ""), known_categories)
    return category, clean_query(params)


def build_gallery(params, *, size=PAGE_SIZE, known_categories=None, featured=0):
    """Context for one page of cards: searched (ranked) or browsed (newest first, by cursor), with
    up to `featured` featured stories on the first page of all categories.

    Raises BadCursor for a malformed cursor.
    """
    category, query = gallery_filters(params, known_categories)
    category_id = category.pk if category else None
    before = params.get("before") or None
    after = params.get("after") or None
    if query:
        items = cards.searched(size, query, category=category_id, known_categories=known_categories)
        older = newer = None
        chosen = []
    else:
        items, older, newer, chosen = cards.cursor_page(category=category_id, before=before, after=after, size=size,
                                                        featured=featured)
    return {"stories": items, "category": category, "query": query, "older": older, "newer": newer,
            "first_page": not (before or after), "page_size": size, "featured": chosen}


def parse_limit(value, *, default, maximum):
    """A page size from the query string, at most `maximum`; ValueError when it is not a positive number."""
    if value in (None, ""):
        return default
    limit = int(value)
    if limit < 1:
        raise ValueError(value)
    return min(limit, maximum)
