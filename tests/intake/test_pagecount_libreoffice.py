"""The layout estimate against LibreOffice's real layout, on a seeded corpus.

Renders about a hundred documents in a few soffice jobs (one private profile
each): the corpus of realistic papers, the same papers saved by LibreOffice
itself, and the hand-computed cases of test_pagecount.py. Skipped only when no
soffice is installed; the comparisons with the estimate also need Times New Roman
drawn with Liberation 2 (see tests/office_fonts.py).
"""

import pytest

from symposium_pages.intake.libreoffice import render_page_counts
from symposium_pages.intake.pagecount import (
    PageCount,
    PageCountUnavailable,
    count_pages,
    find_soffice,
)
from tests.intake.papers import (
    CORPUS_SEEDS,
    build_paper,
    corpus,
    roundtrip_libreoffice,
    to_bytes,
    with_app_pages,
)
from tests.intake.test_pagecount import HAND_CASES
from tests.office_fonts import fc_match_file, needs_reference_fonts

SOFFICE = find_soffice()
pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]
BATCH = 16  # files per soffice job: keeps each job short and its timeout meaningful
ROUNDTRIP = 12  # corpus papers also checked after a save by LibreOffice


def corpus_fonts() -> list[str]:
    """Fonts whose LibreOffice rendering is the true layout on this machine.

    Times New Roman and Arial come with fonts-liberation2 (Liberation 1.07 lacks
    Vietnamese letters); Calibri only counts where Carlito is installed. Cambria stays
    out: Caladea has no Vietnamese letters, so LibreOffice falls back glyph by glyph
    and no longer measures Cambria.
    """
    fonts = ["Times New Roman"] * 3 + ["Arial"]
    if "Carlito" in fc_match_file("Calibri"):
        fonts.append("Calibri")
    return fonts


def render(files: dict[str, bytes]) -> dict[str, int]:
    names = list(files)
    counts: dict[str, int] = {}
    for start in range(0, len(names), BATCH):
        batch = {name: files[name] for name in names[start : start + BATCH]}
        counts.update(render_page_counts(batch, SOFFICE, timeout=300))
    return counts


@pytest.fixture(scope="module")
def papers() -> dict[str, bytes]:
    return {name: build_paper(spec) for name, spec in corpus(CORPUS_SEEDS, corpus_fonts())}


@pytest.fixture(scope="module")
def rendered(papers) -> dict[str, int]:
    return render(papers)


def compare(files: dict[str, bytes], truth: dict[str, int], title: str, capsys) -> list:
    """Rows (name, libreoffice, estimate, detail) for every file; prints the misses."""
    rows = []
    for name, data in files.items():
        estimate = count_pages(data, method="estimate")
        rows.append((name, truth[name], estimate.pages, estimate.detail))
    misses = [row for row in rows if row[1] != row[2]]
    exact = len(rows) - len(misses)
    with capsys.disabled():
        print(
            f"\n{title}: estimate == LibreOffice on {exact}/{len(rows)} ({exact / len(rows):.1%})"
        )
        if misses:
            print(f"  {'paper':<14} {'LO':>3} {'est':>4}  detail")
            for name, lo, est, detail in misses:
                print(f"  {name:<14} {lo:>3} {est:>4}  {detail}")
    return rows


def assert_accurate(rows) -> None:
    exact = sum(1 for _name, lo, est, _detail in rows if lo == est)
    assert exact / len(rows) >= 0.9
    assert max(abs(lo - est) for _name, lo, est, _detail in rows) <= 1


def test_corpus_is_varied(rendered):
    assert len(rendered) >= 40
    counts = sorted(rendered.values())
    assert counts[0] == 1
    assert counts[-1] >= 10


@needs_reference_fonts
def test_estimate_matches_libreoffice_on_the_corpus(papers, rendered, capsys):
    assert_accurate(compare(papers, rendered, "corpus", capsys))


@needs_reference_fonts
def test_estimate_matches_libreoffice_after_a_save_by_libreoffice(papers, capsys):
    chosen = dict(list(papers.items())[:ROUNDTRIP])
    saved = roundtrip_libreoffice(chosen, SOFFICE)
    assert_accurate(compare(saved, render(saved), "saved by LibreOffice", capsys))


@needs_reference_fonts
def test_hand_computed_cases_are_what_libreoffice_lays_out():
    files = {name: to_bytes(build()) for name, (build, _pages) in HAND_CASES.items()}
    counts = render(files)
    assert counts == {name: pages for name, (_build, pages) in HAND_CASES.items()}


def test_app_xml_does_not_sway_libreoffice(papers, rendered):
    name = max(rendered, key=rendered.get)
    stale = with_app_pages(papers[name], 3)
    missing = with_app_pages(papers[name], None)
    assert render({"stale": stale, "missing": missing}) == {
        "stale": rendered[name],
        "missing": rendered[name],
    }


def test_libreoffice_method_returns_the_true_count(papers, rendered):
    for name in sorted(rendered, key=rendered.get)[-2:]:
        counted = count_pages(papers[name], method="libreoffice", timeout=120)
        assert counted == PageCount(
            rendered[name],
            "libreoffice",
            "rendered by LibreOffice; docProps/app.xml says 1, ignored",
        )


def test_auto_uses_libreoffice_when_it_is_installed(papers, rendered):
    name = next(iter(papers))
    counted = count_pages(with_app_pages(papers[name], None), soffice=SOFFICE)
    assert counted == PageCount(rendered[name], "libreoffice", "rendered by LibreOffice")


def test_a_libreoffice_that_overruns_its_timeout_is_stopped(papers):
    data = next(iter(papers.values()))
    with pytest.raises(PageCountUnavailable, match="LibreOffice took longer than 0.2 s"):
        count_pages(data, method="libreoffice", timeout=0.2)
