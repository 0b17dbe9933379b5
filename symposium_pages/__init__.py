"""symposium_pages: run a Party symposium (tọa đàm) inside a Wagtail site."""

__version__ = "0.1.0"
