"""Which fonts LibreOffice will lay Office documents out with on this machine.

The page estimate's glyph widths were measured on Liberation 2.1. Debian's older
fonts-liberation (1.07) lacks many Vietnamese letters with tone marks, so LibreOffice
borrows them from another font and a Times New Roman paper runs a page longer: comparing
the estimate with such a rendering measures the machine, not the estimate.
"""

import shutil
import subprocess

import pytest


def fc_match_file(family: str) -> str:
    """The font file fontconfig gives `family`, or "" without fontconfig."""
    if shutil.which("fc-match") is None:
        return ""
    found = subprocess.run(
        ["fc-match", "--format=%{file}", family], capture_output=True, text=True, check=False
    )
    return found.stdout


def liberation_2_missing() -> str | None:
    """Why LibreOffice's layout here is not the reference one, or None when it is."""
    path = fc_match_file("Times New Roman")
    if "/liberation2/" in path:
        return None
    return (
        f"Times New Roman is drawn with {path or 'an unknown font'}, not Liberation 2: "
        "apt-get install fonts-liberation2 (`make test` installs it as root)"
    )


_PROBLEM = liberation_2_missing()
needs_reference_fonts = pytest.mark.skipif(_PROBLEM is not None, reason=_PROBLEM or "")
