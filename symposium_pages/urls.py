"""The add-on's URLs outside the admin; the host includes them (README, "Installing").

`private_picture_view` answers anonymous readers too (with 404): it must not sit
behind the admin's login redirect, nor under a language prefix.
"""

from django.urls import path

from .views.pictures import private_picture_view

urlpatterns = [
    path("<path:name>", private_picture_view, name="symposium_pages_private_picture"),
]
