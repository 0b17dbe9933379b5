"""Which group, workflow and task plays each part of the editorial workflow.

The add-on made them under Vietnamese names (`roles.NAMES`), but a newsroom may
rename them in the admin; the add-on finds them through this table, never by
name. A part whose group, workflow or task was deleted loses its row, and the
next symposium makes the part afresh.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import pgettext_lazy

from .. import roles


def _playing(model):
    """The link to what plays the part; deleting the thing ends the part."""
    return models.OneToOneField(
        model, null=True, blank=True, on_delete=models.CASCADE, related_name="symposium_role"
    )


class EditorialRole(models.Model):
    key = models.CharField(
        pgettext_lazy("editorial role", "part"),
        max_length=20,
        unique=True,
        choices=[(key, name) for key, name in roles.NAMES.items()],
    )
    group = _playing("auth.Group")
    workflow = _playing("wagtailcore.Workflow")
    task = _playing("wagtailcore.Task")

    class Meta:
        verbose_name = pgettext_lazy("editorial role", "editorial part")
        verbose_name_plural = pgettext_lazy("editorial role", "editorial parts")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(group__isnull=False, workflow__isnull=True, task__isnull=True)
                    | Q(group__isnull=True, workflow__isnull=False, task__isnull=True)
                    | Q(group__isnull=True, workflow__isnull=True, task__isnull=False)
                ),
                name="symposium_role_plays_one_thing",
            )
        ]

    def __str__(self):
        return self.get_key_display()
