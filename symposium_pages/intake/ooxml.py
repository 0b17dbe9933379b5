"""Namespaces and tiny helpers for reading WordprocessingML with lxml."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"

PICTURE_URI = "http://schemas.openxmlformats.org/drawingml/2006/picture"
CHART_URIS = (
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "http://schemas.microsoft.com/office/drawing/2014/chartex",
)
SMARTART_URI = "http://schemas.openxmlformats.org/drawingml/2006/diagram"

_OFF = {"0", "false", "off", "none"}


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def r(tag: str) -> str:
    return f"{{{R_NS}}}{tag}"


def wp(tag: str) -> str:
    return f"{{{WP_NS}}}{tag}"


def a(tag: str) -> str:
    return f"{{{A_NS}}}{tag}"


def m(tag: str) -> str:
    return f"{{{M_NS}}}{tag}"


def mc(tag: str) -> str:
    return f"{{{MC_NS}}}{tag}"


def v(tag: str) -> str:
    return f"{{{V_NS}}}{tag}"


def wps(tag: str) -> str:
    return f"{{{WPS_NS}}}{tag}"


def val(el) -> str | None:
    """The w:val attribute of `el`, or None when `el` is None."""
    return None if el is None else el.get(w("val"))


def on_off(el) -> bool | None:
    """A WordprocessingML toggle such as <w:b/>: None when absent, else whether it is on."""
    if el is None:
        return None
    value = el.get(w("val"))
    return value is None or value.lower() not in _OFF


def in_fallback(el) -> bool:
    """Whether `el` sits in an mc:Fallback, the duplicate of content already seen in mc:Choice."""
    return any(anc.tag == mc("Fallback") for anc in el.iterancestors())
