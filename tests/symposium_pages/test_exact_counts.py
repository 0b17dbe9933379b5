"""The admin's intake answers with the layout estimate; LibreOffice's exact count comes
from a background task, updates the upload and the paper, and the lists say "estimated"
until then and flag an exact count that reverses the page-limit verdict."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext, override
from wagtail.models import Revision

from symposium_pages.intake.libreoffice import find_soffice
from symposium_pages.models import ExactPageCount, Invitation, PaperPage, PaperSubmission, Unit
from symposium_pages.panels import ExactCountPanel
from symposium_pages.receiving import receive_paper

from .docx_builders import simple_paper
from .factories import make_plan

SOFFICE = find_soffice()


def needs_soffice(test):
    skip = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
    return pytest.mark.libreoffice(skip(test))


REPORT_URL = "/admin/reports/symposium-invitations/"
LIST_URL = "/admin/snippets/symposium_pages/invitation/"


@pytest.fixture
def plan(home_page):
    return make_plan(home_page)


@pytest.fixture
def invitation(plan):
    unit = Unit.objects.create(name="Huyện ủy Chư Păh", category="huyen_uy")
    return Invitation.objects.create(symposium=plan, unit=unit)


def vi(message, **values):
    """The admin's text in Vietnamese, as the catalogue has it (escaped as in the HTML)."""
    with override("vi"):
        text = gettext(message)
    return escape(text % values if values else text)


def count_of(paper):
    return PaperSubmission.objects.filter(paper=paper).latest("pk").exact_count


def as_the_estimate_had_said(paper, pages):
    """The layout estimate is right on most papers; this one it got wrong, by a page."""
    upload = PaperSubmission.objects.get(paper=paper)
    PaperSubmission.objects.filter(pk=upload.pk).update(pages=pages)
    PaperPage.objects.filter(pk=paper.pk).update(pages=pages)
    revision = Revision.objects.get(pk=upload.revision_id)
    revision.content["pages"] = pages
    Revision.objects.filter(pk=revision.pk).update(content=revision.content)


def test_without_libreoffice_the_pages_stay_estimated(plan, invitation, settings):
    settings.SYMPOSIUM_SOFFICE = "/nonexistent/soffice"
    receipt = receive_paper(
        plan,
        data=simple_paper(),
        filename="a.docx",
        invitation=invitation,
        count_in_background=True,
    )
    count = receipt.submission.exact_count
    assert (count.status, count.exact_pages) == (ExactPageCount.Status.ESTIMATED, None)
    assert receipt.paper.page_count_method == "estimate"


@needs_soffice
def test_the_admin_answers_with_the_estimate_then_the_task_counts(
    admin_client, plan, invitation, django_capture_on_commit_callbacks
):
    url = f"/admin/symposium/{plan.pk}/receive-paper/"
    upload = SimpleUploadedFile("tham-luan.docx", simple_paper(pages=2))
    html = admin_client.post(url, {"file": upload, "invitation": invitation.pk}).content.decode()
    assert vi("LibreOffice counts them exactly once you confirm") in html
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    with django_capture_on_commit_callbacks() as queued:
        response = admin_client.post(url, {"token": token, "confirm": "1"}, follow=True)
    paper = PaperPage.objects.get()
    counting = vi(
        "%(pages)s pages, estimated from the layout; LibreOffice is counting them "
        "exactly and the paper will show the result.",
        pages=2,
    )
    assert counting in response.content.decode()
    assert count_of(paper).status == ExactPageCount.Status.COUNTING
    assert (paper.pages, paper.page_count_method) == (2, "estimate")

    # Until the worker has run: "estimated" in the report, "being counted" beside the status.
    report = admin_client.get(REPORT_URL, {"symposium": plan.pk}).content.decode()
    assert vi("%(pages)s (estimated; LibreOffice is counting)", pages=2) in report
    assert vi("Pages being counted") in admin_client.get(LIST_URL).content.decode()
    dashboard = admin_client.get("/admin/").content.decode()
    assert "page_count=counting" in dashboard

    for callback in queued:  # the immediate backend: the task runs here
        callback()

    count = count_of(paper)
    paper.refresh_from_db()
    assert (count.status, count.exact_pages, count.error) == ("exact", 2, "")
    assert count.counted_at is not None
    assert (paper.pages, paper.page_count_method) == (2, "libreoffice")
    latest = paper.get_latest_revision_as_object()
    assert (latest.pages, latest.page_count_method) == (2, "libreoffice")
    report = admin_client.get(REPORT_URL, {"symposium": plan.pk}).content.decode()
    assert vi("%(pages)s (estimated)", pages=2) not in report
    assert "page_count=counting" not in admin_client.get("/admin/").content.decode()
    edit = admin_client.get(f"/admin/pages/{paper.pk}/edit/").content.decode()
    assert 'class="symposium-exact-count__status"' in edit
    assert vi("Latest upload: %(exact)s pages, counted by LibreOffice.", exact=2) in edit


@needs_soffice
def test_an_exact_count_that_crosses_the_limit_is_flagged(
    admin_client, home_page, django_capture_on_commit_callbacks
):
    plan = make_plan(home_page, page_limit=1)
    unit = Unit.objects.create(name="Huyện ủy Chư Păh", category="huyen_uy")
    invitation = Invitation.objects.create(symposium=plan, unit=unit)
    with django_capture_on_commit_callbacks() as queued:
        receipt = receive_paper(
            plan,
            data=simple_paper(pages=2),
            filename="a.docx",
            invitation=invitation,
            count_in_background=True,
        )
    as_the_estimate_had_said(receipt.paper, 1)
    assert not Invitation.objects.filter_over_limit().exists()
    for callback in queued:
        callback()

    paper = PaperPage.objects.get()
    assert (paper.pages, paper.is_over_limit) == (2, True)
    assert list(Invitation.objects.filter_over_limit()) == [invitation]
    assert list(Invitation.objects.filter_verdict_changed()) == [invitation]
    listing = admin_client.get(LIST_URL).content.decode()
    assert vi("Exact count: over the page limit (the estimate was within)") in listing
    dashboard = admin_client.get("/admin/").content.decode()
    link = re.search(r'href="([^"]*count_changed_verdict=true[^"]*)">(\d+)<', dashboard)
    assert link.group(2) == "1"
    assert admin_client.get(link.group(1).replace("&amp;", "&")).context["items_count"] == 1
    edit = admin_client.get(f"/admin/pages/{paper.pk}/edit/").content.decode()
    changed = (
        "The exact count changes the verdict: %(exact)s pages is over the limit of "
        "%(limit)s (the estimate said %(estimate)s)."
    )
    assert vi(changed, exact=2, limit=1, estimate=1) in edit


@needs_soffice
def test_a_failed_count_keeps_the_estimate_and_says_why(
    plan, invitation, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        receipt = receive_paper(
            plan,
            data=simple_paper(),
            filename="a.docx",
            invitation=invitation,
            count_in_background=True,
        )
    settings.SYMPOSIUM_SOFFICE = "/nonexistent/soffice"  # LibreOffice removed meanwhile
    for callback in queued:
        callback()
    count = count_of(receipt.paper)
    assert count.status == ExactPageCount.Status.FAILED
    assert count.error == "LibreOffice chưa được cài trên máy chủ."
    assert PaperPage.objects.get().page_count_method == "estimate"


@needs_soffice
def test_a_count_a_killed_worker_left_is_queued_again_by_cleanup_orphans(
    plan, invitation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():  # queued, never run: the worker died
        receipt = receive_paper(
            plan,
            data=simple_paper(),
            filename="a.docx",
            invitation=invitation,
            count_in_background=True,
        )
    an_hour_ago = timezone.now() - datetime.timedelta(minutes=61)
    ExactPageCount.objects.filter(pk=receipt.submission.pk).update(requested_at=an_hour_ago)
    call_command("cleanup_orphans", stdout=io.StringIO())
    assert count_of(receipt.paper).status == ExactPageCount.Status.EXACT


@needs_soffice
def test_the_command_still_counts_in_the_shell(plan, invitation, tmp_path):
    path = Path(tmp_path, "tham-luan.docx")
    path.write_bytes(simple_paper(pages=2))
    out = io.StringIO()
    call_command(
        "receive_paper",
        plan.slug,
        str(path),
        "--unit",
        invitation.unit.name,
        "--method",
        "libreoffice",
        stdout=out,
    )
    count = count_of(PaperPage.objects.get())
    assert (count.status, count.exact_pages) == (ExactPageCount.Status.EXACT, 2)
    assert "LibreOffice" in out.getvalue()


def test_the_papers_panel_reads_its_latest_upload_once(plan, invitation, settings, rf):
    settings.SYMPOSIUM_SOFFICE = "/nonexistent/soffice"
    receipt = receive_paper(
        plan,
        data=simple_paper(),
        filename="a.docx",
        invitation=invitation,
        count_in_background=True,
    )
    paper = PaperPage.objects.get(pk=receipt.paper.pk)
    panel = ExactCountPanel().bind_to_model(PaperPage)
    bound = panel.get_bound_panel(instance=paper, request=rf.get("/"), form=None)
    with CaptureQueriesContext(connection) as queries:
        context = bound.get_context_data()
    assert context["count"].status == ExactPageCount.Status.ESTIMATED
    assert context["state"].estimate == receipt.submission.pages
    # The latest upload with its count, then the paper's symposium (its page limit).
    assert len(queries.captured_queries) == 2
