"""Builders of plan pages for tests, valid unless told otherwise."""

import datetime

from symposium_pages.models import SymposiumPage


def plan_fields(**overrides):
    fields = {
        "title": "Tọa đàm thử nghiệm",
        "slug": "toa-dam-thu",
        "plan_number": "92-KH/TU",
        "issuing_body": "Ban Thường vụ Tỉnh ủy Gia Lai",
        "issuing_place": "Gia Lai",
        "issued_on": datetime.date(2022, 8, 10),
        "event_period": "cuối tháng 8 năm 2022",
        "event_period_start": datetime.date(2022, 8, 21),
        "page_limit": 7,
        "submission_deadline": datetime.date(2022, 8, 19),
        "receiving_department": "Ban Tuyên giáo Tỉnh ủy",
    }
    fields.update(overrides)
    return fields


def make_plan(parent, **overrides):
    page = SymposiumPage(**plan_fields(**overrides))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
