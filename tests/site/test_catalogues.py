"""The Vietnamese catalogues are complete, compiled and up to date with the code.

Two catalogues: the add-on's (`symposium_pages/locale`, made from inside
`symposium_pages/`) and the host site's (`locale`, made from the repository's root
without the add-on). `make messages` runs the same extraction as the staleness test.
"""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]

# What the host catalogue's extraction leaves out (the add-on has its own catalogue).
HOST_IGNORE = [
    "symposium_pages/*",
    "tests/*",
    "bench/*",
    "scripts/*",
    "media/*",
    "static_collected/*",
    "test-artifacts/*",
    "node_modules/*",
]

CATALOGUES = {
    # name: (folder makemessages runs in, the sources it reads there, its ignore patterns)
    "add-on": (ROOT / "symposium_pages", ["."], []),
    "host": (ROOT, ["site", "templates"], HOST_IGNORE),
}


def po_path(name):
    return CATALOGUES[name][0] / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def show(keys):
    return "\n".join(
        "  " + (f"[{ctxt}] " if ctxt else "") + repr(msgid) + (f" / {plural!r}" if plural else "")
        for ctxt, msgid, plural in sorted(keys)
    )


PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]|%[sdr]")


def placeholders(text):
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_entry_is_translated(name):
    po = polib.pofile(str(po_path(name)))
    untranslated = [key(entry) for entry in po.untranslated_entries() if not entry.obsolete]
    fuzzy = [key(entry) for entry in po.fuzzy_entries()]
    obsolete = [key(entry) for entry in po.obsolete_entries()]
    assert not untranslated, f"{name}: untranslated entries:\n{show(untranslated)}"
    assert not fuzzy, f"{name}: fuzzy entries (check them, then remove the flag):\n{show(fuzzy)}"
    assert not obsolete, f"{name}: obsolete entries (makemessages --no-obsolete):\n{show(obsolete)}"


@pytest.mark.parametrize("name", CATALOGUES)
def test_translations_keep_the_placeholders(name):
    wrong = []
    for entry in polib.pofile(str(po_path(name))):
        if "python-format" not in entry.flags:
            continue
        expected = placeholders(entry.msgid)
        if entry.msgid_plural:
            expected_plural = placeholders(entry.msgid_plural)
            translations = entry.msgstr_plural.values()
            if any(
                placeholders(text) not in (expected, expected_plural)
                # with one plural form, a count's placeholder may stay only in the plural
                for text in translations
            ):
                wrong.append(key(entry))
        elif placeholders(entry.msgstr) != expected:
            wrong.append(key(entry))
    assert not wrong, f"{name}: placeholders differ from the msgid:\n{show(wrong)}"


def translations(catalogue):
    found = {}
    for entry in catalogue:
        if not entry.msgid or entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            value = tuple(sorted(entry.msgstr_plural.items()))
        else:
            value = entry.msgstr
        if value and value != ((0, ""),):
            found[key(entry)] = value
    return found


@pytest.mark.parametrize("name", CATALOGUES)
def test_compiled_catalogue_equals_the_po(name):
    po = po_path(name)
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{name}: {mo} is missing (compile it: msgfmt or polib's save_as_mofile)"
    compiled = translations(polib.mofile(str(mo)))
    written = translations(polib.pofile(str(po)))
    missing = written.keys() - compiled.keys()
    extra = compiled.keys() - written.keys()
    changed = {k for k in written.keys() & compiled.keys() if written[k] != compiled[k]}
    assert not (missing or extra or changed), (
        f"{name}: {mo.name} is not the compiled {po.name}; compile it again.\n"
        f"not in the .mo:\n{show(missing)}\nonly in the .mo:\n{show(extra)}\n"
        f"translated differently:\n{show(changed)}"
    )


def extracted_msgids(name, tmp_path, monkeypatch):
    """The msgids makemessages finds in the code today, run on a copy of the sources."""
    folder, sources, ignore = CATALOGUES[name]
    work = tmp_path / name
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "static", "node_modules")
    for source in sources:
        shutil.copytree(folder / source, work / source, ignore=skip, dirs_exist_ok=True)
    shutil.copytree(folder / "locale", work / "locale", dirs_exist_ok=True)
    monkeypatch.chdir(work)
    call_command(
        "makemessages",
        locale=["vi"],
        ignore_patterns=ignore,
        keep_pot=True,
        no_obsolete=True,
        verbosity=0,
    )
    pot = polib.pofile(str(work / "locale" / "django.pot"))
    return {key(entry) for entry in pot if entry.msgid}


@pytest.mark.gettext
@pytest.mark.parametrize("name", CATALOGUES)
def test_catalogue_holds_every_string_of_the_code(name, tmp_path, monkeypatch):
    if not (shutil.which("xgettext") and shutil.which("msgmerge")):
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed: apt-get install gettext")
    in_code = extracted_msgids(name, tmp_path, monkeypatch)
    in_catalogue = {key(entry) for entry in polib.pofile(str(po_path(name))) if not entry.obsolete}
    new = in_code - in_catalogue
    gone = in_catalogue - in_code
    assert not new and not gone, (
        f"{name}: the catalogue is stale; run `make messages`, translate, compile.\n"
        f"new strings in the code:\n{show(new)}\nno longer in the code:\n{show(gone)}"
    )
