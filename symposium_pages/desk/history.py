"""Everything done at a desk, on the invitation's record (Wagtail's history of the snippet).

Each entry keeps what was done, when and from which address; the unit has no
user account, so the entry has no user.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

ISSUED = "symposium_pages.desk_link_issued"
REVOKED = "symposium_pages.desk_link_revoked"
SENT = "symposium_pages.desk_paper_sent"
PRESENTER = "symposium_pages.desk_presenter"
QUESTION = "symposium_pages.desk_question"
ANSWERED = "symposium_pages.desk_question_answered"
REMINDED = "symposium_pages.desk_reminder_sent"


class DeskFormatter(LogFormatter):
    template = ""

    def format_message(self, log_entry):
        data = {
            "address": "—",
            "file": "",
            "receipt": "",
            "presenter": "",
            "question": "",
            "answer": "",
            "to": "",
            "days": "—",
            **log_entry.data,
        }
        return self.template % data


ACTIONS = {
    ISSUED: (
        _("Desk link issued"),
        _("A private desk link was issued (earlier links stop working)."),
    ),
    REVOKED: (_("Desk link revoked"), _("The private desk link was revoked.")),
    SENT: (
        _("Paper sent from the desk"),
        _("Paper sent from the desk: %(file)s, receipt %(receipt)s (from %(address)s)."),
    ),
    PRESENTER: (
        _("Presenter named at the desk"),
        _("Presenter named at the desk: %(presenter)s (from %(address)s)."),
    ),
    QUESTION: (
        _("Question sent from the desk"),
        _("Question sent from the desk (from %(address)s): %(question)s"),
    ),
    ANSWERED: (
        _("Question answered"),
        _("Answered “%(question)s”: %(answer)s"),
    ),
    REMINDED: (
        _("Reminder sent"),
        _("Reminder e-mailed to %(to)s (days before the deadline: %(days)s)."),
    ),
}


def register(actions):
    """For the `register_log_actions` hook."""
    for action, (label, template) in ACTIONS.items():
        formatter = type("DeskFormatter", (DeskFormatter,), {"label": label, "template": template})
        actions.register_action(action)(formatter)


def record(invitation, action, request=None, user=None, **data):
    if request is not None:
        data["address"] = request.META.get("REMOTE_ADDR", "")
    wagtail_log(instance=invitation, action=action, user=user, data=data)
