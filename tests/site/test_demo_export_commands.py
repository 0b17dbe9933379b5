"""export_booklet and export_report: outputs in-process, exit codes as real processes."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from symposium_pages.intake.libreoffice import find_soffice, pdf_page_count
from symposium_pages.models import SymposiumPage
from tests.documents.docx_checks import headings, open_docx, paragraph_text, toc_entries

ROOT = Path(__file__).resolve().parents[2]
SLUG = "toa-dam-xay-dung-chinh-don-dang-2022"


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_export_booklet_writes_the_booklet(demo, tmp_path):
    target = tmp_path / "tai-lieu.docx"
    output = run("export_booklet", SLUG, "-o", str(target), "--method", "estimate")
    document = open_docx(target.read_bytes())
    titles = [paragraph_text(p) for p in headings(document)]
    assert [title for title, _page in toc_entries(document)] == titles
    lines = output.splitlines()
    assert lines[0].startswith(f"Tài liệu tọa đàm: {len(titles)} báo cáo, tham luận, ")
    assert lines[0].endswith(f" trang → {target}")
    assert lines[1] == ("Số trang trong mục lục là ước tính; Word sẽ cập nhật lại khi mở tệp.")


def test_export_booklet_draft_by_id(demo, tmp_path):
    symposium = SymposiumPage.objects.get(slug=SLUG)
    target = tmp_path / "du-thao.docx"
    output = run(
        "export_booklet", str(symposium.pk), "-o", str(target), "--draft", "--method", "estimate"
    )
    assert output.startswith("Tài liệu tọa đàm (dự thảo): ")
    document = open_docx(target.read_bytes())
    assert "BẢN DỰ THẢO" in document.sections[0].header.paragraphs[0].text


def test_export_report_writes_the_report(demo, tmp_path):
    target = tmp_path / "bao-cao.docx"
    output = run("export_report", SLUG, "-o", str(target), "--date", "2022-09-05")
    document = open_docx(target.read_bytes())
    assert document.tables[0].rows[0].cells[1].paragraphs[-1].text == (
        "Gia Lai, ngày 05 tháng 9 năm 2022"
    )
    assert output.startswith(f"Báo cáo → {target}: ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["khong-co", "-o", "x.docx"], "Không có tọa đàm nào có slug hoặc id khong-co."),
        ([SLUG, "-o", "x.pdf"], "Tệp ghi ra phải có đuôi .docx: x.pdf"),
        (
            [SLUG, "-o", "x.docx", "--pdf", "--method", "estimate"],
            "Tệp PDF cần LibreOffice: không dùng --pdf cùng với --method estimate.",
        ),
    ],
)
def test_export_booklet_refusals(demo, args, message):
    with pytest.raises(CommandError) as problem:
        call_command("export_booklet", *args)
    assert str(problem.value) == message


def test_export_report_bad_date(demo, tmp_path):
    with pytest.raises(CommandError) as problem:
        call_command("export_report", SLUG, "-o", str(tmp_path / "r.docx"), "--date", "5/9/2022")
    assert str(problem.value) == "Không phải ngày (YYYY-MM-DD): 5/9/2022"


# --- as real processes: exit codes -------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.test",
        "DATABASE_URL": f"sqlite:///{path}",
    }
    for args in (["migrate", "--no-input"], ["load_demo"]):
        done = manage(env, *args)
        assert done.returncode == 0, done.stderr
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_exit_codes(demo_database, tmp_path):
    env = demo_database
    target = tmp_path / "t.docx"
    done = manage(env, "export_booklet", SLUG, "-o", str(target), "--method", "estimate")
    assert (done.returncode, done.stderr) == (0, "")
    assert target.is_file()
    done = manage(env, "export_report", SLUG, "-o", str(tmp_path / "r.docx"))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("Báo cáo → ")

    done = manage(env, "export_booklet", "khong-co", "-o", str(target))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "CommandError: Không có tọa đàm nào có slug hoặc id khong-co.\n"
    done = manage(env, "export_report", SLUG, "-o", str(tmp_path / "khong" / "co" / "r.docx"))
    assert done.returncode == 1
    assert "Không ghi được tệp" in done.stderr and "Traceback" not in done.stderr

    for args in (
        ["export_booklet", SLUG],
        ["export_report"],
        ["export_booklet", SLUG, "-o", "x.docx", "--method", "x"],
    ):
        done = manage(env, *args)
        assert done.returncode == 2, args
        assert "Traceback" not in done.stderr


@pytest.mark.libreoffice
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_with_libreoffice(demo_database, tmp_path):
    target = tmp_path / "tai-lieu.docx"
    done = manage(demo_database, "export_booklet", SLUG, "-o", str(target), "--pdf")
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[1] == "Số trang trong mục lục đã được đối chiếu với bản dàn trang của LibreOffice."
    assert lines[2] == f"PDF → {target.with_suffix('.pdf')}"
    pdf = target.with_suffix(".pdf").read_bytes()
    document = open_docx(target.read_bytes())
    assert pdf_page_count(pdf) >= toc_entries(document)[-1][1]
