"""The number that moves on whenever something readers may see changes."""

from django.db import models
from django.utils.translation import pgettext_lazy


class PublicVersion(models.Model):
    """One row. Every publish, unpublish, move or delete of a page, every change of a view
    restriction, a unit, an invitation, an image or a document moves it on, in the same
    transaction as the change (see `fragments.bump`).

    Cached fragments of public pages carry it in their keys: every worker reads it once
    per request from the database, so a change made anywhere (an admin view, a command,
    a scheduled publish, another server) is seen by all of them at once, whatever cache
    holds the fragments.
    """

    version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("symposium", "public version")
        verbose_name_plural = pgettext_lazy("symposium", "public versions")

    def __str__(self):
        return str(self.version)
