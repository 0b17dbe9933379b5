"""Sweeping files that no record points to.

The intake stores the original and its pictures before the database transaction
commits, and deletes them again if it fails. A process killed outright (SIGKILL, a
gunicorn worker timeout, a power cut) cannot run that clean-up: the transaction is
rolled back, but the files stay. Neither can an editor who uploads a paper, looks at
the preview and walks away. `orphan_files` finds such files; `cleanup_orphans` (run
from cron or a scheduler on one machine) deletes them.

A file counts as an orphan only when no FileField of any model names it and it is
older than the grace period, so an intake still in progress is never touched. Only
the folders the add-on and Wagtail write into are looked at; it works on any storage
that lists directories and knows modification times (the disk, S3).
"""

import datetime
import posixpath
from dataclasses import dataclass

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

from .picture_storage import PRIVATE_DIR

# Wagtail's upload folders (documents, original images, renditions) and the add-on's
# private one (pictures of papers not yet released, their renditions; picture_storage.py).
SWEPT_FOLDERS = ("documents", "original_images", "images", PRIVATE_DIR)


@dataclass(frozen=True)
class Orphan:
    name: str
    size: int
    modified: datetime.datetime


def referenced_names():
    """Every file name held by a FileField (documents, images, renditions, exports…)."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and field.concrete:
                names.update(
                    model._base_manager.exclude(**{field.attname: ""})
                    .values_list(field.attname, flat=True)
                    .iterator()
                )
    return names


def _walk(storage, folder):
    try:
        directories, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield posixpath.join(folder, name)
    for directory in directories:
        yield from _walk(storage, posixpath.join(folder, directory))


def orphan_files(storage=None, *, grace=datetime.timedelta(hours=1), now=None):
    """Files in the swept folders that nothing references and that are older than `grace`.

    Pending uploads of the admin's receive view are orphans once their token has
    expired, whatever `grace` is.
    """
    from .views.receive import PENDING_DIR, TOKEN_MAX_AGE

    storage = storage or default_storage
    now = now or timezone.now()
    referenced = referenced_names()
    found = []
    folders = [(folder, grace) for folder in SWEPT_FOLDERS]
    folders.append((PENDING_DIR, max(grace, datetime.timedelta(seconds=TOKEN_MAX_AGE))))
    for folder, age in folders:
        for name in _walk(storage, folder):
            if name in referenced:
                continue
            modified = storage.get_modified_time(name)
            if timezone.is_naive(modified):
                modified = timezone.make_aware(modified, datetime.UTC)
            if now - modified >= age:
                found.append(Orphan(name, storage.size(name), modified))
    return sorted(found, key=lambda orphan: orphan.name)


def delete_orphans(orphans, storage=None):
    storage = storage or default_storage
    for orphan in orphans:
        storage.delete(orphan.name)
