"""A paper's pages as the admin's lists show them: "estimated" until LibreOffice has counted,
and a warning when the exact count reversed the estimate's verdict on the page limit."""

from django.utils.translation import gettext as _

from ..exact_counts import count_state


def pages_text(paper):
    """The pages as listed: "5", or "5 (estimated)" while the figure is the layout estimate."""
    if paper is None or paper.pages is None:
        return ""
    if paper.page_count_method != "estimate":
        return str(paper.pages)
    state = count_state(paper)
    if state is not None and state.counting:
        return _("%(pages)s (estimated; LibreOffice is counting)") % {"pages": paper.pages}
    return _("%(pages)s (estimated)") % {"pages": paper.pages}


def count_flags(paper):
    """Warnings beside a paper's status about its page count."""
    state = count_state(paper) if paper is not None else None
    if state is None:
        return []
    if state.counting:
        return [_("Pages being counted")]
    changed = state.verdict_changed
    if changed == "over":
        return [_("Exact count: over the page limit (the estimate was within)")]
    if changed == "within":
        return [_("Exact count: within the page limit (the estimate was over)")]
    return []
