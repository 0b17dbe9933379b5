"""Migrations that change existing rows: run on a database that holds a plan."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from symposium_pages.models import LegalBasis, ProgrammeItem

from .factories import make_plan, release

BEFORE = ("symposium_pages", "0006_public_reading")
AFTER = ("symposium_pages", "0007_translatable_plan_rows")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


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
