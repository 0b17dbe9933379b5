"""Word equations (Office Math, m:oMath) written out as one line of text.

A web paragraph cannot hold Word's equation layout, but its text can: the
letters of an equation are in m:t runs, and the structure around them
(fractions, powers, roots, sums) is spelled out here in the linear form
people type by hand: (a+b)/2, x^2, √(x), ∑_(i=1)^n a_i.
"""

from .ooxml import m

_PROPERTIES = {
    m(tag)
    for tag in (
        "rPr",
        "ctrlPr",
        "fPr",
        "sSupPr",
        "sSubPr",
        "sSubSupPr",
        "sPrePr",
        "radPr",
        "naryPr",
        "dPr",
        "funcPr",
        "accPr",
        "barPr",
        "boxPr",
        "borderBoxPr",
        "groupChrPr",
        "limLowPr",
        "limUppPr",
        "eqArrPr",
        "mPr",
        "mrPr",
        "oMathParaPr",
        "phantPr",
        "argPr",
    )
}
MATH_TAGS = {m("oMath"), m("oMathPara")}
_CLOSING = {"(": ")", "[": "]", "{": "}"}
_W_MAIN = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def linear_text(el) -> str:
    """The equation in `el` (m:oMathPara or m:oMath) as one line; "" if it holds no text."""
    if el.tag == m("oMathPara"):
        return "; ".join(filter(None, (linear_text(child) for child in el.iterfind(m("oMath")))))
    return _inner(el).strip()


def _inner(el) -> str:
    return "".join(_node(child) for child in el)


def _part(el, tag: str) -> str:
    child = el.find(m(tag))
    return "" if child is None else _inner(child)


def _group(text: str) -> str:
    """Brackets around anything but a name, a number or a bracketed group, so 2/(a+b) and
    ((x-c)/v)^2 keep their meaning."""
    return text if text.isalnum() or _bracketed(text) else f"({text})"


def _bracketed(text: str) -> bool:
    """Whether the first bracket of `text` closes at its very end: "(a+b)", not "(a)+(b)"."""
    if len(text) < 2 or text[0] not in _CLOSING or text[-1] != _CLOSING[text[0]]:
        return False
    depth = 0
    for index, ch in enumerate(text):
        if ch in _CLOSING:
            depth += 1
        elif ch in _CLOSING.values():
            depth -= 1
            if depth == 0:
                return index == len(text) - 1
    return False


def _chr(el, props: str, tag: str, default: str) -> str:
    pr = el.find(m(props))
    found = None if pr is None else pr.find(m(tag))
    if found is None:
        return default
    return found.get(m("val"), default)


def _node(el) -> str:  # noqa: PLR0911 - one answer per structure of the Office Math schema
    tag = el.tag
    if not isinstance(tag, str) or tag in _PROPERTIES:
        return ""
    if tag == m("t") or tag == f"{_W_MAIN}t":
        return el.text or ""
    if tag == m("f"):
        return f"{_group(_part(el, 'num'))}/{_group(_part(el, 'den'))}"
    if tag == m("sSup"):
        return f"{_group(_part(el, 'e'))}^{_group(_part(el, 'sup'))}"
    if tag == m("sSub"):
        return f"{_group(_part(el, 'e'))}_{_group(_part(el, 'sub'))}"
    if tag == m("sSubSup"):
        base = _group(_part(el, "e"))
        return f"{base}_{_group(_part(el, 'sub'))}^{_group(_part(el, 'sup'))}"
    if tag == m("sPre"):
        return f"_{_group(_part(el, 'sub'))}^{_group(_part(el, 'sup'))}{_part(el, 'e')}"
    if tag == m("rad"):
        degree = _part(el, "deg")
        return f"{degree}√({_part(el, 'e')})" if degree else f"√({_part(el, 'e')})"
    if tag == m("nary"):
        sign = _chr(el, "naryPr", "chr", "∫")
        sub, sup = _part(el, "sub"), _part(el, "sup")
        limits = (f"_{_group(sub)}" if sub else "") + (f"^{_group(sup)}" if sup else "")
        return f"{sign}{limits} {_part(el, 'e')}"
    if tag == m("d"):
        begin = _chr(el, "dPr", "begChr", "(")
        end = _chr(el, "dPr", "endChr", ")")
        separator = _chr(el, "dPr", "sepChr", "|")
        return begin + separator.join(_inner(e) for e in el.iterfind(m("e"))) + end
    if tag == m("func"):
        return f"{_part(el, 'fName')} {_part(el, 'e')}"
    if tag == m("acc"):
        return _part(el, "e") + _chr(el, "accPr", "chr", "\u0302")
    if tag in (m("eqArr"), m("m")):
        rows = el.iterfind(m("e")) if tag == m("eqArr") else el.iterfind(m("mr"))
        return "; ".join(_inner(row) for row in rows)
    if tag == m("mr"):
        return ", ".join(_inner(e) for e in el.iterfind(m("e")))
    if tag == m("limLow"):
        return f"{_part(el, 'e')}_{_group(_part(el, 'lim'))}"
    if tag == m("limUpp"):
        return f"{_part(el, 'e')}^{_group(_part(el, 'lim'))}"
    return _inner(el)
