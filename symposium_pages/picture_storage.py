"""Where the pictures taken out of papers are kept, and the storage of their renditions.

A picture of a paper not yet released lives under `PRIVATE_DIR` of the media storage,
a folder the front server never serves, under a random name (128 bits) whose stem
starts with `PRIVATE_MARK`. Wagtail names a rendition after its image's stem and puts
it in `images/`; `RenditionStorage` (the host's `WAGTAILIMAGES_RENDITION_STORAGE`)
files the renditions of private pictures in `PRIVATE_DIR/images/` instead and gives
them the address of the checked view, so the editors' previews and choosers show
them and nobody else can. A released picture gets a fresh random name in
`original_images/`, without the mark, and its renditions are made again in `images/`
(see `picture_release.py`).
"""

import posixpath
import secrets

from django.core.files.storage import Storage, storages
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

PRIVATE_DIR = "symposium_private"
PRIVATE_MARK = "private-"
PUBLIC_ORIGINALS_DIR = "original_images"
# The only folders of MEDIA_ROOT a front server may serve (README, "Running in production").
PUBLIC_MEDIA_DIRS = (PUBLIC_ORIGINALS_DIR, "images")


def _token():
    return secrets.token_hex(16)


def _extension(filename):
    return posixpath.splitext(filename)[1].lower()[:6]


def private_original_name(filename):
    """A fresh private name for a picture, keeping the extension of `filename`."""
    stem = f"{PRIVATE_MARK}{_token()}"
    return f"{PRIVATE_DIR}/{PUBLIC_ORIGINALS_DIR}/{stem}{_extension(filename)}"


def public_original_name(filename):
    """A fresh public name: 32 hex digits, short enough that every rendition keeps them all."""
    return f"{PUBLIC_ORIGINALS_DIR}/{_token()}{_extension(filename)}"


def is_private(name):
    return (name or "").startswith(f"{PRIVATE_DIR}/")


def _of_private_picture(name):
    return posixpath.basename(name).startswith(PRIVATE_MARK)


def forget_stale_renditions(image, *specs):
    """Drops cached renditions of `image` made before it was moved; returns `image`.

    Wagtail keys its rendition cache by the image's id and content hash, which a move
    to or from the private folder leaves as they were. The process that moves a picture
    empties its own cache (and a shared one), but another worker's local-memory cache
    could go on handing out a rendition whose file is gone, for instance the private one
    a moderator previewed just before releasing the paper. A rendition is named after
    its image's stem, so one that does not start with the current stem is stale.

    For template tags, which look the renditions up themselves; code that asks for a
    rendition uses `fresh_rendition`, which checks the one it gets instead, for free.
    """
    from wagtail.images.models import Filter

    if image is None or not specs:
        return image
    Rendition = image.get_rendition_model()
    keys = [
        Rendition.construct_cache_key(image, Filter(spec=spec).get_cache_key(image), spec)
        for spec in specs
    ]
    cached = Rendition.cache_backend.get_many(keys)
    stale = [key for key, rendition in cached.items() if not _named_after(image, rendition)]
    if stale:
        Rendition.cache_backend.delete_many(stale)
    return image


def fresh_rendition(image, spec):
    """`image.get_rendition(spec)`, but never a stale one (see `forget_stale_renditions`)."""
    rendition = image.get_rendition(spec)
    if not _named_after(image, rendition):
        rendition.purge_from_cache()
        rendition = image.get_rendition(spec)
    return rendition


def _named_after(image, rendition):
    stem = posixpath.splitext(posixpath.basename(image.file.name))[0][:20]
    return posixpath.basename(rendition.file.name).startswith(stem)


@deconstructible
class RenditionStorage(Storage):
    """Wagtail's rendition storage: the media storage, with private pictures kept private.

    Everything is done by the storage named `alias` (the media storage by default);
    only the renditions of a private picture are named into `PRIVATE_DIR`, and their
    address is the checked view's.
    """

    def __init__(self, alias="default"):
        self.alias = alias

    @cached_property
    def inner(self):
        return storages[self.alias]

    def generate_filename(self, filename):
        name = self.inner.generate_filename(filename)
        if _of_private_picture(name) and not is_private(name):
            name = f"{PRIVATE_DIR}/{name}"
        return name

    def url(self, name):
        if is_private(name):
            return reverse(
                "symposium_pages_private_picture", args=[name.removeprefix(f"{PRIVATE_DIR}/")]
            )
        return self.inner.url(name)

    def save(self, name, content, max_length=None):
        return self.inner.save(name, content, max_length=max_length)

    def open(self, name, mode="rb"):
        return self.inner.open(name, mode)

    def get_valid_name(self, name):
        return self.inner.get_valid_name(name)

    def get_available_name(self, name, max_length=None):
        return self.inner.get_available_name(name, max_length=max_length)

    def delete(self, name):
        self.inner.delete(name)

    def exists(self, name):
        return self.inner.exists(name)

    def listdir(self, path):
        return self.inner.listdir(path)

    def size(self, name):
        return self.inner.size(name)

    def path(self, name):
        return self.inner.path(name)

    def get_accessed_time(self, name):
        return self.inner.get_accessed_time(name)

    def get_created_time(self, name):
        return self.inner.get_created_time(name)

    def get_modified_time(self, name):
        return self.inner.get_modified_time(name)
