"""Background work of the add-on, as django_tasks tasks (run inline when no worker is set up)."""

from django_tasks import task


@task()
def build_booklet_export(export_id: int):
    """Build the booklet of a `BookletExport`, keeping its progress and then its files."""
    from .printing import run_booklet_export

    return run_booklet_export(export_id)


@task()
def count_original_pages(submission_id: int):
    """LibreOffice's count of an upload the intake answered with an estimate (exact_counts.py)."""
    from .exact_counts import count_exactly

    return count_exactly(submission_id)


@task()
def send_desk_receipt(submission_id: int):
    """The receipt of a unit's upload, e-mailed to the unit (desk/receipts.py)."""
    from .desk.receipts import mail_receipt

    return mail_receipt(submission_id)


@task()
def send_question_answer(question_id: int):
    """The Department's answer to a unit's question, e-mailed to the unit (desk/questions.py)."""
    from .desk.questions import mail_answer

    return mail_answer(question_id)


@task()
def send_due_reminders():
    """The reminders due today, for a scheduler that runs tasks rather than cron
    (`manage.py send_reminders` does the same); returns how many were sent."""
    from .desk.reminders import SENT, send_due

    return sum(outcome == SENT for _item, outcome in send_due())


@task()
def send_invitation_letter(invitation_id: int, user_id: int | None = None):
    """A unit's invitation letter and fresh desk link, e-mailed to it (desk/letters.py).

    The task issues the link itself, so no token waits in the task queue's storage.
    """
    from .desk.letters import mail_letter

    return mail_letter(invitation_id, user_id)
