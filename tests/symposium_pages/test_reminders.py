"""Reminders before the deadline: to units without a paper, each once, with a way in that
leaves the letter's link working."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from symposium_pages.desk import reminders
from symposium_pages.models import DeskLink, DeskReminder, Invitation, Unit
from symposium_pages.models.desk_followup import reminder_days, validate_reminder_days

from .factories import make_plan
from .newsroom import make_people, receive

# Ten days ahead of the real clock, so the desk's link is alive; the reminders
# themselves are asked about any day (`today=`), the clock left alone.
DEADLINE = timezone.localdate() + datetime.timedelta(days=10)


@pytest.fixture
def plan(home_page):
    return make_plan(
        home_page,
        submission_deadline=DEADLINE,
        event_period_start=DEADLINE + datetime.timedelta(days=8),
    )


@pytest.fixture
def units(plan):
    """Three units expected to send a paper, one attending only; one of the three has sent."""
    made = {}
    for name, email in [
        ("Huyện ủy Chư Păh", "chupah@toasoan.example"),
        ("Huyện ủy Ia Grai", "iagrai@toasoan.example"),
        ("Thị ủy An Khê", "ankhe@toasoan.example"),
    ]:
        unit = Unit.objects.create(name=name, category="huyen_uy", email=email)
        made[name] = Invitation.objects.create(symposium=plan, unit=unit)
    attending = Unit.objects.create(
        name="Tỉnh đoàn", category="tinh_doan", email="tinhdoan@toasoan.example"
    )
    made["Tỉnh đoàn"] = Invitation.objects.create(
        symposium=plan, unit=attending, expectation=Invitation.Expectation.ATTEND
    )
    receive(plan, unit_name="Thị ủy An Khê")
    return made


def day(days_before):
    return DEADLINE - datetime.timedelta(days=days_before)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_reminder_days_are_read_and_checked():
    assert reminder_days("7,2") == [7, 2]
    assert reminder_days(" 2, 7 ,7") == [7, 2]
    assert reminder_days("") == []
    for bad in ("7;2", "-1", "a", "61"):
        with pytest.raises(ValidationError):
            validate_reminder_days(bad)


def test_the_stage_due_each_day(plan):
    assert [reminders.stage(plan, day(n)) for n in (9, 8, 7, 5, 3, 2, 1, 0, -1)] == [
        None,
        None,
        7,
        7,
        7,
        2,
        2,
        2,
        None,
    ]


def test_only_units_without_a_paper_get_one_and_only_once(plan, units):
    assert reminders.send_due(today=day(8)) == []
    assert mail.outbox == []

    done = reminders.send_due(today=day(7))
    assert {item.invitation.unit.name for item, _outcome in done} == {
        "Huyện ủy Chư Păh",
        "Huyện ủy Ia Grai",
    }
    assert recipients() == ["chupah@toasoan.example", "iagrai@toasoan.example"]
    assert reminders.send_due(today=day(7)) == []
    assert reminders.send_due(today=day(6)) == []
    assert len(mail.outbox) == 2

    reminders.send_due(today=day(2))
    assert len(mail.outbox) == 4
    assert reminders.send_due(today=day(1)) == []
    assert sorted(DeskReminder.objects.values_list("days_before", flat=True)) == [2, 2, 7, 7]


def test_the_database_refuses_the_same_reminder_twice(plan, units):
    invitation = units["Huyện ủy Chư Păh"]
    DeskReminder.objects.create(invitation=invitation, days_before=7, sent_to="a@b.example")
    with pytest.raises(IntegrityError), transaction.atomic():
        DeskReminder.objects.create(invitation=invitation, days_before=7, sent_to="a@b.example")
    # A second process that finds the row already there sends nothing.
    assert reminders.send(invitation, 7, today=day(7)) is None
    assert mail.outbox == []


def test_the_reminder_link_opens_the_desk_and_the_letter_link_still_works(plan, units):
    invitation = units["Huyện ủy Chư Păh"]
    _link, letter_token = DeskLink.issue(invitation)
    reminders.send_due(today=day(7))
    body = next(m for m in mail.outbox if m.to == ["chupah@toasoan.example"]).body
    url = re.search(r"http://\S+/desk/\S+/", body).group(0)
    path = url.split("testserver", 1)[1] if "testserver" in url else "/" + url.split("/", 3)[3]
    client = Client()
    assert "Huyện ủy Chư Păh" in client.get(path).content.decode()
    assert client.get(f"/desk/{letter_token}/").status_code == 200
    assert letter_token not in body
    assert DeskReminder.objects.filter(invitation=invitation).exists()
    # Re-issuing the link closes the reminder's way in as well.
    DeskLink.issue(invitation)
    assert client.get(path).status_code == 404
    # A forged key for the same link number is refused.
    forged = path.rstrip("/").rsplit(".", 1)[0] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/"
    assert client.get(forged).status_code == 404


def test_a_unit_without_an_e_mail_is_named_not_recorded(plan, units):
    Unit.objects.filter(name="Huyện ủy Ia Grai").update(email="")
    done = reminders.send_due(today=day(7))
    assert [outcome for _item, outcome in done].count(reminders.NO_ADDRESS) == 1
    assert not DeskReminder.objects.filter(invitation=units["Huyện ủy Ia Grai"]).exists()


def test_the_command_dry_run_sends_nothing_and_the_run_prints_what_it_sent(plan, units):
    # The command reads today's date, ten days before the deadline: remind at 10.
    plan.reminder_days = "10,2"
    plan.save(update_fields=["reminder_days"])
    out = io.StringIO()
    call_command("send_reminders", plan.slug, "--dry-run", stdout=out)
    assert "Huyện ủy Chư Păh" in out.getvalue()
    assert mail.outbox == []
    assert not DeskReminder.objects.exists()

    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    text = out.getvalue()
    assert "Huyện ủy Chư Păh" in text and "Huyện ủy Ia Grai" in text
    assert "Thị ủy An Khê" not in text and "Tỉnh đoàn" not in text
    assert len(mail.outbox) == 2
    out = io.StringIO()
    call_command("send_reminders", plan.slug, stdout=out)
    assert len(mail.outbox) == 2
    with pytest.raises(CommandError):
        call_command("send_reminders", "no-such-plan")


def test_an_editor_sends_one_by_hand_and_the_list_shows_when(client, plan, units):
    invitation = units["Huyện ủy Ia Grai"]
    people = make_people()
    client.force_login(people["reviewer"])
    assert client.post(f"/admin/symposium/invitation/{invitation.pk}/remind/").status_code in (
        302,
        403,
    )
    assert mail.outbox == []
    client.force_login(people["editor"])
    page = client.get(f"/admin/symposium/invitation/{invitation.pk}/remind/")
    assert page.status_code == 200
    response = client.post(f"/admin/symposium/invitation/{invitation.pk}/remind/")
    assert response.status_code == 302
    assert recipients() == ["iagrai@toasoan.example"]
    reminder = DeskReminder.objects.get()
    assert reminder.days_before is None and reminder.sent_by == people["editor"]
    # By hand, as often as the editor decides.
    client.post(f"/admin/symposium/invitation/{invitation.pk}/remind/")
    assert len(mail.outbox) == 2
    listing = client.get("/admin/snippets/symposium_pages/invitation/").content.decode()
    assert f"/admin/symposium/invitation/{invitation.pk}/remind/" in listing
    dashboard = client.get("/admin/").content.decode()
    assert "symposium-desk-reminders" in dashboard
