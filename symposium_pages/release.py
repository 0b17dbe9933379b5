"""The one rule for release: a page of a symposium goes live only as a revision that
completed its workflow ("Duyệt tham luận"), whoever asks and by whichever door.

Wagtail lets anyone who holds the publish right skip a workflow, and its doors reach
the database by different roads: the edit view runs `PublishPageRevisionAction`
itself, `Revision.publish()` goes through the page's `publish()`, copies and
translations create rows that are live already. What every road shares is the save
of the page row (and, for a scheduled go-live, of the revision row), so the rule is
kept there (`models/release.py`, and `revision_scheduled` below), and the
permission tester (`ReleaseTester`) makes the admin offer no door that would be
refused. Unpublishing is never held back: a takedown must not wait.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from wagtail.models import PagePermissionTester, WorkflowState


class ReleaseRefused(PermissionDenied):
    """A publish or go-live of a revision that has not completed the workflow."""

    def __init__(self, message=None):
        super().__init__(message or refusal_message())


def refusal_message():
    return _(
        "This page belongs to a symposium: it goes public only as a version that has "
        "passed every step of the workflow (content vetting, then release approval). "
        "Submit it to the workflow; moderators release it by approving the last step."
    )


def _approved_states(page_id, revision_id):
    return WorkflowState.objects.filter(
        object_id=page_id,
        status=WorkflowState.STATUS_APPROVED,
        current_task_state__revision_id=revision_id,
    )


def completed_workflow(page_id, revision_id):
    """Whether the revision is the one a workflow of this page finished on (approved)."""
    if not (page_id and revision_id):
        return False
    return _approved_states(str(page_id), revision_id).exists()


def unreleased(pages):
    """The live pages of a queryset whose live revision no workflow released, in one query."""
    released = _approved_states(Cast(OuterRef("pk"), CharField()), OuterRef("live_revision_id"))
    return pages.live().exclude(Exists(released))


def is_governed(page):
    """Whether the page is a symposium or lies under one (any page type, any locale)."""
    from .models.release import ReleaseRuleMixin
    from .models.symposium import SymposiumPage

    if isinstance(page, ReleaseRuleMixin):
        return True
    if not getattr(page, "path", ""):
        return False
    return SymposiumPage.objects.ancestor_of(page, inclusive=True).exists()


def check_page_release(page, update_fields=None):
    """Raises ReleaseRefused if saving `page` would put an unvetted revision live."""
    if not page.live or page._state.adding:
        return
    if update_fields is not None and not {"live", "live_revision"} & set(update_fields):
        return  # e.g. save_revision()'s own save: neither field is written
    from wagtail.models import Page

    before = Page.objects.filter(pk=page.pk).values_list("live", "live_revision_id").first()
    if before is not None and before == (True, page.live_revision_id):
        return  # nothing goes live that was not live already
    if page.alias_of_id:
        if not alias_source_released(page):
            raise ReleaseRefused()
    elif not completed_workflow(page.pk, page.live_revision_id):
        raise ReleaseRefused()


def alias_source_released(page):
    """An alias has no revisions: it shows its source's live content, released or not."""
    from wagtail.models import Page

    source = Page.objects.filter(pk=page.alias_of_id, live=True).values_list(
        "pk", "live_revision_id"
    )
    return any(completed_workflow(pk, revision_id) for pk, revision_id in source)


def revision_scheduled(sender, instance, raw=False, **kwargs):
    """pre_save of a Revision: a go-live time is set only on a revision the workflow released."""
    if raw or instance.approved_go_live_at is None:
        return
    from wagtail.models import Page

    from .models.release import ReleaseRuleMixin

    model = instance.content_type.model_class() if instance.content_type_id else None
    if model is None or not issubclass(model, Page):
        return
    if instance.pk:
        from wagtail.models import Revision

        before = (
            Revision.objects.filter(pk=instance.pk)
            .values_list("approved_go_live_at", flat=True)
            .first()
        )
        if before == instance.approved_go_live_at:
            return
    if not issubclass(model, ReleaseRuleMixin):
        page = Page.objects.filter(pk=instance.object_id).first()
        if page is None or not is_governed(page):
            return
    if not completed_workflow(instance.object_id, instance.pk):
        raise ReleaseRefused()


def page_moving(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """pre_page_move: a live page moved into a symposium must be live as a released revision."""
    if parent_page_after is None or not is_governed(parent_page_after):
        return
    if unreleased(instance.get_descendants(inclusive=True)).exists():
        raise ReleaseRefused(
            _(
                "A page that went public without this symposium's workflow cannot be "
                "moved into it while it is public. Unpublish it first, then submit it "
                "to the workflow."
            )
        )


class ReleaseTester(PagePermissionTester):
    """Page rights under the release rule: no bare publish, unpublishing unchanged.

    `can_publish` stays true only in the moment a finished workflow publishes the
    revision it approved (Wagtail's `publish_workflow_state` asks it), so the admin
    never offers *Publish*, *Publish* in bulk or "publish copies" under a symposium.
    Deleting a paper that holds received originals is a moderator's right only.
    """

    def can_publish(self):
        return super().can_publish() and self._releasing()

    def can_publish_subpage(self):
        return False

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser or "publish" in self.permissions:
            return True
        return not holds_originals(self.page)

    def _releasing(self):
        if not hasattr(self, "_releasing_now"):
            page = self.page
            revision_id = page.latest_revision_id
            # One query: finished on the latest revision, and not already scheduled by it.
            self._releasing_now = (
                revision_id is not None
                and revision_id != page.live_revision_id
                and _approved_states(str(page.pk), revision_id)
                .filter(current_task_state__revision__approved_go_live_at__isnull=True)
                .exists()
            )
        return self._releasing_now


def holds_originals(page):
    """Whether the page or a page under it keeps a received original (PaperSubmission)."""
    from .models import PaperPage, PaperSubmission

    papers = PaperPage.objects.descendant_of(page, inclusive=True)
    return PaperSubmission.objects.filter(paper__in=papers).exists()


def connect_signals():
    from django.db.models.signals import pre_save
    from wagtail.models import Revision
    from wagtail.signals import pre_page_move

    uid = "symposium_pages.release"
    pre_save.connect(revision_scheduled, sender=Revision, dispatch_uid=f"{uid}.scheduled")
    pre_page_move.connect(page_moving, dispatch_uid=f"{uid}.moving")
