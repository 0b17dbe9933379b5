"""The site's search: live, public pages in the reader's language only (drafts, scheduled
and restricted pages never), with or without tone marks, in `ranking`'s order."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from symposium_pages.languages import localized_root

from .ranking import search_pages

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    number = request.GET.get("page")
    # Searched only when the template's cached results for this query, page of results
    # and public version are missing (symposium_pages.fragments).
    page_obj = SimpleLazyObject(lambda: _results(request, query, number))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": page_obj, "page_obj": page_obj, "page_number": number},
    )


def _results(request, query, number):
    pages = Page.objects.live().public()
    root = localized_root(request)  # the reader's language: /en/search/ finds English pages
    if root is not None:
        pages = pages.descendant_of(root, inclusive=True)
    results = search_pages(pages, query) if query else []
    return Paginator(results, RESULTS_PER_PAGE).get_page(number)
