"""The admin's "receive paper" (Nhận tham luận): upload, look, confirm.

Step one checks the upload with the intake service; a refused file is not
kept. An accepted file waits in storage under a signed token while the
editor reads what was extracted; confirming files it as a draft revision.

Neither step runs LibreOffice: the pages are estimated from the layout, and the
exact count is a background task queued on confirming (`exact_counts.py`), so an
editor's upload never takes a reader's CPU for seconds inside a web worker.
"""

import uuid

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from ..forms import ReceivePaperForm
from ..languages import originals
from ..models import ExactPageCount, Invitation, SymposiumPage, Unit
from ..paper_structure import hints_for_check
from ..printing import libreoffice_available
from ..receiving import PaperRefused, check_for_symposium, receive_paper

PENDING_DIR = "symposium_pages/pending"
TOKEN_SALT = "symposium_pages.receive"
TOKEN_MAX_AGE = 6 * 3600


def _symposium_for(request, symposium_id):
    symposium = get_object_or_404(originals(SymposiumPage.objects), pk=symposium_id)
    if not symposium.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return symposium


def _context(symposium, **extra):
    return {
        "symposium": symposium,
        "page_title": _("Receive a paper"),
        "page_subtitle": symposium.title,
        "header_title": _("Receive a paper"),
        "header_icon": "doc-full-inverse",
        **extra,
    }


def receive_paper_view(request, symposium_id):
    symposium = _symposium_for(request, symposium_id)
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, symposium)
    form = ReceivePaperForm(request.POST or None, request.FILES or None, symposium=symposium)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        result = check_for_symposium(symposium, data, upload.name, method="estimate")
        if result.errors:
            for message in result.errors:
                form.add_error("file", str(message))
        else:
            token = _keep_pending(data, upload.name, form.cleaned_data)
            invitation = form.cleaned_data["invitation"]
            unit = invitation.unit if invitation else form.cleaned_data["unit"]
            return TemplateResponse(
                request,
                "symposium_pages/admin/receive_preview.html",
                _context(
                    symposium,
                    result=result,
                    structure_hints=hints_for_check(symposium, result),
                    token=token,
                    unit=unit,
                    new_invitation=invitation is None,
                    existing_paper=invitation.papers.first() if invitation else None,
                    presenter_name=form.cleaned_data["presenter_name"],
                    presenter_position=form.cleaned_data["presenter_position"],
                    exact_count_coming=libreoffice_available(),
                ),
            )
    return TemplateResponse(
        request, "symposium_pages/admin/receive_paper.html", _context(symposium, form=form)
    )


def _keep_pending(data, filename, cleaned):
    path = default_storage.save(f"{PENDING_DIR}/{uuid.uuid4().hex}.docx", ContentFile(data))
    invitation = cleaned["invitation"]
    return signing.dumps(
        {
            "path": path,
            "filename": filename,
            "invitation": invitation.pk if invitation else None,
            "unit": None if invitation else cleaned["unit"].pk,
            "presenter_name": cleaned["presenter_name"],
            "presenter_position": cleaned["presenter_position"],
        },
        salt=TOKEN_SALT,
    )


def _confirm(request, symposium):
    try:
        pending = signing.loads(request.POST["token"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        messages.error(request, _("This upload has expired. Please upload the file again."))
        return redirect("symposium_pages_receive_paper", symposium.pk)
    path = pending["path"]
    if not path.startswith(f"{PENDING_DIR}/") or not default_storage.exists(path):
        messages.error(request, _("This upload has expired. Please upload the file again."))
        return redirect("symposium_pages_receive_paper", symposium.pk)
    if "cancel" in request.POST:
        default_storage.delete(path)
        messages.info(request, _("The upload was discarded; nothing was stored."))
        return redirect("wagtailadmin_explore", symposium.pk)
    with default_storage.open(path, "rb") as handle:
        data = handle.read()
    invitation = unit = None
    if pending["invitation"]:
        invitation = get_object_or_404(Invitation, pk=pending["invitation"], symposium=symposium)
    else:
        unit = get_object_or_404(Unit, pk=pending["unit"])
    try:
        receipt = receive_paper(
            symposium,
            data=data,
            filename=pending["filename"],
            unit=unit,
            invitation=invitation,
            presenter_name=pending["presenter_name"],
            presenter_position=pending["presenter_position"],
            user=request.user,
            count_in_background=True,
        )
    except PaperRefused as refusal:
        for message in refusal.result.errors:
            messages.error(request, str(message))
        return redirect("symposium_pages_receive_paper", symposium.pk)
    finally:
        default_storage.delete(path)
    if receipt.created_paper:
        messages.success(request, _("Paper received: a draft page was created."))
    else:
        messages.success(request, _("Paper received again: a new revision was saved."))
    if receipt.submission.exact_count.status == ExactPageCount.Status.COUNTING:
        messages.info(
            request,
            _(
                "%(pages)s pages, estimated from the layout; LibreOffice is counting them "
                "exactly and the paper will show the result."
            )
            % {"pages": receipt.result.pages},
        )
    for warning in receipt.warnings:
        messages.warning(request, warning)
    return redirect(reverse("wagtailadmin_pages:edit", args=[receipt.paper.pk]))
