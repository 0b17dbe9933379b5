"""When a unit's desk takes uploads (until the end of the deadline's day, or later if
granted), and when its link stops opening it at all (some time after the symposium)."""

import datetime

from django.utils import timezone

from .. import conf


def closes_at(invitation):
    """The moment uploads stop for `invitation`, or None when the plan sets no deadline."""
    deadline = invitation.symposium.submission_deadline
    late = invitation.accept_late_until
    if deadline is None:
        return late
    end_of_day = timezone.make_aware(
        datetime.datetime.combine(deadline + datetime.timedelta(days=1), datetime.time.min)
    )
    return max(end_of_day, late) if late else end_of_day


def is_open(invitation, now=None):
    closing = closes_at(invitation)
    return closing is None or (now or timezone.now()) < closing


def days_left(invitation, now=None):
    """Whole days from today to the deadline (0 on the day, negative after), or None."""
    deadline = invitation.symposium.submission_deadline
    if deadline is None:
        return None
    return (deadline - timezone.localdate(now or timezone.now())).days


def _end_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max)) if day else None


def link_expired(invitation, now=None):
    """True `SYMPOSIUM_DESK_LINK_DAYS` days after the symposium's last known date (the
    event, its period, the deadline or a late grant); never when it has none."""
    symposium = invitation.symposium
    dates = [
        symposium.event_ends_at,
        symposium.event_starts_at,
        _end_of(symposium.event_period_end),
        _end_of(symposium.event_period_start),
        _end_of(symposium.submission_deadline),
        invitation.accept_late_until,
    ]
    known = [date for date in dates if date is not None]
    if not known:
        return False
    days = datetime.timedelta(days=conf.get("SYMPOSIUM_DESK_LINK_DAYS"))
    return (now or timezone.now()) > max(known) + days
