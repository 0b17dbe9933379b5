"""The original .docx of a paper is public only when editors publish it with the paper."""

import pytest

from symposium_pages.models import PaperPage
from symposium_pages.receiving import receive_paper

from .docx_builders import simple_paper
from .factories import make_plan, release
from .reading import unit_and_invitation


@pytest.fixture
def paper(home_page):
    plan = make_plan(home_page)
    _unit, invitation = unit_and_invitation(plan, "Thành ủy Pleiku")
    receipt = receive_paper(
        plan,
        data=simple_paper(title="Tham luận có bản gốc"),
        filename="tham-luan.docx",
        invitation=invitation,
        method="estimate",
    )
    release(receipt.paper, save=False)
    return PaperPage.objects.get(pk=receipt.paper.pk)


def download(client, paper):
    return client.get(f"{paper.url}original/")


def test_the_original_stays_private_by_default(client, paper):
    assert paper.publish_original is False
    assert download(client, paper).status_code == 404
    html = client.get(paper.url).content.decode()
    assert "original/" not in html
    assert paper.original.url not in html
    # Wagtail's own document link still asks for a login.
    assert client.get(paper.original.url).status_code == 302


def test_published_original_is_offered_to_readers(client, paper):
    paper = paper.get_latest_revision_as_object()
    paper.publish_original = True
    release(paper)
    html = client.get(paper.url).content.decode()
    assert (
        f'<p class="paper-original"><a href="{paper.url}original/" download>'
        "Tải bản gốc của tham luận</a>"
    ) in html
    response = download(client, paper)
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment;")
    with paper.original.file.open("rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()
    # Only through the paper: the document itself is still in the private collection.
    assert client.get(paper.original.url).status_code == 302


def test_a_draft_choice_to_publish_the_original_changes_nothing(client, paper):
    draft = paper.get_latest_revision_as_object()
    draft.publish_original = True
    draft.save_revision()  # not published yet
    assert download(client, paper).status_code == 404


def test_no_original_of_an_unpublished_paper(client, paper):
    paper = paper.get_latest_revision_as_object()
    paper.publish_original = True
    release(paper)
    paper.unpublish()
    assert download(client, paper).status_code == 404
