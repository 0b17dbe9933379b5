"""The site's search: live, public pages only (drafts, scheduled and restricted pages never)."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    pages = Page.objects.live().public()
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.in_site(site)
    results = pages.specific().search(query) if query else Page.objects.none()
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": page_obj, "page_obj": page_obj},
    )
