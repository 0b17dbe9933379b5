"""The Wagtail collections the add-on files papers into, made on first use."""

from django.db import transaction
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from . import conf, roles


def _child_collection(name):
    collection = _existing_child(name)
    if collection is None:
        return Collection.get_first_root_node().add_child(name=name), True
    return collection, False


def _existing_child(name):
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() if root is not None else None


@transaction.atomic
def originals_collection():
    """Private: the .docx files as received, for the editorial groups only, never the public."""
    from .moderation import set_up_collection

    collection, created = _child_collection(conf.get("SYMPOSIUM_ORIGINALS_COLLECTION"))
    restricted = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    ).exists()
    if created or not restricted:
        set_up_collection(collection, roles.ORIGINALS_PERMISSIONS, originals=True)
    return collection


def find_images_collection():
    """The pictures' collection if it has been made, without making it."""
    return _existing_child(conf.get("SYMPOSIUM_IMAGES_COLLECTION"))


@transaction.atomic
def images_collection():
    """The pictures taken out of papers; shown only where a published paper shows them."""
    from .moderation import set_up_collection

    collection, created = _child_collection(conf.get("SYMPOSIUM_IMAGES_COLLECTION"))
    if created:
        set_up_collection(collection, roles.IMAGES_PERMISSIONS)
    return collection


@transaction.atomic
def budget_collection():
    """Private: the budget's invoices, receipts and contracts, for the Office, the
    moderators and the editors only (roles.BUDGET_DOCUMENTS_*), never the public."""
    from .moderation import ensure_groups, set_up_collection

    collection, created = _child_collection(conf.get("SYMPOSIUM_BUDGET_COLLECTION"))
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    ).first()
    if created or restriction is None:
        set_up_collection(collection, roles.BUDGET_DOCUMENTS_PERMISSIONS)
        if restriction is None:
            restriction = CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=BaseViewRestriction.GROUPS
            )
        groups = ensure_groups()
        restriction.groups.add(*(groups[key] for key in roles.BUDGET_DOCUMENTS_READERS))
    return collection
