"""Wagtail's `public()` for the lists of one request, the view restrictions read once.

`PageQuerySet.public()` reads every PageViewRestriction each time it is called, and a
public page here calls it for its papers, its related news, its translations, the menu:
a query each. During a request (between Django's request_started and request_finished
signals, in the thread serving it) the restricted sections are read once and every list
excludes the same ones; outside a request (commands, tasks) `public()` is Wagtail's own.
"""

import threading

from django.db.models import Q

_request = threading.local()


def request_started(**kwargs):
    _request.active = True
    _request.restricted = None


def request_finished(**kwargs):
    _request.active = False
    _request.restricted = None


def public(queryset):
    """`queryset.public()`: the pages outside every private section."""
    if not getattr(_request, "active", False):
        return queryset.public()
    if _request.restricted is None:
        from wagtail.models import PageViewRestriction

        _request.restricted = [
            restriction.page for restriction in PageViewRestriction.objects.select_related("page")
        ]
    private = Q()
    for page in _request.restricted:
        private |= queryset.descendant_of_q(page, inclusive=True)
    return queryset.exclude(private) if private else queryset


def connect_signals():
    from django.core.signals import request_finished as finished
    from django.core.signals import request_started as started

    started.connect(request_started, dispatch_uid="symposium_pages.public.started")
    finished.connect(request_finished, dispatch_uid="symposium_pages.public.finished")
