"""Where each open symposium stands: the numbers of the admin dashboard.

Counted by the database from Wagtail's own tables in one query for all the
symposia (see `paper_status`); nothing is stored.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone

from .exact_counts import invitation_count_status, invitation_verdict_changed
from .languages import originals
from .models import ExactPageCount, Invitation, PaperPage, SymposiumPage
from .paper_status import invitation_late, invitation_over_limit, invitation_status


@dataclass
class Progress:
    symposium: SymposiumPage
    invited: int = 0
    received: int = 0
    late: int = 0
    over_limit: int = 0
    missing: int = 0
    counting: int = 0  # latest upload's pages still being counted by LibreOffice
    verdict_changed: int = 0  # the exact count put the paper on the other side of the limit
    statuses: Counter = field(default_factory=Counter)
    today: datetime.date | None = None

    @property
    def days_left(self):
        """Days until the deadline (0 on the deadline itself, negative after), or None."""
        deadline = self.symposium.submission_deadline
        if deadline is None or self.today is None:
            return None
        return (deadline - self.today).days

    def count(self, status):
        return self.statuses[status]


def open_symposia(today=None):
    """Symposia still in progress: not yet held (or no date known), or with a paper
    received from an invited unit and not yet published. Latest deadline first."""
    today = today or timezone.localdate()
    unpublished = PaperPage.objects.filter(invitation__symposium=OuterRef("pk"), live=False)
    symposia = (
        originals(SymposiumPage.objects)
        .annotate(_unpublished=Exists(unpublished))
        .order_by("-submission_deadline", "-pk")
    )
    return [
        symposium
        for symposium in symposia
        if symposium._unpublished or symposium.event_date is None or symposium.event_date >= today
    ]


def progress(symposia, today=None):
    """A Progress for each symposium, in the order given."""
    today = today or timezone.localdate()
    results = {symposium.pk: Progress(symposium=symposium, today=today) for symposium in symposia}
    rows = (
        Invitation.objects.filter(symposium__in=list(results))
        .annotate(
            _status=invitation_status(),
            _late=invitation_late(),
            _over_limit=invitation_over_limit(),
            _received=Exists(PaperPage.objects.filter(invitation=OuterRef("pk"))),
            _count=invitation_count_status(),
            _verdict=invitation_verdict_changed(),
        )
        .values_list(
            "symposium_id", "_status", "_late", "_over_limit", "_received", "_count", "_verdict"
        )
    )
    for symposium_id, status, late, over_limit, received, count, verdict in rows:
        item = results[symposium_id]
        item.invited += 1
        item.received += bool(received)
        item.late += bool(late)
        item.over_limit += bool(over_limit)
        item.missing += status == Invitation.Status.INVITED
        item.counting += count == ExactPageCount.Status.COUNTING
        item.verdict_changed += bool(verdict)
        item.statuses[status] += 1
    return list(results.values())
