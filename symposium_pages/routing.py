"""Routing to a child page without a query, until something public changes.

`Page.route` finds a child by its slug (a query on the page table), then fetches its
specific row (`.specific`, a second query), at every level of the URL: a paper under a
plan under the home page costs four queries before anything is rendered. What a slug
leads to changes only when a page is published, unpublished, moved or deleted, and each
of those moves the public version on (`fragments`); so the child found is kept in the
fragment cache under that version and the parent, and read back as a fresh copy.

Readers only: previews and signed-in users route as Wagtail does.
"""

from django.http import Http404

from . import fragments


def child_for(request, parent, slug):
    """`parent`'s child with this slug, as its own type; None when there is none."""

    def load():
        child = parent.get_children().filter(slug=slug).first()
        return child.specific if child is not None else None

    return fragments.cached(request, "route", load, parent.pk, slug, by_path=False)


class SpecificChildRouting:
    """Put before `Page` in the bases (after `RoutablePageMixin`, whose routes come first)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = child_for(request, self, path_components[0])
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
