"""The demo host's tests: the demo's home page and the Gia Lai demo."""

from tests.host_fixtures import demo, home_page  # noqa: F401
