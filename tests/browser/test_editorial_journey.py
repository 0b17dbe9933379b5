"""The newsroom at work, then the reader: an editor receives a .docx paper through "Nhận
tham luận" and submits it to the workflow "Duyệt tham luận"; the vetting reviewer judges it
by the plan's criteria, finds one not met and requests changes (approving is refused), the
editor sees which in the invitation list and resubmits, the reviewer approves with all met and
the moderator approves; a reader on a phone finds it on the plan page and through search."""

import re

import pytest
from playwright.sync_api import expect

from symposium_pages import roles

from ..symposium_pages.docx_builders import simple_paper
from .conftest import (
    DESKTOP,
    PASSWORD,
    PHONE,
    accessibility_problems,
    contrast_problems,
    no_sideways_scroll,
)

TITLE = "Phát huy vai trò chi bộ thôn, làng ở huyện Ia Grai"
UNIT = "Huyện ủy Ia Grai"
INTERNAL = "Số liệu chưa khớp báo cáo năm; xem lại trước khi trình."
FOR_UNIT = "Đề nghị bổ sung số liệu và dẫn chứng cụ thể."
PLAN_URL = "/toa-dam-xay-dung-chinh-don-dang-2022/"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_in(context, username):
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def the_public_sees_it(context):
    """What an anonymous reader gets: (on the plan page?, found by search?)."""
    plan = context.request.get(PLAN_URL).text()
    found = context.request.get("/search/", params={"q": "Ia Grai"}).text()
    return TITLE in plan, TITLE in found


def footer_action(page, selector):
    """A button of the editor's footer, opening its "more actions" menu when needed."""
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name=re.compile("More actions|Thêm")).click()
    return button


def judge(page, *, unmet):
    """In the vetting modal: every criterion and part met, but the first `unmet` ones."""
    criteria = page.locator("[data-vetting-form] .vetting-criterion")
    criteria.first.wait_for()
    assert criteria.count() == 7  # the plan's four criteria and three parts
    for number in range(criteria.count()):
        value = "0" if number < unmet else "1"
        criteria.nth(number).locator(f"input[type=radio][value='{value}']").check()


def test_a_paper_goes_from_upload_to_the_reader(demo_site, new_context, shots, tmp_path):
    from symposium_pages.models import PaperPage, PaperVetting, SymposiumPage

    plan = SymposiumPage.objects.get(locale__language_code="vi")
    upload = tmp_path / "tham-luan-ia-grai.docx"
    upload.write_bytes(simple_paper(title=TITLE, paragraphs=4))
    reader = new_context(**PHONE)

    # The editor (group Biên tập viên) receives the paper from the symposium's header menu.
    editor = sign_in(new_context(**DESKTOP), "bientap")
    editor.goto(f"/admin/pages/{plan.pk}/")
    editor.get_by_role("button", name=re.compile("^(Actions|Hành động)$")).first.click()
    editor.get_by_role("link", name="Nhận tham luận").click()
    editor.wait_for_url(re.compile(rf"/admin/symposium/{plan.pk}/receive-paper/$"))
    invited = editor.get_by_label("Đơn vị được mời")
    invited.select_option(value=invited.locator("option", has_text=UNIT).get_attribute("value"))
    editor.get_by_label("Tham luận (.docx)").set_input_files(str(upload))
    shots(editor, "receive-form")
    editor.get_by_role("button", name="Kiểm tra tệp").click()

    # The preview: what the intake read from the file, before anything is stored.
    assert editor.locator("dd.intake-title").inner_text() == TITLE
    assert editor.locator("dd.intake-pages").inner_text().startswith("1 ")
    assert not PaperPage.objects.filter(title=TITLE).exists()
    shots(editor, "receive-preview")
    editor.get_by_role("button", name=re.compile("^Xác nhận")).click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    paper = PaperPage.objects.get(title=TITLE)
    assert paper.live is False
    assert "Đã nhận tham luận" in editor.locator(".messages").inner_text()

    # Submitted to the workflow "Duyệt tham luận": still nothing public.
    footer_action(editor, "button[name=action-submit]").click()
    editor.wait_for_url(re.compile(rf"/admin/pages/{plan.pk}/$"))
    shots(editor, "submitted")
    paper.refresh_from_db()
    state = paper.current_workflow_state
    assert state is not None and state.workflow.symposium_role.key == roles.WORKFLOW
    assert state.current_task_state.task.symposium_role.key == roles.VETTING_TASK
    assert the_public_sees_it(reader) == (False, False)

    # The vetting reviewer (Thẩm định) judges it by the plan's criteria: one is not met,
    # so approving is refused; the reviewer requests changes instead.
    objective = plan.vetting_criteria.order_by("sort_order").first()
    assert objective.label == "Khách quan"
    reviewer = sign_in(new_context(**DESKTOP), "thamdinh")
    reviewer.goto(f"/admin/pages/{paper.pk}/edit/")
    footer_action(reviewer, "button[data-workflow-action-name=approve]").click()
    judge(reviewer, unmet=1)
    reviewer.locator("[data-vetting-form] button[type=submit]").click()
    refusal = "Chưa đạt mọi tiêu chí (Khách quan)"
    expect(reviewer.locator("[data-vetting-form]")).to_contain_text(refusal)
    reviewer.locator(".modal [data-dismiss=modal], .modal button.close").first.click()
    footer_action(reviewer, "button[data-workflow-action-name=reject]").click()
    judge(reviewer, unmet=1)
    reviewer.get_by_label("Ý kiến nội bộ").fill(INTERNAL)
    reviewer.get_by_label("Ý kiến gửi đơn vị").fill(FOR_UNIT)
    shots(reviewer, "vetting-changes-requested")
    reviewer.locator("[data-vetting-form] button[type=submit]").click()
    reviewer.wait_for_url(re.compile(rf"/admin/pages/{plan.pk}/$"))
    vetting = PaperVetting.objects.get(paper=paper)
    assert [r["label"] for r in vetting.unmet()] == ["Khách quan"]
    assert (vetting.unit_comment, vetting.internal_comment) == (FOR_UNIT, INTERNAL)

    # The editor sees which criterion is not met in the invitation list, and resubmits.
    editor.goto("/admin/snippets/symposium_pages/invitation/")
    comment = editor.locator("tr", has_text=UNIT).locator(".invitation-status__comment")
    assert "Chưa đạt:" in comment.inner_text() and "Khách quan" in comment.inner_text()
    shots(editor, "changes-requested-in-the-list")
    editor.goto(f"/admin/pages/{paper.pk}/edit/")
    footer_action(editor, "button[name=action-submit]").click()
    editor.wait_for_url(re.compile(rf"/admin/pages/{plan.pk}/$"))

    # The reviewer approves with every criterion met; then the moderator (Kiểm duyệt).
    for username, task in (("thamdinh", roles.VETTING_TASK), ("kiemduyet", roles.RELEASE_TASK)):
        paper.refresh_from_db()
        assert paper.current_workflow_state.current_task_state.task.symposium_role.key == task
        assert the_public_sees_it(reader) == (False, False), username
        person = sign_in(new_context(**DESKTOP), username)
        person.goto(f"/admin/pages/{paper.pk}/edit/")
        footer_action(person, "button[data-workflow-action-name=approve]").click()
        if task == roles.VETTING_TASK:
            judge(person, unmet=0)
            person.locator("[data-vetting-form] button[type=submit]").click()
        person.wait_for_url(re.compile(rf"/admin/pages/{plan.pk}/$"))
        shots(person, f"approved-by-{username}")
    latest = PaperVetting.objects.filter(paper=paper).order_by("-judged_at", "-pk").first()
    assert latest.action == PaperVetting.Action.APPROVED and latest.unmet() == []

    paper.refresh_from_db()
    assert paper.live is True
    assert paper.current_workflow_state is None

    # The reader finds it on the plan page...
    page = reader.new_page()
    page.goto(PLAN_URL)
    listed = page.locator("section.paper-list li", has_text=TITLE)
    assert listed.locator(".paper-unit").inner_text() == UNIT
    shots(page, "plan-with-the-new-paper")
    listed.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(r"/huyen-uy-ia-grai/$"))
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert no_sideways_scroll(page)
    assert accessibility_problems(page) == []

    # ...and through search: on a phone the header's link leads to the search page's box.
    page.goto("/")
    page.locator(".site-search-link").click()
    page.get_by_role("searchbox").fill("Ia Grai")
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=Ia\+Grai"))
    result = page.locator("li.search-result", has_text=TITLE)
    assert result.locator(".card-label").inner_text().lower() == "tham luận"
    assert accessibility_problems(page) == [] and contrast_problems(page) == []
    shots(page, "search")
    result.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(r"/huyen-uy-ia-grai/$"))
    assert no_sideways_scroll(page)
