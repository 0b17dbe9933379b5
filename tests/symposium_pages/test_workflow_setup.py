"""Groups, rights and the workflow, made by the data migration and for every new symposium."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.test.utils.form_data import querydict_from_html

from symposium_pages import roles
from symposium_pages.checks import workflow_settings
from symposium_pages.collections import originals_collection
from symposium_pages.models import SymposiumPage
from symposium_pages.moderation import install

from .factories import make_plan, plan_fields

N = roles.NAMES
GROUP_NAMES = [N[key] for key in roles.GROUPS]


def historical_apps():
    """The models as the data migration sees them."""
    executor = MigrationExecutor(connection)
    return executor.loader.project_state(("symposium_pages", "0010_editorial_roles")).apps


def page_rights(page):
    return sorted(
        (permission.group.name, permission.permission.codename)
        for permission in GroupPagePermission.objects.filter(page=page).select_related(
            "group", "permission"
        )
    )


SECTION_RIGHTS = sorted(
    [
        (N[roles.EDITORS], "add_page"),
        (N[roles.EDITORS], "change_page"),
        (N[roles.REVIEWERS], "change_page"),
        (N[roles.MODERATORS], "change_page"),
        (N[roles.MODERATORS], "publish_page"),
        (N[roles.MODERATORS], "lock_page"),
        (N[roles.MODERATORS], "unlock_page"),
    ]
)


def snapshot():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group rights": sorted(
            Group.permissions.through.objects.values_list("group__name", "permission__codename")
        ),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
        "tasks": sorted(GroupApprovalTask.objects.values_list("name", "groups__name")),
        "workflow tasks": sorted(
            WorkflowTask.objects.values_list("workflow__name", "task__name", "sort_order")
        ),
        "workflow pages": sorted(WorkflowPage.objects.values_list("workflow__name", "page_id")),
        "page rights": GroupPagePermission.objects.count(),
        "collection rights": GroupCollectionPermission.objects.count(),
    }


def test_the_migration_made_the_groups_and_the_workflow(db):
    state = snapshot()
    assert state["groups"] == sorted(["Editors", "Moderators", *GROUP_NAMES])
    rights = [row for row in state["group rights"] if row[0] in GROUP_NAMES]
    # The migrations grant each group exactly the rights of its part in roles.py…
    assert rights == sorted(
        (N[key], codename)
        for key, specs in roles.MODEL_PERMISSIONS.items()
        for _app, _model, codename in specs
    )
    # … which are, besides the admin: editors manage units, invitations, the desk's
    # questions and the vetting criteria; reviewers, moderators and the Office read the units.
    editors = {codename for group, codename in rights if group == N[roles.EDITORS]}
    assert {
        f"{action}_{model}"
        for model in ("invitation", "unit", "vettingcriterion")
        for action in ("add", "change", "delete", "view")
    } | {codename for _app, _model, codename in roles.DESK_PERMISSIONS} <= editors
    for key in (roles.REVIEWERS, roles.MODERATORS, roles.OFFICE):
        assert {"access_admin", "view_invitation", "view_unit"} <= {
            codename for group, codename in rights if group == N[key]
        }
    reviewers = {codename for group, codename in rights if group == N[roles.REVIEWERS]}
    assert "view_vettingcriterion" in reviewers and "change_vettingcriterion" not in reviewers
    assert state["workflow tasks"] == sorted(
        [
            ("Moderators approval", "Moderators approval", 0),
            (N[roles.WORKFLOW], N[roles.VETTING_TASK], 0),
            (N[roles.WORKFLOW], N[roles.RELEASE_TASK], 1),
        ]
    )
    assert (N[roles.VETTING_TASK], N[roles.REVIEWERS]) in state["tasks"]
    assert (N[roles.RELEASE_TASK], N[roles.MODERATORS]) in state["tasks"]
    # Wagtail's own workflow stays on the root for the rest of the site; no symposium yet.
    assert state["workflow pages"] == [("Moderators approval", Page.get_first_root_node().pk)]


def test_the_migration_runs_again_without_changing_anything(db):
    before = snapshot()
    install(historical_apps())
    install(historical_apps())
    assert snapshot() == before


def test_the_migration_reaches_symposia_and_collections_made_before_it(home_page):
    plan = make_plan(home_page)
    collection = Collection.get_first_root_node().add_child(name="Tham luận gốc (nội bộ)")
    # As a site from before the editorial workflow had them:
    WorkflowPage.objects.filter(page=plan).delete()
    GroupPagePermission.objects.filter(page=plan).delete()
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.LOGIN
    )
    install(historical_apps())
    assert WorkflowPage.objects.get(page=plan).workflow.name == N[roles.WORKFLOW]
    assert page_rights(plan) == SECTION_RIGHTS
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == BaseViewRestriction.GROUPS
    assert sorted(restriction.groups.values_list("name", flat=True)) == sorted(
        N[key] for key in roles.ORIGINALS_READERS
    )


def test_a_symposium_made_in_code_gets_the_workflow_and_the_rights(home_page):
    plan = make_plan(home_page)
    assert WorkflowPage.objects.get(page=plan).workflow.name == N[roles.WORKFLOW]
    assert page_rights(plan) == SECTION_RIGHTS
    assert [task.name for task in plan.get_workflow().tasks] == [
        N[roles.VETTING_TASK],
        N[roles.RELEASE_TASK],
    ]
    # The rest of the site keeps Wagtail's default workflow.
    section = Page(title="Thời sự", slug="thoi-su")  # a section of the host
    home_page.add_child(instance=section)
    assert section.get_workflow().name == "Moderators approval"


def test_a_symposium_made_in_the_admin_gets_the_workflow(admin_client, home_page):
    url = f"/admin/pages/add/symposium_pages/symposiumpage/{home_page.pk}/"
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    fields = plan_fields(slug="toa-dam-moi", title="Tọa đàm mới")
    data.update({key: str(value) for key, value in fields.items()})
    response = admin_client.post(url, data)
    assert response.status_code == 302
    plan = SymposiumPage.objects.get(slug="toa-dam-moi")
    assert WorkflowPage.objects.get(page=plan).workflow.name == N[roles.WORKFLOW]
    assert page_rights(plan) == SECTION_RIGHTS


def test_a_deactivated_workflow_is_not_attached(home_page):
    workflow = Workflow.objects.get(name=N[roles.WORKFLOW])
    workflow.deactivate()
    plan = make_plan(home_page)
    assert not WorkflowPage.objects.filter(page=plan).exists()
    assert plan.get_workflow().name == "Moderators approval"
    assert page_rights(plan) == SECTION_RIGHTS


def test_originals_are_for_the_editorial_groups(db):
    collection = originals_collection()
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == BaseViewRestriction.GROUPS
    assert sorted(restriction.groups.values_list("name", flat=True)) == sorted(
        [N[roles.EDITORS], N[roles.REVIEWERS], N[roles.MODERATORS]]
    )
    assert sorted(
        GroupCollectionPermission.objects.filter(collection=collection).values_list(
            "group__name", "permission__codename"
        )
    ) == sorted(
        [
            (N[roles.EDITORS], "add_document"),
            (N[roles.EDITORS], "change_document"),
            (N[roles.EDITORS], "choose_document"),
            (N[roles.REVIEWERS], "choose_document"),
            (N[roles.MODERATORS], "choose_document"),
        ]
    )
    assert originals_collection().pk == collection.pk
    assert CollectionViewRestriction.objects.filter(collection=collection).count() == 1


@pytest.mark.parametrize(
    "overrides,ids",
    [
        ({}, []),
        ({"WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT": False}, ["symposium_pages.W001"]),
        ({"WAGTAILDOCS_SERVE_METHOD": "direct"}, ["symposium_pages.W002"]),
        (
            {"WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE": True},
            ["symposium_pages.W003"],
        ),
    ],
)
def test_system_checks_warn_about_unsafe_settings(overrides, ids):
    with override_settings(**overrides):
        assert [warning.id for warning in workflow_settings(None)] == ids
