"""Vetting by the plan's criteria: the task's form rules, the record, the desk, the report."""

import io
import json

import docx
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import WorkflowState

from symposium_pages import roles
from symposium_pages.documents.report import build_report
from symposium_pages.models import PaperPage, PaperVetting, VettingCriterion, VettingTask
from symposium_pages.printing import report_data
from symposium_pages.vetting import judgement_data, quality, summary

from .newsroom import make_people, receive
from .test_desk import desk, invitation, plan, token  # noqa: F401  (the desk's fixtures)
from .test_units_admin import INVITATIONS_URL

INTERNAL = "Nội bộ: số liệu chưa khớp với báo cáo tổng kết năm."
FOR_UNIT = "Đề nghị đơn vị bổ sung số liệu năm 2022."
NOTE = "Ghi chú riêng của người thẩm định."
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def people(db):
    return make_people()


@pytest.fixture
def paper(plan, invitation, people):  # noqa: F811
    paper = receive(plan, unit_name=invitation.unit.name, user=people["editor"])
    paper.get_workflow().start(paper, people["editor"])
    return PaperPage.objects.get(pk=paper.pk)


def task_state_of(paper):
    return PaperPage.objects.get(pk=paper.pk).current_workflow_task_state


def action_url(paper, action):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[paper.pk, action, task_state_of(paper).pk]
    )


def status_of(paper):
    return WorkflowState.objects.for_instance(paper).order_by("-pk").first().status


def test_a_new_symposium_has_the_plans_criteria_and_parts(plan):  # noqa: F811
    criteria = list(plan.vetting_criteria.order_by("sort_order"))
    assert [c.kind for c in criteria] == ["criterion"] * 4 + ["part"] * 3
    parts = plan.vetting_criteria.filter(kind="part")
    assert all(part.keyword_list() for part in parts)
    assert VettingCriterion(keywords=" a, ,b ,").keyword_list() == ["a", "b"]
    # The vetting step is the criteria's task, bound to its part.
    task = VettingTask.objects.get()
    assert task.symposium_role.key == roles.VETTING_TASK


def test_the_modal_asks_each_criterion_and_part(client, paper, people):
    client.force_login(people["reviewer"])
    response = client.get(action_url(paper, "approve"), **XHR)
    html = json.loads(response.content)["html"]
    for criterion in paper.get_parent().specific.vetting_criteria.all():
        assert f'name="met_{criterion.pk}"' in html and criterion.label in html
    assert 'name="vetted_state"' in html and 'name="override_reason"' in html


def test_approval_is_refused_unless_every_criterion_is_met_or_a_reason_given(client, paper, people):
    client.force_login(people["reviewer"])
    criterion = paper.get_parent().specific.vetting_criteria.first()
    data = judgement_data(task_state_of(paper), unmet=[criterion.label])

    response = client.post(action_url(paper, "approve"), data, **XHR)
    payload = json.loads(response.content)
    assert payload["step"] == "action" and "override_reason" in payload["html"]
    assert status_of(paper) == WorkflowState.STATUS_IN_PROGRESS
    assert task_state_of(paper).task.specific.symposium_role.key == roles.VETTING_TASK
    assert not PaperVetting.objects.exists()

    # Every criterion must be answered: one left blank is refused too.
    blank = judgement_data(task_state_of(paper))
    del blank[f"met_{criterion.pk}"]
    assert json.loads(client.post(action_url(paper, "approve"), blank, **XHR).content)["step"] == (
        "action"
    )

    # With a reason, the reviewer may approve all the same; the record keeps it.
    data["override_reason"] = "Đơn vị đã giải trình trực tiếp."
    assert client.post(action_url(paper, "approve"), data).status_code == 302
    vetting = PaperVetting.objects.get()
    assert vetting.action == PaperVetting.Action.APPROVED
    assert vetting.override_reason == "Đơn vị đã giải trình trực tiếp."
    assert [r["label"] for r in vetting.unmet()] == [criterion.label]
    assert vetting.reviewer == people["reviewer"]
    assert vetting.revision_id == PaperPage.objects.get(pk=paper.pk).latest_revision_id
    # On to the release step.
    assert task_state_of(paper).task.symposium_role.key == roles.RELEASE_TASK


def test_requesting_changes_records_the_criteria_not_met_for_the_editor(client, paper, people):
    client.force_login(people["reviewer"])
    plan = paper.get_parent().specific  # noqa: F811
    objective, scientific = plan.vetting_criteria.order_by("sort_order")[:2]
    data = judgement_data(
        task_state_of(paper),
        unmet=[objective.label, scientific.label],
        comment=INTERNAL,
        unit_comment=FOR_UNIT,
    )
    data[f"note_{objective.pk}"] = NOTE
    assert client.post(action_url(paper, "reject"), data).status_code == 302

    assert status_of(paper) == WorkflowState.STATUS_NEEDS_CHANGES
    vetting = PaperVetting.objects.get()
    assert vetting.action == PaperVetting.Action.CHANGES
    assert (vetting.unit_comment, vetting.internal_comment) == (FOR_UNIT, INTERNAL)
    assert [r["label"] for r in vetting.unmet()] == [objective.label, scientific.label]
    assert len(vetting.results) == 7
    # The editor's comment (workflow history, the invitation list) names what is not met.
    comment = PaperPage.objects.get(pk=paper.pk).changes_requested_comment
    assert INTERNAL in comment and f"{objective.label}: {NOTE}" in comment
    assert scientific.label in comment


def test_a_request_for_changes_must_say_what_to_change(client, paper, people):
    client.force_login(people["reviewer"])
    data = judgement_data(task_state_of(paper))
    payload = json.loads(client.post(action_url(paper, "reject"), data, **XHR).content)
    assert payload["step"] == "action"
    assert status_of(paper) == WorkflowState.STATUS_IN_PROGRESS


def test_a_hand_made_request_cannot_skip_the_rules(paper, people):
    """The edit view hands the modal's data to on_action unchecked: it checks again."""
    task_state = task_state_of(paper)
    criterion = paper.get_parent().specific.vetting_criteria.first()
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(
            task_state.specific,
            people["reviewer"],
            "approve",
            **judgement_data(task_state, unmet=[criterion.label]),
        )
    assert status_of(paper) == WorkflowState.STATUS_IN_PROGRESS
    assert not PaperVetting.objects.exists()


def test_the_desk_shows_the_unit_comment_and_never_the_internal_one(
    client,
    paper,
    people,
    token,  # noqa: F811
):
    task_state = task_state_of(paper)
    plan = paper.get_parent().specific  # noqa: F811
    objective = plan.vetting_criteria.order_by("sort_order").first()
    data = judgement_data(task_state, unmet=[objective.label], comment=INTERNAL)
    data[f"note_{objective.pk}"] = NOTE
    task_state.task.specific.on_action(
        task_state.specific, people["reviewer"], "reject", **data, unit_comment=FOR_UNIT
    )
    html = client.get(desk(token)).content.decode()
    assert FOR_UNIT in html and objective.label in html
    assert INTERNAL not in html and NOTE not in html

    # The invitation list shows the Department the record.
    client.force_login(people["editor"])
    listing = client.get(INVITATIONS_URL).content.decode()
    assert escape(summary(PaperVetting.objects.get())) in listing


def test_the_report_counts_criteria_met_at_first_and_after_changes(paper, people):
    plan = paper.get_parent().specific  # noqa: F811
    objective = plan.vetting_criteria.order_by("sort_order").first()
    task_state = task_state_of(paper)
    task_state.task.specific.on_action(
        task_state.specific,
        people["reviewer"],
        "reject",
        **judgement_data(task_state, unmet=[objective.label], unit_comment=FOR_UNIT),
    )
    # The unit's revision goes back to vetting and meets everything.
    paper = PaperPage.objects.get(pk=paper.pk)
    paper.save_revision(user=people["editor"])
    paper.current_workflow_state.resume(people["editor"])
    task_state = task_state_of(paper)
    task_state.task.specific.on_action(
        task_state.specific, people["reviewer"], "approve", **judgement_data(task_state)
    )

    result = quality(plan)
    assert (result.judged, result.sent_back, result.judged_again) == (1, 1, 1)
    rows = dict((label, (first, after)) for label, first, after in result.rows)
    assert rows[objective.label] == (0, 1)
    assert all(first == 1 for label, (first, _after) in rows.items() if label != objective.label)
    first, second = PaperVetting.objects.order_by("judged_at", "pk")
    assert first.revision_id != second.revision_id

    document = docx.Document(io.BytesIO(build_report(report_data(plan))))
    texts = [p.text for p in document.paragraphs]
    assert "V. CHẤT LƯỢNG THAM LUẬN" in texts
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Tiêu chí, nội dung")
    cells = {row.cells[0].text: (row.cells[1].text, row.cells[2].text) for row in table.rows[1:]}
    assert cells[objective.label] == ("0/1", "1/1")


def test_editors_edit_the_criteria_without_a_new_revision_of_the_plan(client, plan, people):  # noqa: F811
    revisions = plan.revisions.count()
    url = "/admin/snippets/symposium_pages/vettingcriterion/add/"
    data = {"symposium": plan.pk, "kind": "criterion", "label": "Có số liệu minh chứng"}
    client.force_login(people["reviewer"])  # reviewers read the criteria, no more
    assert client.post(url, data).status_code != 200
    assert not VettingCriterion.objects.filter(label="Có số liệu minh chứng").exists()

    client.force_login(people["editor"])
    assert client.post(url, {**data, "guidance": "", "keywords": ""}).status_code == 302
    added = VettingCriterion.objects.get(label="Có số liệu minh chứng")
    assert added.symposium_id == plan.pk and added.sort_order == 7  # after the plan's seven
    assert plan.revisions.count() == revisions


def test_the_plans_header_leads_to_its_criteria(client, plan, people):  # noqa: F811
    client.force_login(people["editor"])
    html = client.get(f"/admin/pages/{plan.pk}/").content.decode()
    link = f"/admin/snippets/symposium_pages/vettingcriterion/?symposium={plan.pk}"
    assert link in html and "Tiêu chí thẩm định" in html
    listing = client.get(link).content.decode()
    labels = plan.vetting_criteria.values_list("label", flat=True)
    assert all(escape(label) in listing for label in labels)
