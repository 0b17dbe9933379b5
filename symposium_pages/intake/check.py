"""One check of one uploaded paper: refuse it, or say what it holds and what is wrong.

Shared by the admin's "receive paper" view, `check_papers`, `receive_paper`
and the tests. Stores nothing.
"""

import dataclasses
import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import confidence, fonts
from .errors import PaperRejected
from .extract import ExtractedPaper, extract_paper
from .methods import label as method_label
from .methods import verdict_label
from .package import open_package
from .pagecount import PageCountUnavailable, count_pages, find_soffice

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
    # "within", "over" or "uncertain" (an estimate whose range holds the limit)
    verdict: str = ""
    page_range: tuple[int, int] | None = None
    unmodelled: tuple[str, ...] = ()  # what the estimate could not lay out (confidence.py)
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

    @property
    def verdict_label(self) -> str:
        return verdict_label(self.verdict)

    @property
    def uncertain(self) -> bool:
        return self.verdict == "uncertain"

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
            # beyond DESIGN.md's fields: the range, the verdict and what widened the range
            "page_range": list(self.page_range) if self.page_range else None,
            "verdict": self.verdict or None,
            "unmodelled": list(self.unmodelled),
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
        # LibreOffice failing is no reason to refuse a legitimate paper: estimate instead
        counted = count_pages(data, package.document, method="estimate")
        counted = dataclasses.replace(counted, failure=problem)
    _judge_pages(result, counted, max_pages, soffice)
    if deadline and received_on and received_on >= deadline:
        result.late = True
        result.warnings.append(
            _("Received on %(received)s, after the deadline (before %(deadline)s).")
            % {
                "received": received_on.strftime("%d/%m/%Y"),
                "deadline": deadline.strftime("%d/%m/%Y"),
            }
        )
    result.ok = result.verdict == "within"
    return result


def _judge_pages(result: CheckResult, counted, max_pages: int, soffice) -> None:
    """Pages, range and verdict onto `result`, with the warnings they call for."""
    result.pages = counted.pages
    result.page_count_method = counted.method
    result.page_range = (counted.low, counted.high)
    result.unmodelled = counted.unmodelled
    result.verdict = counted.verdict(max_pages)
    result.over_limit = counted.pages > max_pages
    if counted.failure is not None:
        result.warnings.append(
            _(
                "%(reason)s The pages were estimated from the layout instead. If the exact "
                "count matters, open the file in Word or LibreOffice, save it again as .docx "
                "(Word Document) and send that file."
            )
            % {"reason": counted.failure.user_message}
        )
    missing = fonts.missing(counted.fonts)
    if missing:
        result.warnings.append(
            _(
                "The server does not have the fonts %(fonts)s: the text is shown and its pages "
                "counted in other fonts, so the layout and the page count may differ from the "
                "author's."
            )
            % {"fonts": ", ".join(missing)}
        )
    features = ", ".join(confidence.labels(counted.unmodelled))
    if result.verdict == "uncertain":
        result.warnings.append(
            _(
                "The page count is uncertain: between %(low)s and %(high)s pages against a "
                "limit of %(limit)s, because the document has %(features)s. %(then)s"
            )
            % {
                "low": counted.low,
                "high": counted.high,
                "limit": max_pages,
                "features": features,
                "then": _uncertain_next(soffice),
            }
        )
    elif result.verdict == "over":
        result.warnings.append(
            _("The paper has %(pages)s pages; the plan allows at most %(limit)s A4 pages.")
            % {"pages": counted.pages, "limit": max_pages}
        )
    elif counted.unmodelled:
        result.warnings.append(
            _(
                "The page count is an estimate between %(low)s and %(high)s pages: the "
                "document has %(features)s, which the estimate does not lay out exactly."
            )
            % {"low": counted.low, "high": counted.high, "features": features}
        )


def _uncertain_next(soffice) -> str:
    if find_soffice(soffice):
        return _(
            "LibreOffice confirms the count; until then the paper is not taken as within the limit."
        )
    return _(
        "LibreOffice is not installed here to confirm it: check the page count in Word or "
        "LibreOffice before accepting the paper."
    )
