"""What a consistent database looks like after load or a crash; run inside the site.

`python -c "from tests.reliability.audit import main; main()"` with the site's
environment prints one JSON object: counts and every problem found.
"""

import datetime
import json


def audit():
    import django

    django.setup()
    from django.core.files.storage import default_storage
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from symposium_pages.maintenance import orphan_files
    from symposium_pages.models import Invitation, PaperPage, PaperSubmission
    from symposium_pages.picture_storage import PRIVATE_DIR
    from symposium_pages.views.receive import PENDING_DIR

    problems = []
    Document, Image = get_document_model(), get_image_model()
    for document in Document.objects.all():
        if not default_storage.exists(document.file.name):
            problems.append(f"document {document.pk} has no file {document.file.name}")
    for image in Image.objects.all():
        if not default_storage.exists(image.file.name):
            problems.append(f"image {image.pk} has no file {image.file.name}")
    for submission in PaperSubmission.objects.select_related("document", "paper"):
        if not default_storage.exists(submission.document.file.name):
            problems.append(f"submission {submission.pk}: original missing")
        if submission.revision_id is None:
            problems.append(f"submission {submission.pk}: no revision")
        elif submission.revision.object_id != str(submission.paper_id):
            problems.append(f"submission {submission.pk}: revision of another page")
    for paper in PaperPage.objects.select_related("invitation", "unit"):
        invitation = paper.invitation
        if invitation is None:
            if paper.submissions.exists():
                problems.append(f"paper {paper.pk}: received but linked to no invitation")
            continue
        parent = paper.get_parent()
        if invitation.symposium_id != parent.pk:
            problems.append(f"paper {paper.pk}: invitation of another symposium")
        if invitation.unit_id != paper.unit_id:
            problems.append(f"paper {paper.pk}: unit differs from its invitation's")
        latest = paper.submissions.order_by("-received_at", "-pk").first()
        current = paper.get_latest_revision_as_object()
        if latest and current.original_id != latest.document_id:
            problems.append(f"paper {paper.pk}: latest revision is not the latest upload")
    for invitation in Invitation.objects.all():
        if invitation.papers.count() > 1:
            problems.append(f"invitation {invitation.pk}: {invitation.papers.count()} papers")
    tree = Page.find_problems()
    if any(tree):
        problems.append(f"page tree problems: {tree}")
    orphans = orphan_files(grace=datetime.timedelta(0))
    # Renditions are re-creatable copies: two requests rendering the same one at once both
    # write a file and one row wins. They are counted, and swept by cleanup_orphans.
    renditions = [
        orphan.name
        for orphan in orphans
        if orphan.name.startswith(("images/", f"{PRIVATE_DIR}/images/"))
    ]
    problems.extend(
        f"orphan file {orphan.name}" for orphan in orphans if orphan.name not in renditions
    )
    try:
        pending = default_storage.listdir(PENDING_DIR)[1]
    except FileNotFoundError:
        pending = []
    return {
        "problems": problems,
        "papers": PaperPage.objects.count(),
        "submissions": PaperSubmission.objects.count(),
        "documents": Document.objects.count(),
        "images": Image.objects.count(),
        "invitations": Invitation.objects.count(),
        "pending": sorted(pending),
        "orphan_renditions": renditions,
    }


def main():
    print(json.dumps(audit(), ensure_ascii=False))


def run(site):
    """The audit of `site` (a bench.server.Site), from a subprocess with its environment."""
    return site.run_json("from tests.reliability.audit import main; main()")
