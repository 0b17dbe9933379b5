"""A symposium run end to end in the fresh site, through Django's test client.

Piped into the site's `manage.py shell` by test_install.py: nothing of the add-on's
repository is importable here, only the installed wheel and the site `wagtail start` made.
Each step asserts what a person in the admin or a reader would see; the last line printed
is a JSON summary.
"""

import io
import json
import re

import docx
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from symposium_pages.models import Invitation, InvitedUnitsPage, PaperPage, SymposiumPage, Unit
from symposium_pages.vetting import judgement_data

User = get_user_model()
summary = {}


def client_for(username, *groups, superuser=False):
    if superuser:
        user = User.objects.create_superuser(username, f"{username}@example.com", "pw")
    else:
        user = User.objects.create_user(username, f"{username}@example.com", "pw")
        user.groups.set(Group.objects.filter(name__in=groups))
    client = Client()
    client.force_login(user)
    return client


def check(response, status=200, what=""):
    assert response.status_code == status, (
        f"{what}: HTTP {response.status_code}, expected {status}\n"
        + response.content.decode(errors="replace")[:3000]
    )
    return response


def form_errors(html):
    return re.findall(r'class="[^"]*error-message[^"]*"[^>]*>\s*(?:<p>)?([^<]+)', html)


def block_form_data(block, value, prefix):
    """What the admin's JavaScript posts for a StreamField value (the form HTML holds only
    its JSON state, which querydict_from_html cannot expand)."""
    if isinstance(block, blocks.StreamBlock):
        data = {f"{prefix}-count": str(len(value))}
        for index, child in enumerate(value):
            data.update(
                {
                    f"{prefix}-{index}-type": child.block_type,
                    f"{prefix}-{index}-id": child.id or "",
                    f"{prefix}-{index}-deleted": "",
                    f"{prefix}-{index}-order": str(index),
                }
            )
            data.update(block_form_data(child.block, child.value, f"{prefix}-{index}-value"))
        return data
    if isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if hasattr(value, "bound_blocks") else list(value)
        data = {f"{prefix}-count": str(len(children))}
        for index, child in enumerate(children):
            data.update(
                {
                    f"{prefix}-{index}-id": getattr(child, "id", None) or "",
                    f"{prefix}-{index}-deleted": "",
                    f"{prefix}-{index}-order": str(index),
                }
            )
            data.update(
                block_form_data(
                    block.child_block, getattr(child, "value", child), f"{prefix}-{index}-value"
                )
            )
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child_block in block.child_blocks.items():
            data.update(block_form_data(child_block, value.get(name), f"{prefix}-{name}"))
        return data
    if isinstance(block, TableBlock):
        return {prefix: json.dumps(block.get_prep_value(value))}
    if isinstance(block, blocks.RichTextBlock):
        return {prefix: block.field.widget.format_value(value.source if value else "")}
    prepared = block.get_prep_value(value)
    return {prefix: "" if prepared is None else str(prepared)}


def save_in_admin(client, url, fields, action, what, page=None):
    """Fills the admin's page form as the browser would, then submits it with `action`."""
    html = check(client.get(url), what=f"{what} (form)").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in page._meta.get_fields() if page is not None else ():
        if isinstance(field, StreamField):
            stream = getattr(page, field.name)
            for name, value in block_form_data(stream.stream_block, stream, field.name).items():
                data[name] = value
    for name, value in fields.items():
        data[name] = value
    data[action] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, (
        f"{what}: HTTP {response.status_code}, form errors: "
        f"{form_errors(response.content.decode())}"
    )
    return response


def approve_both_steps(page, reviewer, moderator):
    """The workflow Duyệt tham luận: vetting by a reviewer, release by a moderator."""
    for client, task_name in (
        (reviewer, "Thẩm định nội dung"),
        (moderator, "Kiểm duyệt phát hành"),
    ):
        page.refresh_from_db()
        state = page.current_workflow_task_state
        assert state is not None, f"{page.title}: no task in progress"
        assert state.task.name == task_name, (state.task.name, task_name)
        url = f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/"
        # The vetting step's form: every criterion of the plan met (a plain comment else).
        data = judgement_data(state)
        check(client.post(url, data), 302, f"{task_name} of {page.title}")
    page.refresh_from_db()
    assert page.live, f"{page.title} is not live after both approvals"


def paper_docx():
    document = docx.Document()
    document.add_heading("Nâng cao chất lượng sinh hoạt chi bộ", level=0)
    document.add_heading("I. Kết quả đạt được", level=1)
    for number in range(3):
        paragraph = document.add_paragraph(f"Đoạn {number + 1}: chi bộ sinh hoạt định kỳ, ")
        paragraph.add_run("nêu gương").bold = True
        paragraph.add_run(" của người đứng đầu được đề cao.")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate((("Năm", "Số đảng viên"), ("2022", "120"))):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- the people: an editor (superuser here), a reviewer, a moderator ---------------------
groups = set(Group.objects.values_list("name", flat=True))
assert {"Biên tập viên", "Thẩm định", "Kiểm duyệt", "Văn phòng"} <= groups, groups
editor = client_for("editor", superuser=True)
reviewer = client_for("reviewer", "Thẩm định")
moderator = client_for("moderator", "Kiểm duyệt")

# -- a symposium under the stock home page, made in the admin and submitted --------------
home = Page.objects.get(depth=2)
save_in_admin(
    editor,
    f"/admin/pages/add/symposium_pages/symposiumpage/{home.pk}/",
    {
        "title": "Tọa đàm xây dựng Đảng",
        "slug": "toa-dam-xay-dung-dang",
        "plan_number": "92-KH/TU",
        "issuing_body": "Ban Thường vụ Tỉnh ủy Gia Lai",
        "issuing_place": "Gia Lai",
        "issued_on": "2022-08-10",
        "event_period": "cuối tháng 8 năm 2022",
        "event_period_start": "2022-08-21",
        "page_limit": "7",
        "submission_deadline": "2022-08-19",
        "receiving_department": "Ban Tuyên giáo Tỉnh ủy",
    },
    "action-submit",
    "creating the symposium",
)
plan = SymposiumPage.objects.get()
assert plan.get_workflow().name == "Duyệt tham luận"
approve_both_steps(plan, reviewer, moderator)

# -- its units page ------------------------------------------------------------------------
save_in_admin(
    editor,
    f"/admin/pages/add/symposium_pages/invitedunitspage/{plan.pk}/",
    {"title": "Các đơn vị được mời", "slug": "don-vi"},
    "action-submit",
    "creating the units page",
)
units_page = InvitedUnitsPage.objects.get()
approve_both_steps(units_page, reviewer, moderator)

# -- a unit invited, its paper received as .docx ---------------------------------------------
unit = Unit.objects.create(name="Đảng ủy Công an tỉnh", category="dang_uy_truc_thuoc")
invitation = Invitation.objects.create(symposium=plan, unit=unit)
receive = f"/admin/symposium/{plan.pk}/receive-paper/"
upload = io.BytesIO(paper_docx())
upload.name = "tham-luan.docx"
response = check(
    editor.post(
        receive,
        {
            "file": upload,
            "invitation": invitation.pk,
            "presenter_name": "Phạm Minh Tuấn",
            "presenter_position": "Phó Bí thư",
        },
    ),
    what="uploading the paper",
)
token = re.search(r'name="token" value="([^"]+)"', response.content.decode())
assert token, "no confirmation token in the preview"
response = check(editor.post(receive, {"token": token.group(1), "confirm": "1"}), 302, "confirming")
paper = PaperPage.objects.get()
assert not paper.live
summary["paper_blocks"] = [block.block_type for block in paper.body]

# -- the paper saved and submitted in the admin (the table needs table_block), approved ----
save_in_admin(
    editor,
    f"/admin/pages/{paper.pk}/edit/",
    {},
    "action-submit",
    "submitting the paper",
    page=paper.get_latest_revision_as_object(),
)
approve_both_steps(paper, reviewer, moderator)

# -- what readers see -----------------------------------------------------------------------
reader = Client()
plan.refresh_from_db()
plan_html = check(reader.get(plan.url), what="the plan").content.decode()
assert "Tọa đàm xây dựng Đảng" in plan_html
assert '<link rel="canonical"' in plan_html, "no metadata in the stock base.html"
assert "symposium_pages/symposium.css" in plan_html
units_html = check(reader.get(units_page.url), what="the units page").content.decode()
assert "Đảng ủy Công an tỉnh" in units_html
paper_html = check(reader.get(paper.url), what="the paper").content.decode()
assert "Nâng cao chất lượng sinh hoạt chi bộ" in paper_html
assert "Số đảng viên" in paper_html, "the paper's table is not shown"
feed = check(reader.get(f"{plan.url}feed/"), what="the feed")
assert "rss" in feed["Content-Type"] or "xml" in feed["Content-Type"], feed["Content-Type"]
assert paper.title in feed.content.decode()
ics = check(reader.get(f"{plan.url}calendar/"), what="the calendar")
assert ics["Content-Type"].startswith("text/calendar")
assert b"BEGIN:VEVENT" in ics.content and b"DTSTART;VALUE=DATE:20220821" in ics.content
sitemap = check(reader.get("/sitemap.xml"), what="the sitemap").content.decode()
assert plan.url.strip("/") in sitemap
check(reader.get(f"/fr{plan.url}"), 404, "a language that is no content language")
check(reader.get(f"{plan.url}"), 200, "the plan again")

# -- the booklet ----------------------------------------------------------------------------
booklet = check(editor.get(f"/admin/symposium/{plan.pk}/booklet/"), what="the booklet")
body = b"".join(booklet.streaming_content) if booklet.streaming else booklet.content
assert body[:2] == b"PK", "the booklet is not a .docx"
text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(body)).paragraphs)
assert "Nâng cao chất lượng sinh hoạt chi bộ" in text
summary.update(
    plan=plan.url,
    paper=paper.url,
    booklet_bytes=len(body),
    ics_bytes=len(ics.content),
)
print("WALKTHROUGH " + json.dumps(summary, ensure_ascii=False))
