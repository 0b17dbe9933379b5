"""Which of a paper's fonts this server lacks, asked of fontconfig once per process.

LibreOffice lays a paper out with the fonts fontconfig finds. Where one is missing
it borrows another, and the pages (and the booklet) change with it. The Office
faces have metric-compatible stand-ins (same advance widths): with them installed
nothing moves, so they count as present. `fc-list` is the source of truth; without
fontconfig we cannot tell and say nothing.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess

# Office font -> the metric-compatible family that takes its place (Debian packages:
# fonts-liberation2, fonts-crosextra-carlito, fonts-crosextra-caladea).
METRIC_COMPATIBLE = {
    "times new roman": "liberation serif",
    "times": "liberation serif",
    "arial": "liberation sans",
    "helvetica": "liberation sans",
    "courier new": "liberation mono",
    "courier": "liberation mono",
    "calibri": "carlito",
    "cambria": "caladea",
}
# Symbol faces: LibreOffice maps their characters to OpenSymbol itself.
IGNORED = {"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings", "marlett"}


@functools.cache
def installed() -> frozenset[str] | None:
    """Lower-case family names fontconfig knows, or None without fontconfig."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run(
            [fc_list, "--format", "%{family}\n"],
            capture_output=True,
            timeout=20,
            check=True,
            text=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(
        name.strip().lower() for line in out.splitlines() for name in line.split(",") if name
    )


def missing(names) -> list[str]:
    """The fonts among `names` that neither are installed nor have a stand-in installed."""
    families = installed()
    if not families:
        return []
    out = []
    for name in names:
        key = (name or "").strip().lower()
        if not key or key in IGNORED or key in families:
            continue
        if METRIC_COMPATIBLE.get(key) in families:
            continue
        if name not in out:
            out.append(name)
    return sorted(out, key=str.lower)


# fc-match is asked once per font name; a hostile file naming thousands of fonts
# gets answers for the first ones only.
MAX_SUBSTITUTES = 200
_substitutes: dict[str, str | None] = {}


def substitute(name: str | None) -> str | None:
    """The family fontconfig gives for `name` (itself when installed), or None."""
    key = (name or "").strip()
    if not key or key in _substitutes or len(_substitutes) >= MAX_SUBSTITUTES:
        return _substitutes.get(key)
    fc_match = shutil.which("fc-match")
    found = None
    if fc_match:
        try:
            found = (
                subprocess.run(
                    [fc_match, "--format", "%{family[0]}", _pattern(key)],
                    capture_output=True,
                    timeout=20,
                    check=True,
                    text=True,
                ).stdout.strip()
                or None
            )
        except (OSError, subprocess.SubprocessError):
            found = None
    _substitutes[key] = found
    return found


def _pattern(name: str) -> str:
    """`name` as a fontconfig pattern of one family: its syntax characters escaped
    (and a leading "-" with them, which fc-match would take for an option)."""
    return re.sub(r"([\\\-:,=])", r"\\\1", name)
