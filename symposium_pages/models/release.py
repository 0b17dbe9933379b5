"""The release rule on the add-on's page models (see `symposium_pages/release.py`)."""

from django.db import models

from ..release import ReleaseTester, alias_source_released, check_page_release


class ReleaseRuleMixin(models.Model):
    """A page of a symposium: live only as a revision its workflow released.

    Every publish ends in a save of the page row; so do copies and translations
    made live, and code that sets `live` by hand. A new page starts as a draft
    (Wagtail's default for `live` is true); an existing one refuses to put a
    revision live that did not complete the workflow.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding and self.live and not self._released_alias():
            # New pages, copies and translations made live start as drafts.
            self.live = False
            self.live_revision = None
            self.has_unpublished_changes = True
        check_page_release(self, kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def _released_alias(self):
        return bool(self.alias_of_id) and alias_source_released(self)

    def permissions_for_user(self, user):
        return ReleaseTester(user, self)
