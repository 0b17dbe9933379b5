"""Migrations that change existing rows: run on a database that holds a plan."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from symposium_pages.models import LegalBasis, ProgrammeItem

from .factories import make_plan, release

BEFORE = ("symposium_pages", "0006_public_reading")
AFTER = ("symposium_pages", "0007_translatable_plan_rows")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


@pytest.fixture(autouse=True)
def back_to_the_latest():
    """Each test leaves the schema as it found it: the next one needs every table."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


# Run among the transactional tests, after others have emptied the database: the
# serialized rollback brings back the site's root page first.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_plan_rows_become_translatable_with_their_plans_locale(home_page):
    plan = make_plan(home_page)
    plan.legal_bases = [LegalBasis(sort_order=0, number="21-KL/TW", title="Kết luận")]
    plan.programme_items = [
        ProgrammeItem(sort_order=n, starts_at=datetime.time(8 + n), title=f"Mục {n}")
        for n in range(3)
    ]
    release(plan)

    migrate(BEFORE)
    migrate(AFTER)

    items = list(ProgrammeItem.objects.filter(page_id=plan.pk))
    assert [item.title for item in items] == ["Mục 0", "Mục 1", "Mục 2"]
    assert {item.locale_id for item in items} == {plan.locale_id}
    assert len({item.translation_key for item in items}) == 3
    [doc] = LegalBasis.objects.filter(page_id=plan.pk)
    assert doc.locale_id == plan.locale_id and doc.translation_key is not None


PROGRAMME_BEFORE = ("symposium_pages", "0011_paper_notes_and_side_boxes")
PROGRAMME_AFTER = ("symposium_pages", "0012_programme_in_page_order_and_organiser")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_papers_take_the_places_their_numbers_gave_them_in_the_page_tree(home_page):
    from symposium_pages.models import PaperPage

    plan = make_plan(home_page)
    # Filed in an order of their own; the numbers of the old field say the programme.
    numbers = {"Tổng kết": ("closing", 1), "B": ("paper", 5), "Đề dẫn": ("keynote", 50)}
    numbers["A"] = ("paper", 3)
    for number, (title, (kind, _order)) in enumerate(numbers.items()):
        plan.add_child(instance=PaperPage(title=title, slug=f"bai-{number}", kind=kind, live=False))

    migrate(PROGRAMME_BEFORE)
    old = MigrationExecutor(connection).loader.project_state([PROGRAMME_BEFORE]).apps
    for title, (_kind, order) in numbers.items():
        old.get_model("symposium_pages", "PaperPage").objects.filter(title=title).update(
            programme_order=order
        )
    migrate(PROGRAMME_AFTER)

    tree = PaperPage.objects.child_of(plan).order_by("path")
    assert [paper.title for paper in tree] == ["Đề dẫn", "A", "B", "Tổng kết"]
    # numchild is on Wagtail's own table: the plan's model may have columns of later migrations.
    assert plan.get_children().count() == Page.objects.get(pk=plan.pk).numchild
