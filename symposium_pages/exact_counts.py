"""The exact page count of a received paper, made after the editor has had the answer.

The admin's intake answers at once with the layout estimate; LibreOffice's count of
the same file (seconds of a whole CPU) runs as a background task, bounded on each
host by `SYMPOSIUM_SOFFICE_CONCURRENCY`. Its result goes to the upload's
`ExactPageCount`, then onto the paper: the paper row and the revisions made since
that upload that still carry the estimate take the exact figure, in place (the count
is a measurement of the file, not an edit: no new revision, no workflow step). An
editor's own figure is never overwritten.

A paper's pages stay "estimated" in the admin until then, and a paper whose exact
count crosses the page limit the other way is flagged (`CountState.verdict_changed`).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import (
    BooleanField,
    CharField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Revision

from . import conf
from .intake.libreoffice import PageCountUnavailable, find_soffice, render_pages
from .models import ExactPageCount, PaperPage, PaperSubmission
from .paper_status import _latest_paper, _latest_paper_flag
from .printing import libreoffice_available

logger = logging.getLogger(__name__)
Status = ExactPageCount.Status


# --- asking for a count, running it -----------------------------------------------------------


def record(submission, *, background):
    """The count record of a new upload; with `background`, queue the exact count.

    Called inside the intake's transaction: the task is queued once it commits, so the
    worker finds the upload (and with the immediate backend, runs after the commit).
    """
    if submission.page_count_method == "libreoffice":
        count = ExactPageCount.objects.create(
            submission=submission,
            status=Status.EXACT,
            exact_pages=submission.pages,
            counted_at=timezone.now(),
        )
    elif background and libreoffice_available():
        count = ExactPageCount.objects.create(submission=submission, status=Status.COUNTING)
        transaction.on_commit(lambda: enqueue(submission.pk))
    else:
        count = ExactPageCount.objects.create(submission=submission, status=Status.ESTIMATED)
    return count


def enqueue(submission_id):
    from .tasks import count_original_pages

    result = count_original_pages.enqueue(submission_id)
    ExactPageCount.objects.filter(pk=submission_id).update(task_result_id=result.id)
    return result


def count_exactly(submission_id):
    """The task's work: render the kept original with LibreOffice and store what it found."""
    count = (
        ExactPageCount.objects.select_related("submission__document")
        .filter(pk=submission_id)
        .first()
    )
    if count is None or count.status == Status.EXACT:
        return {"submission": submission_id, "status": count.status if count else None}
    soffice = find_soffice(conf.get("SYMPOSIUM_SOFFICE"))
    try:
        if soffice is None:
            raise PageCountUnavailable("LibreOffice not found", "missing")
        with count.submission.document.open_file() as handle:
            data = handle.read()
        pages = render_pages(data, soffice, conf.get("SYMPOSIUM_SOFFICE_TIMEOUT"))
    except (PageCountUnavailable, OSError) as problem:
        # the panel shows `error` to editors: their language, not soffice's
        if isinstance(problem, PageCountUnavailable):
            told = problem.user_message
        else:
            told = _("The original file could not be read.")
        ExactPageCount.objects.filter(pk=submission_id).update(
            status=Status.FAILED, error=told[:500], counted_at=timezone.now()
        )
        logger.warning("Exact page count of submission %s failed: %s", submission_id, problem)
        return {"submission": submission_id, "status": Status.FAILED}
    with transaction.atomic():
        ExactPageCount.objects.filter(pk=submission_id).update(
            status=Status.EXACT, exact_pages=pages, error="", counted_at=timezone.now()
        )
        apply_to_paper(count.submission, pages)
    return {"submission": submission_id, "status": Status.EXACT, "pages": pages}


def apply_to_paper(submission, pages):
    """Put the exact count where the upload's estimate is: its revisions, then the page row.

    Only what still carries this upload's estimate changes: the revisions from the
    upload's own up to the next upload's, and the page row if its content came from
    one of them (the page's first upload, or the revision that went live).
    """
    estimate = submission.pages
    if submission.page_count_method != "estimate" or None in (
        submission.revision_id,
        submission.paper_id,
    ):
        return []
    paper_id = submission.paper_id
    next_upload = (
        PaperSubmission.objects.filter(paper_id=paper_id, pk__gt=submission.pk)
        .exclude(revision=None)
        .order_by("pk")
        .values_list("revision_id", flat=True)
        .first()
    )
    revisions = Revision.page_revisions.filter(
        object_id=str(paper_id), pk__gte=submission.revision_id
    )
    if next_upload is not None:
        revisions = revisions.filter(pk__lt=next_upload)
    changed = []
    for revision in revisions.only("pk", "content"):
        content = revision.content
        if content.get("pages") == estimate and content.get("page_count_method") == "estimate":
            content.update(pages=pages, page_count_method="libreoffice")
            Revision.objects.filter(pk=revision.pk).update(content=content)
            changed.append(revision.pk)
    first_upload = not PaperSubmission.objects.filter(
        paper_id=paper_id, pk__lt=submission.pk
    ).exists()
    row_from_upload = Q(live_revision_id__in=changed)
    if first_upload:
        row_from_upload |= Q(live_revision=None)
    PaperPage.objects.filter(row_from_upload, pk=paper_id, pages=estimate).filter(
        page_count_method="estimate"
    ).update(pages=pages, page_count_method="libreoffice")
    return changed


def requeue_stale(older_than: datetime.timedelta, now=None):
    """Counts still "being counted" long after they were asked for (their worker was killed):
    queued again. The task does nothing for a count already made."""
    now = now or timezone.now()
    stale = list(
        ExactPageCount.objects.filter(
            status=Status.COUNTING, requested_at__lte=now - older_than
        ).values_list("pk", flat=True)
    )
    for submission_id in stale:
        ExactPageCount.objects.filter(pk=submission_id).update(requested_at=now)
        enqueue(submission_id)
    return stale


# --- what the admin shows ------------------------------------------------------------------------


def _latest_upload():
    return PaperSubmission.objects.filter(paper=OuterRef("pk")).order_by("-pk")


def verdict_changed_q(limit="paper__invitation__symposium__page_limit"):
    """On a PaperSubmission queryset: its exact count and its estimate disagree about the limit."""
    return Q(page_count_method="estimate", exact_count__status=Status.EXACT) & (
        Q(pages__lte=F(limit), exact_count__exact_pages__gt=F(limit))
        | Q(pages__gt=F(limit), exact_count__exact_pages__lte=F(limit))
    )


def with_count(papers):
    """PaperPage rows with their latest upload's count: `_count_status`, `_count_estimate`,
    `_count_exact` (see `count_state`)."""
    latest = _latest_upload()
    return papers.annotate(
        _count_status=Subquery(latest.values("exact_count__status")[:1]),
        _count_method=Subquery(latest.values("page_count_method")[:1]),
        _count_estimate=Subquery(latest.values("pages")[:1]),
        _count_exact=Subquery(latest.values("exact_count__exact_pages")[:1]),
    )


def invitation_count_status():
    """The latest paper's latest upload: its exact count's status (None before this record)."""
    status = Subquery(_latest_upload().values("exact_count__status")[:1])
    return Subquery(
        _latest_paper().annotate(_status=status).values("_status")[:1], output_field=CharField()
    )


def invitation_verdict_changed():
    """The latest paper's latest upload: its exact count crossed the page limit the other way."""
    flag = ExpressionWrapper(verdict_changed_q(), output_field=BooleanField())
    return _latest_paper_flag(Subquery(_latest_upload().annotate(_flag=flag).values("_flag")[:1]))


@dataclass(frozen=True)
class CountState:
    """How a paper's pages were counted, as the admin shows it."""

    status: str
    estimate: int | None
    exact: int | None
    limit: int | None

    @property
    def counting(self):
        return self.status == Status.COUNTING

    @property
    def verdict_changed(self):
        """ "over" or "within" when the exact count reversed the estimate's verdict, else ""."""
        if None in (self.estimate, self.exact, self.limit) or self.status != Status.EXACT:
            return ""
        if (self.estimate > self.limit) == (self.exact > self.limit):
            return ""
        return "over" if self.exact > self.limit else "within"


def latest_upload(paper):
    """A paper's latest upload, with its exact count; None if it has none."""
    return (
        PaperSubmission.objects.filter(paper=paper)
        .select_related("exact_count")
        .order_by("-pk")
        .first()
    )


def count_state(paper, limit=None, upload=None):
    """The CountState of a paper's latest upload: from `with_count`'s annotations if there,
    else from `upload` (the paper's `latest_upload`, read here when not given)."""
    if hasattr(paper, "_count_status"):
        status, method = paper._count_status, paper._count_method
        estimate, exact = paper._count_estimate, paper._count_exact
    else:
        upload = upload or latest_upload(paper)
        if upload is None:
            return None
        count = getattr(upload, "exact_count", None)
        status, method = (count.status if count else None), upload.page_count_method
        estimate, exact = upload.pages, (count.exact_pages if count else None)
    if status is None:  # an upload from before exact counts were recorded
        if method is None:
            return None
        status = Status.EXACT if method == "libreoffice" else Status.ESTIMATED
        exact = estimate if method == "libreoffice" else None
    if method != "estimate":
        estimate = None
    if limit is None:
        symposium = paper.get_symposium()
        limit = symposium.page_limit if symposium else None
    return CountState(status, estimate, exact, limit)
