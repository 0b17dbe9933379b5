"""Illustrations for the demo, drawn here so the demo needs no download."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model


def draw_illustration(seed, size=(1200, 675)):
    """A quiet abstract picture (a hall with rows of seats and a banner) as PNG bytes."""
    rng = random.Random(seed)
    width, height = size
    picture = PILImage.new("RGB", size, (238, 232, 222))
    draw = ImageDraw.Draw(picture)
    # The stage wall and its red banner.
    draw.rectangle([0, 0, width, int(height * 0.45)], fill=(214, 200, 178))
    banner_top = int(height * 0.08)
    draw.rectangle(
        [int(width * 0.12), banner_top, int(width * 0.88), banner_top + 90], fill=(161, 22, 28)
    )
    draw.rectangle(
        [int(width * 0.12) + 8, banner_top + 8, int(width * 0.88) - 8, banner_top + 82],
        outline=(240, 200, 80),
        width=3,
    )
    # The rostrum.
    draw.rectangle(
        [int(width * 0.45), int(height * 0.3), int(width * 0.55), int(height * 0.5)],
        fill=(120, 72, 40),
    )
    # Rows of participants, each a head and shoulders.
    for row in range(4):
        y = int(height * 0.55) + row * 38
        for column in range(18):
            x = 40 + column * 64 + (row % 2) * 30 + rng.randint(-4, 4)
            shade = rng.choice([(40, 40, 48), (52, 60, 80), (30, 34, 38), (200, 200, 205)])
            draw.ellipse([x, y, x + 22, y + 22], fill=(70, 50, 40))
            draw.rectangle([x - 6, y + 20, x + 28, y + 40], fill=shade)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_image(title, seed, collection=None):
    """Return the demo image with this title, drawing it the first time."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    data = draw_illustration(seed)
    fields = {"title": title, "file": ImageFile(io.BytesIO(data), name=f"demo-{seed}.png")}
    if collection is not None:
        fields["collection"] = collection
    image = Image(**fields)
    image.save()
    return image
