"""The paper intake: one service behind the admin view, the command and the tests.

`receive_paper` checks an uploaded .docx and either refuses it (nothing is
stored) or files it: the original as a private Wagtail document, its
pictures as private Wagtail images, and a draft revision of the unit's PaperPage.
A second upload for the same invitation is a new revision of the same page;
every original is kept as a PaperSubmission.

The admin asks for `count_in_background`: the check then estimates the pages from
the layout and answers at once, and LibreOffice's exact count runs afterwards as a
task (`exact_counts.py`). The command and the demo count as they are told, there.
"""

import posixpath
from dataclasses import dataclass, field

from anyascii import anyascii
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from . import conf, exact_counts
from .collections import images_collection, originals_collection
from .intake.check import CheckResult, check_paper
from .models import Invitation, PaperPage, PaperSubmission
from .picture_storage import private_original_name
from .programme import add_to_programme
from .streamdata import body_stream_data, without_letterhead
from .titles import readable_title


class PaperRefused(Exception):
    """The file was refused; `result.errors` says why, in the reader's language."""

    def __init__(self, result: CheckResult):
        self.result = result
        super().__init__("; ".join(str(message) for message in result.errors))


@dataclass
class Receipt:
    paper: PaperPage
    submission: PaperSubmission
    result: CheckResult
    invitation: Invitation
    created_paper: bool
    created_invitation: bool
    warnings: list[str] = field(default_factory=list)


def check_for_symposium(symposium, data, filename, *, method="auto", received_at=None):
    """Check a file against this symposium's page limit and deadline; stores nothing."""
    received_at = received_at or timezone.now()
    return check_paper(
        data,
        filename,
        max_pages=symposium.page_limit,
        max_bytes=int(conf.get("SYMPOSIUM_MAX_UPLOAD_MB") * 1024 * 1024),
        method=method,
        soffice=conf.get("SYMPOSIUM_SOFFICE"),
        timeout=conf.get("SYMPOSIUM_SOFFICE_TIMEOUT"),
        deadline=symposium.submission_deadline,
        received_on=timezone.localtime(received_at).date(),
    )


def receive_paper(
    symposium,
    *,
    data,
    filename,
    unit=None,
    invitation=None,
    presenter_name="",
    presenter_position="",
    user=None,
    method="auto",
    received_at=None,
    result=None,
    count_in_background=False,
):
    """File one paper for `invitation` (or for `unit`, inviting it if needed).

    With `count_in_background`, the pages are estimated now and counted by LibreOffice
    in a background task once the paper is filed (when LibreOffice is installed).
    """
    received_at = received_at or timezone.now()
    if count_in_background:
        method = "estimate"
    if result is None:
        result = check_for_symposium(
            symposium, data, filename, method=method, received_at=received_at
        )
    if result.errors:
        raise PaperRefused(result)
    stored = []
    try:
        with transaction.atomic():
            _lock_symposium(symposium)
            invitation, created_invitation = _invitation(symposium, unit, invitation)
            if presenter_name or presenter_position:
                invitation.presenter_name = presenter_name or invitation.presenter_name
                invitation.presenter_position = presenter_position or invitation.presenter_position
                invitation.save(update_fields=["presenter_name", "presenter_position"])
            document = _store_original(data, filename, invitation, user, stored)
            image_ids = _store_images(result.paper.images, invitation, user, stored)
            paper, created_paper = _paper_revision(
                symposium, invitation, result, document, image_ids, received_at
            )
            revision = paper.save_revision(user=user, log_action=True)
            submission = PaperSubmission.objects.create(
                paper=paper,
                invitation=invitation,
                document=document,
                revision=revision,
                filename=filename[:255],
                received_at=received_at,
                received_by=user,
                pages=result.pages,
                page_count_method=result.page_count_method,
                words=result.words,
                warnings=[str(message) for message in result.warnings],
            )
            exact_counts.record(submission, background=count_in_background)
    except BaseException:
        _delete_files(stored)
        raise
    warnings = [str(message) for message in result.warnings]
    if created_invitation:
        warnings.insert(
            0,
            _("%(unit)s was not on the list of invited units; it has been added.")
            % {"unit": invitation.unit.name},
        )
    return Receipt(
        paper=paper,
        submission=submission,
        result=result,
        invitation=invitation,
        created_paper=created_paper,
        created_invitation=created_invitation,
        warnings=warnings,
    )


def _lock_symposium(symposium):
    """One intake at a time per symposium, whichever app server runs it.

    Two at once could both create a first paper for one invitation, or give two new paper
    pages the same place in the page tree. The row lock (PostgreSQL; SQLite serialises
    writers anyway) makes the second wait; the child count is then read afresh.
    """
    symposium.numchild = (
        Page.objects.select_for_update()
        .filter(pk=symposium.pk)
        .values_list("numchild", flat=True)
        .get()
    )


def _invitation(symposium, unit, invitation):
    if invitation is not None:
        if invitation.symposium_id != symposium.pk:
            raise ValueError("The invitation belongs to another symposium.")
        return invitation, False
    if unit is None:
        raise ValueError("Either a unit or an invitation is needed.")
    return Invitation.objects.get_or_create(symposium=symposium, unit=unit)


def _safe_name(filename, default="tham-luan"):
    stem, extension = posixpath.splitext(posixpath.basename(filename.replace("\\", "/")))
    stem = slugify(anyascii(stem))[:80] or default
    return f"{stem}{extension.lower()[:6] or '.docx'}"


def _store_original(data, filename, invitation, user, stored):
    Document = get_document_model()
    document = Document(
        title=_("Original of the paper of %(unit)s") % {"unit": invitation.unit.name},
        collection=originals_collection(),
        uploaded_by_user=user,
    )
    document.file.save(_safe_name(filename), ContentFile(data), save=False)
    stored.append(document.file)
    document._set_document_file_metadata()
    document.save()
    return document


def _store_images(images, invitation, user, stored):
    Image = get_image_model()
    storage = Image._meta.get_field("file").storage
    collection = images_collection()
    ids = []
    for number, picture in enumerate(images, start=1):
        image = Image(
            title=picture.alt[:255]
            or _("Picture %(number)s of the paper of %(unit)s")
            % {"number": number, "unit": invitation.unit.name},
            collection=collection,
            uploaded_by_user=user,
        )
        # Private until a page showing it goes live (picture_release.py): a random name in a
        # folder the front server does not serve, not the name it had in the .docx.
        image.width, image.height = picture.width, picture.height
        image.file = storage.save(
            private_original_name(picture.filename), ContentFile(picture.data)
        )
        stored.append(image.file)
        image._set_image_file_metadata()
        image.save()
        ids.append(image.pk)
    return ids


def _unique_slug(parent, base):
    slug, number = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _paper_revision(symposium, invitation, result, document, image_ids, received_at):
    extracted = result.paper
    title = readable_title(
        extracted.title or invitation.unit.name, [invitation.unit.name, symposium.title]
    )[:255]
    existing = invitation.papers.order_by("pk").first()
    if existing is None:
        paper = PaperPage(
            title=title,
            slug=_unique_slug(
                symposium,
                slugify(anyascii(invitation.unit.name))[:60] or "tham-luan",
            ),
            live=False,
            kind=PaperPage.Kind.PAPER,
        )
        created = True
    else:
        paper = existing.get_latest_revision_as_object()
        created = False
    paper.title = title
    paper.unit = invitation.unit
    paper.invitation = invitation
    paper.presenter_name = invitation.presenter_name
    paper.presenter_position = invitation.presenter_position
    unit = invitation.unit
    blocks = without_letterhead(extracted.blocks, [unit.name, unit.short_name])
    paper.body = body_stream_data(blocks, image_ids)
    paper.original = document
    paper.words = result.words
    paper.pages = result.pages
    paper.page_count_method = result.page_count_method
    paper.received_at = received_at
    if created:
        add_to_programme(symposium, paper)
    return paper, created


def _delete_files(files):
    for stored_file in files:
        try:
            stored_file.storage.delete(stored_file.name)
        except OSError:
            pass
