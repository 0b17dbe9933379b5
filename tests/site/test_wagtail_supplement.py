"""The host's supplement to Wagtail's Vietnamese fills gaps and never overrides anything.

site/locale_wagtail is in LOCALE_PATHS, whose catalogues win over every app's: an entry
there for a string Wagtail already translates, or for one of the add-on's, would change
their words. So each entry must be a msgid of Django, Wagtail, wagtail-localize or
django-taggit that no installed app's Vietnamese catalogue translates (see
site/locale_wagtail/README.md).
"""

import shutil
import subprocess
from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from ..site.test_catalogues import key, translations
from ..symposium_pages.test_catalogue_collisions import FRAMEWORKS

ROOT = Path(__file__).resolve().parents[2]
SUPPLEMENT = ROOT / "site" / "locale_wagtail"
DOMAINS = ["django", "djangojs"]


def supplement(domain):
    return SUPPLEMENT / "vi" / "LC_MESSAGES" / f"{domain}.po"


def entries(path):
    return [entry for entry in polib.pofile(str(path)) if entry.msgid and not entry.obsolete]


def installed_framework_locales():
    """The locale folders Django merges at run time: its own and the installed apps' of
    the frameworks (an app that is not installed, django.contrib.admindocs say,
    translates nothing here)."""
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    for app in apps.get_app_configs():
        if app.name.split(".")[0] in FRAMEWORKS:
            folders.append(Path(app.path) / "locale")
    return folders


def framework_keys(domain, language):
    """{key: its translations} in the frameworks' catalogues of one language and domain."""
    found = {}
    for locale in installed_framework_locales():
        path = locale / language / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        for entry in entries(path):
            text = "" if "fuzzy" in entry.flags else entry.msgstr or entry.msgstr_plural.get(0, "")
            found.setdefault(key(entry), set()).add(text)
    return found


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_entry_is_a_framework_msgid_nobody_translates(domain):
    english = framework_keys(domain, "en")
    vietnamese = framework_keys(domain, "vi")
    foreign, overriding, untranslated = [], [], []
    for entry in entries(supplement(domain)):
        if key(entry) not in english:
            foreign.append(entry.msgid)
        if any(vietnamese.get(key(entry), ())):
            overriding.append(entry.msgid)
        if not (entry.msgstr or entry.msgstr_plural.get(0)):
            untranslated.append(entry.msgid)
    assert not (foreign or overriding or untranslated), (
        f"not msgids of the frameworks: {foreign}\n"
        f"already translated upstream (delete them here): {overriding}\n"
        f"without Vietnamese: {untranslated}"
    )


@pytest.mark.parametrize("domain", DOMAINS)
def test_no_entry_belongs_to_our_own_catalogues(domain):
    ours = set()
    for catalogue in (ROOT / "locale", ROOT / "symposium_pages" / "locale"):
        path = catalogue / "vi" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            ours |= {key(entry) for entry in entries(path)}
    shared = [entry.msgid for entry in entries(supplement(domain)) if key(entry) in ours]
    assert not shared, f"the supplement would override our own catalogues: {shared}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_compiled_supplement_is_the_po(domain):
    po = supplement(domain)
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: make compilemessages"
    assert translations(polib.mofile(str(mo))) == translations(polib.pofile(str(po)))


@pytest.mark.gettext
@pytest.mark.parametrize("domain", DOMAINS)
def test_msgfmt_checks_the_supplement(domain, tmp_path):
    if not shutil.which("msgfmt"):
        pytest.skip("GNU gettext (msgfmt) is not installed: apt-get install gettext")
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(supplement(domain))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


def test_the_admin_speaks_vietnamese_and_wagtail_keeps_its_words():
    assert Path(settings.LOCALE_PATHS[0]) == ROOT / "locale"  # the host's own words first
    assert SUPPLEMENT in [Path(path) for path in settings.LOCALE_PATHS]
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu bản nháp"  # a gap filled
        assert translation.gettext("pages") == "trang"  # Page's plural name, a gap too
        assert translation.gettext("Pages") == "Trang"  # Wagtail's own, not the add-on's
        assert translation.gettext("Publish") == "Xuất bản"  # Wagtail's own, kept
        assert translation.pgettext("page count", "Pages") == "Số trang"  # the add-on's


@pytest.mark.django_db
def test_the_sign_in_form_names_the_password_in_vietnamese(client):
    """Wagtail's own form leaves the field unlabelled: Django would call it "Password"."""
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert ">Mật khẩu<" in page.replace("\n", "").replace("  ", "")
    assert ">Password<" not in page
