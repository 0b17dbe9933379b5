"""How a paper's pages were counted: the keys stored with it, and their labels for people."""

from django.utils.translation import gettext_lazy as _

# The keys stay in the JSON of check_papers and in the database.
LABELS = {
    "estimate": _("estimated from the layout"),
    "libreoffice": _("counted by LibreOffice"),
}

CHOICES = [("", "—"), *LABELS.items()]


def label(method: str) -> str:
    return str(LABELS.get(method, method))


# The page limit's verdict, as check_papers' JSON and the intake preview give it.
VERDICTS = {
    "within": _("within the limit"),
    "over": _("over the limit"),
    "uncertain": _("uncertain — confirmed by LibreOffice"),
}


def verdict_label(verdict: str) -> str:
    return str(VERDICTS.get(verdict, verdict))
