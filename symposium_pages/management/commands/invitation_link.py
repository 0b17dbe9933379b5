"""A unit's private desk link from the shell: issued once, re-issued on request."""

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from symposium_pages.desk import history
from symposium_pages.management.lookups import find_symposium, find_unit
from symposium_pages.models import DeskLink, Invitation


def site_url(path):
    """`path` on the default site (Wagtail's root URL, else WAGTAILADMIN_BASE_URL)."""
    from django.conf import settings

    site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site else getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return f"{base.rstrip('/')}{path}"


class Command(BaseCommand):
    help = _(
        "Print a unit's private desk link, issuing one if it has none "
        "(--reissue replaces the current one)."
    )

    def add_arguments(self, parser):
        parser.add_argument("symposium", metavar="SYMPOSIUM", help=_("slug or id of the symposium"))
        parser.add_argument("--unit", required=True, help=_("name, short name or id of the unit"))
        parser.add_argument(
            "--reissue",
            action="store_true",
            help=_("revoke the current link and issue a new one"),
        )

    def handle(self, *args, symposium, unit, reissue, **options):
        plan = find_symposium(symposium)
        member = find_unit(unit)
        invitation = Invitation.objects.filter(symposium=plan, unit=member).first()
        if invitation is None:
            raise CommandError(
                _("%(unit)s is not invited to this symposium.") % {"unit": member.name}
            )
        active = DeskLink.objects.active().filter(invitation=invitation).first()
        if active and not reissue:
            raise CommandError(
                _(
                    "%(unit)s already has a link, issued %(when)s. Links are kept only as a "
                    "hash and cannot be shown again: use --reissue for a new one (the current "
                    "one stops working)."
                )
                % {"unit": member.name, "when": active.issued_at.strftime("%d/%m/%Y %H:%M")}
            )
        _link, token = DeskLink.issue(invitation)
        history.record(invitation, history.ISSUED)
        self.stdout.write(site_url(reverse("symposium_pages_desk", args=[token])))
