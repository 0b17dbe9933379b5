"""Every page carries an enforced Content-Security-Policy: public pages with no inline
script allowed, the admin with Wagtail's own needs. (In chromium: tests/browser.)"""

import re

import pytest

from newsroom.settings.content_security import csp_settings

HEADER = "Content-Security-Policy"


def directives(response):
    policy = response[HEADER]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def public_paths(demo):
    from symposium_pages.models import PaperPage, SymposiumPage

    plan = SymposiumPage.objects.get(locale__language_code="vi")
    paper = PaperPage.objects.live().child_of(plan).first()
    return ["/", plan.url, paper.url, "/search/?q=chi+bộ", "/en/"]


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Content-Security-Policy-Report-Only" not in response, path
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], path
        assert policy["style-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["base-uri"] == ["'self'"], path
        assert "'unsafe-inline'" not in response[HEADER], path
        assert "'unsafe-eval'" not in response[HEADER], path
        # Nothing the policy would block: inline scripts, handlers, style attributes.
        # JSON-LD is data, not script, and is left alone (chromium agrees: tests/browser).
        html = response.content.decode()
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert all("src=" in tag or 'type="application/ld+json"' in tag for tag in scripts)
        assert not re.search(r"\son[a-z]+\s*=|\sstyle\s*=", html), path
    plan = client.get(public_paths[1]).content.decode()
    assert '<script type="application/ld+json">' in plan


@pytest.mark.django_db
def test_admin_pages_have_the_admins_policy(admin_client, public_paths, demo):
    from symposium_pages.models import SymposiumPage

    plan = SymposiumPage.objects.get(locale__language_code="vi")
    for path in ["/admin/", f"/admin/pages/{plan.pk}/edit/", "/admin/images/"]:
        response = admin_client.get(path)
        assert response.status_code == 200, path
        policy = directives(response)
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["connect-src"] == ["'self'", "https://releases.wagtail.org"], path
    # The user bar on a public page is the site's own script: the public policy holds.
    response = admin_client.get(public_paths[1])
    assert directives(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_login_page_and_refusals_carry_it_too(client):
    assert HEADER in client.get("/admin/login/")
    assert HEADER in client.get("/no-such-page/")


def test_django_6_sends_the_same_policy_itself():
    secure_csp, django_csp, admin, middleware = csp_settings({}, (6, 0, 0, "final", 0))
    assert middleware == "django.middleware.csp.ContentSecurityPolicyMiddleware"
    assert django_csp is None
    assert secure_csp["script-src"] == ["'self'"]
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    secure_csp, django_csp, admin, middleware = csp_settings({}, (5, 2, 20, "final", 0))
    assert middleware == "csp.middleware.CSPMiddleware"
    assert secure_csp == {}
    assert django_csp["DIRECTIVES"]["script-src"] == ["'self'"]


def test_pictures_from_a_bucket_and_more_embedded_players_are_allowed():
    public = csp_settings({}, (5, 2))[1]["DIRECTIVES"]
    assert public["img-src"] == ["'self'", "data:"]
    assert "https://www.youtube.com" in public["frame-src"]
    env = {"AWS_STORAGE_BUCKET_NAME": "bao-gia-lai", "CSP_FRAME_SRC": "https://tv.example.vn"}
    public = csp_settings(env, (5, 2))[1]["DIRECTIVES"]
    assert public["img-src"] == ["'self'", "data:", "https:"]
    assert public["frame-src"][-1] == "https://tv.example.vn"
    assert public["script-src"] == ["'self'"]
