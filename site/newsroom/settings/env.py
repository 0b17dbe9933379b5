"""Small readers for settings taken from the environment."""

import os


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return int(value)


def env_languages(name):
    """Extra content languages as "code:Name" pairs: EXTRA_LANGUAGES="jra:Jrai,bdq:Bahnar"."""
    languages = []
    for item in env_list(name):
        code, _, label = item.partition(":")
        code = code.strip().lower()
        if code:
            languages.append((code, label.strip() or code))
    return languages
