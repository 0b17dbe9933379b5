"""Amounts in the budget's admin pages, written as Vietnamese documents write them."""

from django import template

from ..formatting import vnd as format_vnd

register = template.Library()


@register.filter
def vnd(amount):
    return format_vnd(amount)
