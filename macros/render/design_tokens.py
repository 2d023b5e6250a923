"""The site's colours, in one place: the custom properties at the top of docs/assets/stylesheets/motverka.css.

The site uses them as they are. The PDF's stylesheet (templates/pdf/style.css) reads them when the PDF is
made, and the favicon (docs/assets/favicon.svg) is written from templates/favicon.svg by `make guides`, whose
check fails when it no longer matches. So a colour is changed in motverka.css alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from macros.render.render import TEMPLATES

STYLESHEET = Path("assets") / "stylesheets" / "motverka.css"   # inside docs/
_ROOT_RULE = re.compile(r"^:root\b[^{]*\{(?P<body>[^}]*)\}", re.M)
_PROPERTY = re.compile(r"--(?P<name>[\w-]+)\s*:\s*(?P<value>[^;]+);")


def tokens(docs_dir: Path) -> dict[str, str]:
    """The custom properties of the stylesheet's first :root rule, without their dashes:
    {"md-primary-fg-color": "#163a5f", "mv-emergency-bg": "#9b1020", …}."""
    found = _ROOT_RULE.search((Path(docs_dir) / STYLESHEET).read_text("utf-8"))
    return {m["name"]: m["value"].strip() for m in _PROPERTY.finditer(found["body"])} if found else {}


def short_hex(colour: str) -> str:
    """#ffffff -> #fff, as an SVG file writes it; any other colour as it is."""
    return re.sub(r"^#([0-9a-fA-F])\1([0-9a-fA-F])\2([0-9a-fA-F])\3$", r"#\1\2\3", colour)


def favicon(docs_dir: Path) -> str:
    """docs/assets/favicon.svg: the brand colour with the phone in the colour that stands on it."""
    template = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True).from_string(
        (TEMPLATES / "favicon.svg").read_text("utf-8"))
    return template.render(token=tokens(docs_dir), short_hex=short_hex)
