"""Template filters of the add-on."""

from django import template

from .. import formatting

register = template.Library()


@register.filter
def long_date(value):
    """A date as the reader's language writes it in full (see `formatting.long_date`)."""
    return formatting.long_date(value)


@register.filter
def money(value):
    """An amount of đồng as the reader's language writes it (see `formatting.money`)."""
    return formatting.money(value)
