"""The programme order moves into Wagtail's page order; a symposium names its organiser.

Each plan's papers are put in the page tree in the order their numbers gave
them (the keynote first, the closing summary last, ties by their old place),
before the number goes: from here on the explorer's order is the programme.
Papers have no pages under them, so they trade places by trading paths.
"""

from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models

STEPLEN = 4  # Wagtail's page paths: four characters a level
KIND_RANK = {"keynote": 0, "closing": 2}


def programme_into_page_order(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PaperPage = apps.get_model("symposium_pages", "PaperPage")
    siblings = defaultdict(list)
    for pk, path, kind, order in PaperPage.objects.filter(numchild=0).values_list(
        "pk", "path", "kind", "programme_order"
    ):
        siblings[path[:-STEPLEN]].append((KIND_RANK.get(kind, 1), order, path, pk))
    for papers in siblings.values():
        places = sorted(path for _rank, _order, path, _pk in papers)
        moves = [
            (pk, place)
            for (_rank, _order, path, pk), place in zip(sorted(papers), places, strict=True)
            if path != place
        ]
        # Out of the way first: paths are unique.
        for pk, _place in moves:
            Page.objects.filter(pk=pk).update(path=f"~{pk}")
        for pk, place in moves:
            Page.objects.filter(pk=pk).update(path=place)


class Migration(migrations.Migration):
    dependencies = [
        ("symposium_pages", "0011_paper_notes_and_side_boxes"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(programme_into_page_order, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="paperpage",
            name="programme_order",
        ),
        migrations.AddField(
            model_name="symposiumpage",
            name="organiser",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "The unit that leads the symposium: it writes the keynote and the closing "
                    "summary and issues the report. Its own reports are its contribution, so it "
                    "is never counted among the units that have sent nothing."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="organised_symposia",
                to="symposium_pages.unit",
                verbose_name="organising unit",
            ),
        ),
    ]
