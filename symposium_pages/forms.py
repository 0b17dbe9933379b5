"""Forms of the add-on's admin views."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import conf
from .models import Invitation, Unit


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
        self.fields["invitation"].queryset = symposium.invitations.select_related("unit").order_by(
            "unit__category", "unit__name"
        )
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
