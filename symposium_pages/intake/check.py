"""One check of one uploaded paper: refuse it, or say what it holds and what is wrong.

Shared by the admin's "receive paper" view, `check_papers`, `receive_paper`
and the tests. Stores nothing.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .errors import PaperRejected
from .extract import ExtractedPaper, extract_paper
from .methods import label as method_label
from .package import open_package
from .pagecount import PageCountUnavailable, count_pages

METHODS = ("auto", "estimate", "libreoffice")


@dataclass
class CheckResult:
    file: str
    ok: bool = False
    pages: int | None = None
    page_count_method: str = ""
    words: int | None = None
    title: str = ""
    over_limit: bool = False
    late: bool = False
    max_pages: int = 7
    errors: list[str] = field(default_factory=list)
    error_codes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    paper: ExtractedPaper | None = None
    data: bytes = b""

    @property
    def page_count_method_label(self) -> str:
        return method_label(self.page_count_method)

    def as_json(self):
        """The object `check_papers --json` prints, as DESIGN.md fixes it."""
        return {
            "file": self.file,
            "ok": self.ok,
            "pages": self.pages,
            "page_count_method": self.page_count_method or None,
            "words": self.words,
            "title": self.title,
            "over_limit": self.over_limit,
            "errors": [str(message) for message in self.errors],
            "warnings": [str(message) for message in self.warnings],
        }


def check_paper(
    data: bytes,
    filename: str,
    *,
    max_pages: int = 7,
    max_bytes: int = 20 * 1024 * 1024,
    method: str = "auto",
    soffice: str | None = None,
    timeout: float = 60,
    deadline: datetime.date | None = None,
    received_on: datetime.date | None = None,
) -> CheckResult:
    """Check one file. Never raises for bad input: refusals come back in `errors`."""
    result = CheckResult(file=filename, max_pages=max_pages, data=data)
    try:
        package = open_package(data, max_bytes=max_bytes)
        paper = extract_paper(package)
    except PaperRejected as refusal:
        result.errors.append(refusal.message)
        result.error_codes.append(refusal.code)
        return result
    result.paper = paper
    result.title = paper.title
    result.words = paper.words
    result.warnings.extend(paper.warnings)
    try:
        counted = count_pages(
            data, package.document, method=method, soffice=soffice, timeout=timeout
        )
    except PageCountUnavailable as problem:
        result.errors.append(
            _("The pages could not be counted with LibreOffice: %(reason)s") % {"reason": problem}
        )
        result.error_codes.append("page_count")
        return result
    result.pages = counted.pages
    result.page_count_method = counted.method
    result.over_limit = counted.pages > max_pages
    if result.over_limit:
        result.warnings.append(
            _("The paper has %(pages)s pages; the plan allows at most %(limit)s A4 pages.")
            % {"pages": counted.pages, "limit": max_pages}
        )
    if deadline and received_on and received_on >= deadline:
        result.late = True
        result.warnings.append(
            _("Received on %(received)s, after the deadline (before %(deadline)s).")
            % {
                "received": received_on.strftime("%d/%m/%Y"),
                "deadline": deadline.strftime("%d/%m/%Y"),
            }
        )
    result.ok = not result.over_limit
    return result
