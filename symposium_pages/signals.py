"""Signal receivers, connected in the app config's ready()."""

from .moderation import set_up_symposium


def symposium_created(sender, instance, created, raw=False, **kwargs):
    """Every new symposium runs the two-step workflow, however it was made.

    post_save covers the admin's create view, code (`add_child`), copies and
    translations alike, which a page hook such as `after_create_page` would not.
    """
    if created and not raw:
        set_up_symposium(instance)


# -- what readers see: fresh lists after a publish -------------------------


def public_page_changed(sender, instance, **kwargs):
    """A page was published, withdrawn or deleted: the plans that list it (above it, or
    linked from it: their related news) are stamped."""
    from .reading import symposia_linked_from, symposia_showing, touch_symposia

    if getattr(instance, "path", None):
        touch_symposia(symposia_showing(instance) | symposia_linked_from(instance))


def public_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    from .reading import symposia_showing, touch_symposia

    touch_symposia(
        symposia_showing(parent_page_before, inclusive=True)
        | symposia_showing(parent_page_after, inclusive=True)
    )


def invitation_changed(sender, instance, **kwargs):
    from .reading import touch_symposia

    touch_symposia([instance.symposium_id])


def unit_changed(sender, instance, raw=False, **kwargs):
    from .models import Invitation
    from .reading import touch_symposia

    if not raw:
        touch_symposia(
            Invitation.objects.filter(unit=instance).values_list("symposium_id", flat=True)
        )


def child_count_restored(sender, instance, **kwargs):
    """Puts back a page's count of children that its publish wrote over.

    wagtail-localize publishes a new translation once the transaction commits, from the
    page as it was when the translation was made; with *Include subtree* the papers'
    translations are made in between, and the publish writes numchild 0 over the plan:
    the admin's explorer then shows the English plan without its papers.
    """
    from wagtail.models import Page

    if instance.numchild or not getattr(instance, "path", None):
        return
    count = Page.objects.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    if count:
        Page.objects.filter(pk=instance.pk).update(numchild=count)
        instance.numchild = count


def connect_reading_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import Invitation, Unit

    uid = "symposium_pages.reading"
    page_published.connect(public_page_changed, dispatch_uid=f"{uid}.published")
    page_published.connect(child_count_restored, dispatch_uid=f"{uid}.child-count")
    page_unpublished.connect(public_page_changed, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(public_page_moved, dispatch_uid=f"{uid}.moved")
    post_delete.connect(_page_deleted, dispatch_uid=f"{uid}.deleted")
    post_save.connect(invitation_changed, sender=Invitation, dispatch_uid=f"{uid}.invitation")
    post_delete.connect(
        invitation_changed, sender=Invitation, dispatch_uid=f"{uid}.invitation-deleted"
    )
    post_save.connect(unit_changed, sender=Unit, dispatch_uid=f"{uid}.unit")

    # Pictures of papers: public while a live page shows them, private otherwise.
    from .picture_release import connect_signals as connect_picture_signals

    connect_picture_signals()


def _page_deleted(sender, instance, **kwargs):
    """A live page deleted (its specific row; the base Page row follows with sender Page)."""
    from wagtail.models import Page

    if sender is not Page and isinstance(instance, Page) and instance.live:
        public_page_changed(sender, instance)
