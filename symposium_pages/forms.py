"""Forms of the add-on's admin views."""

from itertools import groupby

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from . import conf
from .categories import UnitCategory
from .models import Invitation, PaperPage, Unit


def invitation_choices(invitations):
    """The invitations as option groups, one per category in the plan's order; in each,
    the units that have sent nothing come first, and those that have sent are marked.

    `invitations` carry `_sent` and are in the plan's order (see `ReceivePaperForm`).
    """
    labels = dict(UnitCategory.choices)
    groups = []
    for category, items in groupby(invitations, key=lambda item: item.unit.category):
        items = sorted(items, key=lambda item: item._sent)  # stable: plan order within
        options = [
            (
                item.pk,
                pgettext("receive form", "%(unit)s (sent)") % {"unit": item.unit.name}
                if item._sent
                else item.unit.name,
            )
            for item in items
        ]
        groups.append((labels.get(category, category), options))
    return groups


class ReceivePaperForm(forms.Form):
    """Step one of "receive paper": whose paper, and the file."""

    invitation = forms.ModelChoiceField(
        label=_("Invited unit"),
        queryset=Invitation.objects.none(),
        required=False,
        empty_label=_("— choose an invited unit —"),
    )
    unit = forms.ModelChoiceField(
        label=_("…or a unit not yet invited"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("— none —"),
        help_text=_("The unit is added to the invitation list, with a warning."),
    )
    presenter_name = forms.CharField(label=_("Presenter"), max_length=255, required=False)
    presenter_position = forms.CharField(label=_("Position"), max_length=255, required=False)
    file = forms.FileField(
        label=_("Paper (.docx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )

    def __init__(self, *args, symposium, **kwargs):
        super().__init__(*args, **kwargs)
        self.symposium = symposium
        invitations = (
            symposium.invitations.select_related("unit")
            .annotate(_sent=Exists(PaperPage.objects.filter(invitation=OuterRef("pk"))))
            .in_plan_order()
        )
        field = self.fields["invitation"]
        field.queryset = invitations
        # Grouped labels of unit names only (an invitation's own name carries the plan's
        # title); the queryset still decides what a submitted value may be.
        field.choices = lambda: [("", field.empty_label), *invitation_choices(invitations)]
        self.fields["unit"].queryset = Unit.objects.filter(active=True).exclude(
            invitations__symposium=symposium
        )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("invitation")) == bool(cleaned.get("unit")):
            raise forms.ValidationError(
                _("Choose either an invited unit or a unit not yet invited (one of the two).")
            )
        upload = cleaned.get("file")
        if upload is not None:
            limit = conf.get("SYMPOSIUM_MAX_UPLOAD_MB")
            if upload.size > limit * 1024 * 1024:
                self.add_error(
                    "file",
                    _("The file is larger than %(limit)s MB, the most a paper may be.")
                    % {"limit": limit},
                )
        return cleaned
