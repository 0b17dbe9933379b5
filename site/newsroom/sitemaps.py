"""The sitemap: every language's pages, each with its translations as alternates.

Wagtail's own sitemap lists the descendants of the site's root page, which are the
Vietnamese pages only: the English home page and its tree are the root's
translation, not its children.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PageSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_root = Q()
        for path in roots.values_list("path", flat=True):
            in_any_root |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_any_root)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = self._alternates(items)
        urls, last_mods = [], set()
        for item in items:
            languages = alternates.get(item.translation_key, [])
            for url_info in item.get_sitemap_urls(self.request):
                if len(languages) > 1 and url_info.get("location") in {
                    language["location"] for language in languages
                }:
                    url_info["alternates"] = languages
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates(self, pages):
        """{translation_key: [{"lang_code", "location"}]} in one query for a sitemap page."""
        keys = {page.translation_key for page in pages}
        found = defaultdict(list)
        translations = (
            Page.objects.filter(translation_key__in=keys)
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for translation in translations:
            location = translation.get_full_url(self.request)
            if location:
                found[translation.translation_key].append(
                    {"lang_code": translation.locale.language_code, "location": location}
                )
        return found
