"""The add-on's catalogue never changes a word of Wagtail's, Django's or wagtail-localize's
(nor django-taggit's, which Wagtail uses for tags).

Django merges every catalogue into one table keyed by (context, msgid): the host's
LOCALE_PATHS first, then the apps in INSTALLED_APPS order, and the add-on is listed
before Wagtail. A context-free "Pages" translated "Số trang" (a page count) therefore
renamed Wagtail's own "Pages" menu. Generic words the add-on needs carry a context
(`pgettext`), so they can never meet a msgid of the frameworks.
"""

import importlib.util
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDON_CATALOGUE = ROOT / "symposium_pages" / "locale" / "vi" / "LC_MESSAGES" / "django.po"
HOST_CATALOGUE = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
FRAMEWORKS = ["django", "wagtail", "wagtail_localize", "taggit"]


def key(entry):
    # A plural entry is looked up as (msgid, n), a singular one as msgid: they never meet.
    return (entry.msgctxt, entry.msgid, bool(entry.msgid_plural))


def translation(entry):
    if entry.msgid_plural:
        return entry.msgstr_plural.get(0, "")
    return entry.msgstr


def show(key_):
    context, msgid, plural = key_
    return (f"[{context}] " if context else "") + repr(msgid) + (" (plural)" if plural else "")


def framework_apps():
    """The locale folders of the installed frameworks' apps.

    Each app's English catalogue holds every msgid its code uses today; its Vietnamese
    one lags behind (Wagtail 8.0's has no "pages"), and a msgid it lacks is one our
    catalogue would otherwise fill in Wagtail's place.
    """
    found = []
    for name in FRAMEWORKS:
        spec = importlib.util.find_spec(name)
        if spec is not None:
            found += sorted(Path(spec.origin).parent.glob("**/locale/en/LC_MESSAGES/django.po"))
    return [path.parents[2] for path in found]


@pytest.fixture(scope="module")
def frameworks():
    """(context, msgid, plural) -> {app's locale folder: its Vietnamese, "" if none}."""
    table = {}
    for locale in framework_apps():
        for language in ("en", "vi"):
            path = locale / language / "LC_MESSAGES" / "django.po"
            if not path.exists():
                continue
            for entry in polib.pofile(str(path)):
                if entry.obsolete or not entry.msgid:
                    continue
                usable = language == "vi" and "fuzzy" not in entry.flags
                text = translation(entry) if usable else ""
                table.setdefault(key(entry), {})[str(locale)] = text
    return table


def shared_msgids(catalogue, frameworks):
    """The catalogue's translated entries whose key a framework catalogue also holds."""
    shared = {}
    for entry in polib.pofile(str(catalogue)):
        if entry.obsolete or not entry.msgid or not translation(entry):
            continue
        if key(entry) in frameworks:
            shared[key(entry)] = translation(entry)
    return shared


def test_the_frameworks_catalogues_are_found(frameworks):
    """Without them the tests below would pass on nothing."""
    assert (None, "Pages", False) in frameworks
    assert (None, "pages", False) in frameworks  # Page.verbose_name_plural, in English only
    assert (None, "Save draft", False) in frameworks


@pytest.mark.parametrize("catalogue", [ADDON_CATALOGUE, HOST_CATALOGUE], ids=["add-on", "host"])
def test_no_framework_word_is_translated_differently(catalogue, frameworks):
    """A shared msgid may only repeat the framework's own Vietnamese, never replace it.

    A framework catalogue with no Vietnamese for it counts as different: ours would be
    the one the admin shows, in a meaning the framework never chose.
    """
    different = [
        f"  {show(shared)} -> {ours!r}, theirs: "
        + ", ".join(sorted({text or "(untranslated)" for text in frameworks[shared].values()}))
        for shared, ours in sorted(shared_msgids(catalogue, frameworks).items(), key=str)
        if any(text != ours for text in frameworks[shared].values())
    ]
    assert not different, (
        f"{catalogue.relative_to(ROOT)} overrides the frameworks' Vietnamese; give these "
        "a context (pgettext_lazy, {% translate … context … %}):\n" + "\n".join(different)
    )


def test_the_addon_shares_no_msgid_with_the_frameworks(frameworks):
    """Even an identical translation is a risk when the add-on means something else by it.

    "Title" of an uploaded paper and Wagtail's page "Title" read the same today; once
    either catalogue changes its wording, the add-on would decide Wagtail's. So the
    add-on's generic words all carry a context and none is shared at all.
    """
    shared = sorted(shared_msgids(ADDON_CATALOGUE, frameworks), key=str)
    assert not shared, (
        "the add-on's catalogue translates msgids of Django, Wagtail or wagtail-localize "
        "without a context of its own:\n" + "\n".join(f"  {show(each)}" for each in shared)
    )
