"""Routing to a child page in one query instead of Wagtail's two.

`Page.route` finds a child by its slug (a query on the page table), then fetches its
specific row (`.specific`, a second query). A page whose children are of a few known
types (`allowed_subpage_models`) can fetch the child with its own row joined in, and a
reader of a paper under a plan under the home page saves a query at each level.
Children of another type (made before a rule changed) take Wagtail's way.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from wagtail.models import Page

# More types than this and the join costs more than the query it saves.
MOST_TYPES = 6


@functools.cache
def _child_types(page_class):
    """(model, its reverse name from Page) of the direct Page subclasses allowed below."""
    models = page_class.allowed_subpage_models()
    types = [
        (model, model._meta.parents[Page].remote_field.name)
        for model in models
        if model is not Page and model._meta.parents.get(Page) is not None
    ]
    return types if 0 < len(types) <= MOST_TYPES else []


def specific_child(page, slug):
    """`page`'s child with this slug as its own type, in one query; None when there is none."""
    types = _child_types(page.specific_class)
    if not types:
        child = page.get_children().filter(slug=slug).first()
        return child.specific if child is not None else None
    child = (
        page.get_children()
        .filter(slug=slug)
        .select_related(*(name for _model, name in types))
        .first()
    )
    if child is None:
        return None
    for model, name in types:
        if child.content_type_id == ContentType.objects.get_for_model(model).pk:
            try:
                return getattr(child, name)
            except ObjectDoesNotExist:
                break
    return child.specific


class SpecificChildRouting:
    """Put before `Page` (and after `RoutablePageMixin`, whose own routes come first)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = specific_child(self, path_components[0])
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
