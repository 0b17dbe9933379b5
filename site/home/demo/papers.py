"""The demo's papers, received through the real intake and left in every state."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from symposium_pages import roles
from symposium_pages.intake.check import check_paper
from symposium_pages.models import Invitation, PaperPage, PaperVetting, Unit
from symposium_pages.programme import add_to_programme
from symposium_pages.receiving import receive_paper
from symposium_pages.streamdata import body_stream_data
from symposium_pages.vetting import criteria_for

from .paper_files import write_paper
from .paper_texts import CLOSING, KEYNOTE, PAPERS
from .release import RELEASE, carry_out, publish
from .symposium import PAPERS_PUBLISHED_ON


def _at(day, hour=9):
    return timezone.make_aware(datetime.datetime(2022, 8, day, hour, 0))


# unit → (the day it arrived, how far it goes through the workflow), in programme order:
# each paper received takes the next place, before the closing summary.
PLAN = {
    "Thành ủy Pleiku": (12, "publish"),
    "Huyện ủy Chư Păh": (15, "publish"),
    "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh": (16, "vetting"),
    "Ban Thường vụ Tỉnh đoàn": (17, "schedule"),
    "Thị ủy An Khê": (18, "keep"),
    "Huyện ủy Kbang": (18, "keep"),
    "Đảng đoàn Hội Nông dân tỉnh": (22, "keep"),
    "Huyện ủy Đak Đoa": (16, "changes"),
    "Ủy ban Kiểm tra Tỉnh ủy": (17, "approval"),
}

# What the vetting reviewer wrote when sending Đak Đoa's paper back.
REVIEWER_COMMENT = (
    "Đề nghị bổ sung số chi bộ thôn, làng và số đảng viên là người dân tộc thiểu số của huyện "
    "trong năm 2022; phần giải pháp cần nêu rõ cấp nào thực hiện và thời hạn hoàn thành."
)

# What the unit reads on its desk (the internal comment above stays in the newsroom).
UNIT_COMMENT = (
    "Đề nghị đơn vị bổ sung số liệu năm 2022 về chi bộ thôn, làng và đảng viên là người dân "
    "tộc thiểu số; phần nhiệm vụ, giải pháp ghi rõ cấp nào thực hiện và thời hạn hoàn thành, "
    "rồi gửi lại bản đã sửa."
)


def _sent_back(task_state):
    """Đak Đoa's judgement: the figures the scientific basis needs are missing, and the
    solutions name neither who acts nor by when (the plan's second criterion and the
    structure's last part, in its default order)."""
    _symposium, criteria = criteria_for(task_state)
    unmet = [item.label for item in criteria if item.sort_order in {1, 6}]
    return {"unmet": unmet, "unit_comment": UNIT_COMMENT}


# The workflow's steps after the editor submits: (group, action, comment[, judgement]).
STEPS = {
    "vetting": [],
    "changes": [(roles.REVIEWERS, "reject", REVIEWER_COMMENT, _sent_back)],
    "approval": [(roles.REVIEWERS, "approve", "")],
    "publish": RELEASE,
    "schedule": RELEASE,
}


def build_papers(symposium, people, log):
    editor = people[roles.EDITORS]
    for unit_name, (day, fate) in PLAN.items():
        unit = Unit.objects.filter(name=unit_name).first()
        if unit is None:
            log("! " + _("no unit %(name)s; its paper is skipped") % {"name": unit_name})
            continue
        invitation, _created = Invitation.objects.get_or_create(symposium=symposium, unit=unit)
        if invitation.papers.exists():
            continue
        receipt = receive_paper(
            symposium,
            data=write_paper(unit_name, PAPERS[unit_name]),
            filename=f"tham-luan-{unit.pk}.docx",
            invitation=invitation,
            user=editor,
            method="estimate",
            received_at=_at(day),
        )
        paper = receipt.paper.get_latest_revision_as_object()
        paper.date = timezone.make_aware(PAPERS_PUBLISHED_ON)
        paper.byline = unit.name
        # Pleiku agreed to let readers download its paper as sent.
        paper.publish_original = unit_name == "Thành ủy Pleiku"
        if fate == "schedule":
            paper.go_live_at = timezone.now() + datetime.timedelta(days=30)
        paper.save_revision(user=editor)
        _carry_out(paper, fate, people)
        # Judged in 2022 like the rest of the story, the morning after it arrived.
        PaperVetting.objects.filter(paper_id=paper.pk).update(judged_at=_at(day + 1))
        status = Invitation.Status(PaperPage.objects.get(pk=paper.pk).status).label
        log("+ " + _("paper (%(status)s): %(title)s") % {"status": status, "title": paper.title})
    for kind, text in ((PaperPage.Kind.KEYNOTE, KEYNOTE), (PaperPage.Kind.CLOSING, CLOSING)):
        if PaperPage.objects.child_of(symposium).filter(kind=kind).exists():
            continue
        _report(symposium, kind, text)
        log("+ " + _("%(kind)s: %(title)s") % {"kind": kind.label, "title": text["title"]})


def _carry_out(paper, fate, people):
    """Runs the paper through Wagtail's workflow as the demo's people would in the admin."""
    if fate not in STEPS:
        return  # received, waiting for the editor
    carry_out(paper, STEPS[fate], people[roles.EDITORS], people.__getitem__)


def _report(symposium, kind, text):
    """The organiser's own reports, written in-house and published with the plan: the
    keynote takes the first place of the programme, the closing summary the last."""
    department = symposium.organiser
    result = check_paper(write_paper(department.name, text), "bao-cao.docx", method="estimate")
    page = PaperPage(
        title=text["title"],
        slug={"keynote": "bao-cao-de-dan", "closing": "bao-cao-tong-ket"}[kind],
        kind=kind,
        unit=department,
        date=timezone.make_aware(PAPERS_PUBLISHED_ON),
        byline=department.name,
        body=body_stream_data(result.paper.blocks, []),
        words=result.words,
        pages=result.pages,
        page_count_method=result.page_count_method,
    )
    add_to_programme(symposium, page)
    return publish(page)
