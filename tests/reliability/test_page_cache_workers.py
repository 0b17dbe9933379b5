"""The page cache with no Redis: two gunicorn workers share it, and a publish empties it for both.

The production settings as `make serve` runs them (no REDIS_URL: the page cache is files
beside the database); gunicorn's access log names the worker (its pid) that answered each
request and whether the answer came from the cache.
"""

import re

import requests

from bench.server import Gunicorn

from .test_redis import PUBLISH
from .web import Editor, site_facts

LOG_FORMAT = "%(p)s %(s)s cache=%({x-page-cache}o)s %(U)s"
LINE = re.compile(r"<(\d+)> (\d+) cache=(\S*) (\S+)")


def logged_gunicorn(site, log):
    """Two single-threaded workers whose access log names which one answered."""
    args = ["--access-logfile", str(log), "--access-logformat", LOG_FORMAT]
    return Gunicorn(site, workers=2, threads=1, extra_args=args)


def served(log, path):
    """(pid, status, hit) of every request for `path` so far, in order."""
    found = []
    for line in log.read_text().splitlines():
        match = LINE.search(line)
        if match and match.group(4) == path:
            found.append((match.group(1), match.group(2), match.group(3) == "hit"))
    return found


def until_both_workers_answered(url, log, path, check, limit=80):
    """New connections until each worker has answered from the cache; `check` every answer."""
    start = len(served(log, path))
    for _ in range(limit):
        response = requests.get(url, headers={"Connection": "close"}, timeout=60)
        check(response)
        hits = {pid for pid, status, hit in served(log, path)[start:] if hit}
        if len(hits) == 2:
            return served(log, path)[start:]
    raise AssertionError(f"both workers never answered from the cache: {served(log, path)}")


def test_two_workers_share_the_page_cache_and_a_publish_empties_it_for_both(demo_copy):
    log = demo_copy.workdir / "access.log"
    path = site_facts(demo_copy)["plan_url"]
    with logged_gunicorn(demo_copy, log) as server:
        plan = f"{server.url}{path}"
        first = requests.get(plan, timeout=60)
        assert first.status_code == 200
        assert first.headers["Cache-Control"] == "public, max-age=60, stale-while-revalidate=600"
        etag = first.headers["ETag"]

        def unchanged(response):
            assert response.status_code == 200 and response.text == first.text

        answers = until_both_workers_answered(plan, log, path, unchanged)
        assert len({pid for pid, _, _ in answers}) == 2
        assert any((demo_copy.workdir / "page-cache").iterdir()), "kept in files, not a worker"
        not_modified = requests.get(plan, headers={"If-None-Match": etag}, timeout=60)
        assert not_modified.status_code == 304 and not_modified.content == b""

        # Another process publishes: neither worker serves the old plan again.
        paper_url = demo_copy.run_json(PUBLISH)

        def fresh(response):
            assert response.status_code == 200
            assert "Tham luận công bố từ máy khác" in response.text and paper_url in response.text
            assert response.headers["ETag"] != etag

        until_both_workers_answered(plan, log, path, fresh)
        assert requests.get(plan, headers={"If-None-Match": etag}, timeout=60).status_code == 200

        # A signed-in editor gets the page rendered for them, private, never the cached one.
        editor = Editor(server.url)
        assert editor.log_in().status_code == 302
        for _ in range(3):
            response = editor.request("GET", path)
            assert response.status_code == 200 and "X-Page-Cache" not in response.headers
            assert response.headers["Cache-Control"] == "private, no-store"


def until_each_worker_answered(url, log, path, check, times, limit=80):
    """New connections until each of the two workers has answered `times` times."""
    start = len(served(log, path))
    for _ in range(limit):
        response = requests.get(url, headers={"Connection": "close"}, timeout=60)
        check(response)
        pids = [pid for pid, _status, _hit in served(log, path)[start:]]
        if len(set(pids)) == 2 and all(pids.count(pid) >= times for pid in set(pids)):
            return
    raise AssertionError(f"the two workers did not both answer: {served(log, path)}")


def test_with_the_page_cache_off_a_publish_renews_every_workers_fragments(demo_copy):
    """Each worker keeps the plan's parts in its own memory (the demo's default cache);
    the public version they are kept under is read from the database, so a publish by
    another process is on the next page either worker renders."""
    demo_copy.extra_env["SYMPOSIUM_PAGE_CACHE_SECONDS"] = "0"
    log = demo_copy.workdir / "access.log"
    path = site_facts(demo_copy)["plan_url"]
    with logged_gunicorn(demo_copy, log) as server:
        plan = f"{server.url}{path}"
        first = requests.get(plan, timeout=60)
        assert first.status_code == 200 and "X-Page-Cache" not in first.headers

        def unchanged(response):
            assert response.status_code == 200 and response.text == first.text
            assert "X-Page-Cache" not in response.headers  # rendered, with kept parts

        until_each_worker_answered(plan, log, path, unchanged, times=2)
        paper_url = demo_copy.run_json(PUBLISH)

        def fresh(response):
            assert response.status_code == 200
            assert "Tham luận công bố từ máy khác" in response.text and paper_url in response.text

        until_each_worker_answered(plan, log, path, fresh, times=2)
