"""Wagtail's sign-in form, with its password field named in the admin's language.

Wagtail 8.0's LoginForm declares `password` again without a label, so Django names the
field after its attribute: "Password", in English whatever the language. Django's own
sign-in form has the translated label; this form takes it.
"""

from django.contrib.auth.forms import AuthenticationForm
from wagtail.admin.forms.auth import LoginForm


class NewsroomLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = AuthenticationForm.base_fields["password"].label
