"""The units' desks; the host includes them outside any language prefix (docs/install.md)."""

from django.urls import path

from .views import desk_view, receipt_view

urlpatterns = [
    path("<str:token>/", desk_view, name="symposium_pages_desk"),
    path(
        "<str:token>/receipt/<int:submission_id>/",
        receipt_view,
        name="symposium_pages_desk_receipt",
    ),
]
