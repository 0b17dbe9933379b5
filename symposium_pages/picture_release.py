"""Pictures of papers become public with the first live page that shows them, and go back.

A picture is public while some live page refers to it (the paper, its translations,
a coverage article that borrowed it), and private otherwise. The pages that refer to
an image are read from Wagtail's reference index, which holds what a page's row
holds: for a live page, its live version. After every publish, unpublish or delete
of a live page, `sync_pictures` moves what has to move:

- a private picture (kept under `PRIVATE_DIR`) that a live page shows is copied to
  `original_images/` under a fresh random name;
- a public picture of the pictures' collection that no live page shows any longer is
  copied back under `PRIVATE_DIR`, again under a fresh name, so an address read while
  it was public leads nowhere.

Either way its renditions are deleted (Wagtail makes them again, in the right folder,
when a page asks for them) and the old files are deleted once the transaction commits:
if it rolls back, the record still names a file that exists, and the new copy is left
to `cleanup_orphans`.
"""

import logging
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import router, transaction
from django.db.models import CharField
from django.db.models.deletion import Collector
from django.db.models.functions import Cast
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from .collections import find_images_collection
from .picture_storage import (
    PRIVATE_DIR,
    is_private,
    private_original_name,
    public_original_name,
)

logger = logging.getLogger(__name__)


def page_references():
    """The reference index's rows from pages (their row: the live version) to images."""
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_image_model()),
    )


def shown_image_keys():
    """The ids (as text, as the index keeps them) of images that a live page refers to."""
    live_pages = Page.objects.filter(live=True).annotate(key=Cast("pk", CharField())).values("key")
    return page_references().filter(object_id__in=live_pages).values("to_object_id")


@transaction.atomic
def sync_pictures():
    """Makes public the private pictures live pages show, and private those none shows."""
    images = get_image_model().objects.annotate(key=Cast("pk", CharField()))
    private = {"file__startswith": f"{PRIVATE_DIR}/"}
    shown = shown_image_keys()
    moved = _move(images.filter(key__in=shown, **private).select_for_update(), public_original_name)
    collection = find_images_collection()
    if collection is not None:
        hidden = images.filter(collection=collection).exclude(**private).exclude(key__in=shown)
        moved += _move(hidden.select_for_update(), private_original_name)
    return moved


def make_private(image):
    """Files one picture away under a private name (an upload into the pictures' collection)."""
    with transaction.atomic():
        return _move([image], private_original_name)


def _move(images, fresh_name):
    """Copies each picture to the name `fresh_name` gives; its renditions and old file go
    once committed. Returns the pictures moved (one that cannot be read stays where it is).

    Three queries however many pictures and renditions: the renditions, their deletion,
    the pictures' new names.
    """
    moved, old_files = [], []
    for image in images:
        storage, old_name = image.file.storage, image.file.name
        try:
            with storage.open(old_name, "rb") as handle:
                image.file.name = storage.save(fresh_name(old_name), handle)
        except OSError:
            logger.warning(
                "Picture %s (%s) cannot be read; it stays where it is.", image.pk, old_name
            )
            continue
        moved.append(image)
        old_files.append((storage, old_name))
    if not moved:
        return moved
    Image = type(moved[0])
    renditions = list(
        Image.get_rendition_model().objects.filter(image__in=moved).select_related("image")
    )
    # Wagtail also deletes a deleted rendition's file, but through its task queue, maybe
    # later; a public rendition of a withdrawn paper must go with the transaction.
    old_files += [(rendition.file.storage, rendition.file.name) for rendition in renditions]
    # Deleted with their signals, which empty Wagtail's rendition cache: the collector is
    # given the renditions with their pictures, where QuerySet.delete() would fetch them
    # again without, and each signal would then fetch its picture.
    if renditions:
        collector = Collector(using=router.db_for_write(Image))
        collector.collect(renditions)
        collector.delete()
    Image.objects.bulk_update(moved, ["file"])
    transaction.on_commit(partial(_delete_files, old_files))
    return moved


def _delete_files(files):
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not delete %s", name)


# -- signals ------------------------------------------------------------------


def page_published(sender, instance, **kwargs):
    with transaction.atomic():
        # The page's live version as the index will hold it, whatever the task queue does.
        ReferenceIndex.create_or_update_for_object(instance)
        sync_pictures()


def page_unpublished(sender, instance, **kwargs):
    sync_pictures()


def page_deleted(sender, instance, **kwargs):
    """A live page deleted (its specific row): sync once the whole deletion is done.

    The base rows of the pages deleted with it are still there, live, when this runs;
    a deletion always runs in a transaction, so `on_commit` comes after all of them.
    """
    if sender is not Page and isinstance(instance, Page) and instance.live:
        transaction.on_commit(sync_pictures)


def picture_saved(sender, instance, raw=False, **kwargs):
    """A picture of the pictures' collection that no live page shows is kept private.

    Covers what the intake does not store: an upload by hand into the collection, a
    file replaced in the image's page (Wagtail names it after the upload), a picture
    moved into the collection.
    """
    if raw or is_private(instance.file.name):
        return
    collection = find_images_collection()
    if collection is None or instance.collection_id != collection.pk:
        return
    if not shown_image_keys().filter(to_object_id=str(instance.pk)).exists():
        make_private(instance)


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published as published
    from wagtail.signals import page_unpublished as unpublished

    uid = "symposium_pages.pictures"
    published.connect(page_published, dispatch_uid=f"{uid}.published")
    unpublished.connect(page_unpublished, dispatch_uid=f"{uid}.unpublished")
    post_delete.connect(page_deleted, dispatch_uid=f"{uid}.deleted")
    post_save.connect(picture_saved, sender=get_image_model(), dispatch_uid=f"{uid}.uploaded")
