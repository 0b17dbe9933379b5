"""Reminders before the deadline to units that have sent nothing, with a way in.

The desk's token is kept only as a hash, so a reminder cannot repeat it. Issuing
a new link would revoke the one printed, with its QR code, on the official letter
the unit holds; a newsroom cannot have a reminder break its own letter. So a
reminder carries a second key to the same desk: the link's number signed with the
site's secret (HMAC-SHA256). Nothing of it is stored, a copy of the database
cannot make one, and it dies with the link it names: re-issuing or revoking the
link, or the link's expiry, closes it too. It also expires by itself after
`SYMPOSIUM_DESK_LINK_DAYS`.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import conf
from ..languages import originals
from ..models import DeskLink, DeskReminder, Invitation, SymposiumPage
from ..models.desk_followup import reminder_days
from . import history, window

SALT = "symposium_pages.desk.reminder"


def _signer():
    return signing.TimestampSigner(salt=SALT, sep=".")


def reminder_token(link):
    return _signer().sign(str(link.pk))


def find_link(token):
    """The active link a reminder's key names, or None (unsigned, expired, revoked)."""
    if not token or len(token) > 100 or "." not in token:
        return None
    max_age = datetime.timedelta(days=conf.get("SYMPOSIUM_DESK_LINK_DAYS"))
    try:
        pk = int(_signer().unsign(token, max_age=max_age))
    except (signing.BadSignature, ValueError):
        return None
    return (
        DeskLink.objects.active()
        .select_related("invitation__unit", "invitation__symposium")
        .filter(pk=pk)
        .first()
    )


def desk_url(invitation, absolute=None):
    """The reminder's way in: to the active link, or a new one when none was issued yet.

    `absolute` makes the path a full URL (a request's build_absolute_uri in the admin;
    the default site's root URL otherwise, as `invitation_link` prints).
    """
    from ..management.commands.invitation_link import site_url

    link = DeskLink.objects.active().filter(invitation=invitation).first()
    if link is None:
        link, _token = DeskLink.issue(invitation)
        history.record(invitation, history.ISSUED)
    return (absolute or site_url)(reverse("symposium_pages_desk", args=[reminder_token(link)]))


@dataclass
class Due:
    invitation: Invitation
    days_before: int


def stage(symposium, today):
    """The reminder due `today`: the nearest of the symposium's days not yet passed.

    On a day between two stages the earlier stage stays due (a cron that missed a
    day still sends it); a stage jumped over entirely is not sent late, the
    nearer one is. None on and after the deadline's day, and without reminders.
    """
    days_left = (symposium.submission_deadline - today).days
    if days_left < 0:
        return None
    try:
        days = reminder_days(symposium.reminder_days)
    except ValueError:
        return None
    reached = [day for day in days if day >= days_left]
    return min(reached) if reached else None


def start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def waiting(symposium):
    """Invitations of `symposium` that expect a paper and have sent nothing."""
    return (
        Invitation.objects.filter(symposium=symposium)
        .filter_status(Invitation.Status.INVITED)
        .select_related("unit", "symposium")
        .in_plan_order()
    )


def due(symposium=None, today=None):
    today = today or timezone.localdate()
    symposia = [symposium] if symposium else originals(SymposiumPage.objects.live())
    for item in symposia:
        days = stage(item, today)
        if days is None:
            continue
        sent = set(
            DeskReminder.objects.filter(invitation__symposium=item, days_before=days).values_list(
                "invitation_id", flat=True
            )
        )
        for invitation in waiting(item):
            if invitation.pk not in sent and window.is_open(invitation, start_of(today)):
                yield Due(invitation, days)


def mail(invitation, url, days_left):
    unit = invitation.unit
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "unit": unit,
            "symposium": invitation.symposium,
            "url": url,
            "days_left": days_left,
            "closes_at": window.closes_at(invitation),
        }
        subject = _("Reminder: your paper for %(symposium)s") % {
            "symposium": invitation.symposium.title
        }
        body = render_to_string("symposium_pages/desk/reminder_email.txt", context)
    send_mail(subject, body, None, [unit.email])


def send(invitation, days_before=None, user=None, today=None, absolute=None):
    """Sends one reminder and records it; None when this one was already sent.

    The row is written first, in its own transaction: a second process trying the
    same (invitation, days) is refused by the unique constraint and sends nothing.
    If the e-mail fails the row is removed, so the next run tries again.
    """
    today = today or timezone.localdate()
    try:
        with transaction.atomic():
            reminder = DeskReminder.objects.create(
                invitation=invitation,
                days_before=days_before,
                sent_to=invitation.unit.email,
                sent_by=user,
            )
    except IntegrityError:
        return None
    try:
        url = desk_url(invitation, absolute)
        mail(invitation, url, (invitation.symposium.submission_deadline - today).days)
    except Exception:
        reminder.delete()
        raise
    history.record(
        invitation,
        history.REMINDED,
        user=user,
        to=reminder.sent_to,
        days=days_before if days_before is not None else "—",
    )
    return reminder


SENT, DRY_RUN, NO_ADDRESS, ALREADY_SENT = "sent", "dry-run", "no address", "already sent"


def send_due(symposium=None, today=None, dry_run=False, absolute=None):
    """Sends every reminder due; returns [(Due, outcome)], one of the outcomes above."""
    done = []
    for item in list(due(symposium, today)):
        if not item.invitation.unit.email:
            outcome = NO_ADDRESS
        elif dry_run:
            outcome = DRY_RUN
        else:
            sent = send(item.invitation, item.days_before, today=today, absolute=absolute)
            outcome = SENT if sent else ALREADY_SENT
        done.append((item, outcome))
    return done


def last_reminders(invitations):
    """{invitation id: latest reminder}, in one query."""
    latest = {}
    for reminder in DeskReminder.objects.filter(invitation__in=invitations).order_by("sent_at"):
        latest[reminder.invitation_id] = reminder
    return latest
