"""The plan's criteria for papers, as every new symposium starts with them.

Plan 92-KH/TU asks that papers be "khách quan, khoa học (có căn cứ về lý luận
và thực tiễn), có tính xây dựng, tính Đảng", with three parts: the significance
and value of the work, the shortcomings and their causes, the tasks and
solutions proposed. They are copied onto each symposium as rows the editors may
change (`VettingCriterion`); the labels are translated into the symposium's own
language when the rows are made. Every function takes an app registry, so that
the data migration (historical models) and the running site share them.
"""

from django.apps import apps as global_apps
from django.utils import translation
from django.utils.translation import pgettext_lazy

CRITERION = "criterion"
PART = "part"

# (kind, label, guidance, keywords); keywords are the words the intake looks for.
DEFAULTS = (
    (
        CRITERION,
        pgettext_lazy("vetting criterion", "Objective"),
        pgettext_lazy(
            "vetting criterion", "Assesses the facts as they are, without embellishment."
        ),
        "",
    ),
    (
        CRITERION,
        pgettext_lazy("vetting criterion", "Scientific: grounded in theory and practice"),
        pgettext_lazy(
            "vetting criterion",
            "Arguments rest on the Party's documents and on the unit's results.",
        ),
        "",
    ),
    (
        CRITERION,
        pgettext_lazy("vetting criterion", "Constructive"),
        pgettext_lazy("vetting criterion", "Proposes what to do, not only what went wrong."),
        "",
    ),
    (
        CRITERION,
        pgettext_lazy("vetting criterion", "Party spirit"),
        pgettext_lazy("vetting criterion", "Stands on the Party's line and principles."),
        "",
    ),
    (
        PART,
        pgettext_lazy("vetting part", "Significance, and theoretical and practical value"),
        "",
        pgettext_lazy(
            "vetting keywords", "significance, importance, theoretical value, practical value"
        ),
    ),
    (
        PART,
        pgettext_lazy("vetting part", "Shortcomings and their causes"),
        "",
        pgettext_lazy("vetting keywords", "shortcomings, limitations, causes, weaknesses"),
    ),
    (
        PART,
        pgettext_lazy("vetting part", "Tasks and solutions proposed"),
        "",
        pgettext_lazy("vetting keywords", "tasks, solutions, proposals, recommendations"),
    ),
)


def _language(apps, symposium):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale = Locale.objects.filter(pk=symposium.locale_id).first()
    return locale.language_code if locale else None


def add_defaults(symposium, apps=global_apps):
    """The default criteria on a symposium that has none, in the symposium's language."""
    VettingCriterion = apps.get_model("symposium_pages", "VettingCriterion")
    if VettingCriterion.objects.filter(symposium_id=symposium.pk).exists():
        return []
    language = _language(apps, symposium) or translation.get_language()
    with translation.override(language):
        rows = [
            VettingCriterion(
                symposium_id=symposium.pk,
                sort_order=order,
                kind=kind,
                label=str(label),
                guidance=str(guidance),
                keywords=str(keywords),
            )
            for order, (kind, label, guidance, keywords) in enumerate(DEFAULTS)
        ]
    return VettingCriterion.objects.bulk_create(rows)


def add_defaults_everywhere(apps=global_apps):
    """Every symposium without criteria gets the defaults (the data migration)."""
    SymposiumPage = apps.get_model("symposium_pages", "SymposiumPage")
    for symposium in SymposiumPage.objects.order_by("pk"):
        add_defaults(symposium, apps)
