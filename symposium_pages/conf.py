"""The add-on's settings, all prefixed SYMPOSIUM_ and all optional.

Read through these functions (not at import time) so tests can override them.
"""

from django.conf import settings

DEFAULTS = {
    # Page types a SymposiumPage may be created under; None means anywhere.
    "SYMPOSIUM_PARENT_PAGE_TYPES": None,
    # Largest .docx the intake accepts, in megabytes.
    "SYMPOSIUM_MAX_UPLOAD_MB": 20,
    # Default page limit for a paper when the plan sets none.
    "SYMPOSIUM_DEFAULT_PAGE_LIMIT": 7,
    # Path of LibreOffice's soffice binary; None means look it up on PATH.
    "SYMPOSIUM_SOFFICE": None,
    # Seconds a LibreOffice conversion may take before it is abandoned.
    "SYMPOSIUM_SOFFICE_TIMEOUT": 60,
    # soffice processes allowed at once on a host, across all its processes (intake/slots.py
    # reads it, falling back on the environment outside Django).
    "SYMPOSIUM_SOFFICE_CONCURRENCY": 1,
    # Collections for the originals (private) and for the pictures taken out of papers.
    "SYMPOSIUM_ORIGINALS_COLLECTION": "Tham luận gốc (nội bộ)",
    "SYMPOSIUM_IMAGES_COLLECTION": "Ảnh trong tham luận",
    # Private collection for the budget's supporting documents (invoices, receipts, contracts).
    "SYMPOSIUM_BUDGET_COLLECTION": "Chứng từ kinh phí (nội bộ)",
    # Booklets with more papers than this are built as a background task (django_tasks).
    "SYMPOSIUM_BOOKLET_BACKGROUND_AFTER": 30,
    # Seconds LibreOffice may take to render a whole booklet.
    "SYMPOSIUM_BOOKLET_TIMEOUT": 600,
    # The storage (a key of STORAGES) built booklets are kept in; served to staff only.
    "SYMPOSIUM_EXPORTS_STORAGE": "default",
    # Seconds public symposium pages are kept in the shared page cache (0 turns it off; a
    # local-memory or dummy cache turns it off too), and the key of CACHES it uses.
    "SYMPOSIUM_PAGE_CACHE_SECONDS": 300,
    "SYMPOSIUM_PAGE_CACHE_ALIAS": "default",
    # Cache-Control of those pages for browsers and CDNs: max-age, stale-while-revalidate
    # (seconds; 0 leaves it out) and s-maxage (None leaves it out; for a CDN purged on
    # publish). Page types of the host's to cache too, as "app_label.ModelName".
    "SYMPOSIUM_PAGE_CACHE_MAX_AGE": 60,
    "SYMPOSIUM_PAGE_CACHE_STALE_WHILE_REVALIDATE": 600,
    "SYMPOSIUM_PAGE_CACHE_S_MAXAGE": None,
    "SYMPOSIUM_PAGE_CACHE_EXTRA_PAGE_TYPES": (),
    # Seconds parts of public pages (metadata, body, menus) stay rendered in Django's
    # fragment cache under the public version (fragments.py); 0 turns it off.
    "SYMPOSIUM_FRAGMENT_CACHE_SECONDS": 3600,
    # The units' desks: uploads a link may send per hour, and unknown links an address may
    # try per hour before it is told to wait.
    "SYMPOSIUM_DESK_UPLOADS_PER_HOUR": 30,
    "SYMPOSIUM_DESK_MISSES_PER_HOUR": 20,
    # Days after the symposium (or the deadline, or a late grant) a desk link stops opening.
    "SYMPOSIUM_DESK_LINK_DAYS": 90,
    # The word for a thousand in amounts written in words ("Bằng chữ: …"): "nghìn" or "ngàn".
    "SYMPOSIUM_THOUSAND_WORD": "nghìn",
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
