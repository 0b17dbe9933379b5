#!/usr/bin/env python
"""Command-line entry point of the host news site."""

import os
import sys
from pathlib import Path

# The host project lives in ./site, a folder (not a package: a package named
# "site" would shadow the standard library's module of that name).
BASE_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BASE_DIR / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
