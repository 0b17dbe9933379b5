"""A unit at its own desk on a phone: warned about its page count before sending, sends a
shorter version, gets its receipt, names its presenter; the Department asks for changes,
and the unit sees it and sends the revised paper from the same desk."""

import datetime
import re

import pytest
from django.utils import timezone

from ..symposium_pages.docx_builders import simple_paper
from .conftest import PHONE, no_sideways_scroll

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_unit_sends_its_paper_from_its_desk(demo_site, new_context, shots, tmp_path):
    from wagtail.models import WorkflowState

    from symposium_pages import roles
    from symposium_pages.models import DeskLink, Invitation, PaperSubmission
    from symposium_pages.moderation import ensure_groups
    from symposium_pages.vetting import judgement_data

    invitation = (
        Invitation.objects.filter(
            symposium__locale__language_code="vi", expectation="paper", papers__isnull=True
        )
        .select_related("unit")
        .order_by("pk")
        .first()
    )
    invitation.accept_late_until = timezone.now() + datetime.timedelta(days=3)
    invitation.save()
    _link, token = DeskLink.issue(invitation)
    long_paper, short_paper, revised = (tmp_path / name for name in ("9.docx", "6.docx", "r.docx"))
    long_paper.write_bytes(simple_paper(title="Tham luận quá dài", pages=9))
    short_paper.write_bytes(simple_paper(title="Tham luận của đơn vị", pages=6))
    revised.write_bytes(simple_paper(title="Tham luận của đơn vị (bản sửa)", pages=5))

    unit = new_context(**PHONE).new_page()
    unit.goto(f"/desk/{token}/")
    assert invitation.unit.name in unit.locator(".desk-unit").inner_text()
    assert no_sideways_scroll(unit)
    shots(unit, "desk")

    # A 9-page paper: told, in pages, before anything is kept.
    unit.get_by_label("Tham luận của đơn vị (.docx)").set_input_files(str(long_paper))
    unit.get_by_role("button", name="Kiểm tra tệp").click()
    warning = unit.locator(".desk-preview [role=alert]").inner_text()
    assert "9 trang A4" in warning and "7" in warning
    assert not PaperSubmission.objects.filter(invitation=invitation).exists()
    shots(unit, "over-limit")
    unit.get_by_role("button", name="Bỏ").click()

    # The shortened version, confirmed: a receipt.
    unit.get_by_label("Tham luận của đơn vị (.docx)").set_input_files(str(short_paper))
    unit.get_by_role("button", name="Kiểm tra tệp").click()
    assert unit.locator(".desk-title").inner_text() == "Tham luận của đơn vị"
    unit.get_by_role("button", name="Gửi tệp này").click()
    unit.wait_for_url(re.compile(rf"/desk/{token}/receipt/\d+/$"))
    assert re.fullmatch(r"[0-9a-f]{64}", unit.locator(".desk-hash").inner_text())
    assert no_sideways_scroll(unit)
    shots(unit, "receipt")
    submission = PaperSubmission.objects.get(invitation=invitation)
    assert submission.invitation_id == invitation.pk

    # The presenter.
    unit.get_by_role("link", name="Quay lại bàn làm việc").click()
    unit.get_by_label("Người trình bày", exact=True).fill("Trần Văn B")
    unit.get_by_label("Chức vụ", exact=True).fill("Phó Bí thư Thường trực")
    unit.get_by_role("button", name="Lưu người trình bày").click()
    assert unit.locator("[role=status]").first.inner_text() == "Đã lưu người trình bày."
    invitation.refresh_from_db()
    assert invitation.presenter_name == "Trần Văn B"

    # The Department submits it; the reviewer asks for changes; the unit sees it.
    paper = submission.paper.specific
    editor = ensure_groups()[roles.EDITORS].user_set.first()
    reviewer = ensure_groups()[roles.REVIEWERS].user_set.first()
    state = paper.get_workflow().start(paper, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(
        task_state.specific,
        reviewer,
        "reject",
        **judgement_data(
            task_state, unmet=["Khách quan"], comment="Nội bộ: số liệu chưa khớp báo cáo năm."
        ),
        unit_comment="Bổ sung số liệu",
    )
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_NEEDS_CHANGES
    unit.reload()
    assert "đề nghị đơn vị chỉnh sửa" in unit.locator(".desk-status").inner_text()
    # The comment written for the unit and the criterion not met; never the internal one.
    changes = unit.locator(".desk-changes").inner_text()
    assert "Bổ sung số liệu" in changes and "Khách quan" in changes
    assert "Nội bộ" not in unit.content()
    shots(unit, "changes-requested")

    unit.get_by_label("Tham luận của đơn vị (.docx)").set_input_files(str(revised))
    unit.get_by_role("button", name="Kiểm tra tệp").click()
    unit.get_by_role("button", name="Gửi tệp này").click()
    unit.wait_for_url(re.compile(r"/receipt/\d+/$"))
    assert PaperSubmission.objects.filter(paper=paper).count() == 2
