"""Publishing in the demo: the news site's pages at once, a symposium's through its workflow.

A page of a symposium goes live only as a revision that completed "Duyệt tham luận"
(`symposium_pages/release.py`), so the demo's plan, units page, reports, coverage and
translations are submitted by its editor and approved by its reviewer and moderator,
as they would be in the admin; the rest of the site is published directly.
"""

from django.contrib.auth import get_user_model
from django.test import override_settings

from symposium_pages import roles
from symposium_pages.release import is_governed
from symposium_pages.vetting import judgement_data

# The workflow's steps that release a page: each task approved by its group, in order.
RELEASE = [(group, "approve", "") for _task, group in roles.TASKS]


def carry_out(page, steps, submitter, person):
    """Submits `page` and takes each step (group, action, comment[, judgement]) as
    `person(group)` would in the admin: Wagtail's own workflow, task by task."""
    state = page.get_workflow().start(page, submitter)
    for group, action, comment, *judged in steps:
        state.refresh_from_db()
        task_state = state.current_task_state
        # The vetting step judges by the plan's criteria: all met, unless the step says
        # which are not (a callable given the task state, returning judgement_data's words).
        extra = judged[0](task_state) if judged else {}
        task_state.task.specific.on_action(
            task_state.specific,
            person(group),
            action,
            **judgement_data(task_state, comment=comment, **extra),
        )
    return state


def publish(page, user=None):
    """The page's latest draft made live, by whichever road its place requires."""
    page = page.specific
    revision = page.save_revision(user=user)
    if not is_governed(page):
        revision.publish(user=user)
        return page
    # The demo's history is nobody's news: no notification e-mails while it is built.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        carry_out(page, RELEASE, _member(roles.EDITORS) or user, _member)
    page.refresh_from_db()
    return page


def _member(part):
    return (
        get_user_model()
        .objects.filter(groups__symposium_role__key=part, is_active=True)
        .order_by("pk")
        .first()
    )
