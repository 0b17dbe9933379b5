"""Scratch folders of LibreOffice jobs, and sweeping the ones a killed process left.

A job makes its folders in the temp dir (`pagecount-…`, `soffice-profile-…`,
`booklet-…`) and removes them when it ends, whatever happens — except when its
process is killed outright (SIGKILL, a gunicorn worker timeout, a power cut). So
while a job runs it holds a lock on its folder; `stale()` offers only folders
nobody holds that are older than the grace period, and `sweep()` also kills the
soffice a dead job left running on them (found by the folder in its command line).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PREFIXES = ("pagecount-", "soffice-profile-", "booklet-")
# tempfile.mkdtemp adds 8 characters of [a-z0-9_] to the prefix.
NAME_RE = re.compile("^(?:" + "|".join(map(re.escape, PREFIXES)) + ")[a-z0-9_]{8}$")


def root() -> Path:
    return Path(tempfile.gettempdir())


@contextlib.contextmanager
def folder(prefix: str):
    """A new folder for one job, locked while the job runs and removed after it."""
    if prefix not in PREFIXES:
        raise ValueError(f"prefix must be one of {PREFIXES}")
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=root()))
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        os.close(fd)


def in_use(path: Path) -> bool:
    """Whether a live job holds the folder's lock."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


@dataclass(frozen=True)
class StaleFolder:
    path: Path
    age: float  # seconds since its last change


def stale(older_than: float, directory: Path | None = None) -> list[StaleFolder]:
    """Job folders left by dead jobs: nobody holds them and they are older than `older_than` s."""
    directory = directory or root()
    now = time.time()
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if not NAME_RE.match(entry.name) or not entry.is_dir(follow_symlinks=False):
                continue
            try:
                age = now - entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            path = Path(entry.path)
            if age >= older_than and not in_use(path):
                found.append(StaleFolder(path, age))
    return sorted(found, key=lambda item: item.path.name)


def processes_using(path: Path) -> list[int]:
    """Processes whose command line names `path` (a soffice left by a killed job); Linux only."""
    needles = [str(path).encode(), path.as_uri().encode()]
    pids = []
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                cmdline = Path(entry.path, "cmdline").read_bytes()
            except OSError:
                continue
            if any(needle in cmdline for needle in needles):
                pids.append(int(entry.name))
    return pids


def sweep(folders: list[StaleFolder]) -> None:
    for item in folders:
        for pid in processes_using(item.path):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(item.path, ignore_errors=True)
