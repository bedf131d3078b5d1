"""A signed-in browser walks from home through the pages a person can reach by clicking, and
notes on each what a phone user would suffer: a page wider than the screen, a console error, an
accessibility fault that axe-core calls serious or critical (issue 14, "Done when").

The link rules are the crawler's (tests/crawl.py): no logout, no language switch, no static
file, no download, not Django's admin. A path is visited once (its first link's query string
wins), and object pages of one shape (`/plans/tasks/{id}/`) at most `PER_SHAPE` times: the walk
has a page budget, and one task's page shows what every task's page shows.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Page
from playwright.sync_api import Error as PlaywrightError

from tests.crawl import DOCUMENT_SUFFIXES, SAMPLED_PREFIXES, SKIPPED_PREFIXES, SKIPPED_SUFFIXES

AXE_JS = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = ("serious", "critical")
PER_SHAPE = 2
# Files built or sent on request: the browser downloads them instead of showing a page.
DOWNLOAD_PATTERNS = re.compile(r"/(docx|xlsx|evidence)/|/download\.|/template\.")

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.flatMap(v => v.nodes.map(n => ({
    rule: v.id,
    impact: n.impact || v.impact,
    help: v.help,
    target: n.target.join(' '),
    cause: (n.failureSummary || '').split('\\n').slice(1, 2).join('').trim(),
  })));
}"""
# The innermost elements that stick out past the right edge of the screen or out of their own
# box, named tag.class: a hint for whoever fixes the page.
WIDEST = """(screen) => {
  const wide = e => e.clientWidth > 1 && (e.getBoundingClientRect().right > screen + 1
    || (e.scrollWidth > e.clientWidth + 1
        && !['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX)));
  return [...document.body.querySelectorAll('*')]
    .filter(e => wide(e) && ![...e.children].some(wide))
    .slice(0, 3)
    .map(e => e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join(''));
}"""
# htmx marks an element with .htmx-request while its request is in flight (hx-trigger="load").
HTMX_SETTLED = "() => !document.querySelector('.htmx-request')"


@dataclass(frozen=True)
class Cause:
    """One accessibility fault as axe-core words it (with the contrast it measured, …)."""

    rule: str
    impact: str
    help: str
    detail: str


@dataclass
class WalkResult:
    visited: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)  # "/path: 412 px wide …"
    console: list[str] = field(default_factory=list)  # "/path: message"
    http: list[str] = field(default_factory=list)  # "404 /path"
    # each fault → the pages showing it → the elements showing it there
    violations: dict[Cause, dict[str, list[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )

    def problems(self) -> list[str]:
        """Every finding, readable: one entry per fault, with the pages and elements under it."""
        lines = [f"HTTP {line}" for line in self.http]
        lines += [f"sideways overflow {line}" for line in self.overflow]
        lines += [f"console error {line}" for line in self.console]
        for cause, pages in sorted(self.violations.items(), key=lambda item: item[0].rule):
            entry = [f"axe {cause.rule} ({cause.impact}): {cause.help}"]
            entry += [f"    {cause.detail}"] if cause.detail else []
            entry += [
                f"    {path}: {' | '.join(targets[:3])}"
                + (f" (+{len(targets) - 3})" if len(targets) > 3 else "")
                for path, targets in pages.items()
            ]
            lines.append("\n".join(entry))
        return lines


def local_path(url: str, origin: str) -> str | None:
    """The path (and query) of a same-origin link worth walking to, else None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    path = parts.path
    if (
        path.startswith(SKIPPED_PREFIXES + SAMPLED_PREFIXES)
        or path.endswith(SKIPPED_SUFFIXES + DOCUMENT_SUFFIXES)
        or DOWNLOAD_PATTERNS.search(path)
    ):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def shape(path: str) -> str:
    """`/plans/tasks/14/?period=3` → `/plans/tasks/{id}/`."""
    return re.sub(r"/\d+(?=/|$|\.)", "/{id}", urlsplit(path).path)


def walk(page: Page, origin: str, *, depth: int = 2, limit: int = 40) -> WalkResult:
    """Breadth first from home, `depth` clicks deep, at most `limit` pages."""
    result = WalkResult()
    where = ["/"]
    page.on("console", lambda m: _console(result, where[0], m))
    page.on("pageerror", lambda e: result.console.append(f"{where[0]}: {e}"))
    axe_source = AXE_JS.read_text(encoding="utf-8")
    seen_paths = {"/"}
    shapes: Counter[str] = Counter()
    queue: deque[tuple[str, int]] = deque([("/", 0)])
    while queue and len(result.visited) < limit:
        url, level = queue.popleft()
        where[0] = url
        links = _visit(page, origin, url, axe_source, result)
        if level >= depth:
            continue
        for link in links:
            path = local_path(link, origin)
            if path is None or urlsplit(path).path in seen_paths:
                continue
            seen_paths.add(urlsplit(path).path)
            if shapes[shape(path)] < PER_SHAPE:
                shapes[shape(path)] += 1
                queue.append((path, level + 1))
    return result


def _console(result: WalkResult, where: str, message: ConsoleMessage) -> None:
    if message.type == "error":
        result.console.append(f"{where}: {message.text}")


def _visit(page: Page, origin: str, path: str, axe_source: str, result: WalkResult) -> list[str]:
    """Open one page, check it, and return the links on it."""
    try:
        response = page.goto(origin + path, wait_until="load")
    except PlaywrightError as error:
        if "Download is starting" not in str(error):  # a file, not a page: nothing to look at
            result.http.append(f"{path}: {str(error).splitlines()[0]}")
            # Chromium shows its error page next; the next page must not be asked before
            page.wait_for_url("chrome-error://**", wait_until="commit")
        return []
    result.visited.append(path)
    if response is not None and response.status >= 400:
        result.http.append(f"{response.status} {path}")
    if response is None or "text/html" not in response.headers.get("content-type", ""):
        return []
    page.wait_for_function(HTMX_SETTLED)
    width, screen = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width > screen + 1:
        wide = ", ".join(page.evaluate(WIDEST, screen))
        result.overflow.append(f"{path}: {width} px wide on a {screen} px screen ({wide})")
    # the forms folded in «details» are checked too, opened as a person opens them
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    # evaluate, not add_script_tag: the content security policy refuses inline scripts
    page.evaluate(axe_source)
    for node in page.evaluate(AXE_RUN, WCAG_TAGS):
        if node["impact"] in BLOCKING_IMPACTS:
            cause = Cause(node["rule"], node["impact"], node["help"], node["cause"])
            result.violations[cause][path].append(node["target"])
    return page.eval_on_selector_all("a[href]:not([download])", "as => as.map(a => a.href)")
