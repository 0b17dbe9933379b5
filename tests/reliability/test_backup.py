"""A backup of the demo restored into a new database gives the same site, documents and all.

The procedure is the README's ("Back up and restore"): `dump_site` (dumpdata
--natural-foreign) and a copy of the media folder; on the new side `migrate`, `flush`,
`loaddata` and `update_index`. The new database is a second SQLite file, or a second
database on the PostgreSQL server of DATABASE_URL.
"""

import json
import shutil

from . import audit, snapshot


def test_dump_and_restore_round_trip_the_demo_with_its_documents(demo_copy, migrated, tmp_path):
    source = demo_copy
    restored = migrated.copy(tmp_path / "restored")  # migrated, no data of its own yet
    backup = tmp_path / "backup"
    backup.mkdir()
    try:
        source.manage("dump_site", "-o", str(backup / "site.json.gz"))
        shutil.copytree(source.media_root, backup / "media")

        restored.manage("flush", "--noinput")
        loaded = restored.manage("loaddata", str(backup / "site.json.gz"))
        restored.manage("update_index", "-v0")
        shutil.copytree(backup / "media", restored.media_root, dirs_exist_ok=True)

        before, after = snapshot.run(source), snapshot.run(restored)
        assert after["pages"] == before["pages"]
        assert after["papers"] == before["papers"]
        assert after["files"] == before["files"]
        assert after["units"] == before["units"]
        assert after["invitations"] == before["invitations"]
        assert after == before

        # Eleven papers received in Vietnamese and the English translation of one.
        assert [page["type"] for page in after["pages"]].count("symposium_pages.paperpage") == 12
        submissions = [s for paper in after["papers"] for s in paper["submissions"]]
        assert len(submissions) == 9
        assert {s["document"] for s in submissions} <= set(after["files"])
        assert all(len(f["sha256"]) == 64 for f in after["files"].values())
        assert {"Biên tập viên", "Thẩm định", "Kiểm duyệt"} <= set(after["groups"])
        assert after["search"]["Chư Păh"], "the search index was rebuilt"
        assert all(status == 200 for status, _sha in after["rendered"].values())
        assert f"Installed {len(json_objects(backup / 'site.json.gz'))} object(s)" in (
            loaded.stdout
        )

        # The restored site goes on: nothing half-made, and new records get new ids.
        assert audit.run(restored)["problems"] == []
        restored.manage("shell", "-c", GOES_ON)
    finally:
        restored.drop()


GOES_ON = """
from symposium_pages.models import SymposiumPage, Unit
from home.demo.release import publish
plan = SymposiumPage.objects.get(locale__language_code="vi")
publish(plan)
Unit.objects.create(name="Huyện ủy Ia Grai (sau khôi phục)", category="huyen_uy")
"""


def json_objects(path):
    import gzip

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)
