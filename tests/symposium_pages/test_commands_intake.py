"""check_papers and receive_paper, exactly as DESIGN.md fixes their interface."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from symposium_pages.models import PaperPage, Unit

from .docx_builders import simple_paper
from .factories import make_plan

ROOT = Path(__file__).resolve().parents[2]
KEYS = [
    "file",
    "ok",
    "pages",
    "page_count_method",
    "words",
    "title",
    "over_limit",
    "errors",
    "warnings",
    # added after DESIGN.md's fields: the estimate's range, the verdict, what it could not model
    "page_range",
    "verdict",
    "unmodelled",
]


def manage(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.testproject.settings"}
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def papers(tmp_path):
    good = tmp_path / "tot.docx"
    good.write_bytes(simple_paper())
    long = tmp_path / "dai.docx"
    long.write_bytes(simple_paper(pages=9))
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"%PDF-1.4 not a word file")
    return good, long, bad


def test_check_papers_json_in_the_order_given(papers):
    good, long, bad = papers
    result = manage(
        "check_papers", str(good), str(long), str(bad), "--json", "--method", "estimate"
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [list(item) for item in report] == [KEYS, KEYS, KEYS]
    assert [item["file"] for item in report] == [str(good), str(long), str(bad)]
    assert report[0] | {"words": None} == {
        "file": str(good),
        "ok": True,
        "pages": 1,
        "page_count_method": "estimate",
        "words": None,
        "title": "Nâng cao chất lượng sinh hoạt chi bộ",
        "over_limit": False,
        "errors": [],
        "warnings": [],
        "page_range": [1, 1],
        "verdict": "within",
        "unmodelled": [],
    }
    assert report[0]["words"] > 40
    assert (report[1]["ok"], report[1]["pages"], report[1]["over_limit"]) == (False, 9, True)
    assert (report[1]["page_range"], report[1]["verdict"]) == ([9, 9], "over")
    assert (report[2]["ok"], report[2]["pages"], len(report[2]["errors"])) == (False, None, 1)
    assert (report[2]["page_range"], report[2]["verdict"]) == (None, None)
    assert "PDF" in report[2]["errors"][0]


def test_check_papers_exit_codes(papers):
    good, long, _bad = papers
    assert manage("check_papers", str(good), "--method", "estimate").returncode == 0
    assert (
        manage("check_papers", str(long), "--max-pages", "9", "--method", "estimate").returncode
        == 0
    )
    assert manage("check_papers", str(long), "--method", "estimate").returncode == 1
    assert manage("check_papers", str(good), "--method", "guess").returncode == 2
    assert manage("check_papers").returncode == 2
    assert manage("check_papers", str(good), "--max-pages", "0").returncode == 2


def test_check_papers_missing_file_is_reported_not_a_traceback(tmp_path):
    result = manage("check_papers", str(tmp_path / "none.docx"), "--json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)[0]["ok"] is False


def test_receive_paper_command(home_page, tmp_path, capsys):
    plan = make_plan(home_page)
    Unit.objects.create(name="Thị ủy An Khê", short_name="TU An Khê", category="huyen_uy")
    path = tmp_path / "an-khe.docx"
    path.write_bytes(simple_paper())
    call_command(
        "receive_paper",
        plan.slug,
        str(path),
        "--unit",
        "TU An Khê",
        "--presenter",
        "Trần Văn Bình",
        "--method",
        "estimate",
    )
    paper = PaperPage.objects.get()
    assert (paper.unit.name, paper.presenter_name, paper.live) == (
        "Thị ủy An Khê",
        "Trần Văn Bình",
        False,
    )
    out = capsys.readouterr().out
    assert f"(id {paper.pk})" in out
    with pytest.raises(CommandError):
        call_command("receive_paper", "khong-co", str(path), "--unit", "TU An Khê")
    with pytest.raises(CommandError):
        call_command("receive_paper", str(plan.pk), str(path), "--unit", "Không có đơn vị này")
