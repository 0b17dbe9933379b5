"""The Office's budget (issue 20 point 4): its own record, its rights, its states, its history.

Through the admin as each group's member uses it: the Office and the moderators
edit and change state, editors read, nobody else; figures typed wrong are
refused in Vietnamese with nothing stored; the plan's old budget lines migrate
over with nothing lost.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from symposium_pages.models import BudgetItem, PaperPage, SymposiumBudget
from symposium_pages.models.budget import APPROVED_ACTION, SETTLED_ACTION

from .factories import make_plan
from .newsroom import make_people

LINES = [
    ("Thuê hội trường, âm thanh", 1, "buổi", 4_500_000),
    ("Nước uống đại biểu", 150, "người", 30_000),
]


@pytest.fixture
def people(db):
    return make_people()


@pytest.fixture
def plan(home_page):
    return make_plan(home_page, booklet_copies=100, price_per_page=400)


@pytest.fixture
def budget(plan):
    budget = SymposiumBudget.for_symposium(plan)
    for order, (item, quantity, unit, price) in enumerate(LINES):
        BudgetItem.objects.create(
            budget=budget,
            sort_order=order,
            item=item,
            quantity=quantity,
            unit=unit,
            unit_price=price,
        )
    return budget


def url(name, budget):
    return reverse(SymposiumBudget.snippet_viewset.get_url_name(name), args=[budget.pk])


def client_for(client, user):
    client.force_login(user)
    return client


def refused(response):
    """Wagtail's admin answers a refused right with 403, or sends the user to the dashboard
    with its "no permission" message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def edit_form(client, budget):
    response = client.get(url("edit", budget))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def line_prefix(data, item):
    """The formset prefix (items-N) of the line named `item` in the posted form."""
    for key, value in data.items():
        if key.startswith("items-") and key.endswith("-item") and value == item:
            return key.removesuffix("-item")
    raise AssertionError(f"no line {item!r} in the form")


def printing_prefix(data, budget):
    printing = budget.items.get(is_printing=True)
    for key, value in data.items():
        if key.startswith("items-") and key.endswith("-id") and value == str(printing.pk):
            return key.removesuffix("-id")
    raise AssertionError("no printing line in the form")


def test_the_office_enters_actual_spending_and_cannot_touch_papers(client, people, plan, budget):
    office = client_for(client, people["office"])
    data = edit_form(office, budget)
    hall = line_prefix(data, "Thuê hội trường, âm thanh")
    data[f"{hall}-actual"] = "4.200.000"  # as Vietnamese documents write it
    data[f"{hall}-paid_on"] = "2022-08-25"
    printing = printing_prefix(data, budget)
    data[f"{printing}-actual"] = "560000"
    data[f"{printing}-unit_price"] = "1"  # the printing line's estimate is not typed in
    response = office.post(url("edit", budget), data)
    assert response.status_code == 302, response.content.decode()[-3000:]

    line = budget.items.get(item="Thuê hội trường, âm thanh")
    assert (line.actual, str(line.paid_on)) == (4_200_000, "2022-08-25")
    printing_line = budget.items.get(is_printing=True)
    assert printing_line.actual == 560_000
    budget.refresh_from_db()
    # 14 pages? no booklet and no papers: cover and contents, 2 pages x 100 copies x 400
    assert printing_line.estimate == budget.printing_figures.cost == 2 * 100 * 400
    assert budget.actual_total == 4_760_000
    # the change is a revision of the budget, by the Office's member; the plan is untouched
    revision = budget.latest_revision
    assert revision is not None and revision.user == people["office"]
    assert plan.revisions.count() == 1

    # papers and the plan are not the Office's: no page rights
    paper = PaperPage(title="Tham luận", slug="tham-luan", live=False)
    plan.add_child(instance=paper)
    assert not paper.permissions_for_user(people["office"]).can_edit()
    assert not plan.permissions_for_user(people["office"]).can_edit()
    response = office.post(f"/admin/pages/{paper.pk}/edit/", {"title": "Đổi tên"})
    assert refused(response)
    paper.refresh_from_db()
    assert paper.title == "Tham luận"


def test_editors_read_the_budget_and_cannot_change_it(client, people, budget):
    editor = client_for(client, people["editor"])
    listing = editor.get(reverse(SymposiumBudget.snippet_viewset.get_url_name("list")))
    assert listing.status_code == 200
    page = editor.get(url("inspect", budget))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Thuê hội trường, âm thanh" in html and "4.500.000 đ" in html
    assert refused(editor.get(url("edit", budget)))

    line = budget.items.get(item="Nước uống đại biểu")
    prefix_data = {
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "1",
        "items-0-id": str(line.pk),
        "items-0-item": line.item,
        "items-0-quantity": "150",
        "items-0-unit_price": "30000",
        "items-0-actual": "9000000",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    assert refused(editor.post(url("edit", budget), prefix_data))
    for action in ("approve", "settle"):
        target = reverse(f"symposium_pages_budget_{action}", args=[budget.pk])
        assert refused(editor.post(target))
    with pytest.raises(PermissionDenied):  # the model's own door, as a command would call it
        budget.approve(people["editor"])
    line.refresh_from_db()
    budget.refresh_from_db()
    assert line.actual is None and budget.status == SymposiumBudget.Status.ESTIMATE
    # and a reviewer (no budget rights at all) does not even read it
    client.force_login(people["reviewer"])
    assert refused(client.get(url("inspect", budget)))


def test_approval_and_settlement_are_logged_and_close_the_budget(client, people, plan, budget):
    office = client_for(client, people["office"])
    approve = reverse("symposium_pages_budget_approve", args=[budget.pk])
    settle = reverse("symposium_pages_budget_settle", args=[budget.pk])
    assert "Duyệt dự trù" in office.get(url("edit", budget)).content.decode()
    confirm = office.get(approve)
    assert confirm.status_code == 200 and "Duyệt dự trù" in confirm.content.decode()
    response = office.post(approve, follow=True)
    assert "đã được duyệt" in response.content.decode()
    budget.refresh_from_db()
    assert budget.status == SymposiumBudget.Status.APPROVED
    assert budget.approved_by == people["office"] and budget.approved_at is not None
    # approval froze the printing line: a bigger print run no longer moves the estimate
    estimate = budget.estimate_total
    assert estimate == 4_500_000 + 150 * 30_000 + 2 * 100 * 400
    plan.booklet_copies = 300
    plan.save()
    assert SymposiumBudget.for_symposium(plan).estimate_total == estimate
    # and the approved figures are not typed over: the form ignores them, a line stays
    data = edit_form(office, budget)
    water = line_prefix(data, "Nước uống đại biểu")
    data[f"{water}-unit_price"] = "90000"
    data[f"{printing_prefix(data, budget)}-DELETE"] = "1"
    response = office.post(url("edit", budget), data)
    assert response.status_code == 200
    assert "Không xóa được khoản in tài liệu." in response.content.decode()
    assert budget.items.filter(is_printing=True).exists()
    del data[f"{printing_prefix(data, budget)}-DELETE"]
    data[f"{water}-DELETE"] = "1"
    response = office.post(url("edit", budget), data)
    assert "thuộc dự trù đã duyệt, không xóa được" in response.content.decode()
    del data[f"{water}-DELETE"]
    assert office.post(url("edit", budget), data).status_code == 302
    assert budget.items.get(item="Nước uống đại biểu").unit_price == 30_000
    assert SymposiumBudget.for_symposium(plan).estimate_total == estimate

    # settling needs every actual amount: refused, in Vietnamese, nothing changes
    response = office.post(settle)
    assert response.status_code == 400
    assert "Nhập số thực chi" in response.content.decode()
    budget.refresh_from_db()
    assert budget.status == SymposiumBudget.Status.APPROVED
    budget.items.update(actual=1_000_000)
    client.force_login(people["moderator"])
    response = client.post(settle, follow=True)
    assert "đã quyết toán" in response.content.decode()
    budget.refresh_from_db()
    assert budget.is_settled and budget.settled_by == people["moderator"]

    entries = ModelLogEntry.objects.for_instance(budget).order_by("timestamp", "pk")
    logged = [(entry.action, entry.user) for entry in entries]
    assert logged == [
        (APPROVED_ACTION, people["office"]),
        ("wagtail.edit", people["office"]),  # the save after approval; refused posts log nothing
        (SETTLED_ACTION, people["moderator"]),
    ]
    history = client.get(url("history", budget)).content.decode()
    assert "Đã duyệt dự trù" in history and "Đã quyết toán" in history

    # settled: closed to everyone, at the view and at the model
    assert client.get(url("edit", budget)).status_code == 302
    assert refused(client.post(url("edit", budget), {}))
    with pytest.raises(PermissionDenied):
        budget.approve(people["office"])
    assert SymposiumBudget.objects.get(pk=budget.pk).is_settled


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-500000", "không được âm"),
        ("năm trăm nghìn", "số nguyên"),
        ("1,5", "số nguyên"),
    ],
)
def test_amounts_typed_wrong_are_refused_in_vietnamese(client, people, budget, typed, message):
    office = client_for(client, people["office"])
    data = edit_form(office, budget)
    water = line_prefix(data, "Nước uống đại biểu")
    data[f"{water}-actual"] = typed
    data[f"{water}-unit_price"] = typed
    response = office.post(url("edit", budget), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    line = budget.items.get(item="Nước uống đại biểu")
    assert (line.actual, line.unit_price) == (None, 30_000)
    assert budget.revisions.count() == 0


def test_the_plans_budget_tab_links_to_the_record(admin_client, budget, plan):
    html = admin_client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    assert url("edit", budget) in html
    assert "Thuê hội trường, âm thanh" in html
    assert "budget_lines-TOTAL_FORMS" not in html


# -- the migration of the plan's budget lines ---------------------------------

BEFORE = ("symposium_pages", "0016_vetting_by_criteria")
AFTER = ("symposium_pages", "0017_office_budget")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.fixture
def back_to_the_latest():
    """Set up before the database and torn down after it, as test_migrations.py does."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_plans_budget_lines_move_to_the_offices_record(back_to_the_latest, home_page):
    plan = make_plan(home_page, booklet_copies=120, price_per_page=350)
    other = make_plan(home_page, slug="toa-dam-khac", plan_number="93-KH/TU")
    apps = migrate(BEFORE)
    BudgetLine = apps.get_model("symposium_pages", "BudgetLine")
    for order, (item, quantity, unit, price) in enumerate(LINES):
        BudgetLine.objects.create(
            page_id=plan.pk,
            sort_order=order,
            item=item,
            quantity=quantity,
            unit=unit,
            unit_price=price,
        )

    # the other plan's latest revision, awaiting moderation, changed its lines: those count
    Revision = apps.get_model("wagtailcore", "Revision")
    revision = Revision.objects.get(pk=other.latest_revision_id)
    revision.content["budget_lines"] = [
        {
            "pk": None,
            "item": "Hoa, khẩu hiệu",
            "quantity": 1,
            "unit": "gói",
            "unit_price": 2_000_000,
        }
    ]
    revision.save()
    apps.get_model("symposium_pages", "SymposiumPage").objects.filter(pk=other.pk).update(
        has_unpublished_changes=True
    )

    apps = migrate(AFTER)
    Budget = apps.get_model("symposium_pages", "SymposiumBudget")
    Item = apps.get_model("symposium_pages", "BudgetItem")
    budget = Budget.objects.get(symposium_id=plan.pk)
    rows = list(
        Item.objects.filter(budget=budget)
        .order_by("sort_order")
        .values_list("item", "quantity", "unit", "unit_price", "is_printing")
    )
    assert rows[:-1] == [(*line, False) for line in LINES]
    assert rows[-1][1:] == (120, "cuốn", 0, True)
    assert Budget.objects.get(symposium_id=other.pk).status == "estimate"
    other_rows = Item.objects.filter(budget__symposium_id=other.pk).order_by("sort_order")
    assert [(row.item, row.unit_price, row.is_printing) for row in other_rows] == [
        ("Hoa, khẩu hiệu", 2_000_000, False),
        ("In tài liệu tọa đàm", 0, True),
    ]


def test_receipts_are_private_documents_of_the_budget(client, people, budget):
    """A receipt uploaded into the budget's collection is attached and readable by the
    Office and the editors only; one from another (public) collection is refused."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from symposium_pages.collections import budget_collection

    Document = get_document_model()
    office = client_for(client, people["office"])
    data = edit_form(office, budget)  # the first edit makes the private collection
    private = budget_collection()
    receipt = Document.objects.create(
        title="Phiếu thu tiền hội trường",
        file=ContentFile(b"%PDF-1.4 phieu thu", name="phieu-thu.pdf"),
        collection=private,
    )
    public = Document.objects.create(
        title="Tài liệu công khai",
        file=ContentFile(b"%PDF-1.4 cong khai", name="cong-khai.pdf"),
        collection=Collection.get_first_root_node(),
    )
    hall = budget.items.get(item="Thuê hội trường, âm thanh")
    data.update(
        {
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "0",
            "documents-0-kind": "receipt",
            "documents-0-item": str(hall.pk),
            "documents-0-document": str(public.pk),
            "documents-0-description": "Phiếu thu",
            "documents-0-ORDER": "1",
            "documents-0-DELETE": "",
            "documents-0-id": "",
        }
    )
    refused = office.post(url("edit", budget), data)
    assert refused.status_code == 200
    assert "Chứng từ kinh phí (nội bộ)" in refused.content.decode()
    assert not budget.documents.exists()

    data["documents-0-document"] = str(receipt.pk)
    assert office.post(url("edit", budget), data).status_code == 302
    [attached] = budget.documents.all()
    assert (attached.document, attached.item, attached.kind) == (receipt, hall, "receipt")

    assert office.get(receipt.url).status_code == 200
    client.force_login(people["editor"])
    assert client.get(receipt.url).status_code == 200
    assert f'href="{receipt.url}"' in client.get(url("inspect", budget)).content.decode()
    client.force_login(people["reviewer"])
    assert client.get(receipt.url).status_code != 200
    client.logout()
    assert client.get(receipt.url).status_code != 200
