"""The intake preview says the page-limit verdict, in Vietnamese, with the estimate's range."""

from symposium_pages.models import PaperPage
from tests.intake.papers import to_bytes
from tests.intake.test_page_confidence import TEXT_BOX, append, lines

from .test_receive_view import invitation, plan, upload  # noqa: F401 (fixtures)


def verdict_of(html: str) -> str:
    start = html.index('<dd class="intake-verdict">') + len('<dd class="intake-verdict">')
    return html[start : html.index("</dd>", start)]


def test_a_sure_paper_within_the_limit(admin_client, plan, invitation):  # noqa: F811
    html = upload(admin_client, plan, to_bytes(lines(60)), invitation=invitation.pk)
    assert verdict_of(html.content.decode()) == "trong giới hạn số trang"


def test_an_unsure_paper_shows_its_range_and_is_left_to_libreoffice(
    admin_client,
    plan,  # noqa: F811
    invitation,  # noqa: F811
):
    doc = lines(48 * 6 + 20)  # 7 pages at the plan's limit of 7, with a text box
    append(doc, TEXT_BOX)
    html = upload(admin_client, plan, to_bytes(doc), invitation=invitation.pk).content.decode()
    assert verdict_of(html).startswith("chưa chắc chắn — LibreOffice xác nhận (từ 6 đến 10 trang)")
    assert "Số trang chưa chắc chắn: từ 6 đến 10 trang so với giới hạn 7" in html
    assert PaperPage.objects.count() == 0
