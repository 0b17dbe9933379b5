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
