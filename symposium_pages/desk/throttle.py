"""How often a desk link or an address may knock, counted in the database.

The count lives in a table rather than a per-process cache, so two workers (or two
machines) share it, as they share the desk.
"""

import datetime
import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import DeskThrottle

HOUR = datetime.timedelta(hours=1)


def allow(key, limit, window=HOUR):
    """Counts one request under `key`; False once `limit` were counted in the window."""
    now = timezone.now()
    for _attempt in range(2):
        try:
            with transaction.atomic():
                row, _created = DeskThrottle.objects.select_for_update().get_or_create(
                    key=key[:100], defaults={"window_start": now}
                )
                if now - row.window_start >= window:
                    row.window_start, row.hits = now, 0
                row.hits += 1
                row.save(update_fields=["window_start", "hits"])
                return row.hits <= limit
        except IntegrityError:  # another worker made the row first
            continue
    return False


def address_key(request):
    """The caller's address, hashed: the table is a counter, not a log of who came."""
    address = request.META.get("REMOTE_ADDR", "")
    return "address:" + hashlib.sha256(address.encode()).hexdigest()[:32]
