"""The groups, workflow and tasks may be renamed: the add-on finds them by the part they play."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, GroupPagePermission, Task, Workflow, WorkflowPage

from symposium_pages import roles
from symposium_pages.models import EditorialRole, Invitation
from symposium_pages.moderation import ensure_groups, install
from symposium_pages.views.documents import can_print

from .factories import make_plan
from .newsroom import make_people, receive
from .test_workflow_setup import historical_apps

N = roles.NAMES
RENAMED = {
    roles.EDITORS: "Editors of the paper",
    roles.REVIEWERS: "Content reviewers",
    roles.MODERATORS: "Release desk",
    roles.OFFICE: "Party Office",
    roles.WORKFLOW: "Symposium papers",
    roles.VETTING_TASK: "Content review",
    roles.RELEASE_TASK: "Release",
}


def rename_everything():
    """As an administrator would under Settings → Groups and Settings → Workflows."""
    for key, name in RENAMED.items():
        role = EditorialRole.objects.get(key=key)
        thing = role.group or role.workflow or role.task
        thing.name = name
        thing.save()


def test_every_part_is_bound_after_migrate(db):
    parts = {role.key: role for role in EditorialRole.objects.select_related("group", "task")}
    assert set(parts) == set(roles.NAMES)
    assert {key: str(parts[key].group or parts[key].workflow or parts[key].task) for key in N}
    for key in roles.GROUPS:
        assert parts[key].group.name == N[key]
    assert parts[roles.WORKFLOW].workflow.name == N[roles.WORKFLOW]
    assert [task.name for task in parts[roles.WORKFLOW].workflow.tasks] == [
        N[roles.VETTING_TASK],
        N[roles.RELEASE_TASK],
    ]


def test_a_new_symposium_uses_the_renamed_groups_and_workflow(home_page):
    rename_everything()
    groups_before = Group.objects.count()
    workflows_before = Workflow.objects.count()
    tasks_before = Task.objects.count()
    plan = make_plan(home_page)
    assert (Group.objects.count(), Workflow.objects.count(), Task.objects.count()) == (
        groups_before,
        workflows_before,
        tasks_before,
    )
    assert WorkflowPage.objects.get(page=plan).workflow.name == RENAMED[roles.WORKFLOW]
    assert sorted(
        GroupPagePermission.objects.filter(page=plan).values_list(
            "group__name", "permission__codename"
        )
    ) == sorted(
        (RENAMED[key], f"{action}_page")
        for key, actions in roles.PAGE_PERMISSIONS.items()
        for action in actions
    )
    assert ensure_groups() == {key: Group.objects.get(name=RENAMED[key]) for key in roles.GROUPS}


def test_the_migration_run_again_keeps_the_renamed_ones(db):
    rename_everything()
    install(historical_apps())
    assert not Group.objects.filter(name__in=[N[key] for key in roles.GROUPS]).exists()
    assert not Workflow.objects.filter(name=N[roles.WORKFLOW]).exists()
    assert not GroupApprovalTask.objects.filter(
        name__in=[N[roles.VETTING_TASK], N[roles.RELEASE_TASK]]
    ).exists()


def test_a_group_of_the_old_name_made_afterwards_plays_no_part(home_page):
    rename_everything()
    impostor = Group.objects.create(name=N[roles.MODERATORS])
    plan = make_plan(home_page)
    assert not GroupPagePermission.objects.filter(page=plan, group=impostor).exists()
    assert not impostor.permissions.exists()


def test_the_office_prints_the_booklet_under_its_new_name(home_page):
    plan = make_plan(home_page)
    rename_everything()
    clerk = get_user_model().objects.create_user("clerk", "clerk@toasoan.example", "pw")
    clerk.groups.add(Group.objects.get(name=RENAMED[roles.OFFICE]))
    assert can_print(clerk, plan)
    assert not can_print(clerk, plan, draft=True)
    stranger = get_user_model().objects.create_user("stranger", "s@toasoan.example", "pw")
    stranger.groups.add(Group.objects.create(name=N[roles.OFFICE]))
    assert not can_print(stranger, plan)


def test_the_status_follows_the_renamed_tasks(home_page):
    people = make_people()
    plan = make_plan(home_page)
    rename_everything()
    paper = receive(plan, user=people["editor"])
    paper.get_workflow().start(paper, people["editor"])
    invitation = Invitation.objects.with_status().get(pk=paper.invitation_id)
    assert invitation.status == Invitation.Status.IN_VETTING
    assert list(Invitation.objects.filter_status(Invitation.Status.IN_VETTING)) == [invitation]


def test_a_deleted_group_is_made_again_under_its_first_name(home_page):
    EditorialRole.objects.get(key=roles.OFFICE).group.delete()
    assert not EditorialRole.objects.filter(key=roles.OFFICE).exists()
    make_plan(home_page)
    office = EditorialRole.objects.get(key=roles.OFFICE).group
    assert office.name == N[roles.OFFICE]
    assert sorted(office.permissions.values_list("codename", flat=True)) == [
        "access_admin",
        "approve_symposiumbudget",
        "change_symposiumbudget",
        "settle_symposiumbudget",
        "view_invitation",
        "view_symposiumbudget",
        "view_unit",
    ]


def test_a_group_renamed_to_another_parts_first_name_keeps_its_part(home_page):
    """The moderators renamed "Thẩm định" and the reviewers' group deleted: a new
    reviewers' group is made beside it, not the moderators taken for reviewers."""
    moderators = EditorialRole.objects.get(key=roles.MODERATORS).group
    EditorialRole.objects.get(key=roles.REVIEWERS).group.delete()
    moderators.name = N[roles.REVIEWERS]
    moderators.save()
    groups = ensure_groups()
    assert groups[roles.MODERATORS] == moderators
    assert groups[roles.REVIEWERS] != moderators
    assert groups[roles.REVIEWERS].name == f"{N[roles.REVIEWERS]} ({roles.REVIEWERS})"
