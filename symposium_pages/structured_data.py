"""schema.org descriptions of public pages (JSON-LD), built as plain dictionaries.

`Event` for a symposium (organiser, dates or the expected period, place, programme),
`NewsArticle` for news and coverage, `Article` or `Report` for papers. Templates
render them with the `json_ld` filter of `symposium_meta`.
"""

import datetime

from django.utils import timezone
from wagtail.models import Site

from .models.news import SHARE_IMAGE
from .picture_storage import fresh_rendition

CONTEXT = "https://schema.org"


def absolute_url(request, url):
    if not url or url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    site = Site.objects.filter(is_default_site=True).first()
    return f"{site.root_url}{url}" if site else url


def image_url(request, image, spec=SHARE_IMAGE):
    if image is None:
        return None
    return absolute_url(request, fresh_rendition(image, spec).url)


def _iso(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    return value.isoformat()


def _site_name(page, request):
    site = Site.find_for_request(request) if request is not None else page.get_site()
    return (site.site_name if site else "") or ""


def _organisation(name):
    return {"@type": "Organization", "name": name}


def _clean(data):
    """Leaves out empty values so that the output says only what is known."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def article(page, request, schema_type="Article", authors=None, extra=None):
    """A news article, an article or a report."""
    url = page.get_full_url(request)
    image = page.get_share_image() if hasattr(page, "get_share_image") else None
    if authors is None:
        byline = getattr(page, "byline", "")
        authors = [{"@type": "Person", "name": byline}] if byline else []
    site_name = _site_name(page, request)
    data = {
        "@context": CONTEXT,
        "@type": schema_type,
        "headline": page.title[:110],
        "name": page.title,
        "description": page.get_description() if hasattr(page, "get_description") else "",
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": _iso(getattr(page, "publication_date", None) or page.first_published_at),
        "dateModified": _iso(page.last_published_at),
        "inLanguage": page.locale.language_code if page.locale_id else None,
        "author": authors,
        "publisher": _organisation(site_name) if site_name else None,
        "image": [image_url(request, image)] if image else [],
    }
    data.update(extra or {})
    return _clean(data)


def _event_dates(symposium):
    if symposium.event_starts_at:
        return _iso(symposium.event_starts_at), _iso(symposium.event_ends_at)
    end = symposium.event_period_end or symposium.event_period_start
    return _iso(symposium.event_period_start), _iso(end)


def event(symposium, request, programme=()):
    """The symposium as an Event: who organises it, when (exactly or the period), where."""
    start, end = _event_dates(symposium)
    image = symposium.get_share_image()
    place = symposium.venue or symposium.issuing_place
    location = _clean(
        {
            "@type": "Place",
            "name": place,
            "address": _clean(
                {
                    "@type": "PostalAddress",
                    "addressRegion": symposium.issuing_place,
                    "addressCountry": "VN",
                }
            ),
        }
    )
    sub_events = []
    for item in programme:
        item_start, item_end = symposium.programme_item_times(item)
        if item_start is None:
            continue
        sub_events.append(
            _clean(
                {
                    "@type": "Event",
                    "name": item.title,
                    "startDate": _iso(item_start),
                    "endDate": _iso(item_end),
                    "performer": _organisation(item.speaker) if item.speaker else None,
                    "location": location,
                }
            )
        )
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "name": symposium.title,
            "description": symposium.get_description(),
            "url": symposium.get_full_url(request),
            "startDate": start,
            "endDate": end,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": location,
            "organizer": _organisation(symposium.issuing_body),
            "image": [image_url(request, image)] if image else [],
            "inLanguage": symposium.locale.language_code if symposium.locale_id else None,
            "subEvent": sub_events,
        }
    )


def paper(page, request):
    """A paper as an Article, the keynote and closing summary as a Report, by its unit."""
    symposium = page.get_symposium()
    authors = [_organisation(page.unit.name)] if page.unit_id else []
    contributors = (
        [{"@type": "Person", "name": page.presenter_name, "jobTitle": page.presenter_position}]
        if page.presenter_name
        else []
    )
    schema_type = "Article" if page.kind == page.Kind.PAPER else "Report"
    extra = {
        "genre": str(page.get_kind_display()),
        "contributor": [_clean(person) for person in contributors],
        "isPartOf": (
            _clean(
                {
                    "@type": "WebPage",
                    "name": symposium.title,
                    "url": symposium.get_full_url(request),
                }
            )
            if symposium
            else None
        ),
        "wordCount": page.words,
    }
    return article(page, request, schema_type, authors=authors, extra=_clean(extra))
