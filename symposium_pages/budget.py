"""The budget of a symposium (dự trù kinh phí): its lines and the computed printing line.

The lines are the Office's record (models/budget.py, SymposiumBudget); this
module computes the printing line's figures and gives the printed documents
the budget as plain rows.

The printing line is the booklet's pages × the copies × the price per page. The
pages are those of the last booklet built for printing (not a draft); before
one is built, an estimate from the approved papers' page counts stands in, and
the figures say which.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .formatting import money

# Cover and contents: one page each, the contents one more per 25 papers.
FRONT_PAGES = 2
CONTENTS_ENTRIES_PER_PAGE = 25


@dataclass
class PrintingFigures:
    pages: int
    from_booklet: bool  # False: estimated from the papers' page counts
    copies: int
    price_per_page: int

    @property
    def price_per_copy(self):
        return self.pages * self.price_per_page

    @property
    def cost(self):
        return self.pages * self.copies * self.price_per_page


@dataclass
class BudgetRow:
    item: str
    quantity: int
    unit: str
    unit_price: int
    computed: bool = False
    actual: int | None = None

    @property
    def total(self):
        return self.quantity * self.unit_price

    @property
    def unit_price_display(self):
        return money(self.unit_price)

    @property
    def total_display(self):
        return money(self.total)


@dataclass
class Budget:
    rows: list
    printing: PrintingFigures
    record: object = None  # the SymposiumBudget the rows come from

    @property
    def total(self):
        return sum(row.total for row in self.rows)

    @property
    def total_display(self):
        return money(self.total)


def estimated_booklet_pages(symposium):
    """Pages of the booklet before it is built: the approved papers' pages plus the front."""
    from .models import PaperPage

    papers = (
        PaperPage.objects.child_of(symposium).annotate_approved_schedule().only("pages", "live")
    )
    approved = [paper for paper in papers if paper.live or paper.approved_schedule]
    contents = math.ceil(len(approved) / CONTENTS_ENTRIES_PER_PAGE) if approved else 1
    return 1 + contents + sum(paper.pages or 1 for paper in approved)


def printing_figures(symposium):
    from .models import BookletExport

    built = (
        BookletExport.objects.filter(
            symposium_id=symposium.pk,
            draft=False,
            status=BookletExport.Status.DONE,
            pages__isnull=False,
        )
        .order_by("-finished_at", "-pk")
        .values_list("pages", flat=True)
        .first()
    )
    pages = built if built is not None else estimated_booklet_pages(symposium)
    return PrintingFigures(
        pages=pages,
        from_booklet=built is not None,
        copies=symposium.booklet_copies or 0,
        price_per_page=symposium.price_per_page or 0,
    )


def printing_row(printing):
    return BudgetRow(
        item=_("Printing the booklet (%(pages)s pages × %(price)s a page)")
        % {"pages": printing.pages, "price": money(printing.price_per_page)},
        quantity=printing.copies,
        unit=_("copies"),
        unit_price=printing.price_per_copy,
        computed=True,
    )


def budget_for(symposium):
    """The budget's rows from the Office's record (the original plan's for a translation),
    the printing line last when copies and a price are set or its cost is entered."""
    from .models import SymposiumBudget

    record = SymposiumBudget.for_symposium(symposium)
    rows = [
        BudgetRow(
            line.item,
            line.quantity or 0,
            line.unit,
            line.unit_price or 0,
            computed=line.is_printing,
            actual=line.actual,
        )
        for line in record.lines()
    ]
    return Budget(rows=rows, printing=record.printing_figures, record=record)
