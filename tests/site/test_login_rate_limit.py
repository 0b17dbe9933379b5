"""Login brute force is slowed: after N failures per username at an address, or 2N per
address whatever the usernames, HTTP 429. (Across gunicorn's workers: tests/reliability.)"""

import pytest
from django.urls import reverse
from django.utils import timezone

from login_limit.models import FailedLogins

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "bientap", "bientap@example.com", "dung-mat-khau", is_staff=True
    )


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_the_admin_login_url_is_the_one_limited():
    assert reverse("wagtailadmin_login") == LOGIN


@pytest.mark.django_db
def test_eleventh_failure_is_refused_in_vietnamese_even_with_the_right_password(
    client, editor, settings
):
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 10
    settings.LOGIN_RATE_LIMIT_WINDOW = 900
    for _ in range(10):
        response = attempt(client, "bientap", "sai")
        assert response.status_code == 200  # the form again, with its error
    response = attempt(client, "bientap", "dung-mat-khau")
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    text = response.content.decode()
    assert "Đăng nhập sai quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại." in text, text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_other_users_and_other_addresses_are_not_blocked(client, editor, settings):
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 3
    for _ in range(3):
        attempt(client, "bientap", "sai")
    assert attempt(client, "bientap", "sai").status_code == 429
    # The same username from another address, and another username here, still try.
    assert attempt(client, "bientap", "sai", address="198.51.100.9").status_code == 200
    assert attempt(client, "khac", "sai").status_code == 200
    response = attempt(client, "bientap", "dung-mat-khau", address="198.51.100.9")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_successful_login_forgets_earlier_failures(client, editor, settings):
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 3
    for _ in range(2):
        attempt(client, "bientap", "sai")
    assert attempt(client, "bientap", "dung-mat-khau").status_code == 302
    client.logout()
    for _ in range(2):
        assert attempt(client, "bientap", "sai").status_code == 200
    assert attempt(client, "bientap", "dung-mat-khau").status_code == 302


@pytest.mark.django_db
def test_the_username_is_compared_without_case_or_spaces(client, editor, settings):
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 2
    attempt(client, "BienTap", "sai")
    attempt(client, " bientap ", "sai")
    assert attempt(client, "bientap", "dung-mat-khau").status_code == 429


@pytest.mark.django_db
def test_the_window_ends(client, editor, settings):
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 2
    attempt(client, "bientap", "sai")
    attempt(client, "bientap", "sai")
    assert attempt(client, "bientap", "dung-mat-khau").status_code == 429
    FailedLogins.objects.update(expires=timezone.now())  # LOGIN_RATE_LIMIT_WINDOW has passed
    assert attempt(client, "bientap", "dung-mat-khau").status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_address_counts(client, editor, settings):
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 2
    settings.BEHIND_PROXY = True

    def via_proxy(address, password="sai"):
        return client.post(
            LOGIN,
            {"username": "bientap", "password": password},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"spoofed, {address}",
        )

    via_proxy("203.0.113.7")
    via_proxy("203.0.113.7")
    assert via_proxy("203.0.113.7").status_code == 429
    assert via_proxy("198.51.100.9", "dung-mat-khau").status_code == 302


@pytest.mark.django_db
def test_without_behind_proxy_a_forwarded_address_is_ignored(client, editor, settings):
    """Else a new X-Forwarded-For on every attempt would never be limited."""
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 2
    settings.BEHIND_PROXY = False
    for number in range(2):
        client.post(
            LOGIN,
            {"username": "bientap", "password": "sai"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    response = client.post(
        LOGIN,
        {"username": "bientap", "password": "dung-mat-khau"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_one_address_trying_many_usernames_is_limited(client, editor, settings):
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 3
    settings.LOGIN_RATE_LIMIT_ADDRESS_ATTEMPTS = 5
    statuses = [attempt(client, f"nguoi-{number}", "sai").status_code for number in range(7)]
    assert statuses == [200] * 5 + [429] * 2
    # Even a real username with its password waits; another address does not.
    assert attempt(client, "bientap", "dung-mat-khau").status_code == 429
    assert attempt(client, "bientap", "dung-mat-khau", address="198.51.100.9").status_code == 302


@pytest.mark.django_db
def test_a_successful_login_does_not_forget_the_address(client, editor, settings):
    """Or an attacker with one account of their own would sign in between guesses."""
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 10
    settings.LOGIN_RATE_LIMIT_ADDRESS_ATTEMPTS = 4
    for number in range(3):
        attempt(client, f"nguoi-{number}", "sai")
    assert attempt(client, "bientap", "dung-mat-khau").status_code == 302
    client.logout()
    assert attempt(client, "nguoi-3", "sai").status_code == 200
    assert attempt(client, "nguoi-4", "sai").status_code == 429


@pytest.mark.django_db
def test_the_address_limit_defaults_to_twice_the_username_limit():
    from django.conf import settings

    assert settings.LOGIN_RATE_LIMIT_ADDRESS_ATTEMPTS == 2 * settings.LOGIN_RATE_LIMIT_ATTEMPTS


@pytest.mark.django_db
def test_counts_are_hashed_and_a_window_starts_again_after_it_ends(client, settings):
    settings.LOGIN_RATE_LIMIT_WINDOW = 600
    attempt(client, "mat-khau-go-nham-o-o-ten", "sai")
    keys = list(FailedLogins.objects.values_list("key", flat=True))
    assert len(keys) == 2 and not any("mat-khau" in key or "203.0.113" in key for key in keys)
    assert set(FailedLogins.objects.values_list("count", flat=True)) == {1}
    FailedLogins.objects.update(count=7, expires=timezone.now())
    attempt(client, "mat-khau-go-nham-o-o-ten", "sai")
    row = FailedLogins.objects.first()
    assert row.count == 1
    assert 590 < (row.expires - timezone.now()).total_seconds() <= 600
