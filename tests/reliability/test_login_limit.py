"""The login limit holds across gunicorn's workers with no Redis: counts live in the database.

Every attempt is a new connection, so the two workers take turns; a count kept in one
worker's memory let the first refusal slip to attempt 19 instead of 11.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from bench.server import Gunicorn

from .web import Editor

USER = """
import json, django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
get_user_model().objects.create_user("bientap", "bientap@example.com", "dung-mat-khau")
print(json.dumps({
    "per_user": settings.LOGIN_RATE_LIMIT_ATTEMPTS,
    "per_address": settings.LOGIN_RATE_LIMIT_ADDRESS_ATTEMPTS,
    "default_cache": settings.CACHES["default"]["BACKEND"],
}))
"""


COUNTS = """
import json, django
django.setup()
from login_limit.models import FailedLogins
print(json.dumps(sorted(FailedLogins.objects.values_list("count", flat=True))))
"""


@pytest.fixture
def site(migrated, tmp_path):
    copy = migrated.copy(tmp_path / "site")
    yield copy
    copy.drop()


def statuses(server, usernames, password="sai-mat-khau"):
    """One login attempt per username, each from a new session on a new connection."""
    seen = []
    for username in usernames:
        editor = Editor(server.url)
        close = {"Connection": "close"}
        editor.request("GET", "/admin/login/", headers=close)
        response = editor.request(
            "POST",
            "/admin/login/",
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": editor._csrf(),
            },
            headers=close,
        )
        seen.append(response.status_code)
    return seen


def first_refusal(seen):
    return seen.index(429) + 1 if 429 in seen else None


def test_thirty_wrong_passwords_are_refused_from_the_eleventh_on(site):
    facts = site.run_json(USER)
    # No Redis: Django's default cache is each process's own memory (the page cache's files
    # hold pages, not counts), so the limit holds only if its counts live in the database.
    assert facts["default_cache"].endswith("LocMemCache"), facts
    limit = facts["per_user"]
    with Gunicorn(site, workers=2, threads=4) as server:
        assert len(server.worker_pids()) == 2
        seen = statuses(server, ["bientap"] * 30)
        # The right password is refused too while the window lasts.
        [after] = statuses(server, ["bientap"], password="dung-mat-khau")
    assert first_refusal(seen) == limit + 1, seen
    assert seen == [200] * limit + [429] * (30 - limit)
    assert after == 429


def test_one_address_trying_many_usernames_is_limited(site):
    facts = site.run_json(USER)
    limit = facts["per_address"]
    assert limit < 25
    with Gunicorn(site, workers=2, threads=4) as server:
        seen = statuses(server, [f"nguoi-dung-{number}" for number in range(25)])
        # Another username, and the right password of a real one: this address waits.
        [after] = statuses(server, ["bientap"], password="dung-mat-khau")
        other = requests.get(f"{server.url}/admin/login/", timeout=60)
    assert first_refusal(seen) == limit + 1, seen
    assert seen == [200] * limit + [429] * (25 - limit)
    assert after == 429
    assert other.status_code == 200  # reading the form is never limited


def test_attempts_at_the_same_moment_are_all_counted(site):
    """Eight at a time on two workers × four threads: no count is lost to a race."""
    site.extra_env.update(LOGIN_RATE_LIMIT_ATTEMPTS="1000")
    site.run_json(USER)
    with Gunicorn(site, workers=2, threads=4) as server:
        with ThreadPoolExecutor(8) as pool:
            seen = list(pool.map(lambda _: statuses(server, ["bientap"])[0], range(48)))
    assert seen == [200] * 48
    # The username at this address, and the address: 48 each.
    assert site.run_json(COUNTS) == [48, 48]
