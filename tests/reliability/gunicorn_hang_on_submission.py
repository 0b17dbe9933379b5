"""gunicorn configuration for the crash test: a worker that files a paper stops dead.

When the intake creates its PaperSubmission (inside the transaction, after the
original and its pictures are stored), the worker writes its pid to $HANG_MARKER and
sleeps, so the test can SIGKILL it at exactly that point. Test-only; not for serving.
"""

import os
import time


def post_worker_init(worker):
    from django.db.models.signals import post_save

    from symposium_pages.models import PaperSubmission

    marker = os.environ["HANG_MARKER"]

    def hang(sender, instance, created, raw=False, **kwargs):
        if created and not os.path.exists(marker):
            with open(marker, "w") as handle:
                handle.write(str(os.getpid()))
            time.sleep(300)

    post_save.connect(hang, sender=PaperSubmission, weak=False, dispatch_uid="hang")
