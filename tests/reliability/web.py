"""Driving the site as an editor does, over HTTP: log in, receive a paper in the admin."""

import re

import requests

FACTS = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from symposium_pages.models import SymposiumPage, PaperPage, Unit
from symposium_pages.programme import in_programme_order
User = get_user_model()
if not User.objects.filter(username="tai-lieu").exists():
    User.objects.create_superuser("tai-lieu", "tai-lieu@example.com", "mat-khau-thu-nghiem")
for number in range(1, 9):
    Unit.objects.get_or_create(
        name=f"Chi bộ thử nghiệm số {number}", defaults={"category": "co_so"}
    )
plan = SymposiumPage.objects.live().first()
papers = in_programme_order(PaperPage.objects.live().child_of(plan))
print(json.dumps({
    "plan_id": plan.pk,
    "plan_url": plan.url,
    "paper_url": papers.first().url,
    "invitations": list(plan.invitations.order_by("pk").values_list("pk", flat=True)),
    "invitations_with_papers": list(
        plan.invitations.filter(papers__isnull=False).distinct().values_list("pk", flat=True)
    ),
    "uninvited_units": list(
        Unit.objects.filter(active=True).exclude(invitations__symposium=plan)
        .order_by("pk").values_list("pk", flat=True)
    ),
}))
"""

USERNAME, PASSWORD = "tai-lieu", "mat-khau-thu-nghiem"


def site_facts(site):
    """The demo's plan, a paper, the invitations; makes the admin user the tests log in as."""
    return site.run_json(FACTS, timeout=120)


class Editor:
    """One editor's browser session against `base` (gunicorn on loopback)."""

    def __init__(self, base, timeout=120):
        self.base = base
        self.session = requests.Session()
        self.timeout = timeout
        self.statuses = []

    def _csrf(self):
        return self.session.cookies.get("csrftoken", "")

    def request(self, method, path, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        kwargs.setdefault("allow_redirects", False)
        response = self.session.request(method, f"{self.base}{path}", **kwargs)
        self.statuses.append(response.status_code)
        return response

    def log_in(self, username=USERNAME, password=PASSWORD):
        self.request("GET", "/admin/login/")
        response = self.request(
            "POST",
            "/admin/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": self._csrf()},
        )
        return response

    def upload(self, plan_id, data, filename="tham-luan.docx", invitation=None, unit=None):
        """Step one: the preview. Returns (response, token or None)."""
        path = f"/admin/symposium/{plan_id}/receive-paper/"
        self.request("GET", path)
        response = self.request(
            "POST",
            path,
            data={
                "csrfmiddlewaretoken": self._csrf(),
                "invitation": invitation or "",
                "unit": unit or "",
                "presenter_name": "Nguyễn Văn Thử",
                "presenter_position": "Phó Bí thư",
            },
            files={"file": (filename, data, "application/octet-stream")},
        )
        match = re.search(r'name="token" value="([^"]+)"', response.text)
        return response, match.group(1) if match else None

    def confirm(self, plan_id, token):
        path = f"/admin/symposium/{plan_id}/receive-paper/"
        return self.request(
            "POST",
            path,
            data={"csrfmiddlewaretoken": self._csrf(), "token": token, "confirm": "1"},
        )

    def receive(self, plan_id, data, **whose):
        response, token = self.upload(plan_id, data, **whose)
        if token is None:
            return response
        return self.confirm(plan_id, token)
