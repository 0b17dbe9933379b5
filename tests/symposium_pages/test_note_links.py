"""The note numbers of a rendered paper body, linked to its notes and back."""

from django.utils import translation

from symposium_pages.templatetags.symposium_notes import note_links

NOTES = '<section class="paper-notes"><ol><li id="note-1"><p>a</p></li><li id="note-2"><p>b</p></li></ol></section>'


def test_numbers_link_to_existing_notes_in_rising_order_only():
    body = "<p>x<sup>1</sup> y<sup>2</sup>, 20 m<sup>2</sup>, z<sup>3</sup></p>" + NOTES
    with translation.override("en"):
        html = note_links(body)
    assert html == (
        '<p>x<sup><a href="#note-1" id="ref-1">1</a></sup> y'
        '<sup><a href="#note-2" id="ref-2">2</a></sup>, 20 m<sup>2</sup>, z<sup>3</sup></p>'
        '<section class="paper-notes"><ol>'
        '<li id="note-1"><a class="note-back" href="#ref-1" aria-label="Back to the text">↑</a> '
        "<p>a</p></li>"
        '<li id="note-2"><a class="note-back" href="#ref-2" aria-label="Back to the text">↑</a> '
        "<p>b</p></li></ol></section>"
    )


def test_a_body_without_notes_is_unchanged():
    body = "<p>20 m<sup>2</sup></p>"
    assert note_links(body) == body


def test_a_note_never_referenced_gets_no_back_link():
    with translation.override("en"):
        html = note_links("<p>x<sup>2</sup></p>" + NOTES)
    assert '<li id="note-1"><p>a</p></li>' in html
    assert 'href="#ref-2"' in html
