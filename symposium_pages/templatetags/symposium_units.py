"""Template tags about a symposium's invited units."""

from django import template

register = template.Library()


@register.simple_tag
def invited_units_page(symposium):
    """The symposium's public list of invited units, if published, with `invited_count` set."""
    from ..languages import original_of
    from ..models import InvitedUnitsPage
    from ..public import public

    page = public(InvitedUnitsPage.objects.child_of(symposium).live()).first()
    if page is not None:
        # A translated plan counts the invitations of the plan it translates.
        original = original_of(symposium)
        page.invited_count = original.invitations.filter(unit__active=True).count()
    return page
