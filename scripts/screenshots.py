"""Photograph the main pages of each demo role on a phone (360 px) and a desktop (1366 px).

    .venv/bin/python scripts/screenshots.py [--base-url http://127.0.0.1:8000] [--out docs/screens]

It starts nothing: it signs in to a server that already runs the demo (`make run`, or
`make screenshots`, which starts one of its own through scripts/screenshots.sh) and writes
<out>/<account>-<page>-<width>.png. The phone shots are full pages, the desktop shots one
screen. The server must not ask for the second sign-in step: start it with
LANTOA_MFA_REQUIRED=0 (DEBUG=1, as `make run` does, turns it off too).
"""

from __future__ import annotations

import argparse
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

DEMO_PASSWORD = "lantoa-demo-2026"  # noqa: S105  (lantoa/demo/ward_roster.py; demo only)
CHROMIUM = "/usr/bin/chromium"  # Debian's, never a downloaded browser
PHONE: ViewportSize = {"width": 360, "height": 740}
DESKTOP: ViewportSize = {"width": 1366, "height": 900}
# account → its pages after home: (name in the file name, path)
PAGES: dict[str, list[tuple[str, str]]] = {
    "dieuphoi": [("tasks", "/plans/tasks/")],  # coordinator
    "lanhdao": [("dashboard", "/dashboard/")],  # leader
    "truong_thcsa": [("activities", "/activities/")],  # school officer
    "so_gddt": [("province", "/reports/province/")],  # province viewer
    "bientap": [("activities", "/activities/")],  # editor
    "ketoan": [("tasks", "/plans/tasks/")],  # budget officer
    "congtacvien": [("activities", "/activities/")],  # contributor
}


class SignInError(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path("docs/screens"))
    parser.add_argument("--password", default=DEMO_PASSWORD)
    parser.add_argument("--chromium", default=CHROMIUM)
    parser.add_argument(
        "--wait", type=float, default=30, help="seconds to wait for the server to answer"
    )
    args = parser.parse_args()
    base = args.base_url.rstrip("/")
    if not server_answers(base, args.wait):
        print(f"screenshots: no answer from {base} after {args.wait:.0f} s", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    failed = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        for account, pages in PAGES.items():
            try:
                photograph(browser, base, account, args.password, pages, args.out)
            except SignInError as error:
                print(f"screenshots: {error}", file=sys.stderr)
                failed.append(account)
        browser.close()
    print(f"screenshots: {len(PAGES) - len(failed)} account(s) photographed into {args.out}/")
    return 1 if failed else 0


def server_answers(base: str, wait: float) -> bool:
    deadline = time.monotonic() + wait
    while True:
        try:
            with urllib.request.urlopen(f"{base}/accounts/login/", timeout=5):  # noqa: S310
                return True
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.3)


def photograph(
    browser: Browser,
    base: str,
    account: str,
    password: str,
    pages: list[tuple[str, str]],
    out: Path,
) -> None:
    """Sign in as `account`, then shoot home and its pages at both widths."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN", reduced_motion="reduce")
    page = context.new_page()
    try:
        sign_in(page, base, account, password)
        for viewport, full_page in ((PHONE, True), (DESKTOP, False)):
            page.set_viewport_size(viewport)
            for name, path in [("home", "/"), *pages]:
                page.goto(f"{base}{path}", wait_until="networkidle")
                target = out / f"{account}-{name}-{viewport['width']}.png"
                shoot(page, target, viewport, full_page=full_page)
                print(f"  {target}")
    finally:
        context.close()


def shoot(page: Page, target: Path, viewport: ViewportSize, *, full_page: bool) -> None:
    """A full page is shot through a screen as tall as the page, so that the phone's fixed
    bottom bar sits at the bottom and not across the middle."""
    if full_page:
        height = page.evaluate("document.documentElement.scrollHeight")
        page.set_viewport_size({"width": viewport["width"], "height": max(height, 1)})
    page.screenshot(path=str(target), animations="disabled")
    page.set_viewport_size(viewport)


def sign_in(page: Page, base: str, account: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", account)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("button[type=submit]").first.click()
    if "/accounts/mfa/" in page.url:
        raise SignInError(
            f"{account} is asked for the second sign-in step (two-step verification) at "
            f"{page.url}; start the server with LANTOA_MFA_REQUIRED=0 to take screenshots."
        )
    if "/accounts/login/" in page.url:
        raise SignInError(
            f"{account} could not sign in with the demo password: is the demo loaded "
            "(`lantoa load_demo`) and the password unchanged?"
        )


if __name__ == "__main__":
    sys.exit(main())
