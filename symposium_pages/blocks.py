"""StreamField blocks of a paper's body: what an extracted .docx can hold."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

# Superscript carries the numbers of footnotes and endnotes in the text.
INLINE_FEATURES = ["bold", "italic", "underline", "link", "superscript"]
# A list item may hold the deeper levels of a nested list.
ITEM_FEATURES = [*INLINE_FEATURES, "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"))
    level = blocks.ChoiceBlock(
        choices=[("2", _("Heading")), ("3", _("Subheading")), ("4", _("Minor heading"))],
        default="2",
        label=_("level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "symposium_pages/blocks/heading.html"


class ListBlock(blocks.StructBlock):
    ordered = blocks.BooleanBlock(required=False, label=_("numbered"))
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=ITEM_FEATURES), label=pgettext_lazy("paper block", "items")
    )

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "symposium_pages/blocks/list.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=pgettext_lazy("paper block", "image"))
    alt = blocks.CharBlock(required=False, label=_("alternative text"))
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "image"
        label = pgettext_lazy("paper block", "Image")
        template = "symposium_pages/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(required=False, label=_("attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "symposium_pages/blocks/quote.html"


class NotesBlock(blocks.StructBlock):
    """The paper's footnotes and endnotes, numbered as their references in the text."""

    items = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES), label=pgettext_lazy("paper block", "notes")
    )

    class Meta:
        icon = "list-ol"
        label = pgettext_lazy("paper block", "Notes")
        template = "symposium_pages/blocks/notes.html"


class PaperBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Paragraph"))
    list = ListBlock()
    table = TableBlock(label=pgettext_lazy("paper block", "Table"))
    image = FigureBlock()
    quote = QuoteBlock()
    # A text box set beside the text in the .docx.
    aside = blocks.RichTextBlock(
        features=ITEM_FEATURES,
        label=_("Side box"),
        template="symposium_pages/blocks/aside.html",
        icon="doc-full",
    )
    notes = NotesBlock()


class CoverageBodyBlock(blocks.StreamBlock):
    """The body of a coverage article: text with headings, photos and quotations."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("Paragraph")
    )
    image = FigureBlock()
    quote = QuoteBlock()
