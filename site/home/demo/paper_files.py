"""Writes the demo papers as real .docx files, as units would send them."""

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt

FILLER = (
    "Cấp ủy tiếp tục quán triệt sâu sắc các nghị quyết, kết luận của Đảng, gắn việc học tập "
    "với tự phê bình và phê bình, với trách nhiệm của từng cán bộ, đảng viên trong công việc "
    "hằng ngày ở cơ quan, đơn vị và nơi cư trú."
)


def write_paper(unit_name, paper):
    """The .docx bytes of one paper: A4, Times New Roman 14, the unit's name on top."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(6)
    header = document.add_paragraph()
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.add_run(unit_name.upper()).bold = True
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_run = title.add_run(paper["title"].upper())
    title_run.bold = True
    for heading, items in paper["sections"]:
        document.add_heading(heading, level=1)
        for item in items:
            if isinstance(item, str):
                document.add_paragraph(item)
            elif isinstance(item, list):
                for entry in item:
                    document.add_paragraph(entry, style="List Bullet")
            else:
                rows = list(item)
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                table.style = document.styles["Table Grid"]
                for row, values in zip(table.rows, rows, strict=True):
                    for cell, value in zip(row.cells, values, strict=True):
                        cell.text = value
    for _ in range(paper.get("extra_pages", 0)):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for _ in range(3):
            document.add_paragraph(FILLER)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
