"""Invitation letters: each letter carries a fresh desk link, issued as it is written.

A token is shown only when it is issued, so a letter cannot reprint an earlier
link: producing one revokes the unit's current link and records the new one on
the invitation's history. The admin, `export_letters` and the e-mail task share
these functions; `url_for` turns a token into the absolute address of its desk.
"""

import datetime

from anyascii import anyascii
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..documents.letter import LetterData, LetterWriter, build_letters
from ..models import DeskLink, Invitation
from . import history

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def site_desk_url(token):
    """The desk's address on the default site, for the shell and background tasks."""
    from ..management.commands.invitation_link import site_url

    return site_url(reverse("symposium_pages_desk", args=[token]))


def expecting_papers(symposium):
    """The invitations a letter goes to: units asked for a paper, the organiser aside."""
    return (
        Invitation.objects.filter(
            symposium=symposium, expectation=Invitation.Expectation.PAPER, unit__active=True
        )
        .exclude(unit_id=symposium.organiser_id or 0)
        .select_related("unit", "symposium")
        .in_plan_order()
    )


def letter_data(invitation, url, today=None):
    symposium = invitation.symposium
    return LetterData(
        issuing_body=symposium.issuing_body,
        department=symposium.receiving_department,
        theme=symposium.title,
        plan_number=symposium.plan_number,
        plan_date=symposium.issued_on,
        unit=invitation.unit.name,
        url=url,
        page_limit=symposium.page_limit,
        deadline=symposium.submission_deadline,
        place=symposium.issuing_place,
        date=today or timezone.localdate(),
        requirements=symposium.requirements or "",
        contact=symposium.contact,
        presenting=invitation.expectation == Invitation.Expectation.PAPER,
    )


def issue_for_letter(invitation, url_for, user=None):
    """A fresh link for `invitation` (the current one stops working), on its record."""
    _link, token = DeskLink.issue(invitation, user)
    history.record(invitation, history.ISSUED, user=user, via="letter")
    return letter_data(invitation, url_for(token))


def letter_docx(invitation, url_for, user=None):
    return build_letters([issue_for_letter(invitation, url_for, user)])


def letters_docx(invitations, url_for, user=None):
    """One .docx with a letter per unit, each on its own pages: one file to print."""
    writer = LetterWriter()
    for invitation in invitations:
        writer.add(issue_for_letter(invitation, url_for, user))
    return writer.to_bytes()


def letter_filename(unit, suffix=".docx"):
    """A file name any system accepts, from the unit's name: "cong-van-dang-uy-xa-ia-grai.docx"."""
    stem = slugify(anyascii(unit.name))[:80].strip("-") or f"don-vi-{unit.pk}"
    return f"cong-van-{stem}{suffix}"


def mail_letter(invitation_id, user_id=None):
    """E-mails the unit its letter and link (a fresh one); False when it has no address."""
    invitation = (
        Invitation.objects.select_related("unit", "symposium").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.unit.email:
        return False
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    data = issue_for_letter(invitation, site_desk_url, user)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "unit": invitation.unit,
            "symposium": invitation.symposium,
            "url": data.url,
            "deadline": data.deadline,
            "last_day": data.deadline - datetime.timedelta(days=1) if data.deadline else None,
        }
        subject = _("Invitation to send a paper: %(title)s") % {"title": invitation.symposium.title}
        body = render_to_string("symposium_pages/desk/letter_email.txt", context)
    message = EmailMessage(subject, body, None, [invitation.unit.email])
    message.attach(letter_filename(invitation.unit), build_letters([data]), DOCX)
    message.send()
    return True
