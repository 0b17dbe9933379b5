"""Judging a paper by its symposium's criteria: the action form and the record it leaves.

Wagtail builds a task's action form from the action alone (`form_class(POST)`),
without the page; the form learns its paper from a hidden field holding the
task state (`vetted_state`), which the modal's template fills in (it has the task state). The
edit view's path hands the data to `on_action` without validating it again, so
`record_judgement` checks it once more against the real task state.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.models import TaskState

MET = "1"
UNMET = "0"


def symposium_of(page):
    """The symposium a page belongs to (itself, if it is one), or None."""
    from .models import SymposiumPage

    if page is None:
        return None
    return SymposiumPage.objects.ancestor_of(page, inclusive=True).order_by("-depth").first()


def criteria_for(task_state):
    """The symposium and its criteria for the page on a task state."""
    page = task_state.workflow_state.content_object
    symposium = symposium_of(page)
    if symposium is None:
        return None, []
    return symposium, list(symposium.vetting_criteria.order_by("sort_order", "pk"))


class VettingForm(forms.Form):
    """The reviewer's judgement: each criterion and part met or not, with a note."""

    # Not "task_state": on_action takes the cleaned data as keywords next to its own task_state.
    vetted_state = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=pgettext_lazy("vetting", "Internal comment"),
        help_text=_("For the Department only; the unit never sees it."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    action = None

    def __init__(self, data=None, *args, task_state=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.task_state = task_state or self._task_state_from(data)
        self.criteria = []
        if self.task_state is not None:
            self.initial.setdefault("vetted_state", self.task_state.pk)
            _symposium, self.criteria = criteria_for(self.task_state)
        choices = [
            (MET, pgettext_lazy("vetting", "Met")),
            (UNMET, pgettext_lazy("vetting", "Not met")),
        ]
        for criterion in self.criteria:
            self.fields[f"met_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.label,
                help_text=criterion.guidance,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": pgettext_lazy("vetting", "Say whether it is met.")},
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=pgettext_lazy("vetting", "Note"), required=False, max_length=2000
            )

    @staticmethod
    def _task_state_from(data):
        try:
            pk = int((data or {}).get("vetted_state"))
        except (TypeError, ValueError):
            return None
        return TaskState.objects.filter(pk=pk).first()

    def rows(self):
        """(criterion, result field, note field) for the template, criteria first then parts."""
        ordered = sorted(self.criteria, key=lambda c: c.kind != "criterion")
        return [(c, self[f"met_{c.pk}"], self[f"note_{c.pk}"]) for c in ordered]

    def clean(self):
        cleaned = super().clean()
        if self.task_state is None:
            raise forms.ValidationError(
                pgettext("vetting", "This paper is no longer awaiting vetting; reload the page.")
            )
        return cleaned

    def results(self):
        """Each criterion's result, as the record keeps it."""
        return results_from(self.criteria, self.cleaned_data)


class ApproveForm(VettingForm):
    action = "approve"

    override_reason = forms.CharField(
        label=pgettext_lazy("vetting", "Reason for approving although not every criterion is met"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        unmet = [r["label"] for r in results_from(self.criteria, cleaned) if r["met"] is False]
        if unmet and not (cleaned.get("override_reason") or "").strip():
            self.add_error(
                "override_reason",
                pgettext(
                    "vetting",
                    "Not every criterion is met (%(criteria)s): request changes, or give the "
                    "reason for approving all the same.",
                )
                % {"criteria": "; ".join(unmet)},
            )
        return cleaned


class RequestChangesForm(VettingForm):
    action = "reject"

    unit_comment = forms.CharField(
        label=pgettext_lazy("vetting", "Comment for the unit"),
        help_text=_("Shown to the unit on its desk, with the criteria not met."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        unmet = [r for r in results_from(self.criteria, cleaned) if r["met"] is False]
        said = (cleaned.get("unit_comment") or "").strip() or (cleaned.get("comment") or "").strip()
        if not (unmet or said or self.errors):
            self.add_error(
                "unit_comment",
                pgettext(
                    "vetting",
                    "Say what must change: mark the criteria not met, or write a comment.",
                ),
            )
        return cleaned


def results_from(criteria, data):
    results = []
    for criterion in criteria:
        met = data.get(f"met_{criterion.pk}")
        results.append(
            {
                "criterion": criterion.pk,
                "kind": criterion.kind,
                "label": criterion.label,
                "met": None if met in (None, "") else met == MET,
                "note": (data.get(f"note_{criterion.pk}") or "").strip(),
            }
        )
    return results


def form_for_action(task, action):
    return {"approve": ApproveForm, "reject": RequestChangesForm}.get(action, VettingForm)


def editor_comment(internal, results):
    """The comment the editors see in the workflow's history: theirs, then what is not met."""
    lines = [internal.strip()] if internal and internal.strip() else []
    unmet = [r for r in results if r["met"] is False]
    if unmet:
        lines.append(pgettext("vetting", "Not met:"))
        for r in unmet:
            lines.append(f"– {r['label']}" + (f": {r['note']}" if r["note"] else ""))
    return "\n".join(lines)


@transaction.atomic
def record_judgement(task_state, user, action_name, data):
    """Checks the judgement against the task state, records it, and moves the workflow on.

    Returns the PaperVetting kept (None for a page that is not a paper).
    """
    from .models import PaperPage, PaperVetting

    form_class = form_for_action(task_state.task, action_name)
    form = form_class({**data, "vetted_state": task_state.pk}, task_state=task_state)
    if not form.is_valid():
        # The modal validates; only a hand-made request gets here.
        raise PermissionDenied("; ".join(str(e) for errors in form.errors.values() for e in errors))
    results = form.results()
    comment = editor_comment(form.cleaned_data.get("comment", ""), results)
    page = task_state.workflow_state.content_object
    symposium, _criteria = criteria_for(task_state)
    vetting = None
    if isinstance(page.specific_deferred, PaperPage) and symposium is not None:
        vetting = PaperVetting.objects.create(
            symposium=symposium,
            paper_id=page.pk,
            revision=task_state.revision,
            task_state=task_state,
            reviewer=user,
            action=PaperVetting.Action.APPROVED
            if action_name == "approve"
            else PaperVetting.Action.CHANGES,
            override_reason=form.cleaned_data.get("override_reason", "").strip(),
            unit_comment=form.cleaned_data.get("unit_comment", "").strip(),
            internal_comment=form.cleaned_data.get("comment", "").strip(),
            results=results,
        )
    if action_name == "approve":
        task_state.approve(user=user, comment=comment)
    elif action_name == "reject":
        task_state.reject(user=user, comment=comment)
    return vetting


def judgement_data(task_state, unmet=(), **extra):
    """The action form's data, every criterion met but those whose labels are in `unmet`.

    For code that moves a paper through the workflow as a reviewer would (the
    demo, scripts, tests): `task.on_action(task_state, user, action, **data)`;
    for a task of another kind, only the comment.
    """
    from .models import VettingTask

    if not isinstance(task_state.task.specific, VettingTask):
        return {"comment": "", **extra}  # a plain approval takes only a comment
    _symposium, criteria = criteria_for(task_state)
    data = {"vetted_state": task_state.pk, "comment": ""}
    for criterion in criteria:
        data[f"met_{criterion.pk}"] = UNMET if criterion.label in unmet else MET
        data[f"note_{criterion.pk}"] = ""
    data.update(extra)
    return data


# -- what the record shows -------------------------------------------------------------


def latest_vetting(paper):
    """The paper's latest judgement (from `vettings` as prefetched), or None."""
    if paper is None:
        return None
    return max(paper.vettings.all(), key=lambda v: (v.judged_at, v.pk), default=None)


def changes_for_unit(paper):
    """What the unit may read while changes are requested: the comment written for it and
    the criteria not met, by their labels. Never the internal comment, nor the notes."""
    vetting = latest_vetting(paper)
    if vetting is None or vetting.action != vetting.Action.CHANGES:
        return None
    return {
        "comment": vetting.unit_comment,
        "unmet": [r["label"] for r in vetting.results if r.get("met") is False],
        "judged_at": vetting.judged_at,
    }


def summary(vetting):
    """One line for the staff's lists: the decision, how many met, by whom and when."""
    if vetting is None:
        return ""
    judged = [r for r in vetting.results if r.get("met") is not None]
    met = sum(1 for r in judged if r["met"])
    person = vetting.reviewer
    reviewer = (person.get_full_name() or person.get_username()) if person else ""
    line = pgettext("vetting", "%(decision)s: %(met)d of %(total)d met") % {
        "decision": vetting.get_action_display(),
        "met": met,
        "total": len(judged),
    }
    when = timezone.localtime(vetting.judged_at).strftime("%d/%m/%Y")
    return ", ".join(part for part in (line, reviewer, when) if part)


def quality(symposium):
    """How the papers fared by each criterion, for the report on results (a `Quality`).

    Each row: (label, papers that met it at their first judgement, papers sent
    back and judged again that met it at their latest). Criteria are the
    symposium's, in order; results under a criterion since deleted are left out.
    """
    from .documents.report import Quality
    from .models import PaperVetting

    by_paper = {}
    judgements = PaperVetting.objects.filter(symposium=symposium, paper__isnull=False)
    for vetting in judgements.order_by("judged_at", "pk"):
        by_paper.setdefault(vetting.paper_id, []).append(vetting)
    changes = PaperVetting.Action.CHANGES
    sent_back = [js for js in by_paper.values() if any(v.action == changes for v in js)]
    # Judged again after the first request for changes.
    again = [js for js in sent_back if [v.action for v in js].index(changes) < len(js) - 1]

    def met(vetting, criterion_id):
        return any(r.get("criterion") == criterion_id and r.get("met") for r in vetting.results)

    rows = [
        (
            criterion.label,
            sum(1 for js in by_paper.values() if met(js[0], criterion.pk)),
            sum(1 for js in again if met(js[-1], criterion.pk)),
        )
        for criterion in symposium.vetting_criteria.order_by("sort_order", "pk")
    ]
    return Quality(len(by_paper), len(sent_back), len(again), rows)
