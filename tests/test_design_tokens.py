"""The site's colours live in one place (the :root rule of motverka.css); the PDF and the favicon take them from there."""

from __future__ import annotations

import shutil

from macros.cli import guides
from macros.outputs.pdf import document as pdf
from macros.render import design_tokens
from macros.render.render import TEMPLATES
from tests.support.project import ROOT

DOCS = ROOT / "docs"


def brand_colours() -> set[str]:
    return {value.lower() for value in design_tokens.tokens(DOCS).values() if value.startswith("#")}


def test_the_stylesheet_declares_the_brand_colours():
    token = design_tokens.tokens(DOCS)
    assert token["md-primary-fg-color"].startswith("#") and token["md-primary-fg-color--dark"].startswith("#")


def test_no_brand_colour_is_written_again_in_the_pdf_the_favicon_or_the_theme():
    copies = [TEMPLATES / "pdf" / "style.css", TEMPLATES / "favicon.svg", *sorted((ROOT / "overrides").rglob("*.html"))]
    for path in copies:
        text = path.read_text("utf-8").lower()
        assert not [colour for colour in brand_colours() if colour in text], path


def test_a_changed_brand_colour_reaches_the_pdf_and_the_favicon(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "assets", docs / "assets")
    stylesheet = docs / design_tokens.STYLESHEET
    css = stylesheet.read_text("utf-8")
    token = design_tokens.tokens(DOCS)
    stylesheet.write_text(css.replace(token["md-primary-fg-color--dark"], "#3a0e40", 1)
                          .replace(token["md-primary-fg-color"], "#5f163a", 1), "utf-8")
    assert "h1, h2, h3, h4 { color: #3a0e40;" in pdf.stylesheet(docs)
    assert token["md-primary-fg-color--dark"] not in pdf.stylesheet(docs)
    assert 'fill="#5f163a"' in design_tokens.favicon(docs)


def test_the_favicon_is_written_from_the_stylesheet(monkeypatch):
    assert (DOCS / "assets" / "favicon.svg").read_text("utf-8") == design_tokens.favicon(DOCS)
    monkeypatch.setitem(guides.OUTPUTS, "docs/assets/favicon.svg", lambda: design_tokens.favicon(DOCS).replace(
        design_tokens.tokens(DOCS)["md-primary-fg-color"], "#5f163a"))
    assert guides.write_guides(check_only=True) == 1


def test_short_hex_shortens_only_what_it_can():
    assert [design_tokens.short_hex(c) for c in ("#ffffff", "#163a5f", "#aabbcc", "red")] == [
        "#fff", "#163a5f", "#abc", "red"]
