"""The desk's language: the site's own, or another the plan is published in, as the unit picks.

The desk lives outside any language prefix (its address is the private link), so the
choice travels as `?lang=` and is remembered in a cookie kept to the desk's path. Only
languages with a live translation of the plan and a catalogue Django can speak are
offered: a desk half in English and half in Vietnamese helps nobody.
"""

from django.utils import translation

from ..languages import default_language, language_name, live_translations

COOKIE = "symposium_desk_language"


def offered(symposium, request=None):
    """[(code, name, plan in that language)], the site's language first."""
    plans = {default_language(): symposium}
    for code, page in live_translations(symposium, request).items():
        if code not in plans and translation.check_for_language(code):
            plans[code] = page
    return [(code, language_name(code), page) for code, page in plans.items()]


def choose(request, symposium):
    """(code, plan in that language, offered): the unit's choice if offered, else the site's."""
    choices = offered(symposium, request)
    plans = {code: page for code, _name, page in choices}
    for wanted in (request.GET.get("lang"), request.COOKIES.get(COOKIE)):
        if wanted in plans:
            return wanted, plans[wanted], choices
    return choices[0][0], symposium, choices


def remember(request, response, code):
    """Keeps an explicit choice for the next visit (the receipt, a reload)."""
    if request.GET.get("lang") == code:
        response.set_cookie(
            COOKIE,
            code,
            max_age=365 * 24 * 3600,
            path="/",
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    return response
