"""The Content-Security-Policy of public pages and of the admin, and who sends it.

Public pages run no inline script at all: a script injected into a page (a title, a
paper's text) is refused by the browser. JSON-LD blocks are data, not script, and are
not subject to script-src. Wagtail's admin writes inline scripts and styles of its own
and gets a looser policy, through the CSP middleware's own per-view override
(admin_policy_override, applied to every admin URL in newsroom/urls.py).
Django 6 sends the header itself (SECURE_CSP); on Django 5.2 django-csp does
(CONTENT_SECURITY_POLICY), from the same directives.
"""

SELF, NONE, DATA, INLINE = "'self'", "'none'", "data:", "'unsafe-inline'"

# Video players an editor may embed in rich text (Wagtail's oEmbed gives an iframe).
VIDEO_PLAYERS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.facebook.com",
]


def _list(env, name):
    return [item.strip() for item in env.get(name, "").split(",") if item.strip()]


def public_policy(env):
    """Directives of every page but the admin's. Pictures come from a bucket's own host
    when media is on S3 (any https host: a picture cannot run script)."""
    on_bucket = bool(env.get("AWS_STORAGE_BUCKET_NAME") or env.get("S3_BUCKET"))
    media = [SELF, DATA, *(["https:"] if on_bucket else []), *_list(env, "CSP_IMG_SRC")]
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": media,
        "media-src": media,
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_PLAYERS, *_list(env, "CSP_FRAME_SRC")],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


def admin_policy(env):
    """The public policy plus what Wagtail 8's admin needs, found by loading its pages in
    chromium with the policy enforced (tests/browser/test_content_security.py): inline
    scripts (StreamField, choosers, jQuery-inserted panels), inline styles (Draftail) and,
    on a superuser's dashboard, Wagtail's check for a newer release."""
    policy = public_policy(env)
    policy["script-src"] = [SELF, INLINE]
    policy["style-src"] = [SELF, INLINE]
    policy["connect-src"] = [SELF, "https://releases.wagtail.org"]
    return policy


def csp_settings(env, django_version):
    """SECURE_CSP, CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN and the
    middleware: Django's own CSP from 6.0, django-csp before it (the setting the other
    one reads is left empty)."""
    public, admin = public_policy(env), admin_policy(env)
    if django_version >= (6, 0):
        return public, None, admin, "django.middleware.csp.ContentSecurityPolicyMiddleware"
    return {}, {"DIRECTIVES": public}, admin, "csp.middleware.CSPMiddleware"


def admin_policy_override():
    """A view decorator that makes the CSP middleware send CONTENT_SECURITY_POLICY_ADMIN
    instead of the site-wide policy: Django 6's @csp_override, django-csp's @csp before it."""
    import django
    from django.conf import settings

    if django.VERSION >= (6, 0):
        from django.views.decorators.csp import csp_override as override
    else:
        from csp.decorators import csp as override
    return override(settings.CONTENT_SECURITY_POLICY_ADMIN)
