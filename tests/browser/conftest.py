"""Browser journeys: Playwright (Python) driving Debian's chromium against the live server.

Never a browser download: the tests launch /usr/bin/chromium (`apt-get install
chromium`; `make test` and `.ci/run` install it as root) and skip, saying so,
only when it is missing. Screenshots go to test-artifacts/browser/ (git-ignored)
when a journey fails, and at every step when SYMPOSIUM_SCREENSHOTS=1.
"""

import os
import re
from pathlib import Path

import pytest

from tests.host_fixtures import demo, home_page  # noqa: F401

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
SCREENSHOTS_ON_DEMAND = os.environ.get("SYMPOSIUM_SCREENSHOTS") == "1"
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "vi-VN",
    "timezone_id": "Asia/Ho_Chi_Minh",
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "vi-VN"}
PASSWORD = "mat-khau-thu-nghiem-2022"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def _folder(request):
    name = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    return ARTIFACTS / name


@pytest.fixture
def browser(monkeypatch):
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: the browser journeys need Debian's chromium "
            "(apt-get install chromium; `make test` installs it as root)"
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the test's own ORM calls
    # are synchronous all the same.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
        # While Playwright's loop runs in this thread, Django keeps the test's database
        # connection apart from the one teardown sees; close it here, or PostgreSQL refuses
        # to drop the test database ("being accessed by other users").
        from django.db import connections

        connections.close_all()


@pytest.fixture
def shots(request):
    """shots(page, name): a screenshot of this step, when asked for (SYMPOSIUM_SCREENSHOTS=1)."""
    counter = iter(range(1, 1000))

    def take(page, name, *, always=False):
        if not (SCREENSHOTS_ON_DEMAND or always):
            return None
        folder = _folder(request)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{next(counter):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def new_context(browser, live_server, request):
    """new_context(**options): a browser context on the live server; screenshots on failure."""
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        folder = _folder(request)
        folder.mkdir(parents=True, exist_ok=True)
        for number, context in enumerate(contexts, 1):
            for index, page in enumerate(context.pages, 1):
                try:
                    page.screenshot(
                        path=str(folder / f"failed-{number}-{index}.png"), full_page=True
                    )
                except Exception:  # noqa: BLE001 - a closed page has nothing to show
                    pass
    for context in contexts:
        context.close()


@pytest.fixture
def demo_site(live_server):
    """The Gia Lai demo, served by the live server under its own address."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Site

    from home.demo.build import load_demo

    load_demo(log=lambda line: None)
    host, port = re.match(r"https?://([^:/]+):(\d+)", live_server.url).groups()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, int(port)
    site.save()
    for user in get_user_model().objects.filter(username__in=["bientap", "thamdinh", "kiemduyet"]):
        user.set_password(PASSWORD)
        user.save()
    return live_server


def no_sideways_scroll(page):
    """The page fits the phone's width: nothing makes the reader scroll sideways."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def accessibility_problems(page):
    """Images without alt, duplicate ids, a missing landmark or heading, in the live DOM."""
    return page.evaluate(
        """() => {
        const problems = [];
        document.querySelectorAll('img:not([alt])').forEach(img => problems.push('no alt: ' + img.src));
        const seen = {};
        document.querySelectorAll('[id]').forEach(el => {
            if (seen[el.id]) problems.push('duplicate id: ' + el.id);
            seen[el.id] = true;
        });
        for (const tag of ['header', 'nav', 'main', 'footer']) {
            if (!document.querySelector(tag)) problems.push('no ' + tag);
        }
        if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count');
        if (!document.documentElement.lang) problems.push('no lang');
        return problems;
    }"""
    )


def contrast_problems(page):
    """Text whose contrast with its background is under WCAG AA (4.5:1, or 3:1 when large)."""
    return page.evaluate(
        """() => {
        const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
        const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        const background = el => {
            for (; el; el = el.parentElement) {
                const c = parse(getComputedStyle(el).backgroundColor);
                if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
            }
            return [255, 255, 255];
        };
        const problems = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const seen = new Set();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!node.textContent.trim() || seen.has(el)) continue;
            seen.add(el);
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.right < 0) continue;
            const fg = parse(style.color).slice(0, 3);
            const [a, b] = [luminance(fg), luminance(background(el))].sort((x, y) => y - x);
            const ratio = (a + 0.05) / (b + 0.05);
            const size = parseFloat(style.fontSize);
            const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
            if (ratio < (large ? 3 : 4.5)) problems.push(`${ratio.toFixed(2)}: ${node.textContent.trim().slice(0, 40)}`);
        }
        return problems;
    }"""
    )
