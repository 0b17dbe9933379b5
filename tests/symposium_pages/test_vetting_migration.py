"""Migration 0018 on a site that has papers waiting in vetting: nothing they wait on is lost."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import TaskState, WorkflowTask

from symposium_pages import roles
from symposium_pages.models import EditorialRole, PaperPage, PaperVetting, VettingTask
from symposium_pages.vetting import judgement_data

from .factories import make_plan
from .newsroom import make_people, receive
from .test_migrations import back_to_the_latest, migrate  # noqa: F401  (the fixture too)

BEFORE = ("symposium_pages", "0017_office_budget")
AFTER = ("symposium_pages", "0018_vetting_task_and_default_criteria")


def to_the_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_installed_vetting_task_is_promoted_in_place_with_its_waiting_papers(home_page):
    people = make_people()
    plan = make_plan(home_page)
    paper = receive(plan, user=people["editor"])
    state = paper.get_workflow().start(paper, people["editor"])
    waiting = state.current_task_state
    task_id = waiting.task_id

    # The site as it was before 0018: a plain group approval task, no criteria.
    migrate(BEFORE)
    old = MigrationExecutor(connection).loader.project_state([BEFORE]).apps
    assert old.get_model("wagtailcore", "Task").objects.get(pk=task_id).content_type.model == (
        "groupapprovaltask"
    )
    old.get_model("symposium_pages", "VettingCriterion").objects.all().delete()
    groups = set(
        old.get_model("wagtailcore", "GroupApprovalTask")
        .objects.get(pk=task_id)
        .groups.values_list("pk", flat=True)
    )
    positions = sorted(WorkflowTask.objects.values_list("workflow_id", "task_id", "sort_order"))

    migrate(AFTER)
    to_the_latest()

    task = VettingTask.objects.get(pk=task_id)  # the same task, of the new kind
    assert set(task.groups.values_list("pk", flat=True)) == groups
    assert sorted(WorkflowTask.objects.values_list("workflow_id", "task_id", "sort_order")) == (
        positions
    )
    assert EditorialRole.objects.get(key=roles.VETTING_TASK).task_id == task_id
    assert plan.vetting_criteria.count() == 7

    # The paper that was waiting still waits on it, and is judged by the criteria.
    waiting = TaskState.objects.get(pk=waiting.pk)
    assert waiting.status == TaskState.STATUS_IN_PROGRESS and waiting.task_id == task_id
    paper = PaperPage.objects.get(pk=paper.pk)
    assert paper.current_workflow_task_state.pk == waiting.pk
    task.on_action(waiting.specific, people["reviewer"], "approve", **judgement_data(waiting))
    assert PaperVetting.objects.get(paper=paper).action == PaperVetting.Action.APPROVED
    assert PaperPage.objects.get(pk=paper.pk).current_workflow_task_state.task_id != task_id
