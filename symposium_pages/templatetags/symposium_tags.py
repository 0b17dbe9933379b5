"""Template filters of the add-on."""

from django import template

from .. import formatting

register = template.Library()


@register.filter
def long_date(value):
    return formatting.long_date(value)
