"""import_units: keys or Vietnamese labels, BOM or not, updates by name, all rows or none."""

import os
import subprocess
import sys
import unicodedata
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from symposium_pages.models import Unit
from symposium_pages.units_import import UnitImportError, import_units

ROOT = Path(__file__).resolve().parents[2]
HEADER = "name,short_name,category,email,phone\n"


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def units():
    return sorted(
        (unit.name, unit.short_name, unit.category, unit.email, unit.phone, str(unit.parent or ""))
        for unit in Unit.objects.select_related("parent")
    )


def errors_of(data):
    with pytest.raises(UnitImportError) as caught:
        import_units(data)
    return [str(error) for error in caught.value.errors]


# -- what is accepted -------------------------------------------------------


def test_import_with_category_keys(db):
    result = import_units(
        (
            HEADER
            + "Ban Tổ chức Tỉnh ủy,BTC,tham_muu,bantochuc@gialai.example,0269 3000 101\n"
            + "Huyện ủy Chư Păh,HU Chư Păh,huyen_uy,,\n"
            + "Đảng ủy Công an tỉnh,ĐUCA, dang_uy_truc_thuoc ,congan@gialai.example,\n"
        ).encode()
    )
    assert result.summary() == "Tạo mới 3, cập nhật 0, giữ nguyên 0 đơn vị."
    assert units() == [
        ("Ban Tổ chức Tỉnh ủy", "BTC", "tham_muu", "bantochuc@gialai.example", "0269 3000 101", ""),
        ("Huyện ủy Chư Păh", "HU Chư Păh", "huyen_uy", "", "", ""),
        ("Đảng ủy Công an tỉnh", "ĐUCA", "dang_uy_truc_thuoc", "congan@gialai.example", "", ""),
    ]


def test_import_with_vietnamese_labels_in_any_case_or_without_diacritics(db):
    rows = [
        ("Ban Dân vận Tỉnh ủy", "Cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy", "tham_muu"),
        ("Ban cán sự đảng UBND tỉnh", "BAN CÁN SỰ ĐẢNG", "ban_can_su"),
        ("Đảng đoàn HĐND tỉnh", "Các đảng đoàn", "dang_doan"),
        ("Ban Thường vụ Tỉnh đoàn", "ban thuong vu tinh doan", "tinh_doan"),
        ("Thị ủy An Khê", "Huyện ủy, thị ủy, thành ủy", "huyen_uy"),
        ("Đảng ủy Quân sự tỉnh", "Các đảng ủy trực thuộc Tỉnh ủy", "dang_uy_truc_thuoc"),
        ("Đảng bộ xã Ia Dom", "to chuc dang o co so", "co_so"),
    ]
    body = "".join(f'{name},,"{label}",,\n' for name, label, _key in rows)
    import_units((HEADER + body).encode())
    assert dict(Unit.objects.values_list("name", "category")) == {
        name: key for name, _label, key in rows
    }


def test_decomposed_unicode_is_stored_composed(db):
    name = unicodedata.normalize("NFD", "Huyện ủy Đức Cơ")
    import_units((HEADER + f"{name},,huyen_uy,,\n").encode())
    assert Unit.objects.get().name == "Huyện ủy Đức Cơ"


def test_byte_order_mark_semicolons_and_crlf(db):
    data = "\ufeffname;short_name;category;email;phone\r\nThành ủy Pleiku;TU Pleiku;huyen_uy;;\r\n"
    import_units(data.encode("utf-8"))
    assert units() == [("Thành ủy Pleiku", "TU Pleiku", "huyen_uy", "", "", "")]


def test_vietnamese_headers_and_parent_by_name(db):
    data = (
        "Tên đơn vị,Tên viết tắt,Nhóm,Thư điện tử,Điện thoại,Đơn vị cấp trên\n"
        "Đảng bộ phường Hội Thương,,co_so,,,Thành ủy Pleiku\n"
        "Thành ủy Pleiku,TU Pleiku,huyen_uy,,,\n"
    )
    import_units(data.encode())
    assert units() == [
        ("Thành ủy Pleiku", "TU Pleiku", "huyen_uy", "", "", ""),
        ("Đảng bộ phường Hội Thương", "", "co_so", "", "", "Thành ủy Pleiku"),
    ]


def test_order_of_precedence_column(db):
    data = "name,category,stt\nVăn phòng Tỉnh ủy,tham_muu,60\nBan Tổ chức Tỉnh ủy,tham_muu,10\n"
    import_units(data.encode())
    assert list(Unit.objects.values_list("name", "position")) == [
        ("Ban Tổ chức Tỉnh ủy", 10),
        ("Văn phòng Tỉnh ủy", 60),
    ]


def test_running_again_updates_by_name_and_never_duplicates(db):
    first = (HEADER + "Huyện ủy Kbang,HU Kbang,huyen_uy,kbang@gialai.example,\n").encode()
    import_units(first)
    again = import_units(first)
    assert again.summary() == "Tạo mới 0, cập nhật 0, giữ nguyên 1 đơn vị."
    changed = (
        HEADER
        + "HUYỆN ỦY  KBANG,HU Kbang,huyen_uy,vanphong.kbang@gialai.example,0269 3000 555\n"
        + "Huyện ủy Ia Pa,,huyen_uy,,\n"
    ).encode()
    result = import_units(changed)
    assert result.summary() == "Tạo mới 1, cập nhật 1, giữ nguyên 0 đơn vị."
    assert units() == [
        (
            "HUYỆN ỦY KBANG",
            "HU Kbang",
            "huyen_uy",
            "vanphong.kbang@gialai.example",
            "0269 3000 555",
            "",
        ),
        ("Huyện ủy Ia Pa", "", "huyen_uy", "", "", ""),
    ]


def test_columns_absent_from_the_file_are_left_alone(db):
    Unit.objects.create(
        name="Ban Nội chính Tỉnh ủy", category="tham_muu", email="noichinh@gialai.example"
    )
    import_units("name,category\nBan Nội chính Tỉnh ủy,tham_muu\n".encode())
    assert Unit.objects.get().email == "noichinh@gialai.example"


def test_dry_run_saves_nothing(db):
    result = import_units((HEADER + "Huyện ủy Ia Grai,,huyen_uy,,\n").encode(), dry_run=True)
    assert result.summary() == "Tạo mới 1, cập nhật 0, giữ nguyên 0 đơn vị."
    assert not Unit.objects.exists()


# -- what is refused, with its line and column; nothing is saved ---------------


GOOD_ROW = "Ban Tổ chức Tỉnh ủy,BTC,tham_muu,bantochuc@gialai.example,\n"


@pytest.mark.parametrize(
    "rows,message",
    [
        (
            ",HU,huyen_uy,,\n",
            "Dòng 3, cột A (name): tên đơn vị để trống.",
        ),
        (
            "Huyện ủy Mang Yang,,,,\n",
            "Dòng 3, cột C (category): nhóm đơn vị để trống.",
        ),
        (
            "Huyện ủy Mang Yang,,huyen,,\n",
            "Dòng 3, cột C (category): không có nhóm đơn vị “huyen”. Hãy ghi một trong các mã "
            "tham_muu, ban_can_su, dang_doan, tinh_doan, huyen_uy, dang_uy_truc_thuoc, co_so "
            "hoặc tên nhóm bằng tiếng Việt.",
        ),
        (
            "Huyện ủy Mang Yang,,huyen_uy,mangyang@,\n",
            "Dòng 3, cột D (email): “mangyang@” không phải là địa chỉ thư điện tử hợp lệ.",
        ),
        (
            "ban tổ chức tỉnh ủy,,tham_muu,,\n",
            "Dòng 3, cột A (name): đơn vị “ban tổ chức tỉnh ủy” đã có ở dòng 2.",
        ),
        (
            "Huyện ủy Mang Yang,,huyen_uy,,,0269\n",
            "Dòng 3, cột F: có giá trị nằm ngoài các cột khai báo ở dòng tiêu đề.",
        ),
        (
            "Huyện ủy Mang Yang," + "M" * 101 + ",huyen_uy,,\n",
            "Dòng 3, cột B (short_name): quá dài: 101 ký tự, tối đa 100.",
        ),
    ],
    ids=[
        "empty-name",
        "empty-category",
        "unknown-category",
        "bad-email",
        "duplicate",
        "extra",
        "long",
    ],
)
def test_a_bad_row_names_its_line_and_column_and_imports_nothing(db, rows, message):
    assert errors_of((HEADER + GOOD_ROW + rows).encode()) == [message]
    assert not Unit.objects.exists()


@pytest.mark.parametrize("value", ["một", "-1", "2.5", "40000", "²"])
def test_a_bad_order_is_refused(db, value):
    data = f"name,category,position\nBan Dân vận Tỉnh ủy,tham_muu,{value}\n"
    assert errors_of(data.encode()) == [
        f"Dòng 2, cột C (position): thứ tự “{value}” không phải là số nguyên từ 0 đến 32767."
    ]
    assert not Unit.objects.exists()


def test_every_bad_row_is_reported_in_file_order(db):
    data = (
        HEADER
        + GOOD_ROW
        + "\n"  # blank lines are skipped but still counted
        + "Huyện ủy Kông Chro,,ban chỉ đạo,,\n"
        + '"Huyện ủy\nĐak Pơ",,huyen_uy,dakpo@gialai,\n'  # a quoted name over two lines
        + ",,,,\n"
        + "Huyện ủy Phú Thiện,,huyen_uy,,\n"
    ).encode()
    assert errors_of(data) == [
        "Dòng 4, cột C (category): không có nhóm đơn vị “ban chỉ đạo”. Hãy ghi một trong các mã "
        "tham_muu, ban_can_su, dang_doan, tinh_doan, huyen_uy, dang_uy_truc_thuoc, co_so "
        "hoặc tên nhóm bằng tiếng Việt.",
        "Dòng 5, cột D (email): “dakpo@gialai” không phải là địa chỉ thư điện tử hợp lệ.",
    ]
    assert not Unit.objects.exists()


def test_a_bad_row_after_existing_units_changes_none_of_them(db):
    Unit.objects.create(name="Ban Tổ chức Tỉnh ủy", short_name="BTC", category="tham_muu")
    data = (HEADER + "Ban Tổ chức Tỉnh ủy,Ban TC,tham_muu,,\nHuyện ủy Chư Sê,,??,,\n").encode()
    assert len(errors_of(data)) == 1
    assert units() == [("Ban Tổ chức Tỉnh ủy", "BTC", "tham_muu", "", "", "")]


@pytest.mark.parametrize(
    "data,message",
    [
        (
            b"",
            "Dòng 1: tệp trống; cần có dòng tiêu đề và mỗi đơn vị một dòng.",
        ),
        (
            HEADER.encode(),
            "Dòng 2: tệp chỉ có dòng tiêu đề, chưa có đơn vị nào.",
        ),
        (
            "name,category,ghi chú\nA,huyen_uy,\n".encode(),
            "Dòng 1, cột C (ghi chú): không có cột “ghi chú”. Các cột được dùng: "
            "name, category, short_name, email, phone, parent, position.",
        ),
        (
            "Ban Tổ chức Tỉnh ủy,BTC,tham_muu,,\n".encode(),
            "Dòng 1: dòng đầu tiên phải là dòng tiêu đề ghi tên các cột, ví dụ "
            "name,short_name,category,email,phone.",
        ),
        (
            b"name,short_name\nA,B\n",
            "Dòng 1: dòng tiêu đề phải có các cột name, category (có thể thêm short_name, "
            "email, phone, parent, position); còn thiếu: category.",
        ),
        (
            b"name,category,email,E-mail\nA,co_so,,\n",
            "Dòng 1, cột D (E-mail): cột “email” xuất hiện hai lần (cả ở cột C).",
        ),
    ],
    ids=["empty", "header-only", "unknown-column", "no-header", "missing-column", "twice"],
)
def test_bad_files_are_refused_whole(db, data, message):
    assert errors_of(data) == [message]
    assert not Unit.objects.exists()


def test_parent_must_exist_and_not_loop(db):
    data = (
        "name,category,parent\n"
        "Chi bộ A,co_so,Chi bộ B\n"
        "Chi bộ B,co_so,Chi bộ A\n"
        "Chi bộ C,co_so,Chi bộ C\n"
        "Chi bộ D,co_so,Huyện ủy không có\n"
    ).encode()
    assert errors_of(data) == [
        "Dòng 2, cột C (parent): các đơn vị cấp trên tạo thành vòng lặp quay lại “Chi bộ A”.",
        "Dòng 3, cột C (parent): các đơn vị cấp trên tạo thành vòng lặp quay lại “Chi bộ B”.",
        "Dòng 4, cột C (parent): một đơn vị không thể là đơn vị cấp trên của chính nó.",
        "Dòng 5, cột C (parent): không tìm thấy đơn vị cấp trên “Huyện ủy không có” trong tệp "
        "này cũng như trong danh sách đơn vị đã có.",
    ]
    assert not Unit.objects.exists()


NOT_UTF8 = (
    "Dòng 2: tệp không dùng mã UTF-8 (có thể đã được lưu theo bảng mã Windows-1258 hoặc một "
    "bảng mã cũ khác). Hãy mở tệp bằng chương trình bảng tính và lưu lại dưới dạng “CSV UTF-8”."
)


def cp1258(text):
    """Encode as Windows-1258 does: a base letter (maybe with a hat) plus a tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            hats = "".join(mark for mark in marks if mark in "\u0302\u0306\u031b")
            tones = "".join(mark for mark in marks if mark not in hats)
            out += unicodedata.normalize("NFC", base + hats).encode("cp1258")
            out += tones.encode("cp1258")
    return out


def test_windows_1258_and_latin_1_files_are_refused_clearly(db):
    text = HEADER + "Huyện ủy Đức Cơ,,huyen_uy,,\n"
    legacy = cp1258(text)
    assert unicodedata.normalize("NFC", legacy.decode("cp1258")) == text
    assert errors_of(legacy) == [NOT_UTF8]
    assert errors_of((HEADER + "Café Pleiku,,co_so,,\n").encode("latin-1")) == [NOT_UTF8]
    assert errors_of((HEADER + "Huyện ủy Ia Pa,,huyen_uy,,\n").encode("utf-16")) == [
        "Dòng 1: tệp được lưu theo mã UTF-16, không phải UTF-8. Hãy mở tệp bằng chương trình "
        "bảng tính và lưu lại dưới dạng “CSV UTF-8”."
    ]
    assert not Unit.objects.exists()


# -- the command ----------------------------------------------------------------


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def test_command_imports_and_prints_the_summary(db, tmp_path):
    path = write(tmp_path, "don-vi.csv", "\ufeff" + HEADER + "Huyện ủy Chư Prông,,huyen_uy,,\n")
    out = StringIO()
    call_command("import_units", str(path), stdout=out)
    assert out.getvalue() == "Tạo mới 1, cập nhật 0, giữ nguyên 0 đơn vị.\n"
    out = StringIO()
    call_command("import_units", str(path), stdout=out)
    assert out.getvalue() == "Tạo mới 0, cập nhật 0, giữ nguyên 1 đơn vị.\n"
    assert Unit.objects.count() == 1


def test_command_reports_errors_and_fails(db, tmp_path):
    path = write(tmp_path, "loi.csv", HEADER + ",,huyen_uy,,\nHuyện ủy A,,?,,\n")
    err = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_units", str(path), stderr=err)
    assert str(caught.value) == "Chưa nhập đơn vị nào: tệp có 2 lỗi."
    assert err.getvalue().splitlines() == [
        "Dòng 2, cột A (name): tên đơn vị để trống.",
        "Dòng 3, cột C (category): không có nhóm đơn vị “?”. Hãy ghi một trong các mã "
        "tham_muu, ban_can_su, dang_doan, tinh_doan, huyen_uy, dang_uy_truc_thuoc, co_so "
        "hoặc tên nhóm bằng tiếng Việt.",
    ]
    assert not Unit.objects.exists()


def test_command_dry_run(db, tmp_path):
    path = write(tmp_path, "thu.csv", HEADER + "Huyện ủy Chư Pưh,,huyen_uy,,\n")
    out = StringIO()
    call_command("import_units", str(path), "--dry-run", stdout=out)
    assert (
        out.getvalue() == "Chạy thử, không lưu gì.\nTạo mới 1, cập nhật 0, giữ nguyên 0 đơn vị.\n"
    )
    assert not Unit.objects.exists()


def test_command_missing_file(db, tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("import_units", str(tmp_path / "khong-co.csv"))
    assert str(caught.value) == (
        f"Không đọc được tệp: {tmp_path / 'khong-co.csv'} (No such file or directory)"
    )


@pytest.fixture(scope="module")
def scratch_database(tmp_path_factory):
    """A migrated SQLite file for the command run as a real process."""
    path = tmp_path_factory.mktemp("import-units") / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.testproject.settings",
        "DATABASE_URL": f"sqlite:///{path}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_exit_codes_of_the_real_command(scratch_database, tmp_path):
    env = scratch_database
    good = write(tmp_path, "tot.csv", HEADER + GOOD_ROW + "Huyện ủy Đak Đoa,,huyen_uy,,\n")
    done = manage(env, "import_units", str(good))
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "Tạo mới 2, cập nhật 0, giữ nguyên 0 đơn vị.\n",
        "",
    )
    done = manage(env, "import_units", str(good))
    assert (done.returncode, done.stdout) == (0, "Tạo mới 0, cập nhật 0, giữ nguyên 2 đơn vị.\n")

    bad = write(tmp_path, "sai.csv", HEADER + "Huyện ủy Đak Đoa,,huyen_uy,daklak@,\n")
    done = manage(env, "import_units", str(bad))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "Dòng 2, cột D (email): “daklak@” không phải là địa chỉ thư điện tử hợp lệ.\n"
        "CommandError: Chưa nhập đơn vị nào: tệp có 1 lỗi.\n"
    )

    legacy = write(tmp_path, "cu.csv", cp1258(HEADER + "Huyện ủy Đak Đoa,,huyen_uy,,\n"))
    done = manage(env, "import_units", str(legacy))
    assert (done.returncode, done.stderr) == (
        1,
        NOT_UTF8 + "\nCommandError: Chưa nhập đơn vị nào: tệp có 1 lỗi.\n",
    )
    assert "Traceback" not in done.stderr

    done = manage(env, "import_units")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
