"""On real files (../shared/realdocx-dev, where present): papers with text in text boxes
are accepted with that text, and papers with footnotes carry them as notes."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from symposium_pages.intake.errors import PaperRejected
from symposium_pages.intake.extract import _block_texts, extract_paper
from symposium_pages.intake.package import open_package

REALDOCX = Path(__file__).resolve().parents[2].parent / "shared" / "realdocx-dev"
pytestmark = pytest.mark.skipif(
    not (REALDOCX / "manifest.json").exists(), reason="../shared/realdocx-dev is not here"
)
_T = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_BOX = re.compile(r"<w:txbxContent\b.*?</w:txbxContent>", re.S)


def entries(feature):
    manifest = json.loads((REALDOCX / "manifest.json").read_text())
    return [
        entry["file"]
        for entry in manifest
        if (entry["features"].get(feature) or 0) > 0 and entry["expect"] == "accept"
    ]


def box_words(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8", "replace")
    xml = re.sub(r"<mc:Fallback>.*?</mc:Fallback>", "", xml, flags=re.S)
    xml = re.sub(r"<w:(?:br|cr|tab)\b[^>]*/>", "<w:t> </w:t>", xml)  # words end there
    words = []
    for box in _BOX.findall(xml):
        for paragraph in box.split("</w:p>"):
            words.extend("".join(_T.findall(paragraph)).split())
    return [word for word in words if any(ch.isalpha() for ch in word)]


def extracted(name):
    data = (REALDOCX / "files" / name).read_bytes()
    return data, extract_paper(open_package(data, max_bytes=50 * 2**20))


@pytest.mark.parametrize("name", entries("txbx") if REALDOCX.exists() else [])
def test_real_text_box_papers_are_accepted_with_their_text(name):
    try:
        data, paper = extracted(name)
    except PaperRejected as refusal:
        pytest.fail(f"{name} refused: {refusal.message}")
    text = " ".join(_block_texts(paper.blocks))
    wanted = box_words(data)[:50]
    assert [word for word in wanted if word not in text] == []


@pytest.mark.parametrize("name", entries("footnotes") if REALDOCX.exists() else [])
def test_real_footnotes_become_notes(name):
    _data, paper = extracted(name)
    notes = [block for block in paper.blocks if block["type"] == "notes"]
    assert len(notes) == 1 and notes[0]["value"]["items"]
    assert all(item.strip() for item in notes[0]["value"]["items"])
