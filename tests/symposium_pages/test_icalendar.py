"""The .ics writer over plain values: what calendar programs read (RFC 5545)."""

import datetime
import zoneinfo

import icalendar as ical

from symposium_pages.icalendar import calendar

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
STAMP = datetime.datetime(2022, 8, 1, 9, 0, tzinfo=HCM)


def lines_of(data):
    """The file's lines, unfolded, after checking its line ends and folding."""
    assert data.endswith("\r\n")
    assert all(len(line.encode()) <= 75 for line in data.split("\r\n"))
    return data.replace("\r\n ", "").split("\r\n")


def calendar_head(name):
    """The first lines of every file the add-on writes, for a calendar named `name`."""
    return [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//symposium_pages//Wagtail//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{name}",
    ]


def test_an_all_day_tentative_event():
    data = calendar(
        name="Tọa đàm thử nghiệm",
        uid="symposium-1@example.com",
        stamp=STAMP,
        event={
            "summary": "Tọa đàm thử nghiệm",
            "start": datetime.date(2022, 8, 21),
            "end": datetime.date(2022, 8, 22),
            "all_day": True,
            "description": "Về xây dựng, chỉnh đốn Đảng; năm 2022.\nhttp://x/",
            "location": "Gia Lai",
            "status": "TENTATIVE",
        },
    )
    lines = lines_of(data)
    assert lines[:6] == calendar_head("Tọa đàm thử nghiệm")
    assert "DTSTART;VALUE=DATE:20220821" in lines
    assert "DTEND;VALUE=DATE:20220822" in lines
    assert "DTSTAMP:20220801T020000Z" in lines
    assert "STATUS:TENTATIVE" in lines
    assert "DESCRIPTION:Về xây dựng\\, chỉnh đốn Đảng\\; năm 2022.\\nhttp://x/" in lines
    assert lines[-2:] == ["END:VCALENDAR", ""]


def test_timed_events_are_in_utc_and_long_lines_fold_between_characters():
    start = datetime.datetime(2022, 8, 30, 7, 30, tzinfo=HCM)
    title = "Tọa đàm " + "xây dựng, chỉnh đốn Đảng " * 6
    data = calendar(
        name=title,
        uid="symposium-2@example.com",
        stamp=STAMP,
        event={"summary": title, "start": start, "end": start + datetime.timedelta(hours=4)},
        items=[
            {
                "uid": "item-1@example.com",
                "summary": "Báo cáo đề dẫn",
                "start": start + datetime.timedelta(minutes=30),
                "end": start + datetime.timedelta(hours=1),
                "description": "Ban Tuyên giáo Tỉnh ủy",
            }
        ],
    )
    lines = lines_of(data)
    assert lines.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20220830T003000Z" in lines
    assert "DTEND:20220830T043000Z" in lines
    assert "DTSTART:20220830T010000Z" in lines
    assert f"SUMMARY:{title.replace(',', chr(92) + ',')}" in lines
    parsed = ical.Calendar.from_ical(data)
    (event, item) = parsed.walk("VEVENT")
    assert str(event["summary"]) == title
    assert event.decoded("dtstart") == start
    assert str(item["uid"]) == "item-1@example.com"
