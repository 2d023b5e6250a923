"""Read built HTML pages without a browser (BeautifulSoup). Small helpers shared by the site tests."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from macros.outputs.editor import EDITOR_FOLDER


def pages(site: Path) -> list[Path]:
    """Every HTML page of a built site (not the 404 page, which has no canonical place in the navigation, nor
    the staff site's form editor, redigera/, an application with its own tests: tests/browser/test_editor.py)."""
    return sorted(p for p in site.rglob("*.html")
                  if p.name != "404.html" and p.relative_to(site).parts[0] != EDITOR_FOLDER)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def main_text(path: Path) -> str:
    """The article's text: what a reader reads, without navigation, header and footer."""
    article = soup(path).select_one("article")
    return article.get_text(" ", strip=True) if article else ""


def swedish_pages(site: Path) -> list[Path]:
    """The pages of the Swedish edition (the English one lives under en/)."""
    return [p for p in pages(site) if p.relative_to(site).parts[0] != "en"]
