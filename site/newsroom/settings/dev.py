"""Settings for a developer's machine: debug on, a throwaway secret."""

import os

os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: E402,F403

if not SECRET_KEY:  # noqa: F405
    # A development-only key: never used when DEBUG is off (see production.py).
    SECRET_KEY = "dev-only-not-secret-symposium-pages"  # noqa: S105

# A template edited on a developer's machine shows at the next reload, not after a publish.
SYMPOSIUM_PAGE_CACHE_SECONDS = int(os.environ.get("SYMPOSIUM_PAGE_CACHE_SECONDS", "0"))
