"""The enforced Content-Security-Policy breaks nothing and stops what it should: chromium
loads public pages and the admin's editing pages with no violation and no console error,
and a script slipped into a public page does not run."""

import json
import re

import pytest

from .conftest import DESKTOP, PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Runs in every page before its own scripts, out of reach of the page's policy.
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', event => window.__violations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`));
"""


def watched(context):
    """A page whose console errors, uncaught errors and CSP violations are kept."""
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.problems.append(message.text),
    )
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    return page


def problems(page):
    """What went wrong since the last call: console errors and CSP violations."""
    found = page.problems + page.evaluate("window.__violations")
    page.problems.clear()
    page.evaluate("window.__violations = []")
    return found


def visit(page, path):
    """Problems seen on `path`, once it has loaded and its scripts have run."""
    response = page.goto(path)
    assert response.ok, (path, response.status)
    page.wait_for_load_state("networkidle")
    return problems(page)


def sign_in(page, username):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.wait_for_load_state("networkidle")
    problems(page)


def test_public_and_admin_pages_run_under_the_policy(demo_site, new_context):
    from django.contrib.auth import get_user_model

    from symposium_pages.models import PaperPage, SymposiumPage

    plan = SymposiumPage.objects.get(locale__language_code="vi")
    paper = PaperPage.objects.live().child_of(plan).first()
    seen = {}

    reader = watched(new_context(**DESKTOP))
    for path in ["/", plan.url, paper.url, "/search/?q=chi+bộ"]:
        seen[f"reader {path}"] = visit(reader, path)

    # The plan's JSON-LD is data, not script: the browser leaves it to be read.
    reader.goto(plan.url)
    blocks = reader.locator('script[type="application/ld+json"]')
    assert blocks.count() >= 1
    assert json.loads(blocks.first.text_content())["@context"] == "https://schema.org"
    # An inline script slipped into a public page is refused, and reported.
    ran = reader.evaluate(
        """() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.body.append(script);
        return window.__injected === true;
    }"""
    )
    assert ran is False
    assert any(v.startswith("script-src-elem blocked inline") for v in problems(reader))

    editor = watched(new_context(**DESKTOP))
    sign_in(editor, "bientap")
    for path in [
        "/admin/",
        f"/admin/pages/{plan.pk}/",
        f"/admin/pages/{plan.pk}/edit/",
        f"/admin/symposium/{plan.pk}/receive-paper/",
        plan.url,  # with Wagtail's user bar
        f"/admin/pages/{paper.pk}/edit/",
    ]:
        seen[f"editor {path}"] = visit(editor, path)
    # The preview and its accessibility checks run in the edit page's side panels.
    for panel in ["preview", "checks"]:
        editor.locator(f"[data-side-panel-toggle={panel}]").first.click()
        editor.wait_for_timeout(1500)
        editor.wait_for_load_state("networkidle")
        seen[f"editor {panel} panel"] = problems(editor)
    assert any("/preview/" in frame.url for frame in editor.frames)

    # A superuser's dashboard asks wagtail.org for the latest release (answered here).
    get_user_model().objects.create_superuser("quantri", "quantri@example.com", PASSWORD)
    context = new_context(**DESKTOP)
    asked = []

    def latest_release(route):
        asked.append(route.request.url)
        route.fulfill(status=200, body="{}", content_type="application/json")

    context.route(re.compile(r"https://releases\.wagtail\.org/.*"), latest_release)
    superuser = watched(context)
    sign_in(superuser, "quantri")
    seen["superuser /admin/"] = visit(superuser, "/admin/")
    assert asked, "the update check reached the network (its connect-src is allowed)"

    assert {where: found for where, found in seen.items() if found} == {}
