"""The system checks a host site meets when it installs the add-on (docs/install.md)."""

import pytest
from django.conf import global_settings, settings
from django.template import Context, Template
from django.test import RequestFactory, override_settings

from symposium_pages.checks import host_settings
from symposium_pages.models import SymposiumPage

from .factories import make_plan

LOCALE_MIDDLEWARE = "symposium_pages.locale_middleware.LocaleMiddleware"
STOCK_BASE = """{% load static %}<!DOCTYPE html><html><head>
<title>{% block title %}{{ page.title }}{% endblock %}{% block title_suffix %}{% endblock %}</title>
{% block extra_css %}{% endblock %}</head>
<body class="{% block body_class %}{% endblock %}">{% block content %}{% endblock %}
{% block extra_js %}{% endblock %}</body></html>"""
FULL_BASE = """<html><head><title>{% block title %}{% endblock %} | Site</title>
{% block meta %}{% endblock %}{% block extra_css %}{% endblock %}</head>
<body>{% block content %}{% endblock %}</body></html>"""


def ids(messages):
    return sorted(message.id for message in messages)


def templates(base):
    return [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    ("django.template.loaders.locmem.Loader", {"base.html": base}),
                    "django.template.loaders.app_directories.Loader",
                ],
                "context_processors": ["django.template.context_processors.request"],
            },
        }
    ]


def without(monkeypatch, app):
    monkeypatch.setattr(
        settings, "INSTALLED_APPS", [name for name in settings.INSTALLED_APPS if name != app]
    )


def test_the_host_settings_pass():
    assert host_settings(None) == []


@pytest.mark.parametrize(
    ("app", "check_id"),
    [
        ("wagtail.contrib.table_block", "symposium_pages.E001"),
        ("wagtail_localize", "symposium_pages.E002"),
        ("django_filters", "symposium_pages.E003"),
        ("django_tasks", "symposium_pages.W006"),
        ("wagtail_localize.locales", "symposium_pages.W007"),
    ],
)
def test_a_missing_app_is_named_with_the_fix(monkeypatch, app, check_id):
    without(monkeypatch, app)
    messages = host_settings(None)
    assert check_id in ids(messages)
    (message,) = [message for message in messages if message.id == check_id]
    assert app in message.msg
    assert f'"{app}"' in message.hint


def test_the_table_block_error_explains_the_500_when_saving_a_paper(monkeypatch):
    without(monkeypatch, "wagtail.contrib.table_block")
    (message,) = host_settings(None)
    assert message.is_serious()
    assert "body-count" in message.msg


def test_a_stock_wagtail_start_base_template_passes():
    with override_settings(TEMPLATES=templates(STOCK_BASE)):
        assert host_settings(None) == []


def test_a_base_template_without_content_is_an_error():
    base = "<html><head>{% block extra_css %}{% endblock %}</head><body>{% block main %}{% endblock %}</body></html>"
    with override_settings(TEMPLATES=templates(base)):
        assert ids(host_settings(None)) == ["symposium_pages.E005"]


def test_a_base_template_without_head_blocks_is_a_warning():
    base = "<html><head></head><body>{% block content %}{% endblock %}</body></html>"
    with override_settings(TEMPLATES=templates(base)):
        (message,) = host_settings(None)
    assert message.id == "symposium_pages.W008"
    assert "page_meta" in message.hint


def test_no_base_template_is_an_error():
    config = templates("")
    config[0]["OPTIONS"]["loaders"][0] = ("django.template.loaders.locmem.Loader", {})
    with override_settings(TEMPLATES=config):
        assert ids(host_settings(None)) == ["symposium_pages.E004"]


@override_settings(MIDDLEWARE=[*settings.MIDDLEWARE, LOCALE_MIDDLEWARE])
def test_django_default_languages_with_the_locale_middleware_is_a_warning():
    with override_settings(LANGUAGES=global_settings.LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=None):
        (message,) = host_settings(None)
    assert message.id == "symposium_pages.W009"
    assert "LANGUAGES" in message.hint


@override_settings(MIDDLEWARE=[*settings.MIDDLEWARE, LOCALE_MIDDLEWARE])
def test_languages_wider_than_the_content_languages_is_a_warning():
    with override_settings(
        LANGUAGES=[("vi", "Tiếng Việt"), ("en", "English"), ("fr", "Français")],
        WAGTAIL_CONTENT_LANGUAGES=[("vi", "Tiếng Việt"), ("en", "English")],
    ):
        (message,) = host_settings(None)
    assert message.id == "symposium_pages.W010"
    assert "fr" in message.msg


def test_languages_without_a_locale_middleware_are_no_concern():
    middleware = [name for name in settings.MIDDLEWARE if "LocaleMiddleware" not in name]
    with override_settings(MIDDLEWARE=middleware, LANGUAGES=global_settings.LANGUAGES):
        assert host_settings(None) == []


def test_parent_page_types_are_read_at_run_time(home_page):
    with override_settings(SYMPOSIUM_PARENT_PAGE_TYPES=["wagtailcore.Page"]):
        assert not SymposiumPage.can_create_at(home_page)
    with override_settings(SYMPOSIUM_PARENT_PAGE_TYPES=[home_page.specific_class._meta.label]):
        assert SymposiumPage.can_create_at(home_page)
    with override_settings(SYMPOSIUM_PARENT_PAGE_TYPES=None):
        assert SymposiumPage.can_create_at(home_page)


def test_unknown_parent_page_types_are_an_error():
    with override_settings(SYMPOSIUM_PARENT_PAGE_TYPES=["news.NoSuchPage"]):
        assert ids(host_settings(None)) == ["symposium_pages.E006"]


def render(base, home_page):
    plan = make_plan(home_page, title="Tọa đàm thử", seo_title="Tọa đàm (SEO)", slug="toa-dam")
    request = RequestFactory().get("/toa-dam/")
    with override_settings(TEMPLATES=templates(base)):
        template = Template('{% extends "symposium_pages/base.html" %}')
        return template.render(Context({"page": plan, "request": request}))


def test_a_stock_base_template_gets_the_metadata_and_the_title(home_page):
    html = render(STOCK_BASE, home_page)
    assert html.count('<link rel="canonical"') == 1
    assert 'property="og:title"' in html
    assert "<title>Tọa đàm (SEO)" in html
    assert "symposium_pages/symposium.css" in html


def test_a_base_template_with_both_head_blocks_gets_the_metadata_once(home_page):
    html = render(FULL_BASE, home_page)
    assert html.count('<link rel="canonical"') == 1
    assert html.index('rel="canonical"') < html.index("symposium.css")
