"""The order of the reader's search results, the same on SQLite and on PostgreSQL.

Wagtail's database backend finds the pages (through each page's folded text, see
`symposium_pages.models.search_text`) and gives a first order, but that order differs by
database: SQLite's bm25 weighs the title like the body, PostgreSQL ranks by its own
weights, and neither knows that Vietnamese words are several syllables long, so that
"chỉnh đốn" written together means more than "chỉnh" and "đốn" far apart. The best
`RERANKED` candidates are therefore put in order here, by what a reader expects:

1. the query in the title, as a phrase, then all its syllables anywhere in the title;
2. the same in the lead (the page's summary);
3. the query as a phrase anywhere in the text;
4. then the backend's own order.

Each level prefers the syllables as typed (with their tone marks) over the folded ones,
so that "phường" puts a ward before a "phương án". Syllables are compared whole: "phương"
never matches inside another word. Results past the first `RERANKED` follow in the
backend's order, so paging stays cheap however common the word.
"""

from wagtail.search.query import Phrase, PlainText

from symposium_pages.folding import fold, syllables

RERANKED = 50


def search_pages(pages, query):
    """`pages` (a queryset of live pages) matching `query`, best first, as a sequence."""
    folded = fold(query)
    if not folded:
        return []
    results = pages.specific().search(PlainText(folded, operator="and"))
    if not results.count() and " " in folded:
        # No page has every syllable: the pages with most of them, rather than nothing.
        results = pages.specific().search(PlainText(folded, operator="or"))
    head = list(results[:RERANKED])
    phrase_ids = set()
    if " " in folded and head:
        phrase_ids = {page.pk for page in pages.search(Phrase(folded))[:RERANKED]}
    wanted = Wanted(folded.split(), syllables(query))
    order = {page.pk: position for position, page in enumerate(head)}
    head.sort(key=lambda page: (*wanted.score(page, phrase_ids), -order[page.pk]), reverse=True)
    return RankedResults(results, head)


class Wanted:
    """The query's syllables, folded and as typed, and how well a page's text holds them."""

    def __init__(self, folded, exact):
        self.folded = folded
        self.exact = exact

    def score(self, page, phrase_ids):
        lead = getattr(page, "lead", "") or page.search_description
        return (
            *self.level(page.title),
            *self.level(lead),
            page.pk in phrase_ids,
        )

    def level(self, text):
        """(folded, as typed): 2 for the query as a phrase, 1 for all its syllables, else 0."""
        return _level(self.folded, fold(text).split()), _level(self.exact, syllables(text))


def _level(wanted, words):
    if not wanted or not set(wanted) <= set(words):
        return 0
    width = len(wanted)
    return 2 if any(words[i : i + width] == wanted for i in range(len(words))) else 1


class RankedResults:
    """The reordered head, then the backend's results after it: what Paginator pages through."""

    def __init__(self, results, head):
        self.results = results
        self.head = head

    def count(self):
        return self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        if stop is not None and stop <= len(self.head):
            return self.head[start:stop]
        tail = list(self.results[max(start, len(self.head)) : stop])
        return self.head[start:stop] + tail
