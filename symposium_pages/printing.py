"""The printed documents of a symposium: one service behind the admin, the commands and the tests.

Reads the database and hands plain data to `documents.booklet` and
`documents.report`. The booklet prints the approved, edited body of each
paper — the live revision of a published paper, the scheduled revision of an
approved one waiting for its go-live time — never the raw upload. A draft
booklet prints the latest revision of every paper, approved or not.

Large booklets are built by `tasks.build_booklet_export` in the background;
their progress and files are kept in `BookletExport`, the files in a storage
served only through a staff view.
"""

from __future__ import annotations

import logging
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from . import conf
from .categories import VIETNAMESE_LABELS, UnitCategory
from .documents.booklet import BookletPaper, BookletResult, Cover, Picture, make_booklet
from .documents.report import BudgetItem, CategoryCounts, Printing, ReportData, build_report
from .intake.libreoffice import find_soffice
from .models import BookletExport, Invitation, PaperPage, SymposiumBudget
from .programme import in_programme_order
from .vetting import quality as vetting_quality

logger = logging.getLogger(__name__)

EXPORTS_DIR = "symposium_pages/exports"


# --- what is printed --------------------------------------------------------------------------


def printed_version(paper, *, draft=False):
    """The version of `paper` to print and whether it is approved, or None to leave it out.

    Approved means live (its live revision) or approved and scheduled (that
    revision). A draft prints the latest revision of every paper.
    """
    approved = paper.live or paper.approved_schedule
    if draft:
        if paper.has_unpublished_changes and paper.latest_revision_id:
            return paper.latest_revision.as_object(), approved
        return paper, approved
    if paper.live:
        if paper.has_unpublished_changes and paper.live_revision_id:
            return paper.live_revision.as_object(), True
        return paper, True
    if paper.approved_schedule:
        revision = paper.scheduled_revision
        if revision is not None:
            return revision.as_object(), True
    return None


def papers_to_print(symposium, *, draft=False):
    """[(printed version, approved), …] of the symposium's papers, in programme order."""
    papers = in_programme_order(
        PaperPage.objects.child_of(symposium)
        .annotate_approved_schedule()
        .select_related("latest_revision", "live_revision")
    )
    if not draft:
        scheduled = Q(_approved_schedule=True)
        papers = papers.filter(Q(live=True) | scheduled)
    chosen = []
    for paper in papers:
        version = printed_version(paper, draft=draft)
        if version is not None:
            chosen.append(version)
    return chosen


def _list_items(value):
    items = []
    for item in value.get("items", []) or []:
        # ListBlock stores [{"type": "item", "value": …, "id": …}] (or bare values, older data).
        items.append(item.get("value", "") if isinstance(item, dict) else item)
    return items


def plain_blocks(body, pictures):
    """The body's StreamField data as plain dicts; images replaced by `pictures[id]`."""
    blocks = []
    for raw in body.raw_data:
        kind, value = raw.get("type"), raw.get("value")
        if kind == "list":
            value = {
                "ordered": bool((value or {}).get("ordered")),
                "items": _list_items(value or {}),
            }
        elif kind == "notes":
            value = {"items": _list_items(value or {})}
        elif kind == "image":
            value = dict(value or {})
            value["picture"] = pictures.get(value.get("image"))
        blocks.append({"type": kind, "value": value})
    return blocks


def _image_ids(papers):
    ids = set()
    for paper, _approved in papers:
        for raw in paper.body.raw_data:
            if raw.get("type") == "image" and (raw.get("value") or {}).get("image"):
                ids.add(raw["value"]["image"])
    return ids


def _pictures(ids):
    pictures = {}
    for image in get_image_model().objects.filter(pk__in=ids):
        try:
            with image.open_file() as handle:
                pictures[image.pk] = Picture(handle.read(), image.filename)
        except (OSError, ValueError):
            logger.warning("Picture %s of a paper cannot be read; it is left out.", image.pk)
    return pictures


def booklet_papers(symposium, *, draft=False):
    """The symposium's papers as the booklet prints them (in printed order)."""
    from .documents.booklet import printed_order
    from .models import Unit

    chosen = papers_to_print(symposium, draft=draft)
    pictures = _pictures(_image_ids(chosen))
    unit_ids = {paper.unit_id for paper, _approved in chosen if paper.unit_id}
    units = Unit.objects.in_bulk(unit_ids)
    invitation_ids = {paper.invitation_id for paper, _approved in chosen if paper.invitation_id}
    invitations = Invitation.objects.in_bulk(invitation_ids)
    printed = []
    for place, (paper, approved) in enumerate(chosen):
        unit = units.get(paper.unit_id)
        invitation = invitations.get(paper.invitation_id)
        presenter = paper.presenter_name or (invitation.presenter_name if invitation else "")
        position = paper.presenter_position or (invitation.presenter_position if invitation else "")
        printed.append(
            BookletPaper(
                title=paper.title,
                kind=paper.kind,
                unit=unit.name if unit else "",
                presenter=presenter,
                presenter_position=position,
                programme_order=place,
                key=paper.pk,
                approved=bool(approved),
                blocks=plain_blocks(paper.body, pictures),
            )
        )
    return printed_order(printed)


def booklet_cover(symposium):
    when = symposium.event_date or symposium.issued_on
    issued = symposium.issued_on
    return Cover(
        issuing_body=symposium.issuing_body,
        theme=symposium.title,
        place=symposium.issuing_place,
        month=when.month if when else None,
        year=when.year if when else None,
        plan_number=symposium.plan_number,
        plan_date=f"{issued.day}/{issued.month}/{issued.year}" if issued else "",
    )


def build_booklet(symposium, *, draft=False, progress=None, use_libreoffice=True) -> BookletResult:
    """The booklet of `symposium` (.docx, and the PDF when LibreOffice rendered it)."""
    return make_booklet(
        booklet_cover(symposium),
        booklet_papers(symposium, draft=draft),
        draft=draft,
        soffice=conf.get("SYMPOSIUM_SOFFICE"),
        use_libreoffice=use_libreoffice,
        timeout=conf.get("SYMPOSIUM_BOOKLET_TIMEOUT"),
        progress=progress,
    )


def libreoffice_available():
    return find_soffice(conf.get("SYMPOSIUM_SOFFICE")) is not None


def page_numbers_note(method, fallback="", detail=""):
    """How the contents' page numbers were found, for the editor."""
    if method == "libreoffice":
        return _("The contents' page numbers were checked against LibreOffice's layout.")
    if fallback == "no-libreoffice":
        return _(
            "The contents' page numbers are an estimate: LibreOffice is not installed on the "
            "server. Word refreshes them when it opens the file."
        )
    if fallback == "libreoffice-failed":
        return _(
            "The contents' page numbers are an estimate: LibreOffice could not lay the booklet "
            "out (%(detail)s). Word refreshes them when it opens the file."
        ) % {"detail": detail}
    return _(
        "The contents' page numbers are an estimate; Word refreshes them when it opens the file."
    )


def count_papers_to_print(symposium, *, draft=False):
    papers = PaperPage.objects.child_of(symposium)
    if draft:
        return papers.count()
    return (
        papers.annotate_approved_schedule()
        .filter(Q(live=True) | Q(_approved_schedule=True))
        .count()
    )


def file_stem(symposium, kind, draft=False):
    number = symposium.plan_number.replace("/", "-") or str(symposium.pk)
    stem = f"{kind}-{number}"
    return f"{stem}-du-thao" if draft else stem


# --- the report on results ------------------------------------------------------------------


def report_counts(symposium):
    """Per category in the plan's order: the counts, and the units that sent nothing.

    The organiser (`SymposiumPage.organiser`) is never among those: its own reports
    (the keynote, the closing summary) are its contribution, counted as received.
    """
    labels = VIETNAMESE_LABELS
    rows = {key: CategoryCounts(labels.get(key, key)) for key in UnitCategory.values}
    missing = []
    invitations = Invitation.objects.filter(symposium=symposium).with_status().in_plan_order()
    pages = 0
    for invitation in invitations:
        category = invitation.unit.category
        row = rows.setdefault(category, CategoryCounts(labels.get(category, category)))
        row.invited += 1
        if invitation.presented:
            row.presented += 1
        paper = invitation.latest_paper()
        if paper is None and invitation.unit_id == symposium.organiser_id:
            pages += _count_own_reports(symposium, row)
            continue
        if paper is None:
            if invitation.expectation == Invitation.Expectation.PAPER:
                missing.append((row.label, invitation.unit.name))
            continue
        row.received += 1
        pages += paper.pages or 0
        if paper.is_late:
            row.late += 1
        else:
            row.on_time += 1
        if paper.is_over_limit:
            row.over_limit += 1
        if paper.live:
            row.published += 1
    return [row for row in rows.values() if row.invited], missing, pages


def _count_own_reports(symposium, row):
    """The organiser's reports counted on its category's row; returns their pages."""
    reports = list(
        PaperPage.objects.child_of(symposium)
        .filter(unit_id=symposium.organiser_id, invitation__isnull=True)
        .values_list("pages", "live")
    )
    if reports:
        row.received += 1
        row.on_time += 1  # written in-house, for the day
        row.published += any(live for _pages, live in reports)
    return sum(pages or 0 for pages, _live in reports)


def programme_list(printed):
    """(title, unit) of the printed papers, in programme order, for the report."""
    from .models import Unit

    units = Unit.objects.in_bulk({paper.unit_id for paper, _approved in printed if paper.unit_id})
    return [
        (paper.title, units[paper.unit_id].name if paper.unit_id in units else "")
        for paper, _approved in printed
    ]


def event_phrase(symposium):
    if symposium.event_starts_at:
        start = timezone.localtime(symposium.event_starts_at).date()
        phrase = f"ngày {start.day}/{start.month}/{start.year}"
    else:
        phrase = symposium.event_period
    if symposium.venue:
        phrase = f"{phrase} tại {symposium.venue}" if phrase else f"tại {symposium.venue}"
    return phrase


def report_data(symposium, *, date=None):
    rows, missing, pages = report_counts(symposium)
    printed = papers_to_print(symposium)
    # The Office's record: its settled figures once settled, the estimate before.
    with translation.override("vi"):
        budget = SymposiumBudget.for_symposium(symposium)
        items = [
            BudgetItem(line.item, line.quantity or 0, line.unit, line.unit_price or 0, line.actual)
            for line in budget.lines()
        ]
    printing = budget.printing_figures
    return ReportData(
        issuing_body=symposium.issuing_body,
        department=symposium.receiving_department,
        theme=symposium.title,
        plan_number=symposium.plan_number,
        report_number=symposium.report_number,
        place=symposium.issuing_place,
        date=date or timezone.localdate(),
        plan_date=symposium.issued_on,
        event=event_phrase(symposium),
        rows=rows,
        missing=missing,
        pages_received=pages,
        papers_printed=len(printed),
        programme=programme_list(printed),
        printing=Printing(
            printing.pages, printing.from_booklet, printing.copies, printing.price_per_page
        ),
        budget=items,
        quality=vetting_quality(symposium),
        budget_settled=budget.is_settled,
        budget_settled_on=timezone.localdate(budget.settled_at) if budget.settled_at else None,
    )


def report_docx(symposium, *, date=None) -> bytes:
    return build_report(report_data(symposium, date=date))


# --- booklets kept for download -------------------------------------------------------------


def exports_storage():
    return storages[conf.get("SYMPOSIUM_EXPORTS_STORAGE")]


def needs_background(symposium, *, draft=False):
    return count_papers_to_print(symposium, draft=draft) > conf.get(
        "SYMPOSIUM_BOOKLET_BACKGROUND_AFTER"
    )


def start_booklet_export(symposium, *, user=None, draft=False, with_pdf=False, background=None):
    """Record a booklet export and build it: in the background for large booklets.

    An export of the same kind already waiting or running is reused, so a
    reloaded page does not start a second one.
    """
    running = (
        BookletExport.objects.filter(
            symposium=symposium,
            draft=draft,
            with_pdf=with_pdf,
            status__in=[BookletExport.Status.QUEUED, BookletExport.Status.RUNNING],
        )
        .order_by("-pk")
        .first()
    )
    if running is not None:
        return running
    export = BookletExport.objects.create(
        symposium=symposium,
        draft=draft,
        with_pdf=with_pdf,
        requested_by=user if user is not None and user.is_authenticated else None,
        papers_total=count_papers_to_print(symposium, draft=draft),
    )
    if background is None:
        background = needs_background(symposium, draft=draft)
    if background:
        from .tasks import build_booklet_export

        result = build_booklet_export.enqueue(export.pk)
        BookletExport.objects.filter(pk=export.pk).update(task_result_id=result.id)
    else:
        try:
            run_booklet_export(export.pk)
        except Exception:  # noqa: BLE001 - recorded on the export and logged; the page says so
            pass
    export.refresh_from_db()
    return export


def run_booklet_export(export_id):
    """Build the booklet of an export record, keeping its progress and then its files."""
    export = BookletExport.objects.select_related("symposium").get(pk=export_id)
    if export.status == BookletExport.Status.DONE:
        return {"export": export.pk, "pages": export.pages}
    BookletExport.objects.filter(pk=export.pk).update(
        status=BookletExport.Status.RUNNING, stage="build", papers_done=0
    )

    def progress(stage, done, total):
        fields = {"stage": stage}
        if stage == "build":
            fields.update(papers_done=done, papers_total=total)
        BookletExport.objects.filter(pk=export.pk).update(**fields)

    try:
        symposium = export.symposium.specific
        result = build_booklet(symposium, draft=export.draft, progress=progress)
        storage = exports_storage()
        name = uuid.uuid4().hex
        docx_path = storage.save(f"{EXPORTS_DIR}/{name}.docx", ContentFile(result.docx))
        pdf_path = ""
        if result.pdf is not None:
            pdf_path = storage.save(f"{EXPORTS_DIR}/{name}.pdf", ContentFile(result.pdf))
        BookletExport.objects.filter(pk=export.pk).update(
            status=BookletExport.Status.DONE,
            stage="",
            papers_done=len(result.papers),
            papers_total=len(result.papers),
            docx_path=docx_path,
            pdf_path=pdf_path,
            pages=result.pages,
            page_numbers_method=result.method,
            detail=result.detail,
            finished_at=timezone.now(),
        )
    except Exception as problem:
        BookletExport.objects.filter(pk=export.pk).update(
            status=BookletExport.Status.FAILED,
            error=f"{type(problem).__name__}: {problem}"[:2000],
            finished_at=timezone.now(),
        )
        logger.exception("Booklet export %s failed", export.pk)
        raise
    _forget_older(export)
    return {"export": export.pk, "pages": result.pages}


def _forget_older(export):
    """Keep only the newest finished booklet of each kind; older files are deleted."""
    storage = exports_storage()
    older = BookletExport.objects.filter(
        symposium_id=export.symposium_id,
        draft=export.draft,
        status__in=[BookletExport.Status.DONE, BookletExport.Status.FAILED],
        pk__lt=export.pk,
    )
    for previous in older:
        for path in (previous.docx_path, previous.pdf_path):
            if path:
                try:
                    storage.delete(path)
                except OSError:
                    logger.warning("Could not delete %s", path)
    older.delete()


def open_export_file(export, fmt):
    path = export.pdf_path if fmt == "pdf" else export.docx_path
    if not path:
        return None
    return exports_storage().open(path, "rb")
