"""Turns the intake's extracted blocks into the paper body's StreamField data."""

import html
import uuid


def _rich(fragment):
    fragment = fragment or ""
    return fragment if fragment.lstrip().startswith("<p") else f"<p>{fragment}</p>"


def _list_item(fragment):
    """A ListBlock item in Wagtail's block format (type, value, id): wagtail-localize only
    offers list items for translation in this form, and keeps them by their id."""
    return {"type": "item", "value": _rich(fragment), "id": str(uuid.uuid4())}


def without_letterhead(blocks, names):
    """Drop the opening lines that only repeat the unit's name: the page already shows it."""
    wanted = {" ".join(name.split()).casefold() for name in names if name}
    blocks = list(blocks)
    while blocks and blocks[0]["type"] in ("heading", "paragraph"):
        value = blocks[0]["value"]
        text = value.get("text") if blocks[0]["type"] == "heading" else value.get("html", "")
        if " ".join(html.unescape(text or "").split()).casefold() not in wanted:
            break
        blocks.pop(0)
    return blocks


def body_stream_data(blocks, image_ids):
    """Raw StreamField data for PaperBodyBlock; `image_ids[i]` is the Wagtail id of image i."""
    data = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "heading":
            level = str(min(max(int(value.get("level", 2)), 2), 4))
            data.append({"type": "heading", "value": {"text": value["text"], "level": level}})
        elif kind == "paragraph":
            data.append({"type": "paragraph", "value": _rich(value["html"])})
        elif kind == "list":
            data.append(
                {
                    "type": "list",
                    "value": {
                        "ordered": bool(value.get("ordered")),
                        "items": [_list_item(item) for item in value.get("items", [])],
                    },
                }
            )
        elif kind == "table":
            rows = [[html.unescape(str(cell)) for cell in row] for row in value.get("rows", [])]
            data.append(
                {
                    "type": "table",
                    "value": {
                        "data": rows,
                        "first_row_is_table_header": bool(value.get("header")),
                        "first_col_is_header": False,
                        "table_caption": "",
                    },
                }
            )
        elif kind == "image":
            index = value.get("image")
            if index is None or index >= len(image_ids):
                continue
            data.append(
                {
                    "type": "image",
                    "value": {
                        "image": image_ids[index],
                        "alt": value.get("alt", ""),
                        "caption": value.get("caption", ""),
                    },
                }
            )
        elif kind == "quote":
            data.append(
                {
                    "type": "quote",
                    "value": {"text": value["text"], "attribution": value.get("attribution", "")},
                }
            )
        elif kind == "aside":
            data.append({"type": "aside", "value": _rich(value["html"])})
        elif kind == "notes":
            items = [_list_item(item) for item in value.get("items", [])]
            data.append({"type": "notes", "value": {"items": items}})
    return data
