"""The receipt a unit gets for each upload: on its desk, printable, and by e-mail."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import PaperSubmission


@dataclass
class Receipt:
    number: str
    submission: PaperSubmission
    received_at: object
    filename: str
    sha256: str
    pages: int | None
    exact: bool
    words: int | None


def number(submission):
    """The receipt's number: the year received and the upload's own number."""
    return f"{timezone.localtime(submission.received_at):%Y}-{submission.pk:05d}"


def file_digest(document):
    """SHA-256 of the original as kept, read in chunks."""
    digest = hashlib.sha256()
    with document.file.open("rb") as handle:
        for chunk in handle.chunks():
            digest.update(chunk)
    return digest.hexdigest()


def describe(submission):
    count = getattr(submission, "exact_count", None)
    exact = count is not None and count.exact_pages is not None
    return Receipt(
        number=number(submission),
        submission=submission,
        received_at=timezone.localtime(submission.received_at),
        filename=submission.filename,
        sha256=file_digest(submission.document),
        pages=count.exact_pages if exact else submission.pages,
        exact=exact or submission.page_count_method == "libreoffice",
        words=submission.words,
    )


def mail_receipt(submission_id):
    """E-mails the receipt to the unit's contact address; False when it has none."""
    submission = (
        PaperSubmission.objects.select_related(
            "invitation__unit", "invitation__symposium", "document"
        )
        .filter(pk=submission_id)
        .first()
    )
    if submission is None or submission.invitation is None:
        return False
    unit = submission.invitation.unit
    if not unit.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        receipt = describe(submission)
        context = {"receipt": receipt, "unit": unit, "symposium": submission.invitation.symposium}
        subject = _("Receipt %(number)s: your paper was received") % {"number": receipt.number}
        body = render_to_string("symposium_pages/desk/receipt_email.txt", context)
    send_mail(subject, body, None, [unit.email])
    return True
