"""An iCalendar file (RFC 5545) of a symposium and, when its day and times are known, its programme.

Written with the `icalendar` package, which escapes TEXT values, folds lines at 75
octets without splitting a UTF-8 character and orders the properties. Times are given
in UTC, so no time-zone definition is needed; a symposium known only by its expected
period is an all-day event over that period, marked tentative.
"""

import datetime

import icalendar

PRODID = "-//symposium_pages//Wagtail//VI"
FIELDS = ("description", "location", "url", "status", "categories")


def _event(uid, stamp, summary, start, end=None, *, all_day=False, **fields):
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    if all_day:
        event.add("dtstart", start)
        if end:
            event.add("dtend", end)
    else:
        event.add("dtstart", start.astimezone(datetime.UTC))
        if end:
            event.add("dtend", end.astimezone(datetime.UTC))
    event.add("summary", summary or "")
    for name in FIELDS:
        value = fields.get(name)
        if value:
            event.add(name, value)
    return event


def calendar(*, name, uid, stamp, event, items=()):
    """The whole file as text with CRLF line ends.

    `event` and each of `items` are dicts: summary, start, end (datetime, or date
    with all_day), description, location, url, status, uid (items only).
    """
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add_component(_event(uid, stamp, **event))
    for item in items:
        item = dict(item)
        cal.add_component(_event(item.pop("uid"), stamp, **item))
    return cal.to_ical().decode("utf-8")
