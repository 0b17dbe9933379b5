"""At most N LibreOffice processes at once on a host, whichever process starts them.

One soffice takes a whole CPU and a few hundred MB for seconds. Web workers, task
workers and commands on the same host share the bound through N lock files in a
shared folder: a job holds one slot (`fcntl.flock`) while its soffice runs. The kernel
frees a slot when its holder exits, even by SIGKILL, so a crash never keeps one.

N is `SYMPOSIUM_SOFFICE_CONCURRENCY` (default 1) from Django's settings, or from the
environment outside Django. The folder is `SYMPOSIUM_SOFFICE_SLOTS_DIR` from the
environment, else `symposium-soffice-slots` in the temp dir: every process of a host
must name the same one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings

from .. import conf

SETTING = "SYMPOSIUM_SOFFICE_CONCURRENCY"
_held = threading.local()


def concurrency() -> int:
    """The host's bound, from the settings when Django is set up, else the environment,
    else the add-on's default (conf.py)."""
    value = None
    if settings.configured:
        value = getattr(settings, SETTING, None)
    if value is None:
        value = os.environ.get(SETTING, conf.DEFAULTS[SETTING])
    return max(1, int(value))


def slots_dir() -> Path:
    configured = os.environ.get("SYMPOSIUM_SOFFICE_SLOTS_DIR")
    return (
        Path(configured) if configured else Path(tempfile.gettempdir()) / "symposium-soffice-slots"
    )


def _try(path: Path) -> int | None:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


@contextlib.contextmanager
def soffice_slot(limit: int | None = None, directory: Path | None = None, poll: float = 0.1):
    """Hold one of the host's slots for the block; waits for one to be free.

    Re-entrant within a thread: a job that took a slot for its whole run (scratch
    folders, several conversions) does not wait for a second one inside it.
    """
    if getattr(_held, "depth", 0):
        _held.depth += 1
        try:
            yield
        finally:
            _held.depth -= 1
        return
    limit = limit or concurrency()
    directory = directory or slots_dir()
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / f"slot-{number}.lock" for number in range(limit)]
    fd = None
    while fd is None:
        for path in paths:
            fd = _try(path)
            if fd is not None:
                break
        else:
            time.sleep(poll)
    _held.depth = 1
    try:
        yield
    finally:
        _held.depth = 0
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
