"""Several processes, one Redis: what one app server counts or publishes, all of them see.

A real redis-server on loopback (Debian's package; in CI a skip is a failure), gunicorn
with two workers and `REDIS_URL`, and `manage.py` as a third process publishing.
"""

import pytest
import requests

from bench.server import Gunicorn, redis_server

from .web import Editor, site_facts

pytestmark = pytest.mark.redis

PUBLISH = """
import json, django
django.setup()
from home.demo.release import publish
from symposium_pages.models import PaperPage, SymposiumPage
plan = SymposiumPage.objects.live().first()
paper = PaperPage(title="Tham luận công bố từ máy khác", slug="cong-bo-tu-may-khac")
plan.add_child(instance=paper)
publish(paper)
print(json.dumps(paper.url))
"""


@pytest.fixture
def redis_url(tmp_path):
    with redis_server(tmp_path) as url:
        if url is None:
            pytest.skip("redis-server is not installed (Debian package redis-server)")
        yield url


def test_page_cache_is_shared_through_redis_and_the_login_limit_holds(demo_copy, redis_url):
    import redis

    demo_copy.extra_env.update(REDIS_URL=redis_url, LOGIN_RATE_LIMIT_ATTEMPTS="5")
    facts = site_facts(demo_copy)
    store = redis.Redis.from_url(redis_url)
    with Gunicorn(demo_copy, workers=2, threads=1) as server:
        plan = f"{server.url}{facts['plan_url']}"
        first = requests.get(plan, timeout=60)
        second = requests.get(plan, timeout=60)
        assert first.status_code == second.status_code == 200
        assert second.headers.get("X-Page-Cache") == "hit"
        assert second.text == first.text
        assert store.keys("*page-cache*"), "the page is kept in Redis, not in a worker"

        # Another process publishes: every worker serves the new plan at once.
        paper_url = demo_copy.run_json(PUBLISH)
        fresh = requests.get(plan, timeout=60)
        assert "X-Page-Cache" not in fresh.headers
        assert "Tham luận công bố từ máy khác" in fresh.text
        assert paper_url in fresh.text

        # Failed logins, each on a new connection (any worker): counted together.
        statuses = []
        for _ in range(6):
            editor = Editor(server.url)
            editor.request("GET", "/admin/login/", headers={"Connection": "close"})
            response = editor.request(
                "POST",
                "/admin/login/",
                data={
                    "username": "tai-lieu",
                    "password": "sai-mat-khau",
                    "csrfmiddlewaretoken": editor._csrf(),
                },
                headers={"Connection": "close"},
            )
            statuses.append(response.status_code)
        assert statuses == [200] * 5 + [429]
        # They are kept in the database (with or without Redis), not in the cache.
        assert not store.keys("*login*")
