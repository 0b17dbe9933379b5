"""The Office's budget (issue 20 point 4): its own record per symposium, off the plan page.

The plan's budget lines (BudgetLine, on the public page) are copied into each
symposium's SymposiumBudget with their order, and a printing line is added
(its figures follow the booklet's pages, copies and price per page, which stay
on the plan). A plan whose latest revision changes the lines and awaits
moderation gives those newer lines: they are what the Office last wrote. A
translation's lines are copies of its original's and are not copied again;
one without an original in the default language keeps its own. Nothing is
deleted here: BudgetLine goes in a later migration.

The groups get their rights on the budget (roles.BUDGET_PERMISSIONS), as 0014
gave the editors theirs on desk questions.
"""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

PRINTING_ITEM = "In tài liệu tọa đàm"


def _lines_of(page, Revision, BudgetLine):
    """The page's lines: those of a newer revision awaiting publication, else its rows."""
    if page.has_unpublished_changes and page.latest_revision_id:
        revision = Revision.objects.filter(pk=page.latest_revision_id).first()
        content = revision.content if revision else None
        if isinstance(content, dict) and isinstance(content.get("budget_lines"), list):
            return [
                {
                    "item": str(line.get("item") or "")[:255],
                    "quantity": int(line.get("quantity") or 0),
                    "unit": str(line.get("unit") or "")[:40],
                    "unit_price": int(line.get("unit_price") or 0),
                    "sort_order": line.get("sort_order"),
                }
                for line in content["budget_lines"]
            ]
    return list(
        BudgetLine.objects.filter(page_id=page.pk)
        .order_by("sort_order", "pk")
        .values("item", "quantity", "unit", "unit_price", "sort_order")
    )


def copy_budget_lines(apps, schema_editor):
    from symposium_pages.languages import default_language

    SymposiumPage = apps.get_model("symposium_pages", "SymposiumPage")
    BudgetLine = apps.get_model("symposium_pages", "BudgetLine")
    SymposiumBudget = apps.get_model("symposium_pages", "SymposiumBudget")
    BudgetItem = apps.get_model("symposium_pages", "BudgetItem")
    Revision = apps.get_model("wagtailcore", "Revision")
    language = default_language()
    pages = SymposiumPage.objects.select_related("locale").order_by("path")
    originals = set(
        pages.filter(locale__language_code=language).values_list("translation_key", flat=True)
    )
    for page in pages:
        if page.locale.language_code != language and page.translation_key in originals:
            continue  # a translation: its lines copy its original's
        if SymposiumBudget.objects.filter(symposium_id=page.pk).exists():
            continue
        budget = SymposiumBudget.objects.create(symposium_id=page.pk)
        lines = _lines_of(page, Revision, BudgetLine)
        for order, line in enumerate(lines):
            BudgetItem.objects.create(
                budget=budget,
                sort_order=order,
                item=line["item"],
                quantity=line["quantity"],
                unit=line["unit"],
                unit_price=line["unit_price"],
            )
        BudgetItem.objects.create(
            budget=budget,
            sort_order=len(lines),
            is_printing=True,
            item=PRINTING_ITEM,
            quantity=page.booklet_copies or 0,
            unit="cuốn",
            unit_price=0,  # follows the booklet while an estimate (models/budget.py)
        )


def grant_budget_rights(apps, schema_editor):
    """The Office and the moderators change, approve and settle; editors view."""
    from symposium_pages import roles
    from symposium_pages.moderation import _Permissions, ensure_groups

    permissions = _Permissions(apps)
    groups = ensure_groups(apps, permissions=permissions)
    for key in (roles.OFFICE, roles.MODERATORS, roles.EDITORS):
        specs = [spec for spec in roles.MODEL_PERMISSIONS[key] if spec[1] == "symposiumbudget"]
        groups[key].permissions.add(*(permissions.get(*spec) for spec in specs))


def drop_budgets(apps, schema_editor):
    """Backwards: the records go with their tables; the plan's lines were never touched."""


class Migration(migrations.Migration):
    dependencies = [
        ("symposium_pages", "0016_vetting_by_criteria"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),  # 7.4 LTS has no 0098
        ("wagtaildocs", "0014_alter_document_file_size"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SymposiumBudget",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("estimate", "Estimate"),
                            ("approved", "Approved"),
                            ("settled", "Settled"),
                        ],
                        default="estimate",
                        editable=False,
                        max_length=10,
                        verbose_name="state",
                    ),
                ),
                (
                    "approved_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="approved at"
                    ),
                ),
                (
                    "settled_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="settled at"
                    ),
                ),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="approved by",
                    ),
                ),
                (
                    "latest_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="latest revision",
                    ),
                ),
                (
                    "settled_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="settled by",
                    ),
                ),
                (
                    "symposium",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="office_budget",
                        to="symposium_pages.symposiumpage",
                        verbose_name="symposium",
                    ),
                ),
            ],
            options={
                "verbose_name": "symposium budget",
                "verbose_name_plural": "symposium budgets",
                "ordering": ["-symposium__issued_on", "-pk"],
                "permissions": [
                    ("approve_symposiumbudget", "Can approve the budget's estimate"),
                    ("settle_symposiumbudget", "Can settle the budget"),
                ],
            },
        ),
        migrations.CreateModel(
            name="BudgetItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("item", models.CharField(max_length=255, verbose_name="item")),
                ("quantity", models.PositiveIntegerField(default=1, verbose_name="quantity")),
                (
                    "unit",
                    models.CharField(
                        blank=True,
                        help_text="e.g. người, buổi, cuốn",
                        max_length=40,
                        verbose_name="unit of measure",
                    ),
                ),
                (
                    "unit_price",
                    models.PositiveBigIntegerField(default=0, verbose_name="unit price (VND)"),
                ),
                (
                    "actual",
                    models.PositiveBigIntegerField(
                        blank=True,
                        help_text="What was spent; empty until it is known.",
                        null=True,
                        verbose_name="actual amount (VND)",
                    ),
                ),
                ("paid_on", models.DateField(blank=True, null=True, verbose_name="date paid")),
                (
                    "is_printing",
                    models.BooleanField(
                        default=False,
                        editable=False,
                        help_text="Its estimate is the booklet's pages × copies × price per page.",
                        verbose_name="printing line",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="note")),
                (
                    "budget",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="symposium_pages.symposiumbudget",
                    ),
                ),
            ],
            options={
                "verbose_name": "budget line",
                "verbose_name_plural": "budget lines",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="BudgetDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("invoice", "Invoice"),
                            ("receipt", "Receipt"),
                            ("contract", "Contract"),
                            ("other", "Other"),
                        ],
                        default="receipt",
                        max_length=10,
                        verbose_name="kind",
                    ),
                ),
                (
                    "description",
                    models.CharField(blank=True, max_length=255, verbose_name="description"),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="file",
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="documents",
                        to="symposium_pages.budgetitem",
                        verbose_name="budget line",
                    ),
                ),
                (
                    "budget",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="documents",
                        to="symposium_pages.symposiumbudget",
                    ),
                ),
            ],
            options={
                "verbose_name": "supporting document",
                "verbose_name_plural": "supporting documents",
                "ordering": ["pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="budgetitem",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_printing", True)),
                fields=("budget",),
                name="one_printing_line_per_budget",
            ),
        ),
        migrations.RunPython(copy_budget_lines, drop_budgets),
        migrations.RunPython(grant_budget_rights, migrations.RunPython.noop),
    ]
