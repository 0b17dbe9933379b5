"""The demo's newsroom staff: no password until demo_admin --staff prints fresh ones, once."""

import io
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command

from symposium_pages import roles


def test_staff_have_no_password_until_demo_admin_gives_them_one(client, demo):
    User = get_user_model()
    staff = {
        user.username: user
        for user in User.objects.filter(groups__symposium_role__key__in=roles.GROUPS)
    }
    assert sorted(staff) == ["bientap", "kiemduyet", "thamdinh", "vanphong"]
    assert [
        staff[name].groups.get().symposium_role.key
        for name in ("bientap", "thamdinh", "kiemduyet", "vanphong")
    ] == [
        roles.EDITORS,
        roles.REVIEWERS,
        roles.MODERATORS,
        roles.OFFICE,
    ]
    assert not any(user.has_usable_password() for user in staff.values())

    out = io.StringIO()
    call_command("demo_admin", "--staff", stdout=out)
    passwords = dict(re.findall(r"^    \S.*?\s(\w+)\s+(\S{16})$", out.getvalue(), re.M))
    assert sorted(passwords) == ["bientap", "kiemduyet", "thamdinh", "vanphong"]
    assert client.login(username="thamdinh", password=passwords["thamdinh"])
    assert client.get("/admin/").status_code == 200

    again = io.StringIO()
    call_command("demo_admin", "--staff", stdout=again)
    assert not client.login(username="thamdinh", password=passwords["thamdinh"])


def test_demo_admin_opens_one_units_desk_and_prints_its_link(client, demo):
    out = io.StringIO()
    call_command("demo_admin", "--desk", stdout=out)
    [path] = re.findall(r"http://127\.0\.0\.1:8000(/desk/[\w-]+/)", out.getvalue())
    response = client.get(path)
    assert response.status_code == 200
    assert "Gửi tham luận" in response.content.decode()  # uploads are open
    call_command("demo_admin", "--desk", stdout=io.StringIO())
    assert client.get(path).status_code == 404  # a new link each run
