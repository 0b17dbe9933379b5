"""Login brute force is slowed: after N failures per username and address, HTTP 429."""

import pytest
from django.core.cache import cache
from django.urls import reverse

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


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
    cache.clear()  # what the cache does when LOGIN_RATE_LIMIT_WINDOW has passed
    assert attempt(client, "bientap", "dung-mat-khau").status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_address_counts(client, editor, settings):
    settings.LOGIN_RATE_LIMIT_ATTEMPTS = 2
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

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
