"""Shared fixtures: a clean Wagtail tree, the demo, and strictness about skipped system tests."""

import os

import pytest

REQUIRE_SYSTEM_DEPS = os.environ.get("SYMPOSIUM_REQUIRE_SYSTEM_DEPS") == "1"
SYSTEM_MARKERS = ("browser", "libreoffice", "gettext", "redis")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a test that skips for want of a system package (chromium, LibreOffice, gettext,
    redis-server) is a failure: the package is missing."""
    outcome = yield
    report = outcome.get_result()
    if (
        REQUIRE_SYSTEM_DEPS
        and report.skipped
        and any(item.get_closest_marker(name) for name in SYSTEM_MARKERS)
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where system packages are required: {report.longrepr}"


@pytest.fixture
def home_page(db):
    from home.demo.build import build_home

    return build_home(log=lambda line: None)


@pytest.fixture
def demo(db):
    from home.demo.build import load_demo

    return load_demo(log=lambda line: None)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(user)
    return client
