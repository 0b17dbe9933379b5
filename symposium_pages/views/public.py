"""Public views reached through the pages' routes: the event's calendar file, a published original."""

import datetime

from anyascii import anyascii
from django.http import FileResponse, Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .. import icalendar


def calendar_filename(symposium):
    return f"{slugify(anyascii(symposium.slug)) or 'toa-dam'}.ics"


def _event_description(symposium, url):
    lines = [symposium.lead]
    if symposium.event_period and not symposium.event_starts_at:
        lines.append(_("Expected: %(period)s") % {"period": symposium.event_period})
    lines.append(_("Organiser: %(body)s") % {"body": symposium.issuing_body})
    lines.append(url)
    return "\n".join(line for line in lines if line)


def calendar_data(symposium, request):
    """The iCalendar text of the symposium and its timed programme items."""
    url = symposium.get_full_url(request)
    host = request.get_host().split(":")[0] if request else "localhost"
    programme = list(symposium.programme_items.all())
    event = {
        "summary": symposium.title,
        "description": _event_description(symposium, url),
        "location": symposium.venue or symposium.issuing_place,
        "url": url,
    }
    if symposium.event_starts_at:
        ends = [symposium.programme_item_times(item)[1] for item in programme]
        ends = [end for end in ends if end]
        event.update(
            start=symposium.event_starts_at,
            end=symposium.event_ends_at or (max(ends) if ends else None),
            status="CONFIRMED",
        )
    elif symposium.event_period_start:
        last_day = symposium.event_period_end or symposium.event_period_start
        event.update(
            start=symposium.event_period_start,
            end=last_day + datetime.timedelta(days=1),  # DTEND of a date is exclusive
            all_day=True,
            status="TENTATIVE",
        )
    else:
        return None
    items = []
    for item in programme:
        start, end = symposium.programme_item_times(item)
        if start is None:
            continue
        items.append(
            {
                "uid": f"symposium-{symposium.pk}-item-{item.pk}@{host}",
                "summary": item.title,
                "start": start,
                "end": end,
                "description": item.speaker,
                "location": event["location"],
                "url": url,
                "status": "CONFIRMED",
            }
        )
    return icalendar.calendar(
        name=symposium.title,
        uid=f"symposium-{symposium.pk}@{host}",
        stamp=symposium.last_published_at or timezone.now(),
        event=event,
        items=items,
    )


def calendar_response(request, symposium):
    data = calendar_data(symposium, request)
    if data is None:
        raise Http404
    response = HttpResponse(data.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, calendar_filename(symposium))
    return response


def original_response(request, paper):
    """The .docx as received, for readers of a published paper whose editors chose to publish it."""
    if not paper.original_is_public:
        raise Http404
    document = paper.original
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.filename,
        content_type=(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            if document.file_extension == "docx"
            else "application/octet-stream"
        ),
    )
