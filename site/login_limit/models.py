"""The one table the counts live in."""

from django.db import models


class FailedLogins(models.Model):
    """Failed logins under one key until `expires`.

    A key is a username at an address, or an address alone, hashed: usernames typed
    wrongly are often passwords. The database is the store every gunicorn worker and
    every app server already shares, with or without Redis, and an UPDATE of one row is
    atomic in SQLite and PostgreSQL alike, which a cache's incr() on the database is not.
    """

    key = models.CharField(max_length=80, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count} until {self.expires:%Y-%m-%d %H:%M:%S}"
