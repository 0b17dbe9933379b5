"""Cached fragments (the papers on the plan, the units, a paper's body) follow every publish."""

import pytest

from symposium_pages.models import SymposiumPage

from .factories import release
from .reading import paper, symposium, unit_and_invitation, units_page


@pytest.fixture
def plan(home_page):
    plan = symposium(home_page)
    units_page(plan)
    paper(plan, "Tham luận thứ nhất", "Huyện ủy Kbang")
    return SymposiumPage.objects.get(pk=plan.pk)


def html_of(client, url):
    return client.get(url).content.decode()


def test_a_newly_published_paper_shows_on_the_plan_at_once(client, plan):
    assert "Tham luận thứ hai" not in html_of(client, plan.url)  # now cached
    second = paper(plan, "Tham luận thứ hai", "Huyện ủy Chư Păh")
    assert "Tham luận thứ hai" in html_of(client, plan.url)
    units = plan.get_children().type(*_units()).first()
    assert "Tham luận thứ hai" in html_of(client, units.url)
    second.unpublish()
    assert "Tham luận thứ hai" not in html_of(client, plan.url)
    assert "Tham luận thứ hai" not in html_of(client, units.url)


def test_a_deleted_or_moved_paper_leaves_the_plan(client, plan, home_page):
    second = paper(plan, "Tham luận sẽ xóa", "Huyện ủy Chư Păh")
    assert "Tham luận sẽ xóa" in html_of(client, plan.url)
    second.delete()
    assert "Tham luận sẽ xóa" not in html_of(client, plan.url)
    other = symposium(home_page, slug="toa-dam-khac", title="Tọa đàm khác")
    third = paper(plan, "Tham luận chuyển đi", "Thị ủy An Khê")
    assert "Tham luận chuyển đi" in html_of(client, plan.url)
    third.move(other, pos="last-child")
    assert "Tham luận chuyển đi" not in html_of(client, plan.url)
    assert "Tham luận chuyển đi" in html_of(client, other.url)


def test_an_edited_invitation_shows_on_the_units_page(client, plan):
    units = plan.get_children().type(*_units()).first()
    assert "Rơ Lan Hlim" not in html_of(client, units.url)
    _unit, invitation = unit_and_invitation(plan, "Huyện ủy Kbang")
    invitation.presenter_name = "Rơ Lan Hlim"
    invitation.save()
    assert "đồng chí Rơ Lan Hlim" in html_of(client, units.url)
    invitation.unit.name = "Huyện ủy Kbang (mới)"
    invitation.unit.save()
    assert "Huyện ủy Kbang (mới)" in html_of(client, units.url)


def test_a_republished_paper_shows_its_new_body(client, plan):
    first = plan.get_children().specific().get(title="Tham luận thứ nhất")
    assert "Nội dung của Tham luận thứ nhất." in html_of(client, first.url)
    first.body = [("paragraph", "<p>Bản sửa lần hai.</p>")]
    release(first)
    html = html_of(client, first.url)
    assert "Bản sửa lần hai." in html
    assert "Nội dung của Tham luận thứ nhất." not in html


def test_the_plans_tables_follow_its_publish_not_its_drafts(client, plan):
    from symposium_pages.models import LegalBasis, ProgrammeItem, SymposiumAssignment

    html = html_of(client, plan.url)  # legal basis, assignments and programme now cached
    assert "99-KL/TW" not in html
    draft = SymposiumPage.objects.get(pk=plan.pk)
    draft.legal_bases.add(LegalBasis(number="99-KL/TW", title="Kết luận mới"))
    draft.assignments.add(SymposiumAssignment(unit_name="Ban Dân vận Tỉnh ủy", tasks="Phối hợp"))
    draft.programme_items.add(ProgrammeItem(title="Phát biểu bế mạc", speaker="Bí thư"))
    draft.save_revision()
    html = html_of(client, plan.url)
    assert "99-KL/TW" not in html and "Ban Dân vận Tỉnh ủy" not in html  # a draft only
    release(draft, save=False)
    html = html_of(client, plan.url)
    for text in ("99-KL/TW", "Kết luận mới", "Ban Dân vận Tỉnh ủy", "Phát biểu bế mạc"):
        assert text in html


def test_an_article_elsewhere_linking_to_the_plan_joins_and_leaves_its_related_news(
    client, plan, home_page
):
    from .reading import publish, stock_news

    section_model, article_model, link_model = stock_news()
    assert "Tỉnh ủy bàn về tọa đàm" not in html_of(client, plan.url)  # related news cached
    section = publish(home_page, section_model(title="Thời sự", slug="thoi-su"))
    article = article_model(title="Tỉnh ủy bàn về tọa đàm", slug="ban-ve-toa-dam")
    article.related_links = [link_model(related_page=plan)]
    publish(section, article)
    assert "Tỉnh ủy bàn về tọa đàm" in html_of(client, plan.url)
    article.unpublish()
    assert "Tỉnh ủy bàn về tọa đàm" not in html_of(client, plan.url)


def test_republishing_the_plan_keeps_its_stamp(plan):
    stamp = SymposiumPage.objects.get(pk=plan.pk).public_changed_at
    assert stamp is not None
    revision = plan.get_latest_revision()
    paper(plan, "Tham luận mới", "Thị ủy Ayun Pa")
    newer = SymposiumPage.objects.get(pk=plan.pk).public_changed_at
    assert newer > stamp
    revision.publish()  # an older released revision of the plan: the stamp is not taken back
    assert SymposiumPage.objects.get(pk=plan.pk).public_changed_at == newer


def test_previews_are_never_cached(admin_client, plan):
    first = plan.get_children().specific().get(title="Tham luận thứ nhất")
    admin_client.get(first.url)  # cache the live body
    draft = first.get_latest_revision_as_object()
    draft.body = [("paragraph", "<p>Chỉ trong bản xem trước.</p>")]
    draft.save_revision()
    preview = admin_client.get(f"/admin/pages/{first.pk}/view_draft/")
    assert "Chỉ trong bản xem trước." in preview.content.decode()


def _units():
    from symposium_pages.models import InvitedUnitsPage

    return (InvitedUnitsPage,)
