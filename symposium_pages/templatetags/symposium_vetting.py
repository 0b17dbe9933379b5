"""The vetting modal's form, bound to its task state (Wagtail makes it without one)."""

from django import template

register = template.Library()


@register.simple_tag
def vetting_form(form, task_state):
    """The form with the paper's criteria: Wagtail's own on a failed POST, else a new one."""
    if getattr(form, "task_state", None) is not None or task_state is None:
        return form
    return type(form)(task_state=task_state)


@register.simple_tag
def changes_for_unit(paper):
    """The unit's share of a request for changes (see vetting.changes_for_unit)."""
    from ..vetting import changes_for_unit

    return changes_for_unit(paper)
