"""A crawler for the tests: from a page, follow every link a signed-in person can click, and
report every answer ≥ 500 and every link that leads to a 404 (issue 10, "Done when").

Links that only vary a filter or a page (a month picker, a year picker, page=2 …) are an
endless family; each family (path shape × query keys) is visited up to `per_family` times, as
are downloads (each is built on request) and edit forms, and all the filtered variants of one
path at most `QUERIES_PER_PATH` times, while every object page (`/activities/12/`) is visited.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

SKIPPED_PREFIXES = ("/static/", "/accounts/logout/", "/i18n/")
SKIPPED_SUFFIXES = (".pdf",)  # LibreOffice's conversion is tested on its own (test_documents)
DOCUMENT_SUFFIXES = (".docx", ".xlsx", "/xlsx/")  # built on each request: a few of each kind
FORM_SUFFIXES = ("/edit/", "/delete/", "/new/")  # the same form for every record: a few of each
SAMPLED_PREFIXES = ("/admin/",)  # Django's own admin: a few pages of each kind
ADMIN_PER_FAMILY = 3
# A filtered list's chips each drop one filter, so its query-key sets multiply (a list with six
# filters has 64); all the filtered variants of one path together stop at this many.
QUERIES_PER_PATH = 30


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (
                (tag == "a" and name == "href")
                or name == "hx-get"
                or (tag == "img" and name == "src")
            ):
                self.links.append(value)


@dataclass
class CrawlResult:
    visited: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "500 /url (from /page)"
    broken: list[str] = field(default_factory=list)  # "404 /url (from /page)"


def family(url: str) -> tuple[str, frozenset[str]]:
    parts = urlsplit(url)
    shape = re.sub(r"/\d+(?=/|$|\.)", "/{id}", parts.path)
    if shape.startswith(SAMPLED_PREFIXES):  # the admin's sorting and facets: one family
        return shape, frozenset()
    return shape, frozenset(k for k, _v in parse_qsl(parts.query, keep_blank_values=True))


def crawl(client, start: str = "/", per_family: int = 6, limit: int = 4000) -> CrawlResult:
    """Breadth first from `start` with the signed-in test client."""
    result = CrawlResult()
    seen = {start}
    queue: deque[tuple[str, str]] = deque([(start, "")])
    families: Counter[tuple[str, frozenset[str]]] = Counter()
    filtered: Counter[str] = Counter()  # path shape → its visits with a query string
    while queue and len(result.visited) < limit:
        url, source = queue.popleft()
        response = client.get(url)
        result.visited.append(url)
        where = f"{url} (từ {source or 'trang chủ'})"
        if response.status_code >= 500:
            result.errors.append(f"{response.status_code} {where}")
            continue
        if response.status_code == 404:
            result.broken.append(f"404 {where}")
            continue
        if response.status_code in (301, 302):
            links = [response["Location"]]
        elif "text/html" in response.get("Content-Type", ""):
            parser = _Links()
            parser.feed(response.content.decode())
            links = parser.links
        else:
            continue
        for link in links:
            target = _local(urljoin(url, link.replace("&amp;", "&")))
            if target is None or target in seen:
                continue
            seen.add(target)
            key = family(target)
            capped = (
                bool(key[1])
                or key[0].endswith(DOCUMENT_SUFFIXES + FORM_SUFFIXES)
                or key[0].startswith(SAMPLED_PREFIXES)
            )
            cap = ADMIN_PER_FAMILY if key[0].startswith(SAMPLED_PREFIXES) else per_family
            if capped and families[key] >= cap:
                continue
            if key[1] and filtered[key[0]] >= QUERIES_PER_PATH:
                continue
            families[key] += 1
            filtered[key[0]] += bool(key[1])
            queue.append((target, url))
    return result


def _local(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path
    if path.startswith(SKIPPED_PREFIXES) or path.endswith(SKIPPED_SUFFIXES):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def analyze() -> None:
    """Refresh the query planner's statistics after a test built its data: inside the test's
    transaction PostgreSQL (and SQLite) otherwise plan for the near-empty tables they last saw,
    and a nested loop over the demo can run for minutes."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
