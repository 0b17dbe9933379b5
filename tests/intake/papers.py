"""Build realistic symposium papers (.docx) for the page-count tests.

The papers look like what invited units send: a unit header, a bold title, body
paragraphs in Vietnamese with the administrative margins or Word's defaults,
headings, lists, tables, page breaks and stray empty paragraphs. Everything is
generated from a seed, so a corpus is reproducible and LibreOffice's count for
it can be compared with the estimate.
"""

from __future__ import annotations

import io
import random
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

# Words and phrases of a paper on Party building; sentences are drawn from them.
WORDS = """
công tác xây dựng chỉnh đốn Đảng hệ thống chính trị cán bộ đảng viên nhân dân phát triển
kinh tế xã hội tỉnh huyện cơ sở nâng cao chất lượng hiệu quả lãnh đạo chỉ đạo thực hiện
kết luận nghị quyết tuyên truyền giáo dục đạo đức lối sống phòng chống tham nhũng tiêu cực
đổi mới phương thức tổ chức bộ máy tinh gọn hoạt động hiệu lực kiểm tra giám sát kỷ luật
kỷ cương chi bộ sinh hoạt tự phê bình trách nhiệm người đứng đầu cấp ủy chính quyền
mặt trận đoàn thể thanh niên phụ nữ nông dân đồng bào dân tộc thiểu số vùng sâu vùng xa
biên giới an ninh quốc phòng trật tự an toàn nông nghiệp công nghệ cao chuyển đổi số
du lịch giảm nghèo bền vững việc làm thu nhập đời sống vật chất tinh thần văn hóa
truyền thống cách mạng tư tưởng học tập làm theo tấm gương phong cách nhiệm kỳ giai đoạn
kết quả hạn chế nguyên nhân bài học kinh nghiệm giải pháp đề xuất kiến nghị thường xuyên
kịp thời nghiêm túc đồng bộ toàn diện quyết liệt cụ thể sâu sát gần dân trọng dân
hiểu dân tin dân dựa vào dân đoàn kết thống nhất dân chủ công khai minh bạch
đánh giá phân loại quy hoạch đào tạo bồi dưỡng luân chuyển bổ nhiệm sắp xếp kiện toàn
đội ngũ bản lĩnh năng lực uy tín ngang tầm nhiệm vụ trong tình hình mới đột phá
tăng trưởng đầu tư hạ tầng giao thông thủy lợi trường học trạm y tế nước sạch điện lưới
cà phê hồ tiêu cao su rừng trồng chăn nuôi hợp tác xã doanh nghiệp thương mại dịch vụ
làng nông thôn mới đô thị văn minh môi trường thiên tai hạn hán lũ lụt khắc phục
ý thức niềm tin gắn bó mật thiết phát huy vai trò tiên phong gương mẫu nêu gương
tập thể cá nhân khen thưởng xử lý vi phạm ngăn chặn đẩy lùi suy thoái biểu hiện
tự diễn biến tự chuyển hóa nội bộ quy chế quy định hướng dẫn văn bản kế hoạch chương trình
""".split()

# Whole phrases that papers repeat; kept together so lines break like in real papers.
PHRASES = [
    "Ban Thường vụ Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Kết luận số 21-KL/TW",
    "Kết luận số 01-KL/TW",
    "Chỉ thị số 05-CT/TW",
    "tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI",
    "giai đoạn 2021–2025",
    "đồng bào dân tộc Jrai, Bahnar",
    "tỉnh Gia Lai",
    "Mặt trận Tổ quốc Việt Nam",
    "(chiếm 87,5%)",
    "128 tổ chức cơ sở đảng",
    "trên 3.200 đảng viên",
]

UNITS = [
    "HUYỆN ỦY CHƯ SÊ",
    "THỊ ỦY AN KHÊ",
    "THÀNH ỦY PLEIKU",
    "BAN TỔ CHỨC TỈNH ỦY",
    "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
    "TỈNH ĐOÀN GIA LAI",
    "HUYỆN ỦY ĐAK ĐOA",
]

MARGINS = {
    # (top, bottom, left, right) in mm
    "administrative": (20, 20, 30, 15),
    "administrative-wide": (25, 25, 35, 20),
    "administrative-mid": (20, 20, 30, 20),
    "word": (25.4, 25.4, 25.4, 25.4),
    "python-docx": (25.4, 25.4, 31.75, 31.75),
}

PAPER = {"A4": (210, 297), "Letter": (215.9, 279.4)}


@dataclass(frozen=True)
class PaperSpec:
    """What a generated paper looks like; every field maps to a real-life choice."""

    seed: int = 0
    font: str = "Times New Roman"
    size: float = 13
    line: float = 1.0  # a multiple for "auto", points for "exact" / "atLeast"
    line_rule: str = "auto"
    space_before: float = 0
    space_after: float = 6
    first_line_mm: float = 10
    align: str = "justify"
    paper: str = "A4"
    landscape: bool = False
    margins: tuple[float, float, float, float] = MARGINS["administrative"]
    paragraphs: int = 12
    sentences: tuple[int, int] = (2, 5)
    header_block: bool = True
    headings: int = 2
    bullets: int = 0
    numbered: int = 0
    tables: int = 0
    table_cols: int = 3
    table_rows: int = 4
    page_breaks: int = 0
    empty_paragraphs: int = 0
    direct_formatting: bool = False  # spacing set on each paragraph instead of the style
    party_header: bool = False  # the borderless two-column header of Party documents
    page_numbers: str | None = None  # "header" or "footer"
    images: int = 0
    footnotes: int = 0
    theme_font: bool = False  # the font comes from the theme, as in Word's own files
    merged_cells: bool = False  # tables group their rows under a merged first cell
    extra: dict = field(default_factory=dict, hash=False, compare=False)


class Text:
    """A seeded source of Vietnamese sentences."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def words(self, n: int) -> list[str]:
        out: list[str] = []
        while len(out) < n:
            if self.rng.random() < 0.08:
                out.extend(self.rng.choice(PHRASES).split())
            else:
                out.append(self.rng.choice(WORDS))
        return out[:n]

    def sentence(self, lo: int = 8, hi: int = 30) -> str:
        words = self.words(self.rng.randint(lo, hi))
        for i in range(3, len(words) - 2):
            if self.rng.random() < 0.09:
                words[i] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, lo: int, hi: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def title(self) -> str:
        return " ".join(self.words(self.rng.randint(8, 18))).upper()


def _set_font(rpr_owner, name: str) -> None:
    """Point all four font slots at `name` and drop theme fonts (python-docx sets two)."""
    rpr = rpr_owner.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), name)


def _theme_font(doc, name: str) -> None:
    """Make `name` the theme's body (minor) font; styles keep pointing at the theme."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    theme = doc.part.part_related_by(RT.THEME)
    theme._blob = re.sub(
        rb'(<a:minorFont>\s*<a:latin typeface=")[^"]*"',
        b"\\g<1>" + name.encode() + b'"',
        theme.blob,
    )


def _line_spacing(fmt, spec: PaperSpec) -> None:
    if spec.line_rule == "exact":
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(spec.line)
    elif spec.line_rule == "atLeast":
        fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        fmt.line_spacing = Pt(spec.line)
    else:
        fmt.line_spacing = spec.line


def _paragraph_format(fmt, spec: PaperSpec) -> None:
    fmt.space_before = Pt(spec.space_before)
    fmt.space_after = Pt(spec.space_after)
    _line_spacing(fmt, spec)
    fmt.first_line_indent = Mm(spec.first_line_mm) if spec.first_line_mm else None
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if spec.align == "justify" else None


def _style_headings(doc, spec: PaperSpec) -> None:
    for name, size in (("Heading 1", spec.size + 1), ("Heading 2", spec.size)):
        style = doc.styles[name]
        _set_font(style.element, spec.font)
        style.font.size = Pt(size)
        style.font.color.rgb = None
        style.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 6)
        style.paragraph_format.space_after = Pt(6)


def _table(doc, text: Text, spec: PaperSpec, cols: int, rows: int) -> None:
    table = doc.add_table(rows=rows, cols=cols)
    table.style = doc.styles["Table Grid"]
    heads = ["TT", "Nội dung", "Kết quả", "Đơn vị", "Ghi chú"]
    for c, cell in enumerate(table.rows[0].cells):
        cell.text = heads[c] if c < len(heads) else f"Cột {c + 1}"
        cell.paragraphs[0].runs[0].bold = True
    for r in range(1, rows):
        for c, cell in enumerate(table.rows[r].cells):
            if c == 0:
                cell.text = str(r)
            elif c == 1:
                cell.text = text.sentence(4, 22).rstrip(".")
            else:
                cell.text = " ".join(text.words(text.rng.randint(1, 8)))
    if spec.merged_cells and rows > 2:
        group = table.cell(1, 0).merge(table.cell(min(rows - 1, 3), 0))
        group.text = text.sentence(3, 30)


def _party_header(doc, text: Text, spec: PaperSpec) -> None:
    """Issuing unit top left, the Party's name top right, as Party documents open."""
    table = doc.add_table(rows=2, cols=2)
    cells = table.rows[0].cells
    left = cells[0].paragraphs[0]
    left.alignment = WD_ALIGN_PARAGRAPH.CENTER
    left.add_run("ĐẢNG BỘ TỈNH GIA LAI\n")
    left.add_run(text.rng.choice(UNITS)).bold = True
    right = cells[1].paragraphs[0]
    right.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = right.add_run("ĐẢNG CỘNG SẢN VIỆT NAM")
    run.bold = True
    run.font.size = Pt(15)
    table.rows[1].cells[0].paragraphs[0].add_run("*").bold = True
    date = table.rows[1].cells[1].paragraphs[0]
    date.add_run(f"Gia Lai, ngày {text.rng.randint(10, 28)} tháng 8 năm 2022").italic = True
    for cell in table.rows[0].cells + table.rows[1].cells:
        for para in cell.paragraphs:
            para.paragraph_format.first_line_indent = Mm(0)
            para.paragraph_format.space_after = Pt(0)


def _page_number(section, where: str) -> None:
    """A centred PAGE field in the header or footer, as the booklet numbers pages."""
    part = section.header if where == "header" else section.footer
    para = part.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        run = para.add_run()
        if kind:
            el = run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
            run._r.append(el)
        elif text == " PAGE ":
            el = run._r.makeelement(qn("w:instrText"), {})
            el.text = text
            run._r.append(el)
        else:
            run.text = text
    end = para.add_run()
    end._r.append(end._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): "end"}))


def _picture(doc, rng: random.Random) -> None:
    """An inline picture of a plausible size (a chart or a photo from the event)."""
    from PIL import Image

    width_px, height_px = rng.choice([(640, 480), (800, 450), (600, 600), (480, 640)])
    image = Image.new("RGB", (width_px, height_px), (rng.randrange(256), 120, 90))
    stream = io.BytesIO()
    image.save(stream, format="PNG")
    stream.seek(0)
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.first_line_indent = Mm(0)
    para.add_run().add_picture(stream, width=Mm(rng.choice([60, 80, 100, 120, 150])))


def _header_block(doc, text: Text, spec: PaperSpec) -> None:
    unit = doc.add_paragraph()
    unit.alignment = WD_ALIGN_PARAGRAPH.CENTER
    unit.paragraph_format.first_line_indent = Mm(0)
    run = unit.add_run(text.rng.choice(UNITS))
    run.bold = True
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Mm(0)
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    run = title.add_run(text.title())
    run.bold = True
    run.font.size = Pt(spec.size + 1)
    byline = doc.add_paragraph()
    byline.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = byline.add_run("Đồng chí " + " ".join(text.words(3)).title())
    run.italic = True


def build_paper(spec: PaperSpec) -> bytes:
    """Return the .docx bytes of the paper that `spec` describes."""
    text = Text(spec.seed)
    rng = text.rng
    doc = docx.Document()
    section = doc.sections[0]
    width, height = PAPER[spec.paper]
    if spec.landscape:
        width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(width), Mm(height)
    top, bottom, left, right = spec.margins
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)

    normal = doc.styles["Normal"]
    if spec.theme_font:
        _theme_font(doc, spec.font)
    else:
        _set_font(normal.element, spec.font)
    normal.font.size = Pt(spec.size)
    if not spec.direct_formatting:
        _paragraph_format(normal.paragraph_format, spec)
    _style_headings(doc, spec)
    for name in ("List Bullet", "List Number"):
        doc.styles[name].paragraph_format.first_line_indent = Mm(0)

    if spec.page_numbers:
        _page_number(section, spec.page_numbers)
    if spec.party_header:
        _party_header(doc, text, spec)
    if spec.header_block:
        _header_block(doc, text, spec)

    # Interleave the blocks in a seeded order after the first paragraph.
    blocks = ["p"] * spec.paragraphs
    for kind, count in (
        ("h", spec.headings),
        ("ul", spec.bullets),
        ("ol", spec.numbered),
        ("t", spec.tables),
        ("br", spec.page_breaks),
        ("e", spec.empty_paragraphs),
        ("img", spec.images),
    ):
        for _ in range(count):
            blocks.insert(rng.randint(1, len(blocks)), kind)
    heading_no = 0
    notes_at = set(rng.sample(range(spec.paragraphs), min(spec.footnotes, spec.paragraphs)))
    body_no = 0
    for kind in blocks:
        if kind == "p":
            para = doc.add_paragraph(text.paragraph(*spec.sentences))
            if body_no in notes_at:
                add_footnote(doc, para, text.sentence(6, 40))
            body_no += 1
            if spec.direct_formatting:
                _paragraph_format(para.paragraph_format, spec)
            if rng.random() < 0.1:
                para.runs[0].bold = True
        elif kind == "h":
            heading_no += 1
            level = 1 if heading_no % 3 == 1 else 2
            label = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][min(heading_no, 8) - 1]
            doc.add_heading(f"{label}. " + text.sentence(4, 12).rstrip("."), level=level)
        elif kind in ("ul", "ol"):
            style = "List Bullet" if kind == "ul" else "List Number"
            for _ in range(rng.randint(2, 5)):
                doc.add_paragraph(text.sentence(5, 28), style=style)
        elif kind == "t":
            _table(doc, text, spec, spec.table_cols, spec.table_rows)
        elif kind == "br":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "e":
            doc.add_paragraph()
        elif kind == "img":
            _picture(doc, rng)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- docProps/app.xml variants -------------------------------------------------

APP_PART = "docProps/app.xml"


def _rewrite_zip(data: bytes, edit) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = edit(item.filename, src.read(item.filename))
            if body is not None:
                dst.writestr(item, body)
    return out.getvalue()


def with_app_pages(data: bytes, pages: int | None) -> bytes:
    """Set `<Pages>` in docProps/app.xml, or drop the part (and its references) for None."""

    def edit(name: str, body: bytes):
        if pages is None:
            if name == APP_PART:
                return None
            if name in ("[Content_Types].xml", "_rels/.rels"):
                return re.sub(rb"<[^<>]*docProps/app\.xml[^<>]*/>", b"", body)
            return body
        if name == APP_PART:
            return re.sub(rb"<Pages>\d*</Pages>", b"<Pages>%d</Pages>" % pages, body)
        return body

    return _rewrite_zip(data, edit)


def app_pages(data: bytes) -> int | None:
    """The `<Pages>` value a file claims, or None when it says nothing."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if APP_PART not in zf.namelist():
            return None
        found = re.search(rb"<Pages>(\d+)</Pages>", zf.read(APP_PART))
    return int(found.group(1)) if found else None


def roundtrip_libreoffice(files: dict[str, bytes], soffice: str, timeout: float = 300) -> dict:
    """The same papers as saved by another tool: LibreOffice's own .docx export,
    all converted in one soffice job."""
    from symposium_pages.intake.libreoffice import convert

    work = Path(tempfile.mkdtemp(prefix="paper-roundtrip-"))
    try:
        src, out = work / "in", work / "out"
        src.mkdir()
        out.mkdir()
        paths = []
        for i, data in enumerate(files.values()):
            path = src / f"paper{i:04d}.docx"
            path.write_bytes(data)
            paths.append(path)
        convert(paths, out, soffice, timeout, to="docx:MS Word 2007 XML")
        return {
            name: (out / path.name).read_bytes() for name, path in zip(files, paths, strict=True)
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- the corpus ----------------------------------------------------------------

CORPUS_SEEDS = tuple(range(1001, 1049))

FONTS = ["Times New Roman"] * 6 + ["Arial"] * 2 + ["Calibri", "Cambria"]
LINES = (
    [(1.0, "auto")] * 3
    + [(1.15, "auto"), (1.3, "auto"), (1.5, "auto")] * 2
    + [
        (18, "exact"),
        (20, "exact"),
        (16, "atLeast"),
    ]
)


def random_spec(seed: int, fonts=None) -> PaperSpec:
    """A varied but plausible paper; the seed decides everything."""
    rng = random.Random(seed * 7919)
    line, rule = rng.choice(LINES)
    size = rng.choice([12, 13, 13, 13, 14, 14, 12.5, 13.5])
    paragraphs = rng.choice([3, 6, 10, 14, 20, 26, 32, 40, 48, 56])
    return PaperSpec(
        seed=seed,
        font=rng.choice(fonts or FONTS),
        size=size,
        line=line,
        line_rule=rule,
        space_before=rng.choice([0, 0, 0, 3, 6]),
        space_after=rng.choice([0, 3, 6, 6, 6, 8, 10, 12]),
        first_line_mm=rng.choice([0, 10, 10, 12.7, 12.7, 15]),
        align=rng.choice(["justify", "justify", "left"]),
        paper=rng.choice(["A4"] * 5 + ["Letter"]),
        margins=MARGINS[rng.choice(list(MARGINS) + ["administrative"] * 2)],
        paragraphs=paragraphs,
        sentences=rng.choice([(1, 3), (2, 5), (3, 7)]),
        header_block=rng.random() < 0.8,
        headings=rng.randint(0, 1 + paragraphs // 8),
        bullets=rng.randint(0, 2),
        numbered=rng.randint(0, 1),
        tables=rng.choice([0, 0, 0, 1, 1, 2]),
        table_cols=rng.randint(2, 5),
        table_rows=rng.randint(2, 7),
        page_breaks=rng.choice([0, 0, 0, 0, 1, 2]),
        empty_paragraphs=rng.choice([0, 0, 1, 2, 4]),
        direct_formatting=rng.random() < 0.3,
        party_header=rng.random() < 0.3,
        page_numbers=rng.choice([None, None, "header", "footer"]),
        images=rng.choice([0, 0, 0, 1, 2]),
        footnotes=rng.choice([0, 0, 0, 1, 3, 6]),
        theme_font=rng.random() < 0.25,
        merged_cells=rng.random() < 0.4,
    )


def corpus(seeds=CORPUS_SEEDS, fonts=None) -> list[tuple[str, PaperSpec]]:
    """The named specs of the test corpus, in a stable order."""
    return [(f"paper-{seed}", random_spec(seed, fonts)) for seed in seeds]


def variant(spec: PaperSpec, **changes) -> PaperSpec:
    return replace(spec, **changes)


# --- plain documents for hand-computed cases ---------------------------------------


def plain_document(
    paper: str = "A4",
    margins: tuple[float, float, float, float] = MARGINS["administrative"],
    font: str = "Times New Roman",
    size: float = 13,
    line: float = 1.0,
    line_rule: str = "auto",
    space_after: float = 0,
):
    """An empty python-docx Document whose Normal style is fully set, so line and
    page arithmetic can be done by hand: Times New Roman 13 pt single lines are 299
    twips, the A4 administrative body is 16838 - 2 * 1134 = 14570 twips tall."""
    spec = PaperSpec(
        font=font,
        size=size,
        line=line,
        line_rule=line_rule,
        space_after=space_after,
        first_line_mm=0,
        align="left",
        paper=paper,
        margins=margins,
    )
    doc = docx.Document()
    section = doc.sections[0]
    width, height = PAPER[paper]
    section.page_width, section.page_height = Mm(width), Mm(height)
    top, bottom, left, right = margins
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    normal = doc.styles["Normal"]
    _set_font(normal.element, font)
    normal.font.size = Pt(size)
    _paragraph_format(normal.paragraph_format, spec)
    _style_headings(doc, spec)
    return doc


def to_bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- footnotes (python-docx has no API for them) ------------------------------------

FOOTNOTES_XML = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def _footnotes_part(doc):
    """The document's footnotes part, created with Word's two separators if missing."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml

    part = doc.part
    for rel in part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part
    footnotes = XmlPart(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(FOOTNOTES_XML), part.package
    )
    part.relate_to(footnotes, RT.FOOTNOTES)
    styles = doc.styles
    text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = styles["Normal"]
    text.font.size = Pt(10)
    text.paragraph_format.space_after = Pt(0)
    text.paragraph_format.space_before = Pt(0)
    text.paragraph_format.line_spacing = 1.0
    text.paragraph_format.first_line_indent = Mm(0)
    ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    ref.font.superscript = True
    return footnotes


def add_footnote(doc, paragraph, text: str) -> None:
    """Append a footnote reference to `paragraph` with `text` as the note."""
    from docx.oxml import parse_xml

    part = _footnotes_part(doc)
    root = part.element
    note_id = max(int(n.get(qn("w:id"))) for n in root.iterfind(qn("w:footnote"))) + 1
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    root.append(
        parse_xml(
            f'<w:footnote {ns} w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
            '</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/>'
            f'</w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:r {ns}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>'
        )
    )
