"""A paper's life through Duyệt tham luận, driven through the admin by one person per group."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from symposium_pages import roles
from symposium_pages.models import Invitation, PaperPage
from symposium_pages.vetting import judgement_data

from .factories import make_plan, release
from .newsroom import edit_data, make_people, receive

REVIEWER_COMMENT = "Đề nghị bổ sung số liệu năm 2022 và nêu rõ giải pháp của từng chi bộ."


@pytest.fixture
def people(db):
    return make_people()


@pytest.fixture
def plan(home_page):
    return make_plan(home_page)


def reload(paper):
    return PaperPage.objects.get(pk=paper.pk)


def state_of(paper):
    """(workflow status, the part its current task plays) of the paper's latest workflow."""
    state = WorkflowState.objects.for_instance(paper).order_by("-pk").first()
    task_state = state.current_task_state
    return state.status, task_state.task.symposium_role.key if task_state else None


def act(client, paper, action, comment=""):
    """A reviewer's or moderator's button in the admin, as the modal posts it."""
    task_state = reload(paper).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[paper.pk, action, task_state.pk])
    return client.post(url, judgement_data(task_state, comment=comment))


def recipients():
    addresses = sorted(address for message in mail.outbox for address in message.to)
    mail.outbox.clear()
    return addresses


def test_the_whole_life_of_a_paper(client, plan, people):
    paper = receive(plan, user=people["editor"])
    assert reload(paper).status == Invitation.Status.RECEIVED

    # The editor edits the received text and submits it for vetting.
    client.force_login(people["editor"])
    data = edit_data(client, paper, "Bản biên tập lần một.", **{"action-submit": "1"})
    response = client.post(f"/admin/pages/{paper.pk}/edit/", data)
    assert response.status_code == 302
    assert state_of(paper) == (WorkflowState.STATUS_IN_PROGRESS, roles.VETTING_TASK)
    assert reload(paper).status == Invitation.Status.IN_VETTING
    assert recipients() == ["reviewer@toasoan.example"]

    # While it is being vetted, the editor cannot change it.
    assert reload(paper).permissions_for_user(people["editor"]).page_locked()

    # The reviewer sends it back with a comment.
    client.force_login(people["reviewer"])
    assert act(client, paper, "reject", REVIEWER_COMMENT).status_code == 302
    paper = reload(paper)
    assert state_of(paper) == (WorkflowState.STATUS_NEEDS_CHANGES, roles.VETTING_TASK)
    assert paper.status == Invitation.Status.CHANGES_REQUESTED
    assert paper.changes_requested_comment == REVIEWER_COMMENT
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["editor@toasoan.example"]
    assert REVIEWER_COMMENT in mail.outbox[0].body
    mail.outbox.clear()

    # The editor makes the changes and resubmits: vetting starts again on the new revision.
    client.force_login(people["editor"])
    data = edit_data(client, paper, "Bản biên tập lần hai, có số liệu.", **{"action-submit": "1"})
    assert client.post(f"/admin/pages/{paper.pk}/edit/", data).status_code == 302
    assert state_of(paper) == (WorkflowState.STATUS_IN_PROGRESS, roles.VETTING_TASK)
    assert reload(paper).status == Invitation.Status.IN_VETTING
    assert reload(paper).changes_requested_comment == ""
    assert recipients() == ["reviewer@toasoan.example"]

    # The reviewer approves the content; the moderators are asked for release.
    client.force_login(people["reviewer"])
    assert act(client, paper, "approve").status_code == 302
    assert state_of(paper) == (WorkflowState.STATUS_IN_PROGRESS, roles.RELEASE_TASK)
    assert reload(paper).status == Invitation.Status.IN_APPROVAL
    assert recipients() == ["moderator@toasoan.example"]
    assert client.get(reload(paper).url or f"/{plan.slug}/{paper.slug}/").status_code == 404

    # The moderator approves the release: the paper is live, as resubmitted.
    client.force_login(people["moderator"])
    assert act(client, paper, "approve").status_code == 302
    paper = reload(paper)
    assert state_of(paper) == (WorkflowState.STATUS_APPROVED, roles.RELEASE_TASK)
    assert paper.live
    assert paper.status == Invitation.Status.PUBLISHED
    assert recipients() == ["editor@toasoan.example"]
    client.logout()
    html = client.get(paper.url).content.decode()
    assert "Bản biên tập lần hai, có số liệu." in html
    assert "Bản biên tập lần một." not in html


def test_an_editor_cannot_publish(client, plan, people):
    paper = receive(plan, user=people["editor"])
    assert not paper.permissions_for_user(people["editor"]).can_publish()
    client.force_login(people["editor"])
    html = client.get(f"/admin/pages/{paper.pk}/edit/").content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    # Posting "publish" anyway only saves a draft.
    data = edit_data(client, paper, "Đăng ngay.", **{"action-publish": "1"})
    assert client.post(f"/admin/pages/{paper.pk}/edit/", data).status_code == 302
    paper = reload(paper)
    assert (paper.live, paper.has_unpublished_changes) == (False, True)
    assert paper.status == Invitation.Status.RECEIVED
    assert WorkflowState.objects.for_instance(paper).count() == 0
    # Nor through the explorer's bulk action: the paper is listed as out of reach.
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.get(url, {"id": paper.pk, "next": "/admin/"})
    assert response.status_code == 200
    assert response.context["items"] == []
    assert [item["item"].pk for item in response.context["items_with_no_access"]] == [paper.pk]
    client.post(f"{url}?id={paper.pk}", {})
    assert not reload(paper).live


def test_nobody_publishes_bare_moderators_unpublish(plan, people):
    paper = receive(plan, user=people["editor"])
    assert not paper.permissions_for_user(people["reviewer"]).can_publish()
    assert paper.permissions_for_user(people["reviewer"]).can_edit()
    # Moderators release by approving the workflow's last step, never by a bare publish.
    assert not paper.permissions_for_user(people["moderator"]).can_publish()
    release(paper, save=False)
    paper = reload(paper)
    assert paper.permissions_for_user(people["moderator"]).can_unpublish()
    assert not paper.permissions_for_user(people["reviewer"]).can_unpublish()
    assert not paper.permissions_for_user(people["office"]).can_edit()


def test_a_new_revision_of_a_live_paper_goes_through_the_workflow_again(client, plan, people):
    paper = receive(plan, user=people["editor"])
    release(paper, save=False)
    client.force_login(people["editor"])
    data = edit_data(client, paper, "Sửa sau khi đăng.", **{"action-submit": "1"})
    assert client.post(f"/admin/pages/{paper.pk}/edit/", data).status_code == 302
    paper = reload(paper)
    assert state_of(paper) == (WorkflowState.STATUS_IN_PROGRESS, roles.VETTING_TASK)
    assert paper.status == Invitation.Status.PUBLISHED  # the approved version stays online
    assert paper.workflow_stage == Invitation.Status.IN_VETTING
    client.logout()
    assert "Sửa sau khi đăng." not in client.get(paper.url).content.decode()
    # The invitation list says a new version is being vetted.
    client.force_login(people["editor"])
    html = client.get(
        "/admin/snippets/symposium_pages/invitation/", {"symposium": plan.pk}
    ).content.decode()
    assert "Bản mới: Đang thẩm định" in html


def test_an_upload_during_release_approval_is_vetted_again(client, plan, people):
    """A revision saved mid-workflow (here a new .docx) cannot slip out unvetted."""
    paper = receive(plan, user=people["editor"])
    workflow = paper.get_workflow()
    state = workflow.start(paper, people["editor"])
    state.current_task_state.approve(user=people["reviewer"])
    assert state_of(paper) == (WorkflowState.STATUS_IN_PROGRESS, roles.RELEASE_TASK)
    receive(plan, user=people["editor"], title="Bản gửi lại sau khi thẩm định")
    client.force_login(people["moderator"])
    assert act(client, paper, "approve").status_code == 302
    assert state_of(paper) == (WorkflowState.STATUS_IN_PROGRESS, roles.VETTING_TASK)
    assert not reload(paper).live


def test_office_sees_no_page_editor(client, plan, people):
    paper = receive(plan, user=people["editor"])
    client.force_login(people["office"])
    response = client.get(f"/admin/pages/{paper.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
