"""The settlement of a symposium's budget: the Office's record read into the printed document.

One function reads the budget (models/budget.py) into `SettlementData`, the
plain data `documents.settlement` prints; the admin's download, the
`export_settlement` command and the tests all go through `settlement_docx`.
Who may download it is the budget's own rule (`budget_rights.can_read`).
"""

from __future__ import annotations

from django.utils import timezone

from . import conf
from .documents.report import committee_short
from .documents.settlement import (
    DOCUMENT_KINDS,
    SettlementData,
    SettlementLine,
    SupportingDocument,
    build_settlement,
)
from .printing import event_phrase, file_stem


def office_of(issuing_body: str) -> str:
    """The Office of the committee whose plan it is: "Ban Thường vụ Tỉnh ủy Gia Lai" →
    "Văn phòng Tỉnh ủy"."""
    return f"Văn phòng {committee_short(issuing_body)}"


def _local_date(moment):
    return timezone.localdate(moment) if moment else None


def settlement_data(budget, *, date=None) -> SettlementData:
    """The document's data from a SymposiumBudget, its lines and documents in their order."""
    symposium = budget.symposium
    lines = budget.lines()
    documents = budget.documents.select_related("document", "item").order_by("pk")
    supporting = [
        SupportingDocument(
            kind=DOCUMENT_KINDS.get(doc.kind) or doc.get_kind_display(),
            description=doc.description or doc.document.title,
            file_name=doc.document.filename,
            item=doc.item.item if doc.item_id else "",
        )
        for doc in documents
    ]
    return SettlementData(
        issuing_body=symposium.issuing_body,
        office=office_of(symposium.issuing_body),
        theme=symposium.title,
        plan_number=symposium.plan_number,
        plan_date=symposium.issued_on,
        event=event_phrase(symposium),
        place=symposium.issuing_place,
        date=date or timezone.localdate(),
        settled=budget.is_settled,
        settled_on=_local_date(budget.settled_at),
        approved_on=_local_date(budget.approved_at),
        lines=[
            SettlementLine(
                item=line.item,
                unit=line.unit,
                quantity=line.quantity or 0,
                unit_price=line.unit_price or 0,
                estimate=line.estimate,
                actual=line.actual,
                note=line.note,
            )
            for line in lines
        ],
        documents=supporting,
        thousand=conf.get("SYMPOSIUM_THOUSAND_WORD"),
    )


def settlement_docx(symposium, *, date=None) -> bytes:
    """The settlement document of `symposium` (a translation gives the original's budget)."""
    from .models import SymposiumBudget

    budget = SymposiumBudget.for_symposium(symposium)
    return build_settlement(settlement_data(budget, date=date))


def settlement_file_name(symposium) -> str:
    return f"{file_stem(symposium, 'quyet-toan-kinh-phi')}.docx"
