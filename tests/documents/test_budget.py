"""The budget: amounts written as Vietnamese documents write them, and the printing line."""

import pytest
from django.utils import timezone

from symposium_pages.budget import budget_for, estimated_booklet_pages, printing_figures
from symposium_pages.formatting import vnd
from symposium_pages.models import BookletExport, BudgetItem, PaperPage, SymposiumBudget
from tests.symposium_pages.factories import make_plan, release


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (1_250_000, "1.250.000 đ"),
        (0, "0 đ"),
        (999, "999 đ"),
        (1000, "1.000 đ"),
        (12_345_678_901, "12.345.678.901 đ"),
        (-50_000, "-50.000 đ"),
        (None, ""),
    ],
)
def test_vnd(amount, text):
    assert vnd(amount) == text


@pytest.fixture
def plan(home_page):
    plan = make_plan(home_page, booklet_copies=100, price_per_page=400)
    budget = SymposiumBudget.for_symposium(plan)
    BudgetItem.objects.bulk_create(
        [
            BudgetItem(
                budget=budget, item="Hội trường", quantity=1, unit="buổi", unit_price=2_500_000
            ),
            BudgetItem(
                budget=budget,
                item="Tài liệu, văn phòng phẩm",
                quantity=100,
                unit="bộ",
                unit_price=15_000,
            ),
        ]
    )
    for order, (pages, live) in enumerate([(5, True), (7, True), (6, False)]):
        paper = PaperPage(
            title=f"Tham luận {order}", slug=f"tham-luan-{order}", pages=pages, live=False
        )
        plan.add_child(instance=paper)
        if live:  # through the workflow: the release rule keeps anything else off the site
            release(paper)
    return plan


def test_budget_lines_and_the_estimated_printing_line(plan):
    # cover + one page of contents + the approved papers' pages (5 + 7); the draft is not printed
    assert estimated_booklet_pages(plan) == 14
    budget = budget_for(plan)
    assert [(row.item, row.quantity, row.unit, row.total) for row in budget.rows[:2]] == [
        ("Hội trường", 1, "buổi", 2_500_000),
        ("Tài liệu, văn phòng phẩm", 100, "bộ", 1_500_000),
    ]
    printing = budget.rows[-1]
    assert printing.computed and printing.quantity == 100
    assert printing.unit_price == 14 * 400
    assert printing.total == 14 * 100 * 400 == 560_000
    assert budget.total == 2_500_000 + 1_500_000 + 560_000
    assert budget.total_display == "4.560.000 đ"
    assert printing.total_display == "560.000 đ"
    assert budget.printing.from_booklet is False


def test_the_last_booklet_built_for_printing_gives_the_pages(plan):
    BookletExport.objects.create(
        symposium=plan, status=BookletExport.Status.DONE, pages=52, finished_at=timezone.now()
    )
    BookletExport.objects.create(
        symposium=plan,
        draft=True,
        status=BookletExport.Status.DONE,
        pages=90,
        finished_at=timezone.now(),
    )
    figures = printing_figures(plan)
    assert (figures.pages, figures.from_booklet) == (52, True)
    assert budget_for(plan).rows[-1].total == 52 * 100 * 400


def test_no_printing_line_without_copies_or_price(plan):
    plan.price_per_page = 0
    plan.save()
    assert [row.computed for row in budget_for(plan).rows] == [False, False]
    # until its actual cost is entered: then the settlement needs it
    SymposiumBudget.for_symposium(plan).items.filter(is_printing=True).update(actual=300_000)
    assert [(row.computed, row.actual) for row in budget_for(plan).rows][-1] == (True, 300_000)


def test_a_translation_reads_the_originals_budget(plan):
    from wagtail.models import Locale

    english = plan.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0], copy_parents=True
    )
    assert SymposiumBudget.for_symposium(english) == SymposiumBudget.for_symposium(plan)
    assert budget_for(english).total == budget_for(plan).total


def test_the_budget_tab_in_the_editor(plan, admin_client):
    html = admin_client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    assert "Kinh phí" in html
    assert "4.560.000 đ" in html
    assert "560.000 đ" in html
