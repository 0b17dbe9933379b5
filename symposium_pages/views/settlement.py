"""The settlement of the budget as .docx, for whoever may read the budget.

The budget's own rule decides (budget_rights.can_read: the Office and the
moderators, who keep it, and the editors, who read it), checked here on the
server whatever button led to the URL. The document is small (a table of the
budget's lines): it is built while the user waits, as the report on results is.
"""

import datetime
import io

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import Button

from .. import budget_rights, settlement
from ..languages import originals
from ..models import SymposiumPage
from .documents import DOCX


def settlement_view(request, symposium_id):
    """The settlement as .docx, dated today (or ?date=YYYY-MM-DD)."""
    symposium = get_object_or_404(originals(SymposiumPage.objects), pk=symposium_id)
    if not budget_rights.can_read(request.user):
        raise PermissionDenied
    try:
        date = datetime.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        date = None
    data = settlement.settlement_docx(symposium.specific, date=date)
    return FileResponse(
        io.BytesIO(data),
        as_attachment=True,
        filename=settlement.settlement_file_name(symposium),
        content_type=DOCX,
    )


def settlement_button(user, symposium, priority=17):
    """The admin's button to the download, for those who may read the budget."""
    if not budget_rights.can_read(user):
        return None
    return Button(
        _("Budget settlement (.docx)"),
        reverse("symposium_pages_settlement", args=[symposium.pk]),
        icon_name="download",
        priority=priority,
    )
