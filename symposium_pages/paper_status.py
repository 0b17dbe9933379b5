"""A paper's status as database expressions, for filtering and counting in one query.

The same rules as `PaperPage.status` and `Invitation.status`, read from the
same Wagtail tables (the page's `live` flag, scheduled revisions, workflow and
task states) — nothing is stored. `tests/symposium_pages/test_workflow_status.py`
checks that both sides agree on every status.

A paper's deadline and page limit are its invitation's symposium's: these
expressions are meant for papers reached through an invitation.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState

from . import roles


def _object_id():
    # Revisions and workflow states key objects by a text id.
    return Cast(OuterRef("pk"), output_field=CharField())


def late_q():
    """Received on or after the deadline (a date in the site's time zone)."""
    return Q(
        received_at__isnull=False, received_on__gte=F("invitation__symposium__submission_deadline")
    )


def _with_received_on(papers):
    return papers.alias(
        received_on=TruncDate("received_at", tzinfo=timezone.get_current_timezone())
    )


def over_limit_q():
    return Q(pages__isnull=False, pages__gt=F("invitation__symposium__page_limit"))


def paper_status():
    """A Case giving each PaperPage row its `Invitation.Status` value.

    Use on a PaperPage queryset that has `received_on` (see `_with_received_on`).
    """
    from .models import Invitation

    Status = Invitation.Status
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=_object_id()
    )
    in_progress = states.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    scheduled = Revision.page_revisions.filter(
        object_id=_object_id(), approved_go_live_at__isnull=False
    )
    return Case(
        When(live=True, then=Value(Status.PUBLISHED)),
        When(Exists(scheduled), then=Value(Status.APPROVED)),
        When(
            Exists(states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)),
            then=Value(Status.CHANGES_REQUESTED),
        ),
        When(
            Exists(
                in_progress.filter(current_task_state__task__symposium_role__key=roles.VETTING_TASK)
            ),
            then=Value(Status.IN_VETTING),
        ),
        When(
            Exists(
                in_progress.filter(current_task_state__task__symposium_role__key=roles.RELEASE_TASK)
            ),
            then=Value(Status.IN_APPROVAL),
        ),
        When(Exists(in_progress), then=Value(Status.IN_REVIEW)),
        When(late_q(), then=Value(Status.LATE)),
        When(over_limit_q(), then=Value(Status.OVER_LIMIT)),
        default=Value(Status.RECEIVED),
        output_field=CharField(),
    )


def _latest_paper():
    """The invitation's latest paper (highest id), as `Invitation.latest_paper` picks it."""
    from .models import PaperPage

    return _with_received_on(PaperPage.objects.filter(invitation=OuterRef("pk")).order_by("-pk"))


def invitation_status():
    """`Invitation.status` as an expression on an Invitation queryset."""
    from .models import Invitation

    Status = Invitation.Status
    return Coalesce(
        Subquery(_latest_paper().annotate(_status=paper_status()).values("_status")[:1]),
        Case(
            When(unit_id=F("symposium__organiser_id"), then=Value(Status.ORGANISER)),
            When(expectation=Invitation.Expectation.ATTEND, then=Value(Status.ATTENDING)),
            default=Value(Status.INVITED),
        ),
        output_field=CharField(),
    )


def _latest_paper_flag(condition):
    flag = ExpressionWrapper(condition, output_field=BooleanField())
    return Coalesce(
        Subquery(_latest_paper().annotate(_flag=flag).values("_flag")[:1]),
        Value(False),
        output_field=BooleanField(),
    )


def invitation_late():
    """The invitation's latest paper came on or after the deadline (whatever its status)."""
    return _latest_paper_flag(late_q())


def invitation_over_limit():
    """The invitation's latest paper is longer than the page limit (whatever its status)."""
    return _latest_paper_flag(over_limit_q())
