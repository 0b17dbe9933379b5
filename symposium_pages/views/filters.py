"""Filters on an invitation's derived status, decided by the database (nothing stored)."""

import django_filters
from django.core.validators import EMPTY_VALUES
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..models import ExactPageCount, Invitation


class StatusFilter(django_filters.ChoiceFilter):
    """The status of the invitation's latest paper, as `Invitation.status` gives it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", capfirst(pgettext_lazy("symposium", "status")))
        kwargs.setdefault("choices", Invitation.Status.choices)
        kwargs.setdefault("empty_label", pgettext_lazy("symposium", "All"))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if value in EMPTY_VALUES:
            return queryset
        return queryset.filter_status(value)


class LateFilter(django_filters.BooleanFilter):
    """The latest paper came on or after the deadline, whatever its status now."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", capfirst(_("received late")))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if value is None:
            return queryset
        return queryset.filter_late(value)


class OverLimitFilter(django_filters.BooleanFilter):
    """The latest paper is longer than the page limit, whatever its status now."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", capfirst(_("over the page limit")))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if value is None:
            return queryset
        return queryset.filter_over_limit(value)


class PageCountFilter(django_filters.ChoiceFilter):
    """Where the exact count of the latest paper's latest upload stands."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", capfirst(_("exact page count")))
        kwargs.setdefault("choices", ExactPageCount.Status.choices)
        kwargs.setdefault("empty_label", pgettext_lazy("symposium", "All"))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if value in EMPTY_VALUES:
            return queryset
        return queryset.filter_page_count(value)


class VerdictChangedFilter(django_filters.BooleanFilter):
    """The exact count put the latest paper on the other side of the page limit."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", capfirst(_("exact count changed the verdict")))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if value is None:
            return queryset
        return queryset.filter_verdict_changed(value)
