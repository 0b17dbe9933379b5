"""The main menu: the site root's live children marked "show in menus"."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/nav.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site is not None:
        root = site.root_page
        items = root.get_children().live().public().in_menu()
    return {"menu_items": items, "request": request}
