"""Structure hints: which of the plan's expected parts a paper's headings or opening
sentences seem to cover, read from real .docx files; shown with the extracted paper in
the admin, on the unit's desk before it sends, and on the paper's edit page — never a
reason to refuse."""

import datetime
import io
import re

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext, override
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from symposium_pages.folding import fold
from symposium_pages.intake.extract import extract_paper
from symposium_pages.intake.package import open_package
from symposium_pages.intake.structure import (
    HEADING,
    OPENING_SENTENCE,
    _matchable,
    structure_hints,
)
from symposium_pages.models import (
    DeskLink,
    Invitation,
    PaperPage,
    PaperSubmission,
    Unit,
    VettingCriterion,
)
from symposium_pages.paper_structure import hints_for_paper
from tests.symposium_pages.factories import make_plan

SIGNIFICANCE = "Ý nghĩa, tầm quan trọng, giá trị lý luận và thực tiễn"
SHORTCOMINGS = "Những hạn chế và nguyên nhân"
TASKS = "Nhiệm vụ và giải pháp"
PARTS = (
    (SIGNIFICANCE, "ý nghĩa, tầm quan trọng, giá trị lý luận, giá trị thực tiễn"),
    (SHORTCOMINGS, "hạn chế, yếu kém, nguyên nhân"),
    (TASKS, "nhiệm vụ, giải pháp, đề xuất, kiến nghị"),
)
FILLER = (
    "Ban Thường vụ Tỉnh ủy đã lãnh đạo, chỉ đạo các cấp ủy, tổ chức đảng thực hiện nghiêm "
    "Kết luận số 21-KL/TW, gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
)


class Part:
    """A part as any caller may hold it: a label and its keywords (no database)."""

    def __init__(self, label, keywords):
        self.label, self.keywords = label, keywords

    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",")]


def parts():
    return [Part(label, keywords) for label, keywords in PARTS]


def build(*lines, title="Tham luận về công tác xây dựng Đảng ở cơ sở"):
    """A .docx from (kind, text): kinds heading, paragraph, bold, numbered (Word's own
    automatic numbering), centred (a bold centred line)."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(14)
    document.add_heading(title, level=0)
    for kind, text in lines:
        if kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "paragraph":
            document.add_paragraph(text)
        elif kind == "bold":
            document.add_paragraph().add_run(text).bold = True
        elif kind == "numbered":
            document.add_paragraph(text, style="List Number")
        elif kind == "centred":
            paragraph = document.add_paragraph()
            paragraph.add_run(text).bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            raise ValueError(kind)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def hints_of(data, the_parts=None):
    paper = extract_paper(open_package(data, max_bytes=20 * 1024 * 1024))
    return structure_hints(paper, parts() if the_parts is None else the_parts)


def summary(hints):
    return [(hint.label, hint.covered, hint.where, hint.evidence) for hint in hints]


ALL_AS_HEADINGS = build(
    ("heading", "I. Ý nghĩa, tầm quan trọng của công tác xây dựng, chỉnh đốn Đảng"),
    ("paragraph", FILLER),
    ("heading", "II. Những hạn chế và nguyên nhân"),
    ("paragraph", FILLER),
    ("heading", "III. Nhiệm vụ, giải pháp trong thời gian tới"),
    ("paragraph", FILLER),
)
ONE_MISSING = build(
    ("heading", "1. Ý nghĩa của việc thực hiện Kết luận 21-KL/TW"),
    ("paragraph", FILLER),
    # the shortcomings are named, but deep in a paragraph: no heading, no opening
    ("paragraph", FILLER + " Bên cạnh kết quả đạt được, vẫn còn một số hạn chế nhất định."),
    ("heading", "2. Giải pháp"),
    ("paragraph", FILLER),
)


def test_three_parts_as_headings_are_found_in_order_by_their_heading():
    assert summary(hints_of(ALL_AS_HEADINGS)) == [
        (
            SIGNIFICANCE,
            True,
            HEADING,
            "I. Ý nghĩa, tầm quan trọng của công tác xây dựng, chỉnh đốn Đảng",
        ),
        (SHORTCOMINGS, True, HEADING, "II. Những hạn chế và nguyên nhân"),
        (TASKS, True, HEADING, "III. Nhiệm vụ, giải pháp trong thời gian tới"),
    ]


def test_parts_only_in_opening_sentences_are_found_by_the_sentence():
    data = build(
        ("paragraph", "Thứ nhất, về ý nghĩa của công tác này. " + FILLER),
        ("paragraph", FILLER),
        ("paragraph", "Thứ hai, những hạn chế còn tồn tại ở cơ sở. " + FILLER),
        ("paragraph", "Một là, đề xuất các giải pháp cụ thể; " + FILLER),
    )
    assert summary(hints_of(data)) == [
        (SIGNIFICANCE, True, OPENING_SENTENCE, "Thứ nhất, về ý nghĩa của công tác này."),
        (SHORTCOMINGS, True, OPENING_SENTENCE, "Thứ hai, những hạn chế còn tồn tại ở cơ sở."),
        (TASKS, True, OPENING_SENTENCE, "Một là, đề xuất các giải pháp cụ thể;"),
    ]


def test_a_part_named_only_deep_in_a_paragraph_seems_missing():
    hints = hints_of(ONE_MISSING)
    assert summary(hints)[1] == (SHORTCOMINGS, False, None, None)
    assert [hint.covered for hint in hints] == [True, False, True]
    assert hints.missing == [SHORTCOMINGS]


def test_numbered_upper_case_and_toneless_headings_are_read_as_headings():
    data = build(
        ("bold", "PHẦN THỨ NHẤT: Y NGHIA, TAM QUAN TRONG CUA CONG TAC XAY DUNG DANG"),
        ("paragraph", FILLER),
        ("paragraph", "II- NHUNG HAN CHE, YEU KEM VA NGUYEN NHAN"),
        ("paragraph", FILLER),
        ("numbered", "Nhiem vu va giai phap thoi gian toi"),
        ("paragraph", FILLER),
    )
    hints = hints_of(data)
    assert [hint.where for hint in hints] == [HEADING, HEADING, HEADING]
    assert hints[0].evidence.startswith("PHẦN THỨ NHẤT: Y NGHIA")
    assert hints[1].evidence == "II- NHUNG HAN CHE, YEU KEM VA NGUYEN NHAN"
    assert hints[2].evidence == "Nhiem vu va giai phap thoi gian toi"


def test_lettered_and_centred_headings_and_a_label_without_keywords():
    data = build(
        ("centred", "a) Vai trò và ý nghĩa"),
        ("paragraph", FILLER),
        ("paragraph", "b) Bài học kinh nghiệm"),
    )
    lessons = Part("Bài học kinh nghiệm", "")  # no keywords: the label's words are used
    hints = hints_of(data, parts()[:1] + [lessons])
    assert summary(hints) == [
        (SIGNIFICANCE, True, HEADING, "a) Vai trò và ý nghĩa"),
        ("Bài học kinh nghiệm", True, HEADING, "b) Bài học kinh nghiệm"),
    ]


def test_an_english_paper_covers_nothing_and_an_empty_list_of_parts_gives_no_hints():
    data = build(
        ("heading", "1. Introduction"),
        ("paragraph", "This paper reviews the work of the provincial committee in 2024."),
        ("heading", "2. Results"),
        ("paragraph", "Meetings were held every month; attendance was high."),
        title="A report in English",
    )
    assert summary(hints_of(data)) == [(label, False, None, None) for label, _ in PARTS]
    assert hints_of(data, []) == [] and hints_of(ALL_AS_HEADINGS, []) == []


def test_matching_agrees_with_fold():
    """The headings are folded by a faster path than `fold`; the keywords by `fold`."""
    for text in (
        "ĐẢNG BỘ TỈNH: Những HẠN CHẾ, yếu kém và nguyên nhân (2021–2025)!",
        "Xây dựng, chỉnh đốn Đảng; “tự diễn biến”, ‘tự chuyển hóa’ — ở cơ sở…",
        "Nâng cao năng lực lãnh đạo_sức chiến đấu của tổ chức cơ sở đảng ở Gia Lai",
        "Sự ủng hộ, đồng thuận của nhân dân các dân tộc Jrai, Bahnar",
    ):
        assert _matchable(text) == fold(text)


# -- through the site: the admin's intake, the unit's desk, the reviewer's page -----------


def vi(message):
    """The text in Vietnamese as the catalogue has it ({% translate %} does not escape it)."""
    with override("vi"):
        return gettext(message)


@pytest.fixture
def plan(home_page):
    today = timezone.localdate()
    plan = make_plan(
        home_page,
        submission_deadline=today + datetime.timedelta(days=10),
        event_period_start=today + datetime.timedelta(days=12),
    )
    VettingCriterion.objects.filter(symposium=plan).delete()
    VettingCriterion.objects.create(symposium=plan, kind="criterion", label="Khách quan")
    for order, (label, keywords) in enumerate(PARTS, 1):
        VettingCriterion.objects.create(
            symposium=plan, kind="part", label=label, keywords=keywords, sort_order=order
        )
    return plan


@pytest.fixture
def invitation(plan):
    unit = Unit.objects.create(name="Huyện ủy Chư Păh", category="huyen_uy")
    return Invitation.objects.create(symposium=plan, unit=unit)


def test_the_admin_preview_shows_the_hints_and_confirms_a_paper_missing_a_part(
    admin_client, plan, invitation
):
    url = f"/admin/symposium/{plan.pk}/receive-paper/"
    upload = SimpleUploadedFile("tham-luan.docx", ONE_MISSING)
    response = admin_client.post(url, {"file": upload, "invitation": invitation.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert vi("Expected parts of the paper") in html
    missing = re.search(r'structure-hint-missing">\s*<strong>([^<]+)</strong>', html)
    assert missing and missing.group(1) == escape(SHORTCOMINGS)
    assert html.count("structure-hint-covered") == 2
    assert escape("1. Ý nghĩa của việc thực hiện Kết luận 21-KL/TW") in html
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = admin_client.post(url, {"token": token, "confirm": "1"})
    assert response.status_code == 302  # a hint, not a refusal: the paper is received
    paper = PaperPage.objects.get()
    # The reviewer's side: the same hints from the stored body, on the paper's edit page.
    assert summary(hints_for_paper(paper)) == summary(hints_of(ONE_MISSING))
    edit = admin_client.get(f"/admin/pages/{paper.pk}/edit/").content.decode()
    assert vi("Expected parts of the paper") in edit
    assert re.search(r'structure-hint-missing">\s*<strong>' + re.escape(escape(SHORTCOMINGS)), edit)


def test_the_desk_tells_the_unit_which_part_seems_missing_and_still_sends(client, invitation):
    _link, token = DeskLink.issue(invitation)
    file = io.BytesIO(ONE_MISSING)
    file.name = "tham-luan.docx"
    preview = client.post(f"/desk/{token}/", {"action": "upload", "file": file})
    html = preview.content.decode()
    assert preview.status_code == 200
    assert vi("Your unit's paper does not seem to have these parts yet:") in html
    listed = html.split(vi("Your unit's paper does not seem to have these parts yet:"))[1]
    assert f"<li>{escape(SHORTCOMINGS)}</li>" in listed.split("</ul>")[0]
    assert escape(SIGNIFICANCE) not in listed.split("</ul>")[0]
    pending = re.search(r'name="pending" value="([^"]+)"', html).group(1)
    response = client.post(f"/desk/{token}/", {"action": "confirm", "pending": pending})
    assert response.status_code == 302 and PaperSubmission.objects.count() == 1
    # A paper with every part gets no warning, only the line that says so.
    file = io.BytesIO(ALL_AS_HEADINGS)
    file.name = "tham-luan-2.docx"
    html = client.post(f"/desk/{token}/", {"action": "upload", "file": file}).content.decode()
    assert vi("Your unit's paper does not seem to have these parts yet:") not in html
    assert (
        vi("The paper's headings or opening sentences seem to cover every part the plan expects.")
        in html
    )


def test_a_symposium_without_parts_shows_no_hints(admin_client, plan, invitation):
    VettingCriterion.objects.filter(symposium=plan, kind="part").delete()
    url = f"/admin/symposium/{plan.pk}/receive-paper/"
    upload = SimpleUploadedFile("tham-luan.docx", ONE_MISSING)
    html = admin_client.post(url, {"file": upload, "invitation": invitation.pk}).content.decode()
    assert "structure-hints" not in html and 'name="token"' in html
