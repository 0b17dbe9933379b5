"""The Office, in the demo, enters the actual spending, settles the budget and downloads
the settlement: the admin as Văn phòng's member uses it, in Debian's chromium."""

import re

import pytest

from .conftest import DESKTOP, PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_office_settles_the_demo_budget(demo_site, new_context, shots):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from symposium_pages.models import SymposiumBudget, SymposiumPage

    office_user = get_user_model().objects.get(username="vanphong")
    office_user.set_password(PASSWORD)
    office_user.save()
    symposium = SymposiumPage.objects.get(
        slug="toa-dam-xay-dung-chinh-don-dang-2022", locale__language_code="vi"
    )
    budget = SymposiumBudget.for_symposium(symposium)
    assert budget.status == SymposiumBudget.Status.APPROVED  # the demo's Office approved it
    lines = budget.lines()

    page = new_context(**DESKTOP).new_page()
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill("vanphong")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # From the menu to the budget; the estimate is approved, so its figures are fixed
    page.goto(reverse(SymposiumBudget.snippet_viewset.get_url_name("list")))
    page.get_by_role("link", name=re.compile(symposium.title[:20])).first.click()
    page.wait_for_url(re.compile(rf"/symposiumbudget/edit/{budget.pk}/$"))
    actuals = page.locator("input[name$='-actual']")
    assert actuals.count() == len(lines)
    assert page.locator("input[name$='-unit_price']").first.is_disabled()
    for index in range(actuals.count()):
        actuals.nth(index).fill("1.000.000")
    shots(page, "actuals")
    page.locator("button.action-save").click()
    page.wait_for_url(re.compile(r"/symposiumbudget/$"))

    budget.refresh_from_db()
    assert [line.actual for line in budget.lines()] == [1_000_000] * len(lines)

    # Settle: the confirmation, then the record is closed
    page.goto(reverse("symposium_pages_budget_settle", args=[budget.pk]))
    assert "Quyết toán là khóa hồ sơ kinh phí" in page.content()
    page.get_by_role("button", name="Quyết toán").click()
    page.wait_for_url(re.compile(rf"/symposiumbudget/inspect/{budget.pk}/$"))
    assert "đã quyết toán" in page.content()
    shots(page, "settled")
    budget.refresh_from_db()
    assert budget.is_settled and budget.settled_by == office_user

    # The settlement from the plan's page, with the figures just entered
    response = page.request.get(reverse("symposium_pages_settlement", args=[symposium.pk]))
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
