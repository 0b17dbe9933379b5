"""What a site holds, as plain JSON to compare two databases: run inside the site.

`python -c "from tests.reliability.snapshot import main; main()"` with the site's
environment prints one JSON object. Records are named by what a reader or an editor knows
them by (a page's path, a group's name, a file's name and SHA-256), so a restored copy
compares equal to its source whatever ids its content types were given.
"""

import hashlib
import json


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _rows(queryset, *exclude):
    """Every column of every row, in id order (ids are kept by a restore)."""
    return [
        {key: _plain(value) for key, value in row.items() if key not in exclude}
        for row in queryset.order_by("pk").values()
    ]


def _sha256(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def snapshot():
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.storage import default_storage
    from django.test import Client
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
        PageLogEntry,
        Site,
        TaskState,
        Workflow,
        WorkflowPage,
        WorkflowState,
    )

    from symposium_pages.models import Invitation, PaperPage, PaperSubmission, Unit

    Document, Image = get_document_model(), get_image_model()

    def label(content_type):
        return f"{content_type.app_label}.{content_type.model}"

    pages = [
        {
            "path": page.path,
            "url_path": page.url_path,
            "title": page.title,
            "live": page.live,
            "type": label(page.content_type),
            "draft": page.has_unpublished_changes,
            "locale": page.locale.language_code,
            "revisions": page.revisions.count(),
            "latest_revision": page.latest_revision_id,
            "live_revision": page.live_revision_id,
            "first_published_at": _plain(page.first_published_at),
            "owner": page.owner.username if page.owner else None,
            "latest_content": page.latest_revision.content if page.latest_revision else None,
        }
        for page in Page.objects.order_by("path").select_related(
            "content_type", "locale", "owner", "latest_revision"
        )
    ]
    papers = []
    for paper in PaperPage.objects.order_by("path").select_related("original", "unit"):
        papers.append(
            {
                "url_path": paper.url_path,
                "unit": paper.unit.name if paper.unit else None,
                "original": paper.original.file.name if paper.original else None,
                "submissions": [
                    {
                        "filename": submission.filename,
                        "received_at": _plain(submission.received_at),
                        "received_by": (
                            submission.received_by.username if submission.received_by else None
                        ),
                        "revision": submission.revision_id,
                        "pages": submission.pages,
                        "words": submission.words,
                        "document": submission.document.file.name,
                    }
                    for submission in PaperSubmission.objects.filter(paper=paper)
                    .select_related("document", "received_by")
                    .order_by("received_at", "pk")
                ],
            }
        )
    files = {}
    for item in [*Document.objects.all(), *Image.objects.all()]:
        files[item.file.name] = {
            "title": item.title,
            "collection": item.collection.name,
            "sha256": _sha256(default_storage, item.file.name),
            "file_hash": item.file_hash,  # SHA-1 Wagtail took when the file was stored
        }
    groups = {
        group.name: sorted(
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        )
        for group in Group.objects.order_by("name")
    }
    page_permissions = sorted(
        [gp.group.name, gp.page.url_path, gp.permission.codename]
        for gp in GroupPagePermission.objects.select_related("group", "page", "permission")
    )
    collection_permissions = sorted(
        [gp.group.name, gp.collection.name, gp.permission.codename]
        for gp in GroupCollectionPermission.objects.select_related(
            "group", "collection", "permission"
        )
    )
    workflows = [
        {
            "name": workflow.name,
            "active": workflow.active,
            "tasks": [
                [task.name, label(task.content_type), task.active]
                for task in workflow.tasks.select_related("content_type")
            ],
            "pages": sorted(
                wp.page.url_path for wp in WorkflowPage.objects.filter(workflow=workflow)
            ),
        }
        for workflow in Workflow.objects.order_by("pk")
    ]
    workflow_states = [
        {
            "object_id": state.object_id,
            "workflow": state.workflow.name,
            "status": state.status,
            "current_task": state.current_task_state.task.name
            if state.current_task_state
            else None,
            "tasks": [
                [ts.task.name, ts.status, ts.revision_id]
                for ts in TaskState.objects.filter(workflow_state=state).order_by("pk")
            ],
        }
        for state in WorkflowState.objects.order_by("pk").select_related("workflow")
    ]
    users = [
        {
            "username": user.username,
            "password": user.password,
            "superuser": user.is_superuser,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        }
        for user in get_user_model().objects.order_by("username")
    ]
    # What readers get: the public pages as rendered, and what the search finds.
    client = Client()
    rendered = {}
    for page in Page.objects.live().public().specific().order_by("path")[1:]:
        response = client.get(page.url, HTTP_HOST="127.0.0.1")
        rendered[page.url_path] = [
            response.status_code,
            hashlib.sha256(response.content).hexdigest(),
        ]
    found = {  # as sets: pages that rank equal may come in another order from a new index
        query: sorted(page.url_path for page in Page.objects.live().search(query))
        for query in ("tham luận", "xây dựng Đảng", "Chư Păh")
    }
    return {
        "pages": pages,
        "papers": papers,
        "files": files,
        "units": _rows(Unit.objects.all()),
        "invitations": _rows(Invitation.objects.all())
        + [sorted([i.pk, str(i.status)] for i in Invitation.objects.with_status())],
        "collections": [[c.path, c.name] for c in Collection.objects.order_by("path")],
        "collection_restrictions": [
            [r.collection.name, r.restriction_type, sorted(r.groups.values_list("name", flat=True))]
            for r in CollectionViewRestriction.objects.order_by("pk")
        ],
        "groups": groups,
        "page_permissions": page_permissions,
        "collection_permissions": collection_permissions,
        "workflows": workflows,
        "workflow_states": workflow_states,
        "users": users,
        "sites": [
            [site.hostname, site.port, site.root_page.url_path, site.is_default_site]
            for site in Site.objects.order_by("pk")
        ],
        "log_entries": [
            [entry.page_id, entry.action, entry.user_id, _plain(entry.timestamp)]
            for entry in PageLogEntry.objects.order_by("pk")
        ],
        "rendered": rendered,
        "search": found,
    }


def main():
    print(json.dumps(snapshot(), ensure_ascii=False, default=str))


def run(site):
    """The snapshot of `site` (a bench.server.Site), from a subprocess with its environment."""
    return site.run_json("from tests.reliability.snapshot import main; main()")
