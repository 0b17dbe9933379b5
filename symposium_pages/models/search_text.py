"""Search without tone marks: every indexed page also carries its text folded.

Wagtail's database backend indexes what `search_fields` give it as it is, and neither
SQLite's tokenizer (which keeps "đ" and letters with two marks, such as "ự" or "ế") nor
PostgreSQL's "simple" configuration folds Vietnamese. The mixin adds one more search
field, the page's searchable text folded (`folding.fold`), so that a query folded the
same way finds the page whichever way it was typed; the words as written stay indexed
beside it. Put the mixin before `Page` in the bases.
"""

from django.db.models import Manager
from wagtail.search import index

from ..folding import fold

FOLDED_FIELD = "folded_search_text"


class FoldedSearchMixin:
    @classmethod
    def get_search_fields(cls):
        # A method, not an entry in `search_fields`: each page type writes its own list
        # (`Page.search_fields + [...]`), and the folded copy must follow all of them.
        return [*super().get_search_fields(), index.SearchField(FOLDED_FIELD)]

    def folded_search_text(self):
        fields = [
            field for field in type(self).get_search_fields() if field.field_name != FOLDED_FIELD
        ]
        return fold(" ".join(_texts(self, fields)))


def _texts(obj, fields):
    """The text of `obj`'s search fields (and of their related objects), as the index reads it."""
    for field in fields:
        if isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if isinstance(related, Manager) else [related]
            for item in items:
                yield from _texts(item, field.fields)
        elif isinstance(field, index.SearchField):
            yield from _strings(field.get_value(obj))


def _strings(value):
    if value is None:
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        yield from _strings(list(value.values()))
    else:
        yield str(value)
