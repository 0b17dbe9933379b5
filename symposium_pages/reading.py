"""What readers see of a symposium: its coverage, its papers' neighbours, and when it changed.

Every function runs a fixed number of queries, whatever the number of papers,
units or articles. `touch_symposia` stamps a plan when anything readers see
under it changes: the stamp is the sitemap's lastmod, part of the plan's
`cache_key`, and a CDN purge of the plan, its feed and units page.
"""

from django.db.models import IntegerField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from .models.news import news_page_models, news_pages
from .programme import in_programme_order, programme_position
from .public import public


def coverage_models():
    """News page types that report on a symposium (not the plan or its papers)."""
    from .models import PaperPage, SymposiumPage

    return [
        model for model in news_page_models() if not issubclass(model, (PaperPage, SymposiumPage))
    ]


def _pages_linking_to(page):
    """Ids of pages that link to `page` (related links, page choosers, links in text)."""
    return (
        ReferenceIndex.get_references_to(page)
        .filter(base_content_type_id=ReferenceIndex._get_base_content_type(page))
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )


def coverage_of(symposium, limit=None):
    """Live news about the symposium, newest first: pages filed under it and pages linking to it."""
    models = coverage_models()
    if not models:
        return Page.objects.none()
    queryset = news_pages(models).filter(
        Q(path__startswith=symposium.path, depth__gt=symposium.depth)
        | Q(pk__in=_pages_linking_to(symposium))
    )
    return queryset[:limit] if limit else queryset


def feed_items(symposium, limit=50):
    """For the symposium's RSS feed: its newest papers and coverage (at most `limit`), the
    papers first in programme order, then the coverage newest first."""
    from .models import PaperPage

    items = news_pages([PaperPage, *coverage_models()], with_bodies=True).filter(
        Q(path__startswith=symposium.path, depth__gt=symposium.depth)
        | Q(pk__in=_pages_linking_to(symposium))
    )
    newest = items.values("pk")[:limit]
    return programme_position(items.filter(pk__in=newest))


def programme_neighbours(paper):
    """The published papers before and after `paper` in the programme (two queries).

    `paper` itself need not be published (a preview shows its neighbours too).
    """
    from .models import PaperPage

    parent_path = paper.path[: -paper.steplen]
    siblings = PaperPage.objects.filter(path__startswith=parent_path, depth=paper.depth)
    published = public(siblings.live())
    listed = siblings.filter(Q(pk__in=published.values("pk")) | Q(pk=paper.pk))
    order = list(in_programme_order(listed).values_list("pk", flat=True))
    if paper.pk not in order:
        return None, None
    place = order.index(paper.pk)
    previous = order[place - 1] if place else None
    following = order[place + 1] if place + 1 < len(order) else None
    wanted = [pk for pk in (previous, following) if pk]
    found = published.defer_streamfields().in_bulk(wanted) if wanted else {}
    return found.get(previous), found.get(following)


# -- telling sitemaps and CDNs what changed --------------------------------


def symposia_showing(page, inclusive=False):
    """Ids of the symposia above `page` (and `page` itself if inclusive), in one query.

    A symposium's own publish needs no stamp: its `cache_key` has its publication time.
    """
    from .models import SymposiumPage

    step = page.steplen
    end = len(page.path) + (step if inclusive else 0)
    ancestry = [page.path[:length] for length in range(step, end, step)]
    return set(SymposiumPage.objects.filter(path__in=ancestry).values_list("pk", flat=True))


def symposia_linked_from(page):
    """Ids of the symposia `page` links to (one query): it is among their related news,
    which the plan caches with its other fragments."""
    from .models import SymposiumPage

    targets = (
        ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type_id=ReferenceIndex._get_base_content_type(SymposiumPage))
        .annotate(target_id=Cast("to_object_id", IntegerField()))
        .values("target_id")
    )
    return set(SymposiumPage.objects.filter(pk__in=targets).values_list("pk", flat=True))


def touch_symposia(ids):
    """Marks the plans whose published lists changed (sitemap lastmod, cache_key, CDN)."""
    from .models import SymposiumPage

    ids = [pk for pk in ids if pk]
    if not ids:
        return
    # Translations of a plan list the same invitations and papers: marked with it.
    keys = SymposiumPage.objects.filter(pk__in=ids).values("translation_key")
    SymposiumPage.objects.filter(translation_key__in=keys).update(public_changed_at=timezone.now())
    _purge_frontend_cache(ids)


def _purge_frontend_cache(ids):
    """Behind a CDN (wagtail.contrib.frontend_cache), the plan, its feed and units page too."""
    from django.apps import apps

    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    from .models import InvitedUnitsPage, SymposiumPage

    batch = PurgeBatch()
    keys = SymposiumPage.objects.filter(pk__in=ids).values("translation_key")
    for symposium in SymposiumPage.objects.filter(translation_key__in=keys).live():
        batch.add_page(symposium)
        for units_page in InvitedUnitsPage.objects.child_of(symposium).live():
            batch.add_page(units_page)
    batch.purge()
