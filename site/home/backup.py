"""JSON for `dump_site`: Django's, with two changes so that `loaddata` restores it whole.

- Content types and permissions are written by natural key, without their ids: the
  restoring database has its own (made by `migrate`) and `loaddata` matches them by
  name, adding those only a migration made (wagtail-localize's `submit_translation`,
  Wagtail's `access_admin`) that `flush` does not make again.
- Wagtail keeps the log entries of a deleted page (and of a deleted user's edits): their
  `page` and `user` columns still hold the old ids, with no constraint, and
  `--natural-foreign` fails on them ("Page matching query does not exist",
  wagtail/wagtail#7136). Such a reference is written as the plain id it is in the
  database, and read back unchanged.
- Times keep their microseconds (Django's JSON cuts them to milliseconds), so a restored
  revision, upload or log entry has the very time it had.

Every other record keeps its id, which Wagtail's revisions, workflow states, references
and rich-text links hold as plain numbers.
"""

import datetime

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers import json
from django.core.serializers.json import DjangoJSONEncoder

Deserializer = json.Deserializer

BY_NATURAL_KEY_ONLY = {"contenttypes.contenttype", "auth.permission"}


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder

    def get_dump_object(self, obj):
        data = super().get_dump_object(obj)
        if obj._meta.label_lower in BY_NATURAL_KEY_ONLY:
            data.pop("pk", None)
        return data

    def handle_fk_field(self, obj, field):
        try:
            super().handle_fk_field(obj, field)
        except ObjectDoesNotExist:
            self._current[field.name] = self._value_from_field(obj, field)
