"""Builders of plan pages for tests, valid unless told otherwise."""

import datetime

from symposium_pages.models import SymposiumPage
from symposium_pages.vetting import judgement_data


def plan_fields(**overrides):
    fields = {
        "title": "Tọa đàm thử nghiệm",
        "slug": "toa-dam-thu",
        "plan_number": "92-KH/TU",
        "issuing_body": "Ban Thường vụ Tỉnh ủy Gia Lai",
        "issuing_place": "Gia Lai",
        "issued_on": datetime.date(2022, 8, 10),
        "event_period": "cuối tháng 8 năm 2022",
        "event_period_start": datetime.date(2022, 8, 21),
        "page_limit": 7,
        "submission_deadline": datetime.date(2022, 8, 19),
        "receiving_department": "Ban Tuyên giáo Tỉnh ủy",
    }
    fields.update(overrides)
    return fields


def make_plan(parent, **overrides):
    page = SymposiumPage(**plan_fields(**overrides))
    parent.add_child(instance=page)
    return release(page)


def release(page, user=None, *, save=True):
    """Publishes `page` the only way a page of a symposium goes live: through its workflow.

    A revision of `page` as it is in memory is saved (with `save=False`, the latest
    revision is taken as it is), submitted, and every task
    approved in turn by `user` (a superuser made here if none is given), as the demo's
    reviewer and moderator would in the admin; go-live times on the page are kept.
    """
    from django.contrib.auth import get_user_model

    if user is None:
        User = get_user_model()
        user = User.objects.filter(username="release-bot").first() or (
            User.objects.create_superuser("release-bot", "", None)
        )
    page = page.specific
    if save or page.latest_revision_id is None:
        page.save_revision(user=user)
    workflow = page.get_workflow()
    assert workflow is not None, f"{page} has no workflow to release it through"
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    state = workflow.start(page, user)
    while state.status == state.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        task_state.task.specific.on_action(
            task_state.specific, user, "approve", **judgement_data(task_state)
        )
        state.refresh_from_db()
    page.refresh_from_db()
    return page
