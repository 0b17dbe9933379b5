"""Validators for the numbered documents of the Party."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# "92-KH/TU", "92-KH/TƯ", "15-KH/ĐU": number, hyphen, KH (kế hoạch), slash, issuer.
PLAN_NUMBER_RE = re.compile(r"^[1-9]\d*-KH/[^\W\d_]{1,12}$")


def validate_plan_number(value):
    value = (value or "").strip()
    if not PLAN_NUMBER_RE.match(value) or value != value.upper():
        raise ValidationError(
            _(
                "Write the plan number in the Party form N-KH/XX, for example "
                "92-KH/TU (number, hyphen, KH, slash, issuer in capitals)."
            ),
            code="plan_number",
        )
