"""The main menu: the live children of the home page in the reader's language that are
marked "show in menus", under their short titles; and the URL of that home page."""

from django import template
from django.db.models import OuterRef, Subquery

from symposium_pages.languages import localized_root
from symposium_pages.models import SymposiumPage
from symposium_pages.public import public

register = template.Library()


@register.inclusion_tag("includes/nav.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    root = localized_root(request)
    items = public(root.get_children().live().in_menu()) if root is not None else []
    # A plan carries a short title for menus (`menu_title`): its whole title would be cut
    # on a phone. Read in the same query, not through specific() (a query per page type).
    items = items.annotate(
        menu_title=Subquery(SymposiumPage.objects.filter(pk=OuterRef("pk")).values("menu_title"))
    )
    labelled = [(item, item.menu_title or item.title) for item in items]
    return {"menu_items": labelled, "request": request, "home_url": _url(root, request)}


def _url(page, request):
    return (page.get_url(request) if page is not None else None) or "/"


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the reader's language: "/" in Vietnamese, "/en/" in English."""
    request = context.get("request")
    return _url(localized_root(request), request)
