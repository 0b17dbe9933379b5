"""A unit's private way in to its desk: a link per invitation, kept only as a hash.

Editors see the token once, when it is issued; the database holds its SHA-256,
so a copy of the database opens no desk. Issuing again revokes the earlier link;
revoked links stay as the record of who was given what, and when.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

TOKEN_BYTES = 24  # 192 bits, above the 128 the desk promises


def token_hash(token):
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


class DeskLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class DeskLink(models.Model):
    invitation = models.ForeignKey(
        "symposium_pages.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="desk_links",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(
        pgettext_lazy("desk link", "revoked at"), null=True, blank=True
    )

    objects = DeskLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("desk link")
        verbose_name_plural = _("desk links")
        constraints = [
            models.UniqueConstraint(
                fields=["invitation"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_active_desk_link_per_invitation",
            )
        ]

    def __str__(self):
        return f"{self.invitation} ({self.issued_at:%Y-%m-%d %H:%M})"

    @classmethod
    @transaction.atomic
    def issue(cls, invitation, user=None):
        """A new link for `invitation`, the earlier one revoked; returns (link, token)."""
        cls.revoke_all(invitation)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        link = cls.objects.create(
            invitation=invitation, token_hash=token_hash(token), issued_by=user
        )
        return link, token

    @classmethod
    def revoke_all(cls, invitation):
        return cls.objects.active().filter(invitation=invitation).update(revoked_at=timezone.now())

    @classmethod
    def find(cls, token):
        """The active link of `token`, with its invitation, or None."""
        if not token or len(token) > 100:
            return None
        return (
            cls.objects.active()
            .select_related("invitation__unit", "invitation__symposium")
            .filter(token_hash=token_hash(token))
            .first()
        )


class DeskThrottle(models.Model):
    """Requests counted per key (a link or an address) in a fixed window, shared by all workers."""

    key = models.CharField(max_length=100, unique=True)
    window_start = models.DateTimeField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("desk request count")
        verbose_name_plural = _("desk request counts")

    def __str__(self):
        return f"{self.key}: {self.hits}"
