"""The demo's budget (dự trù kinh phí) and who presented at the event; what exists is kept.

The booklet's copies and price per page are on the plan; the lines are the
Office's record, whose estimate the Office's member has approved: the demo's
Office then enters the actual spending with its receipts and settles.
"""

from django.utils.translation import gettext as _

from symposium_pages import roles
from symposium_pages.models import BudgetItem, Invitation, SymposiumBudget

from .release import publish

# (item, quantity, unit of measure, unit price in đồng)
LINES = [
    ("Thuê hội trường, âm thanh, ánh sáng", 1, "buổi", 4_500_000),
    ("Nước uống, giải khát cho đại biểu", 150, "người", 30_000),
    ("Hoa, khẩu hiệu, trang trí hội trường", 1, "gói", 2_000_000),
    ("Bồi dưỡng đại biểu trình bày tham luận", 9, "người", 500_000),
]
COPIES = 150
PRICE_PER_PAGE = 350

# The units whose leaders presented their papers at the symposium.
PRESENTED = ["Thành ủy Pleiku", "Huyện ủy Chư Păh", "Ban Thường vụ Tỉnh đoàn"]


def build_budget(symposium, log, people=None):
    if not symposium.booklet_copies:
        page = symposium.get_latest_revision_as_object()
        page.booklet_copies = COPIES
        page.price_per_page = PRICE_PER_PAGE
        publish(page)
        symposium.refresh_from_db()
    budget = SymposiumBudget.for_symposium(symposium)
    if not budget.items.filter(is_printing=False).exists():
        BudgetItem.objects.bulk_create(
            BudgetItem(
                budget=budget,
                sort_order=order,
                item=item,
                quantity=quantity,
                unit=unit,
                unit_price=price,
            )
            for order, (item, quantity, unit, price) in enumerate(LINES)
        )
        log(
            "+ "
            + _("budget: %(lines)s lines, %(copies)s booklets at %(price)s đ a page")
            % {"lines": len(LINES), "copies": COPIES, "price": PRICE_PER_PAGE}
        )
    office = (people or {}).get(roles.OFFICE)
    if office is not None and budget.status == SymposiumBudget.Status.ESTIMATE:
        budget.approve(office)
        log("+ " + _("budget: estimate approved by %(user)s") % {"user": office.get_username()})
    invitations = Invitation.objects.filter(symposium=symposium)
    if not invitations.filter(presented=True).exists():
        marked = invitations.filter(unit__name__in=PRESENTED).update(presented=True)
        if marked:
            log("+ " + _("presented: %(count)s units") % {"count": marked})
