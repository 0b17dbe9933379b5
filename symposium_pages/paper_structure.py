"""The structure hints of a symposium's papers: its expected parts against a paper's body.

`intake.structure` does the matching on blocks; this module fetches what it matches:
the symposium's parts (`VettingCriterion` rows of kind "part") and a paper's stored
body, for the reviewer's panel and the vetting form
(`{% include "symposium_pages/includes/structure_hints.html" with hints=... %}`).
"""

from .intake.structure import Hints, structure_hints

PART = "part"


def expected_parts(symposium) -> list:
    """The symposium's expected parts, in their order; none for a missing symposium."""
    if symposium is None or not symposium.pk:
        return []
    criteria = getattr(symposium, "vetting_criteria", None)
    if criteria is None:
        return []
    return list(criteria.filter(kind=PART))


def hints_for_paper(paper_page) -> Hints:
    """The hints for the paper's stored body (StreamField) against its symposium's parts.

    A translation is judged against the parts of the symposium it belongs to, in its own
    language; a paper outside any symposium has no hints.
    """
    symposium = paper_page.get_symposium() if paper_page.pk else None
    parts = expected_parts(symposium)
    if not parts:
        return Hints()
    return structure_hints(list(paper_page.body.raw_data), parts)


def hints_for_check(symposium, result) -> Hints:
    """The hints for a checked upload (`CheckResult`), before anything is stored."""
    if result is None or result.paper is None:
        return Hints()
    return structure_hints(result.paper, expected_parts(symposium))
