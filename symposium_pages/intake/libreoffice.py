"""Count pages by rendering with LibreOffice: the true layout, when soffice exists.

Each job gets its own throw-away profile (two soffice processes sharing one
silently lose files), its own output folder, a timeout that kills the whole
process group, and a check that the PDF really appeared. Many files can go
through one soffice start, which is what the tests and benchmarks do.

Every run waits for one of the host's slots first (`slots.py`,
SYMPOSIUM_SOFFICE_CONCURRENCY), runs at a lower priority (`nice -n 10`) and keeps
its folders as scratch folders (`scratch.py`) that `cleanup_orphans` sweeps if the
process is killed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import zlib
from pathlib import Path

from . import scratch
from .slots import soffice_slot

SEARCH_PATHS = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


class PageCountUnavailable(RuntimeError):
    """LibreOffice is missing, failed or timed out.

    str() is the English detail for logs; `user_message` is what a person is told
    (in their language), chosen by `kind`: "missing", "timeout" or "failed".
    """

    def __init__(self, detail: str, kind: str = "failed"):
        super().__init__(detail)
        self.kind = kind

    @property
    def user_message(self) -> str:
        from django.utils.translation import gettext as _

        if self.kind == "missing":
            return _("LibreOffice is not installed on the server.")
        if self.kind == "timeout":
            return _("LibreOffice took too long to lay this file out.")
        return _("LibreOffice could not open this file or turn it into a PDF.")


def find_soffice(explicit: str | None = None) -> str | None:
    """The soffice executable to use: `explicit` if it is one, else PATH, else usual places."""
    if explicit:
        found = shutil.which(explicit)
        return found if found and os.access(found, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in SEARCH_PATHS:
        if os.access(path, os.X_OK):
            return path
    for path in sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True):
        if os.access(path, os.X_OK):
            return str(path)
    return None


def convert(
    sources: list[Path], outdir: Path, soffice: str, timeout: float, to: str = "pdf"
) -> None:
    """Run one soffice job converting `sources` into `outdir`, with a private profile.

    Waits for a slot of the host (see slots.py); the timeout counts from the start of
    soffice, not from the wait.
    """
    with soffice_slot(), scratch.folder("soffice-profile-") as profile:
        _run(sources, outdir, soffice, timeout, to, profile)


def _run(sources, outdir, soffice, timeout, to, profile: Path) -> None:
    cmd = [
        *_nice(),
        soffice,
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        f"-env:UserInstallation={profile.as_uri()}",
        "--convert-to",
        to,
        "--outdir",
        str(outdir),
        *map(str, sources),
    ]
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        raise PageCountUnavailable(f"cannot start {soffice}: {exc}") from exc
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise PageCountUnavailable(
            f"LibreOffice took longer than {timeout:g} s", "timeout"
        ) from None
    except BaseException:
        # Interrupted (a worker told to stop, Ctrl+C): soffice must not outlive us.
        _kill_group(proc)
        raise
    if proc.returncode != 0:
        message = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise PageCountUnavailable(f"LibreOffice exited with {proc.returncode}: {message[0]}")


def _nice() -> list[str]:
    """soffice runs at a lower priority, so that on a busy host readers' requests come first."""
    found = shutil.which("nice")
    return [found, "-n", "10"] if found else []


def _kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL soffice and what it started (oosplash and soffice.bin share its new session).

    Then reap it, without waiting for ever on pipes that a stray process might hold.
    """
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()
        proc.wait(timeout=10)


def render_page_counts(
    files: dict[str, bytes], soffice: str, timeout: float = 60
) -> dict[str, int]:
    """Pages of each .docx, rendered in one soffice job (names must be unique)."""
    with soffice_slot(), scratch.folder("pagecount-") as work:
        src, out = work / "in", work / "out"
        src.mkdir()
        out.mkdir()
        paths = []
        for i, data in enumerate(files.values()):
            path = src / f"doc{i:04d}.docx"
            path.write_bytes(data)
            paths.append(path)
        convert(paths, out, soffice, timeout)
        counts = {}
        for name, path in zip(files, paths, strict=True):
            pdf = out / (path.stem + ".pdf")
            if not pdf.is_file() or pdf.stat().st_size == 0:
                raise PageCountUnavailable(f"LibreOffice produced no PDF for {name}")
            counts[name] = pdf_page_count(pdf.read_bytes())
        return counts


def render_pages(data: bytes, soffice: str, timeout: float = 60) -> int:
    """Pages of one .docx as LibreOffice lays it out."""
    return render_page_counts({"paper": data}, soffice, timeout)["paper"]


# --- a small PDF page counter ------------------------------------------------------

OBJ_RE = re.compile(rb"(\d+)\s+(\d+)\s+obj\b(.*?)endobj", re.S)
PAGES_RE = re.compile(rb"/Type\s*/Pages\b")
PAGE_RE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
COUNT_RE = re.compile(rb"/Count\s+(\d+)")
STREAM_RE = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def pdf_page_count(pdf: bytes) -> int:
    """Pages of a PDF: the root page tree's /Count, else the number of page objects.

    Objects inside compressed object streams are inflated first, so PDFs written
    with object streams count too. Raises PageCountUnavailable when nothing is found.
    """
    if not pdf.startswith(b"%PDF"):
        raise PageCountUnavailable("LibreOffice output is not a PDF")
    bodies = [m.group(3) for m in OBJ_RE.finditer(pdf)]
    for body in list(bodies):
        if b"/ObjStm" in body:
            stream = STREAM_RE.search(body)
            if stream:
                try:
                    bodies.append(zlib.decompress(stream.group(1)))
                except zlib.error:
                    continue
    roots = []
    pages = 0
    for body in bodies:
        dictionary = body.split(b"stream", 1)[0]
        if PAGES_RE.search(dictionary):
            if b"/Parent" not in dictionary:
                count = COUNT_RE.search(dictionary)
                if count:
                    roots.append(int(count.group(1)))
        pages += len(PAGE_RE.findall(dictionary))
    if roots:
        return max(roots)
    if pages:
        return pages
    raise PageCountUnavailable("no pages found in LibreOffice's PDF")
