"""The editorial workflow, set up with Wagtail's own models: groups, rights, the workflow.

Every function takes an app registry, so that the data migration (historical
models) and the running site (the real ones) share one definition; all of them
are idempotent. `set_up_symposium` runs when a SymposiumPage is created (see
`signals.py`): it attaches the workflow "Duyệt tham luận" to the page and
grants the groups their rights on it and everything beneath it.

Page rights are granted per symposium, not on the site root: a GroupPagePermission
cannot be limited to page types, and rights on the home page would reach the
whole news site. Creating a new symposium needs the "add" right on its parent
(the home page or a news section), which the site's administrators give to
whom they choose; the demo gives it to the editors on its home page.
"""

from django.apps import apps as global_apps
from django.db import transaction

from . import conf, roles
from .criteria import add_defaults as add_default_criteria

GROUPS = "groups"  # BaseViewRestriction.GROUPS, spelled out for historical models
LOGIN = "login"

# The task model of each part whose task is not a plain GroupApprovalTask.
TASK_MODELS = {roles.VETTING_TASK: ("symposium_pages", "VettingTask")}


class _Permissions:
    """Looks up (and if need be creates) auth permissions, each once per run."""

    def __init__(self, apps):
        self.apps = apps
        self.cache = {}

    def get(self, app_label, model, codename):
        key = (app_label, model, codename)
        if key not in self.cache:
            ContentType = self.apps.get_model("contenttypes", "ContentType")
            Permission = self.apps.get_model("auth", "Permission")
            content_type, _created = ContentType.objects.get_or_create(
                app_label=app_label, model=model
            )
            action = codename.removesuffix(f"_{model}").replace("_", " ")
            self.cache[key], _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {action} {model}"[:255]},
            )
        return self.cache[key]


def _parts(apps):
    """The add-on's parts already bound to a group, workflow or task, by key."""
    EditorialRole = apps.get_model("symposium_pages", "EditorialRole")
    return {role.key: role for role in EditorialRole.objects.all()}


def _bind(apps, parts, key, model, field, **create):
    """The object playing `key`: the bound one, else an unbound one of its name, else a new one.

    An object of that name already playing another part is left alone: an
    administrator who renamed the moderators "Thẩm định" keeps them as moderators.
    """
    if key in parts:
        return getattr(parts[key], field), False
    EditorialRole = apps.get_model("symposium_pages", "EditorialRole")
    name = roles.NAMES[key]
    found = model.objects.filter(name=name, symposium_role__isnull=True).order_by("pk").first()
    if found is None:
        taken = model.objects.filter(name=name).exists()
        found = model.objects.create(name=f"{name} ({key})" if taken else name, **create)
        created = True
    else:
        created = False
    parts[key] = EditorialRole.objects.create(key=key, **{field: found})
    return found, created


def ensure_groups(apps=global_apps, *, grant_existing=False, permissions=None, parts=None):
    """The four groups by part; a group made now (or any, with grant_existing) gets its rights."""
    Group = apps.get_model("auth", "Group")
    permissions = permissions or _Permissions(apps)
    parts = _parts(apps) if parts is None else parts
    groups = {}
    for key in roles.GROUPS:
        group, created = _bind(apps, parts, key, Group, "group")
        if created or grant_existing:
            group.permissions.add(
                *(permissions.get(*spec) for spec in roles.MODEL_PERMISSIONS.get(key, ()))
            )
        groups[key] = group
    return groups


def _task_model(apps, key):
    """The part's task model; a GroupApprovalTask in migrations older than the task's own."""
    app_label, model_name = TASK_MODELS.get(key, ("wagtailcore", "GroupApprovalTask"))
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return "wagtailcore", "GroupApprovalTask"
    return app_label, model_name


def ensure_workflow(apps=global_apps, groups=None, *, complete_existing=False, parts=None):
    """The workflow "Duyệt tham luận": content vetting, then release approval.

    An existing workflow is left as the administrators shaped it, unless
    `complete_existing` (the data migration) asks for its missing tasks.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    parts = _parts(apps) if parts is None else parts
    groups = groups or ensure_groups(apps, parts=parts)
    workflow, created = _bind(apps, parts, roles.WORKFLOW, Workflow, "workflow", active=True)
    if not (created or complete_existing):
        return workflow
    for order, (key, group_key) in enumerate(roles.TASKS):
        if key in parts:
            # A VettingTask is a GroupApprovalTask too (a child table).
            task = GroupApprovalTask.objects.filter(pk=parts[key].task_id).first()
        else:
            app_label, model_name = _task_model(apps, key)
            task_type, _created = ContentType.objects.get_or_create(
                app_label=app_label, model=model_name.lower()
            )
            model = apps.get_model(app_label, model_name)
            task, _created = _bind(
                apps, parts, key, model, "task", content_type=task_type, active=True
            )
        if task is None:  # bound to a task of another kind, which the administrators chose
            continue
        task.groups.add(groups[group_key])
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": order}
        )
    return workflow


def promote_vetting_task(apps=global_apps):
    """The task bound to content vetting becomes a VettingTask, in place.

    The same row stays the task (a child row is added and its type changed):
    its groups, its place in the workflow, its name as the administrators left it
    and the papers waiting on it are all kept, and those papers are judged by the
    criteria from now on. A task of another kind the administrators chose is
    left alone.
    """
    role = _parts(apps).get(roles.VETTING_TASK)
    if role is None:
        return None
    app_label, model_name = TASK_MODELS[roles.VETTING_TASK]
    VettingTask = apps.get_model(app_label, model_name)
    if VettingTask.objects.filter(pk=role.task_id).exists():
        return role.task_id
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    old = GroupApprovalTask.objects.filter(pk=role.task_id).first()
    if old is None:
        return None
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    task_type, _created = ContentType.objects.get_or_create(
        app_label=app_label, model=model_name.lower()
    )
    # Only the child table's row: the parents' rows exist and stay as they are.
    VettingTask(groupapprovaltask_ptr_id=old.pk).save_base(raw=True)
    Task.objects.filter(pk=old.pk).update(content_type=task_type)
    return old.pk


def attach(apps, page_id, groups, workflow, permissions=None):
    """The workflow on one symposium page, and the groups' rights on its section."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    permissions = permissions or _Permissions(apps)
    if workflow.active:
        # A page that already has a workflow keeps it: an administrator chose it.
        WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})
    for group_name, actions in roles.PAGE_PERMISSIONS.items():
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=groups[group_name],
                page_id=page_id,
                permission=permissions.get("wagtailcore", "page", f"{action}_page"),
            )


def grant_collection(apps, collection, rights, groups, permissions=None):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    permissions = permissions or _Permissions(apps)
    for group_name, specs in rights.items():
        for spec in specs:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[group_name], collection=collection, permission=permissions.get(*spec)
            )


def restrict_originals(apps, collection, groups):
    """Only the editorial groups (and superusers) may download the originals.

    A "signed in" restriction is narrowed to the groups; a password an
    administrator added stays in force besides.
    """
    Restriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    restrictions = list(Restriction.objects.filter(collection=collection))
    for restriction in restrictions:
        if restriction.restriction_type == LOGIN:
            restriction.restriction_type = GROUPS
            restriction.save()
    if not any(restriction.restriction_type == GROUPS for restriction in restrictions):
        restrictions.append(
            Restriction.objects.create(collection=collection, restriction_type=GROUPS)
        )
    readers = [groups[name] for name in roles.ORIGINALS_READERS]
    for restriction in restrictions:
        if restriction.restriction_type == GROUPS:
            restriction.groups.add(*readers)


def _collection(apps, setting):
    Collection = apps.get_model("wagtailcore", "Collection")
    return Collection.objects.filter(depth=2, name=conf.get(setting)).order_by("path").first()


def install(apps=global_apps):
    """Everything at once, for the data migration: safe to run again, and on an empty site."""
    permissions = _Permissions(apps)
    parts = _parts(apps)
    groups = ensure_groups(apps, grant_existing=True, permissions=permissions, parts=parts)
    workflow = ensure_workflow(apps, groups, complete_existing=True, parts=parts)
    originals = _collection(apps, "SYMPOSIUM_ORIGINALS_COLLECTION")
    if originals is not None:
        restrict_originals(apps, originals, groups)
        grant_collection(apps, originals, roles.ORIGINALS_PERMISSIONS, groups, permissions)
    images = _collection(apps, "SYMPOSIUM_IMAGES_COLLECTION")
    if images is not None:
        grant_collection(apps, images, roles.IMAGES_PERMISSIONS, groups, permissions)
    SymposiumPage = apps.get_model("symposium_pages", "SymposiumPage")
    for page_id in SymposiumPage.objects.order_by("pk").values_list("pk", flat=True):
        attach(apps, page_id, groups, workflow, permissions)
    return groups, workflow


@transaction.atomic
def set_up_symposium(page):
    """A new symposium page: its workflow and the groups' rights on it (see signals.py)."""
    parts = _parts(global_apps)
    groups = ensure_groups(parts=parts)
    attach(global_apps, page.pk, groups, ensure_workflow(groups=groups, parts=parts))
    add_default_criteria(page)


@transaction.atomic
def set_up_collection(collection, rights, *, originals=False):
    """A collection the add-on has just made: the groups' rights in it, the originals locked."""
    groups = ensure_groups()
    if originals:
        restrict_originals(global_apps, collection, groups)
    grant_collection(global_apps, collection, rights, groups)
