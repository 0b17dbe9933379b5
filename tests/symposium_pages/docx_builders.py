"""Small real .docx papers for the intake tests, built with python-docx."""

import io

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from PIL import Image


def png_bytes(size=(120, 80), colour=(161, 22, 28)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def simple_paper(
    title="Nâng cao chất lượng sinh hoạt chi bộ", paragraphs=3, pages=1, picture=False
):
    """A paper with a title, a heading, paragraphs and `pages` pages (explicit breaks).

    `picture`: True for a small red picture after the text, or the PNG bytes of one.
    """
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    document.add_heading(title, level=0)
    document.add_heading("I. Kết quả đạt được", level=1)
    for number in range(paragraphs):
        paragraph = document.add_paragraph(f"Đoạn {number + 1}: chi bộ duy trì sinh hoạt định kỳ, ")
        paragraph.add_run("nêu gương").bold = True
        paragraph.add_run(" của người đứng đầu được đề cao.")
    if picture:
        document.add_picture(io.BytesIO(png_bytes() if picture is True else picture))
    for _ in range(pages - 1):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_paragraph("Trang tiếp theo của tham luận.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
