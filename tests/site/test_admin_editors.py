"""The Wagtail editor opens for every page type, for editing and for adding."""

import pytest
from wagtail.models import Page

from home.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage
from symposium_pages.models import SymposiumPage


@pytest.mark.parametrize("model", [HomePage, NewsIndexPage, NewsArticlePage, SymposiumPage])
def test_edit_view_opens(admin_client, demo, model):
    page = model.objects.first()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert f'value="{page.title}"' in response.content.decode()


@pytest.mark.parametrize(
    "model,parent_model",
    [(SymposiumPage, HomePage), (SymposiumPage, NewsIndexPage), (NewsArticlePage, NewsIndexPage)],
)
def test_add_view_opens(admin_client, demo, model, parent_model):
    parent = parent_model.objects.first()
    meta = model._meta
    response = admin_client.get(f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/")
    assert response.status_code == 200


def test_plan_editor_has_its_tabs_and_fields(admin_client, demo):
    page = SymposiumPage.objects.get(locale__language_code="vi")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    for name in (
        "plan_number",
        "submission_deadline",
        "page_limit",
        "receiving_department",
        "legal_bases-TOTAL_FORMS",
        "assignments-TOTAL_FORMS",
        "programme_items-TOTAL_FORMS",
    ):
        assert f'name="{name}"' in html


def test_root_cannot_take_a_plan(admin_client, demo):
    root = Page.get_first_root_node()
    response = admin_client.get(f"/admin/pages/add/symposium_pages/symposiumpage/{root.pk}/")
    # Wagtail answers a forbidden page type with a redirect to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not SymposiumPage.can_create_at(root)
