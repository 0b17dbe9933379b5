"""The Wagtail collections the add-on files papers into, made on first use."""

from django.db import transaction
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from . import conf


def _child_collection(name):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    return collection


@transaction.atomic
def originals_collection():
    """Private: the .docx files as received are never served to the public."""
    collection = _child_collection(conf.get("SYMPOSIUM_ORIGINALS_COLLECTION"))
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.LOGIN
        )
    return collection


def images_collection():
    """The pictures taken out of papers; shown only where a published paper shows them."""
    return _child_collection(conf.get("SYMPOSIUM_IMAGES_COLLECTION"))
