"""Find staff-only text in public outputs.

What counts as staff-only: every string of every `audience: staff` record, every `staff_note`, the whole
staff_guidance file, and the text of every staff page (sentence by sentence), minus what the public sources
legitimately say too: a string found in the public data or the public pages' Markdown (a switchboard
number, a source URL, a partner that is also a support line's organisation). What is searched: every file of a public
site, decoded the way a reader or a machine would meet it: HTML as markup and as text, JSON as its string
values (the search index escapes å, ä and ö), sitemap.xml.gz unzipped, the PDF as its extracted text.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from macros.fields import Phone, Text
from macros.models import SiteData

MIN_LENGTH = 12  # shorter strings ("staff", a day name) say nothing about a leak


def strings_of(value) -> set[str]:
    """Every human-readable string inside a model, a Text, a Phone, a list or a dict."""
    found: set[str] = set()
    if value is None or isinstance(value, bool):
        return found
    if isinstance(value, Text):
        found.update(v for v in value.values())
    elif isinstance(value, Phone):
        found.add(value.display)
    elif isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            found |= strings_of(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            found |= strings_of(item)
    elif hasattr(type(value), "model_fields"):
        for name in type(value).model_fields:
            found |= strings_of(getattr(value, name))
    return found


def public_sources(data: SiteData, docs: Path) -> str:
    """Everything the public site may legitimately say: its data and its pages' Markdown."""
    pages = [p.read_text("utf-8") for p in sorted(docs.rglob("*.md")) if "personal" not in p.parts]
    return _normal("\n".join(sorted(strings_of(data.for_audience("public")))) + "\n" + "\n".join(pages))


def staff_only_strings(data: SiteData, docs: Path) -> set[str]:
    staff: set[str] = set()
    for records in (data.contacts, data.support_lines, data.focus_areas, data.relatives.steps):
        for record in records:
            if record.audience == "staff":
                staff |= strings_of(record)
            else:
                staff |= strings_of(getattr(record, "staff_note", None))
    if data.municipality.consultation and data.municipality.consultation.audience == "staff":
        staff |= strings_of(data.municipality.consultation)
    staff |= strings_of(data.staff_guidance)
    allowed = public_sources(data, docs)
    return {s for s in staff if len(s) >= MIN_LENGTH and _normal(s) not in allowed}


def page_sentences(html_page: Path, allowed: str = "") -> set[str]:
    """The sentences of a built page's article that the public sources do not also say."""
    article = BeautifulSoup(html_page.read_text("utf-8"), "html.parser").select_one("article")
    if article is None:
        return set()
    for element in article.select(".mv-reviewed, .mv-card, table, .mv-notice, .mv-partners"):
        element.decompose()
    text = " ".join(article.get_text(" ", strip=True).split())
    sentences = {s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) >= 30}
    return {s for s in sentences if _normal(s) not in allowed}


@dataclass
class Corpus:
    """A public site's files as texts to search, with where each came from."""

    texts: dict[str, str]

    @classmethod
    def of(cls, site: Path) -> "Corpus":
        texts: dict[str, str] = {}
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            name = path.relative_to(site).as_posix()
            for label, text in _readings(path):
                texts[f"{name}{label}"] = _normal(text)
        return cls(texts)

    def find(self, needle: str) -> list[str]:
        needle = _normal(needle)
        return [name for name, text in self.texts.items() if needle in text]

    @property
    def files(self) -> int:
        return len({name.split(" [")[0] for name in self.texts})


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def _readings(path: Path) -> list[tuple[str, str]]:
    suffix = path.suffix
    raw = path.read_bytes()
    if suffix == ".gz":
        raw = gzip.decompress(raw)
        suffix = Path(path.stem).suffix
    if suffix == ".pdf":
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
        return [(" [pdf text]", text)]
    if suffix in (".png", ".jpg", ".ico", ".woff", ".woff2"):
        return []
    text = raw.decode("utf-8", errors="replace")
    readings = [("", text)]
    if suffix == ".html":
        readings.append((" [text]", BeautifulSoup(text, "html.parser").get_text(" ")))
    elif suffix == ".json":
        try:
            readings.append((" [values]", "\n".join(_json_strings(json.loads(text)))))
        except ValueError:
            pass
    return readings


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value, BeautifulSoup(value, "html.parser").get_text(" ")] if "<" in value else [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _json_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    return []
