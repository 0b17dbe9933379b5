"""Check .docx papers as the intake would, storing nothing."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from symposium_pages import conf
from symposium_pages.intake.check import METHODS, CheckResult, check_paper


class Command(BaseCommand):
    help = _(
        "Check .docx papers as the intake would (page count, words, problems); stores nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", help=_("print a JSON list"))
        parser.add_argument("--max-pages", type=int, default=None, help=_("page limit (default 7)"))
        parser.add_argument("--method", choices=METHODS, default="auto")

    def handle(self, *args, files, json: bool, max_pages, method, **options):
        if max_pages is None:
            max_pages = conf.get("SYMPOSIUM_DEFAULT_PAGE_LIMIT")
        if max_pages < 1:
            raise CommandError(_("--max-pages must be a positive number."), returncode=2)
        results = [self.check_one(name, max_pages, method) for name in files]
        if json:
            self.stdout.write(dumps([result.as_json() for result in results]))
        else:
            for result in results:
                self.stdout.write(describe(result))
        if not all(result.ok for result in results):
            raise SystemExit(1)

    def check_one(self, name, max_pages, method):
        path = Path(name)
        max_bytes = int(conf.get("SYMPOSIUM_MAX_UPLOAD_MB") * 1024 * 1024)
        try:
            if path.stat().st_size > max_bytes:
                data = path.open("rb").read(max_bytes + 1)
            else:
                data = path.read_bytes()
        except OSError:
            result = CheckResult(file=name, max_pages=max_pages)
            result.errors.append(_("The file cannot be read: %(name)s") % {"name": name})
            return result
        return check_paper(
            data,
            name,
            max_pages=max_pages,
            max_bytes=max_bytes,
            method=method,
            soffice=conf.get("SYMPOSIUM_SOFFICE"),
            timeout=conf.get("SYMPOSIUM_SOFFICE_TIMEOUT"),
        )


def dumps(value):
    return json.dumps(value, ensure_ascii=False, indent=2)


def describe(result):
    """One paragraph a person reads: verdict, pages, words, title, problems."""
    if result.errors:
        lines = [_("%(file)s: REFUSED") % {"file": result.file}]
        lines += [f"  - {message}" for message in result.errors]
        return "\n".join(lines)
    verdict = _("ok") if result.ok else result.verdict_label
    lines = [
        _("%(file)s: %(verdict)s, %(pages)s pages (%(method)s), %(words)s words")
        % {
            "file": result.file,
            "verdict": verdict,
            "pages": _pages(result),
            "method": result.page_count_method_label,
            "words": result.words,
        }
    ]
    if result.title:
        lines.append(_("  Title: %(title)s") % {"title": result.title})
    lines += [f"  ! {message}" for message in result.warnings]
    return "\n".join(lines)


def _pages(result):
    """The count, with its range where the estimate is unsure ("7 (7–10)")."""
    low, high = result.page_range or (result.pages, result.pages)
    return f"{result.pages} ({low}–{high})" if low != high else str(result.pages)
