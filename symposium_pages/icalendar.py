"""An iCalendar file (RFC 5545) of a symposium and, when its day and times are known, its programme.

Plain functions over plain values. Times are written in UTC, so no time-zone
definition is needed; a symposium known only by its expected period is an
all-day event over that period, marked tentative.
"""

import datetime

PRODID = "-//symposium_pages//Wagtail//VI"
LINE_LIMIT = 75  # octets, before folding


def escape(text):
    """TEXT values escape backslashes, semicolons, commas and line breaks."""
    return (
        str(text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """Folds a content line at 75 octets without cutting a UTF-8 character in two."""
    data = line.encode("utf-8")
    if len(data) <= LINE_LIMIT:
        return line
    parts = []
    limit = LINE_LIMIT
    while data:
        cut = min(limit, len(data))
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:
            cut -= 1  # back to the first byte of the character
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
        limit = LINE_LIMIT - 1  # continuation lines begin with a space
    return "\r\n ".join(parts)


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def day(value):
    return value.strftime("%Y%m%d")


def _event(uid, stamp, summary, start, end=None, *, all_day=False, **fields):
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{utc(stamp)}"]
    if all_day:
        lines.append(f"DTSTART;VALUE=DATE:{day(start)}")
        if end:
            lines.append(f"DTEND;VALUE=DATE:{day(end)}")
    else:
        lines.append(f"DTSTART:{utc(start)}")
        if end:
            lines.append(f"DTEND:{utc(end)}")
    lines.append(f"SUMMARY:{escape(summary)}")
    for name in ("description", "location", "url", "status", "categories"):
        value = fields.get(name)
        if value:
            text = value if name in ("url", "status") else escape(value)
            lines.append(f"{name.upper()}:{text}")
    lines.append("END:VEVENT")
    return lines


def calendar(*, name, uid, stamp, event, items=()):
    """The whole file as text with CRLF line ends.

    `event` and each of `items` are dicts: summary, start, end (datetime, or date
    with all_day), description, location, url, status, uid (items only).
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    lines += _event(uid, stamp, **event)
    for item in items:
        item = dict(item)
        lines += _event(item.pop("uid"), stamp, **item)
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)
