"""The forms on a unit's desk."""

from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Your paper (.docx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
        error_messages={"required": _("Choose the .docx file of your paper.")},
    )


class PresenterForm(forms.Form):
    presenter_name = forms.CharField(label=_("Presenter"), max_length=255)
    presenter_position = forms.CharField(label=_("Position"), max_length=255)


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question or difficulty"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Write your question before sending it."),
            "max_length": _("Keep the question under %(limit_value)d characters."),
        },
    )
