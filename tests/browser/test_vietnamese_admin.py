"""The editorial journey reads entirely in Vietnamese: no English word on any admin screen.

The editor receives a paper and submits it, the vetting reviewer and the moderator
approve it; on the way each of them opens the screens they work with (dashboard,
explorer, the paper's editor with every tab and its action menu, history, reports,
images, documents, snippets, their account). Each screen's visible text
(`document.body.innerText`) is cut into words, and a word is English when it is
plain ASCII and no Vietnamese syllable could be written so: "Save", "draft",
"Collapse", "Updated" are caught, "Trang", "tin", "in" are Vietnamese. Proper names,
file types and units are the only exceptions (ALLOWED).
"""

import re
import unicodedata

import pytest

from ..symposium_pages.docx_builders import simple_paper
from .conftest import DESKTOP, PASSWORD
from .test_editorial_journey import judge

TITLE = "Phát huy vai trò chi bộ thôn, làng ở huyện Ia Grai"
UNIT = "Huyện ủy Ia Grai"


# Vietnamese syllables written without their marks: an initial, a vowel group, a final.
INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x"
VOWELS = (
    "uyeu|ieu|yeu|uoi|uou|oai|oay|oeo|uay|uya|uye|uyu|"
    "ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y"
)
FINALS = "ch|nh|ng|c|m|n|p|t"
SYLLABLE = re.compile(rf"(?:{INITIALS})?(?:{VOWELS})(?:{FINALS})?")
# English words that are also well-formed Vietnamese syllables but never stand unmarked
# in Vietnamese text.
ENGLISH_SYLLABLES = {"the", "on", "not", "it", "at", "of", "by"}

# Proper names (places, people's user names, products), file types and units: nothing else.
ALLOWED = {
    # places and people of the Gia Lai demo
    "grai",
    "pleiku",
    "ayun",
    "chro",
    "kbang",
    "yang",
    "hlim",
    "jrai",
    "bahnar",
    # the demo's accounts (user names are names)
    "bientap",
    "thamdinh",
    "kiemduyet",
    "vanphong",
    "admin",
    # document numbers: 92-KH/TU, 21-KL/TW, 05-CT/TW, 36-HD/VPTW, 30/2020/NĐ-CP, UBND
    "kh",
    "tu",
    "tw",
    "kl",
    "ct",
    "hd",
    "vptw",
    "cp",
    "ubnd",
    # MTTQ: Mặt trận Tổ quốc, in unit names
    "mttq",
    # Wagtail's tree starts at a page its own migration titles "Root" (data, not a string)
    "root",
    # loanwords Django's and Wagtail's own Vietnamese catalogues keep ("Email", "File")
    "email",
    "file",
    # products and languages by their own names
    "wagtail",
    "libreoffice",
    "word",
    "english",
    # file types and units
    "docx",
    "doc",
    "pdf",
    "odt",
    "xlsx",
    "csv",
    "txt",
    "zip",
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "svg",
    "kb",
    "mb",
    "gb",
    "px",
    "mm",
    "pt",
    "gmt",
}
# Addresses, e-mails and file names are not words of the interface.
NOT_WORDS = re.compile(r"\S+@\S+|\w+://\S+|(?<!\w)/\S*|\S+\.(?:docx|pdf|odt|png|jpe?g|csv|txt)\b")
WORD = re.compile(r"[^\W\d_]+")


def english_words(text):
    """The words of `text` no Vietnamese reader could take for Vietnamese."""
    found = set()
    text = unicodedata.normalize("NFC", text)  # a mark apart would cut "Tiếng" in two
    for word in WORD.findall(NOT_WORDS.sub(" ", text)):
        if not word.isascii() or len(word) == 1:  # a letter alone ("A → Z") is no word
            continue
        lower = word.lower()
        if lower in ALLOWED:
            continue
        if lower in ENGLISH_SYLLABLES or not SYLLABLE.fullmatch(lower):
            found.add(word)
    return found


def test_the_word_test_tells_english_from_vietnamese():
    """The detector itself: it must catch the words editors reported, and pass Vietnamese."""
    reported = (
        "Page 'Tham luận' has been updated. Save draft Content Collapse all "
        "The page title as you'd like it to be seen by the public Images Documents "
        "Reports Help Updated Type IN MODERATION Just now"
    )
    assert english_words(reported) >= {
        "Page",
        "has",
        "been",
        "updated",
        "Save",
        "draft",
        "Content",
        "Collapse",
        "all",
        "The",
        "title",
        "Images",
        "Documents",
        "Reports",
        "Help",
        "Updated",
        "Type",
        "MODERATION",
        "Just",
        "now",
    }
    vietnamese = (
        "Trang tin Tham luận đã được cập nhật. Lưu bản nháp, in kỷ yếu, Huyện ủy Ia Grai "
        "nộp tệp bientap.docx (25 KB) theo Kế hoạch số 92-KH/TU; xem https://example.org/a"
    )
    assert english_words(vietnamese) == set()


# The page's visible text, less what is not the interface's: a closed time-zone list
# shows only its choice (the zones' IANA names are data), and a row about a page in
# another language (Wagtail marks it with that language's label) shows that page's own
# title, which is content, not a word of the admin.
VISIBLE_TEXT = """() => {
    let text = document.body.innerText;
    for (const zones of document.querySelectorAll("select[name$=time_zone]")) {
        const chosen = zones.selectedOptions.length ? zones.selectedOptions[0].text : "";
        text = text.replace(zones.innerText, chosen);
    }
    for (const label of document.querySelectorAll(".w-status--label")) {
        const row = label.closest("tr, li");
        if (row && label.innerText.trim().toLowerCase() !== "tiếng việt") {
            text = text.replace(row.innerText, "");
        }
    }
    return text;
}"""


class Screens:
    """What each screen of the journey shows in English: {screen: {word: a line with it}}.

    `content` is text the admin shows as it was entered (titles of the English edition's
    pages, say): content, not words of the interface.
    """

    def __init__(self, content=()):
        self.english = {}
        self.content = sorted(content, key=len, reverse=True)

    def read(self, page, name):
        page.wait_for_load_state("networkidle")
        text = page.evaluate(VISIBLE_TEXT)
        for title in self.content:
            text = text.replace(title, " ")
        for line in text.splitlines():
            for word in english_words(line):
                self.english.setdefault(name, {}).setdefault(word, line.strip()[:120])

    def report(self):
        return "\n".join(
            f"{name}:\n"
            + "\n".join(f"    {word!r} in {line!r}" for word, line in sorted(words.items()))
            for name, words in self.english.items()
        )


def sign_in(context, username, screens):
    page = context.new_page()
    page.goto("/admin/login/")
    screens.read(page, "login")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    screens.read(page, f"{username}: dashboard")
    return page


MORE_ACTIONS = "footer [data-w-dropdown-target=toggle]"


def read_editor(page, screens, name):
    """The page editor: every tab, then its footer's menu of further actions opened."""
    from playwright.sync_api import expect

    tabs = page.locator("[role=tablist] [role=tab]")
    for index in range(tabs.count()):
        tabs.nth(index).click()
        screens.read(page, f"{name}, tab {index + 1}")
    toggle = page.locator(MORE_ACTIONS).first
    if toggle.is_visible():
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        screens.read(page, f"{name}, actions")
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "false")


def footer_action(page, selector):
    """Press a button of the editor's footer, opening its menu of further actions first
    when needed; by the keyboard, as the menu's opening animation may still cover it."""
    from playwright.sync_api import expect

    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator(MORE_ACTIONS).first.click()
        expect(button).to_be_visible()
    button.press("Enter")


WORK_SCREENS = [
    ("explorer", "/admin/pages/"),
    ("images", "/admin/images/"),
    ("documents", "/admin/documents/"),
    ("snippets", "/admin/snippets/"),
    ("units", "/admin/snippets/symposium_pages/unit/"),
    ("invitations", "/admin/snippets/symposium_pages/invitation/"),
    ("account", "/admin/account/"),
    ("reports: workflows", "/admin/reports/workflow/"),
    ("reports: workflow tasks", "/admin/reports/workflow_tasks/"),
    ("reports: locked pages", "/admin/reports/locked/"),
    ("reports: site history", "/admin/reports/site-history/"),
    ("reports: aging pages", "/admin/reports/aging-pages/"),
    ("reports: invitations", "/admin/reports/symposium-invitations/"),
]


def read_work_screens(page, screens, username, plan, paper):
    from wagtail.documents import get_document_model

    from symposium_pages.models import Unit

    unit = Unit.objects.order_by("pk").first()
    document = get_document_model().objects.order_by("pk").first()
    for name, url in [
        *WORK_SCREENS,
        ("the plan's pages", f"/admin/pages/{plan.pk}/"),
        ("the paper's history", f"/admin/pages/{paper.pk}/history/"),
        ("a unit", f"/admin/snippets/symposium_pages/unit/edit/{unit.pk}/"),
        ("a document", f"/admin/documents/edit/{document.pk}/"),
    ]:
        page.goto(url)
        screens.read(page, f"{username}: {name}")
    # The main menu's sub-menus, opened one by one.
    page.goto("/admin/")
    submenus = page.locator("#wagtail-sidebar button[aria-haspopup]")
    for index in range(submenus.count()):
        submenus.nth(index).click()
        screens.read(page, f"{username}: menu {index + 1}")
        page.keyboard.press("Escape")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_editorial_journey_reads_in_vietnamese(demo_site, new_context, tmp_path):
    from wagtail.models import Page

    from symposium_pages.models import PaperPage, SymposiumPage, Unit

    plan = SymposiumPage.objects.get(locale__language_code="vi")
    upload = tmp_path / "tham-luan-ia-grai.docx"
    upload.write_bytes(simple_paper(title=TITLE, paragraphs=4))
    # Content the admin lists as it is: the English edition's titles, the units' short
    # names (BTG, VPTU, ĐĐ HLHPN: abbreviations of Vietnamese names).
    other_languages = Page.objects.exclude(locale__language_code="vi")
    content = {*other_languages.values_list("title", flat=True)}
    content |= {*Unit.objects.exclude(short_name="").values_list("short_name", flat=True)}
    screens = Screens(content=content)

    # The editor receives the paper, looks around, and submits it for vetting.
    editor = sign_in(new_context(**DESKTOP), "bientap", screens)
    editor.goto(f"/admin/symposium/{plan.pk}/receive-paper/")
    screens.read(editor, "bientap: receive form")
    invited = editor.get_by_label("Đơn vị được mời")
    invited.select_option(value=invited.locator("option", has_text=UNIT).get_attribute("value"))
    editor.get_by_label("Tham luận (.docx)").set_input_files(str(upload))
    editor.get_by_role("button", name="Kiểm tra tệp").click()
    screens.read(editor, "bientap: receive preview")
    editor.get_by_role("button", name=re.compile("^Xác nhận")).click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    paper = PaperPage.objects.get(title=TITLE)
    screens.read(editor, "bientap: paper received")
    read_editor(editor, screens, "bientap: editing the paper")
    read_work_screens(editor, screens, "bientap", plan, paper)
    editor.goto(f"/admin/pages/{paper.pk}/edit/")
    footer_action(editor, "button[name=action-submit]")
    editor.wait_for_url(re.compile(rf"/admin/pages/{plan.pk}/$"))
    screens.read(editor, "bientap: submitted")

    # The vetting reviewer, then the moderator: each reads the paper and approves it.
    for username in ("thamdinh", "kiemduyet"):
        person = sign_in(new_context(**DESKTOP), username, screens)
        person.goto(f"/admin/pages/{paper.pk}/edit/")
        read_editor(person, screens, f"{username}: the paper in the workflow")
        # Requesting changes asks for a comment in a dialog: read it, then close it.
        footer_action(person, "button[data-workflow-action-name=reject]")
        person.locator("[role=dialog] textarea, .modal textarea").first.wait_for()
        screens.read(person, f"{username}: requesting changes")
        person.keyboard.press("Escape")
        read_work_screens(person, screens, username, plan, paper)
        person.goto(f"/admin/pages/{paper.pk}/edit/")
        footer_action(person, "button[data-workflow-action-name=approve]")
        if username == "thamdinh":  # the vetting step judges by the plan's criteria
            judge(person, unmet=0)
            screens.read(person, f"{username}: approving by the criteria")
            person.locator("[data-vetting-form] button[type=submit]").click()
        person.wait_for_url(re.compile(rf"/admin/pages/{plan.pk}/$"))
        screens.read(person, f"{username}: approved")
        person.goto(f"/admin/pages/{paper.pk}/history/")
        screens.read(person, f"{username}: the paper's history after approving")

    paper.refresh_from_db()
    assert paper.live is True  # the journey went to its end
    assert not screens.english, "English on the admin's screens:\n" + screens.report()
