"""Pictures of a paper stay private until the paper is released, and after it is withdrawn.

A front server in a thread serves MEDIA_ROOT as the README's "Running in production"
allows (`original_images/` and `images/`, nothing else), and here even lists those
folders, the worst a misconfigured server would do. Each test's picture has its own
size and colour, so "reachable" means: some file the server gives out shows it.
"""

import datetime
import functools
import io
import json
import re
import threading
import urllib.error
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from symposium_pages.checks import picture_settings
from symposium_pages.collections import images_collection
from symposium_pages.maintenance import orphan_files
from symposium_pages.models import PaperPage
from symposium_pages.models.news import SHARE_IMAGE

from .docx_builders import png_bytes
from .factories import make_plan, release
from .newsroom import make_people, receive

SERVED = ("original_images", "images")  # the README's list, written out again on purpose
GUESSES = (
    "original_images/image1.png",
    "original_images/image.png",
    "original_images/hinh-1.png",
    "images/image1.max-960x960.png",
    "images/image.max-960x960.png",
)
LISTINGS = (
    "",
    "symposium_private/",
    "symposium_private/original_images/",
    "symposium_private/images/",
    "documents/",
)
PUBLIC_RENDITION = re.compile(r"/media/images/[0-9a-f]{32}\.max-960x960\.png")


class FrontServerHandler(SimpleHTTPRequestHandler):
    """/media/original_images/ and /media/images/ from MEDIA_ROOT, with listings; else 404."""

    def send_head(self):
        parts = urlsplit(self.path).path.split("/")
        if len(parts) < 3 or parts[1] != "media" or parts[2] not in SERVED:
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path):
        return super().translate_path(urlsplit(path).path.removeprefix("/media"))

    def log_message(self, *args):
        pass


@pytest.fixture
def front_server():
    handler = functools.partial(FrontServerHandler, directory=str(settings.MEDIA_ROOT))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def served_files(base):
    """Every file the front server gives out, found through its listings: {path: bytes}."""
    found, listings, seen = {}, [f"/media/{folder}/" for folder in SERVED], set()
    while listings:
        listing = listings.pop()
        status, body = fetch(base + listing)
        if status != 200 or listing in seen:
            continue
        seen.add(listing)
        for href in re.findall(r'href="([^"]+)"', body.decode()):
            target = urljoin(listing, href)
            if target.endswith("/"):
                listings.append(target)
            elif target not in found:
                found[target] = fetch(base + target)[1]
    return found


class Picture:
    """A picture of its own size and colour, and how to recognise it in any rendition."""

    def __init__(self, size, colour):
        self.size, self.colour = size, colour
        self.data = png_bytes(size, colour)

    def shown_by(self, data):
        try:
            image = PILImage.open(io.BytesIO(data))
            image.load()
        except Exception:  # noqa: BLE001 - not a picture at all
            return False
        if image.size != self.size:
            return False
        return image.convert("RGB").getpixel((self.size[0] // 2, self.size[1] // 2)) == self.colour

    def reachable(self, base):
        return [path for path, data in served_files(base).items() if self.shown_by(data)]


def image_srcs(html, prefix):
    return [src for src in re.findall(r'<img[^>]+src="([^"]+)"', html) if src.startswith(prefix)]


def on_disk(name):
    return (Path(settings.MEDIA_ROOT) / name).exists()


def stored_names(image):
    return [image.file.name, *image.renditions.values_list("file", flat=True)]


def body_image(paper):
    (image,) = [block.value["image"] for block in paper.body if block.block_type == "image"]
    return image


@pytest.fixture
def newsroom(home_page):
    return {"plan": make_plan(home_page), **make_people()}


def received(newsroom, picture, unit="Huyện ủy Chư Păh"):
    paper = receive(newsroom["plan"], unit, newsroom["editor"], picture=picture.data)
    return paper, body_image(paper)


def test_a_paper_s_pictures_are_reachable_only_while_it_is_live(
    client, newsroom, front_server, django_capture_on_commit_callbacks
):
    picture = Picture((131, 67), (3, 141, 59))
    paper, image = received(newsroom, picture)
    assert re.fullmatch(
        r"symposium_private/original_images/private-[0-9a-f]{32}\.png", image.file.name
    )

    # The editor's draft, the image chooser and the image's own page make renditions,
    # all private, all shown through the checked view.
    client.force_login(newsroom["editor"])
    draft = client.get(f"/admin/pages/{paper.pk}/view_draft/").content.decode()
    (src,) = image_srcs(draft, "/paper-pictures/")
    assert re.fullmatch(r"/paper-pictures/images/private-[0-9a-f]{32}\.max-960x960\.png", src)
    assert image_srcs(draft, "/media/") == []
    response = client.get(src)
    assert response.status_code == 200
    assert picture.shown_by(b"".join(response.streaming_content))
    chooser = client.get("/admin/images/chooser/").json()["html"]
    assert image_srcs(chooser, "/paper-pictures/images/private-")
    edit = client.get(f"/admin/images/{image.pk}/").content.decode()
    assert image_srcs(edit, "/paper-pictures/images/private-")
    private_names = stored_names(image)
    assert len(private_names) >= 4 and all(on_disk(name) for name in private_names)
    assert all(name.startswith("symposium_private/") for name in private_names)

    # Nothing of it is reachable: not by its names, old or new, not through any listing.
    for name in [*private_names, *(name.split("/", 1)[1] for name in private_names), *GUESSES]:
        assert fetch(f"{front_server}/media/{name}")[0] == 404, name
    for listing in LISTINGS:
        assert fetch(f"{front_server}/media/{listing}")[0] == 404, listing
    assert picture.reachable(front_server) == []

    # Released through the workflow: public under a fresh name, the private files gone.
    previewed = image.get_rendition("max-960x960")
    with django_capture_on_commit_callbacks(execute=True):
        release(paper)
    image.refresh_from_db()
    # Another worker's local-memory cache may still hold what the moderator previewed.
    previewed.cache_backend.set(previewed.get_cache_key(), previewed)
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.png", image.file.name)
    assert not any(on_disk(name) for name in private_names)
    client.logout()
    paper = PaperPage.objects.get(pk=paper.pk)
    page = client.get(paper.url).content.decode()
    (src,) = image_srcs(page, "/media/")
    assert PUBLIC_RENDITION.fullmatch(src)
    assert image_srcs(page, "/paper-pictures/") == []
    status, data = fetch(front_server + src)
    assert status == 200 and picture.shown_by(data)
    assert src in picture.reachable(front_server)
    assert client.get(src.replace("/media/", "/paper-pictures/")).status_code == 404

    # Withdrawn: private again, under yet another name; the public addresses lead nowhere.
    public_names = stored_names(image)
    with django_capture_on_commit_callbacks(execute=True):
        paper.unpublish()
    image.refresh_from_db()
    assert image.file.name.startswith("symposium_private/original_images/private-")
    assert image.file.name not in private_names
    assert not any(on_disk(name) for name in public_names)
    assert fetch(front_server + src)[0] == 404
    assert picture.reachable(front_server) == []


def test_a_picture_stays_public_while_a_translation_shows_it(
    newsroom, home_page, front_server, django_capture_on_commit_callbacks
):
    picture = Picture((97, 59), (200, 17, 233))
    paper, image = received(newsroom, picture)
    with django_capture_on_commit_callbacks(execute=True):
        paper = release(paper)
    english = Locale.objects.get_or_create(language_code="en")[0]
    translations = []
    for page in (home_page, newsroom["plan"], paper):
        # What wagtail-localize's "Translate" does: a draft of the page in English.
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translations.append(
            source.create_or_update_translation(english, publish=False, fallback=True)[0]
        )
    en_plan, en_paper = translations[1:]
    with django_capture_on_commit_callbacks(execute=True):
        release(en_plan)
        release(en_paper)
    en_paper = PaperPage.objects.get(pk=en_paper.pk)
    assert en_paper.live and body_image(en_paper).pk == image.pk

    image.refresh_from_db()
    image.get_rendition("max-960x960")
    with django_capture_on_commit_callbacks(execute=True):
        paper.unpublish()
    image.refresh_from_db()
    assert image.file.name.startswith("original_images/")  # the English paper shows it
    assert picture.reachable(front_server)

    with django_capture_on_commit_callbacks(execute=True):
        en_paper.delete()
    image.refresh_from_db()
    assert image.file.name.startswith("symposium_private/")
    assert picture.reachable(front_server) == []


def test_only_the_people_preparing_papers_see_a_private_picture(client, newsroom):
    paper, image = received(newsroom, Picture((80, 45), (12, 34, 56)))
    rendition = image.get_rendition("max-960x960")
    urls = [rendition.url, "/paper-pictures/" + image.file.name.split("/", 1)[1]]
    assert all(url.startswith("/paper-pictures/") for url in urls)
    reader = get_user_model().objects.create_user("bandoc", "bandoc@example.com", "pw")

    for person in (None, reader, newsroom["office"]):
        if person is None:
            client.logout()
        else:
            client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 404, (person, url)
    for person in ("editor", "reviewer", "moderator"):
        client.force_login(newsroom[person])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (person, url)
            assert response["Content-Type"] == "image/png"
            assert "private" in response["Cache-Control"]
            assert "no-store" in response["Cache-Control"]
    for url in ("/paper-pictures/../documents/x.docx", "/paper-pictures/images/nothing.png"):
        assert client.get(url).status_code == 404, url


def test_a_picture_uploaded_into_the_pictures_collection_starts_private(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = get_image_model()(title="Ảnh hội trường", collection=images_collection())
        image.file = ImageFile(io.BytesIO(png_bytes()), name="anh-hoi-truong.png")
        image.save()
    image.refresh_from_db()
    assert image.file.name.startswith("symposium_private/original_images/private-")
    assert not on_disk("original_images/anh-hoi-truong.png")


def test_a_file_replaced_in_the_image_s_page_stays_private(
    client, newsroom, django_capture_on_commit_callbacks
):
    paper, image = received(newsroom, Picture((50, 30), (5, 6, 7)))
    client.force_login(newsroom["editor"])
    upload = SimpleUploadedFile("anh-thay-the.png", png_bytes((52, 31)), "image/png")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/images/{image.pk}/",
            {"title": image.title, "collection": image.collection_id, "file": upload},
        )
    assert response.status_code == 302, response.content.decode()[-3000:]
    image.refresh_from_db()
    assert (image.width, image.height) == (52, 31)
    assert image.file.name.startswith("symposium_private/original_images/private-")
    assert not list((Path(settings.MEDIA_ROOT) / "original_images").glob("anh-thay-the*"))


def test_cleanup_orphans_sweeps_the_private_folder(newsroom):
    paper, image = received(newsroom, Picture((64, 64), (90, 90, 10)))
    rendition = image.get_rendition("max-960x960")
    stray = default_storage.save(
        "symposium_private/original_images/private-stray.png", ContentFile(png_bytes())
    )
    try:
        found = [orphan.name for orphan in orphan_files(grace=datetime.timedelta(0))]
        assert stray in found
        assert image.file.name not in found and rendition.file.name not in found
    finally:
        default_storage.delete(stray)


def test_the_site_keeps_renditions_of_private_pictures_private():
    assert picture_settings() == []


def test_a_live_page_s_shared_picture_is_never_a_rendition_cached_before_the_move(
    client, newsroom, django_capture_on_commit_callbacks
):
    """The OpenGraph image and the JSON-LD image, like the figures, come from the public file."""
    picture = Picture((120, 70), (40, 160, 80))
    paper, image = received(newsroom, picture)
    paper.main_image = image
    previewed = image.get_rendition(SHARE_IMAGE)
    assert previewed.url.startswith("/paper-pictures/")
    with django_capture_on_commit_callbacks(execute=True):
        release(paper)
    # Another worker's local-memory cache may still hold what the moderator previewed.
    previewed.cache_backend.set(previewed.get_cache_key(), previewed)
    page = client.get(PaperPage.objects.get(pk=paper.pk).url).content.decode()
    shared = re.findall(r'<meta property="og:image" content="([^"]+)"', page)
    described = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.S)[1])
    assert len(shared) == 1 and described["image"] == shared
    assert re.fullmatch(
        r"http://testserver/media/images/[0-9a-f]{32}\.[0-9a-f.]*fill-1200x630\.png", shared[0]
    )
    assert "/paper-pictures/" not in page
