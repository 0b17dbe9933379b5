"""Finding what the commands are asked about: a symposium by slug or id, a unit by name."""

from django.core.management.base import CommandError
from django.db.models import Q
from django.utils.translation import gettext as _


def find_symposium(value):
    from symposium_pages.languages import originals
    from symposium_pages.models import SymposiumPage

    query = Q(slug=value)
    if value.isdigit():
        query |= Q(pk=int(value))
    found = list(originals(SymposiumPage.objects.filter(query))[:2])
    if len(found) != 1:
        raise CommandError(_("No symposium has the slug or id %(value)s.") % {"value": value})
    return found[0]


def find_unit(value):
    from symposium_pages.models import Unit

    query = Q(name__iexact=value) | Q(short_name__iexact=value)
    if value.isdigit():
        query |= Q(pk=int(value))
    found = list(Unit.objects.filter(query)[:2])
    if not found:
        raise CommandError(
            _("No unit is called %(value)s. Add it first (snippets or import_units).")
            % {"value": value}
        )
    if len(found) > 1:
        raise CommandError(
            _("Several units match %(value)s; use the full name.") % {"value": value}
        )
    return found[0]
