"""The programme order of a symposium's papers, kept in one place.

Wagtail's own page order is the programme: editors reorder the papers by
dragging them in the explorer (the plan lists its children in that order), and
a paper filed under a plan takes the next place before the closing summary.
Whatever the tree says, the keynote comes first and the closing summary last.
A translated plan follows the order of its original, whatever order its
translations were made in.

The plan, the units page, a paper's previous/next links, the feed, the booklet
and the report all read the order from `in_programme_order` (or, on a query of
pages of several types, from `programme_position`).
"""

from django.db.models import Case, F, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from wagtail.models import Page

from .languages import default_language

KEYNOTE, PAPER, CLOSING = "keynote", "paper", "closing"
KIND_RANK = {KEYNOTE: 0, PAPER: 1, CLOSING: 2}


def kind_rank(field="kind"):
    """The keynote before the papers, the closing summary after them."""
    return Case(
        When(**{field: KEYNOTE}, then=Value(KIND_RANK[KEYNOTE])),
        When(**{field: CLOSING}, then=Value(KIND_RANK[CLOSING])),
        default=Value(KIND_RANK[PAPER]),
        output_field=IntegerField(),
    )


def original_path():
    """The tree position of the page's original (its own, for an original)."""
    original = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=default_language(),
    ).values("path")[:1]
    return Coalesce(Subquery(original), F("path"))


def in_programme_order(papers):
    """A PaperPage queryset in programme order: keynote, papers in their place, summary."""
    return papers.alias(_kind_rank=kind_rank(), _programme_path=original_path()).order_by(
        "_kind_rank", "_programme_path", "pk"
    )


def programme_position(queryset):
    """On a queryset of pages of several types: papers first in programme order, then the
    rest in the order given after it (e.g. newest first)."""
    is_paper = Case(When(paperpage__isnull=False, then=Value(0)), default=Value(1))
    path = Case(When(paperpage__isnull=False, then=original_path()), default=Value(""))
    ordering = queryset.query.order_by
    return queryset.alias(
        _is_paper=is_paper, _kind_rank=kind_rank("paperpage__kind"), _programme_path=path
    ).order_by("_is_paper", "_kind_rank", "_programme_path", *ordering)


def _place_of(plan, kind, exclude=None):
    """The paper a new paper of this kind goes before, or None for the end of the plan."""
    from .models import PaperPage

    papers = PaperPage.objects.child_of(plan).exclude(pk=exclude).order_by("path")
    if kind == KEYNOTE:
        return papers.first()
    if kind == CLOSING:
        return None
    return papers.filter(kind=CLOSING).first()


def add_to_programme(plan, paper):
    """Files a new paper under `plan` in its place: a keynote before the other papers, a
    closing summary last, any other paper in the next place before the closing summary."""
    neighbour = _place_of(plan, paper.kind)
    if neighbour is None:
        return plan.add_child(instance=paper)
    return neighbour.add_sibling(pos="left", instance=paper)


def keep_in_programme(page):
    """A paper copied or moved into a plan lands last, as Wagtail puts it: it is moved to
    the place `add_to_programme` would have given it. Reordering in the explorer is left
    as the editor made it."""
    from .models import PaperPage, SymposiumPage

    paper = PaperPage.objects.filter(pk=page.pk).first()
    if paper is None:
        return
    plan = SymposiumPage.objects.filter(
        path=paper.path[: -paper.steplen], depth=paper.depth - 1
    ).first()
    if plan is None:
        return
    neighbour = _place_of(plan, paper.kind, exclude=paper.pk)
    if neighbour is not None and neighbour.path < paper.path:
        paper.move(neighbour, pos="left")
