"""Production settings refuse to start without a secret, and are otherwise deployable."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment.update(DJANGO_SETTINGS_MODULE="newsroom.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set: production refuses to start without one." in result.stderr


def test_production_refuses_debug():
    result = run_manage("check", SECRET_KEY="x" * 60, DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG must be off in production settings." in result.stderr


def test_production_starts_with_a_secret_key():
    result = run_manage("check", SECRET_KEY="a-long-random-secret-" * 3)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
