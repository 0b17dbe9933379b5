"""The printed documents in the admin: the booklet (final or draft, .docx or .pdf) and the report.

Only staff download them: the editors of the symposium (anyone who may edit
its page) and the Office, which plans the budget; a draft booklet, which
prints papers not yet approved, only the former. Small booklets are built
while the editor waits; larger ones are built as a background task whose
progress page refreshes itself until the file is ready. The files are kept
in a storage served only through `booklet_download_view`.
"""

import datetime
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import printing, roles
from ..languages import originals
from ..models import BookletExport, SymposiumPage
from ..printing import libreoffice_available

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def can_print(user, symposium, *, draft=False):
    """Editors of the symposium may print everything; the Office the final booklet and report."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or symposium.permissions_for_user(user).can_edit():
        return True
    return not draft and user.groups.filter(symposium_role__key=roles.OFFICE).exists()


def _symposium_for(request, symposium_id, *, draft=False):
    symposium = get_object_or_404(originals(SymposiumPage.objects), pk=symposium_id)
    if not can_print(request.user, symposium, draft=draft):
        raise PermissionDenied
    return symposium


def _download(export, fmt):
    handle = printing.open_export_file(export, fmt)
    if handle is None:
        raise Http404
    stem = printing.file_stem(export.symposium, "tai-lieu-toa-dam", draft=export.draft)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{stem}.{fmt}",
        content_type=PDF if fmt == "pdf" else DOCX,
    )


def booklet_view(request, symposium_id):
    draft = request.GET.get("draft") == "1"
    fmt = "pdf" if request.GET.get("format") == "pdf" else "docx"
    symposium = _symposium_for(request, symposium_id, draft=draft)
    if fmt == "pdf" and not libreoffice_available():
        messages.error(
            request,
            _(
                "LibreOffice is not installed on the server: the booklet is only available as .docx."
            ),
        )
        return redirect("wagtailadmin_explore", symposium.pk)
    background = printing.needs_background(symposium, draft=draft)
    export = printing.start_booklet_export(
        symposium, user=request.user, draft=draft, with_pdf=fmt == "pdf", background=background
    )
    if not background and export.status == BookletExport.Status.DONE:
        if fmt == "pdf" and not export.pdf_path:
            messages.error(
                request,
                _("LibreOffice could not render the booklet: %(detail)s")
                % {"detail": export.detail},
            )
            return redirect("symposium_pages_booklet_export", export.pk)
        return _download(export, fmt)
    return redirect("symposium_pages_booklet_export", export.pk)


def _export_for(request, export_id):
    export = get_object_or_404(BookletExport.objects.select_related("symposium"), pk=export_id)
    if not can_print(request.user, export.symposium, draft=export.draft):
        raise PermissionDenied
    return export


def booklet_export_view(request, export_id):
    """The progress of a booklet being built, then the links to its files."""
    export = _export_for(request, export_id)
    symposium = export.symposium
    title = _("Draft booklet") if export.draft else _("Booklet")
    return TemplateResponse(
        request,
        "symposium_pages/admin/booklet_export.html",
        {
            "export": export,
            "symposium": symposium,
            "page_title": title,
            "page_subtitle": symposium.title,
            "header_title": title,
            "header_icon": "doc-full",
            "refresh": not export.is_finished,
            "docx_url": reverse("symposium_pages_booklet_download", args=[export.pk, "docx"]),
            "pdf_url": reverse("symposium_pages_booklet_download", args=[export.pk, "pdf"])
            if export.pdf_path
            else "",
        },
    )


def booklet_download_view(request, export_id, fmt):
    export = _export_for(request, export_id)
    if export.status != BookletExport.Status.DONE or fmt not in ("docx", "pdf"):
        raise Http404
    return _download(export, fmt)


def results_report_view(request, symposium_id):
    """The report on results as .docx, dated today (or ?date=YYYY-MM-DD)."""
    symposium = _symposium_for(request, symposium_id)
    date = None
    if request.GET.get("date"):
        try:
            date = datetime.date.fromisoformat(request.GET["date"])
        except ValueError:
            date = None
    data = printing.report_docx(symposium.specific, date=date)
    stem = printing.file_stem(symposium, "bao-cao-ket-qua")
    return FileResponse(
        io.BytesIO(data), as_attachment=True, filename=f"{stem}.docx", content_type=DOCX
    )
