"""The files of a built public site as texts, the way a reader or a machine meets them (for the leak guard,
macros/guards/leak_guard.py): HTML as text (block by block, and with split text joined) and as attribute values
(alt, title, aria-label, the description), JSON strings (search index, open data), CSV cells, sitemap.xml(.gz),
the PDF's text and its attachments, and any other text file as it is.

Each reading is a list of pieces and what joins them: a blank line between blocks, values and cells, or a space
where HTML's split text is joined. The leak guard reads each distinct piece once (macros/guards/leak_scan.py);
`Reading.text` is the whole text, as the guard reads it where a piece holds something."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

BLANK_LINE = "\n\n"
SPACE = " "
_BINARY = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf"}
_NOT_TEXT_ATTRIBUTES = {"class", "id", "style", "rel", "type", "lang", "dir", "role", "for", "name", "method",
                        "target", "tabindex", "width", "height", "loading", "charset", "media", "sizes"}


@dataclass(frozen=True)
class Reading:
    label: str               # after the file's name in a message: "", " [text]", " [attribut]" …
    pieces: list[str]
    joined_by: str = BLANK_LINE

    @property
    def text(self) -> str:
        return self.joined_by.join(self.pieces)


_BLOCK = "\u2029"   # a paragraph separator between blocks, until the reading is made
_BLOCKS = {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "pre", "blockquote",
           "section", "article", "header", "footer", "nav", "main", "caption", "figcaption", "br", "summary",
           "details", "aside", "table", "ul", "ol", "dl", "title", "option", "label", "button", "a"}


class _HtmlText(HTMLParser):
    """An HTML file's text (every text node, code, scripts and headings included, paragraphs joined by a space)
    and its attribute values that a reader or a machine reads (alt, title, aria-label, content, data-*)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name not in _NOT_TEXT_ATTRIBUTES:
                self.attributes.append(value)
        self.text.append(_BLOCK if tag in _BLOCKS else " ")

    def handle_endtag(self, tag):
        self.text.append(_BLOCK if tag in _BLOCKS else " ")

    def handle_data(self, data):
        self.text.append(data)

    def state(self) -> tuple:
        """Everything the parser goes on from (what it holds back, a script it is in, …): not what it found,
        nor where it is, which only messages use."""
        return tuple(item for item in vars(self).items() if item[0] not in _FOUND_OR_WHERE)


_FOUND_OR_WHERE = {"text", "attributes", "lineno", "offset"}
# Where markup is cut to be read piece by piece: before a tag that begins a part pages share (a menu item, the
# header, the footer, a script). Only the speed depends on it: see HtmlReader.
_CUT = re.compile(r"<(?:li|nav|header|footer|main|article|script|aside)\b")


class HtmlReader:
    """Reads HTML files, remembering what each cut of markup gave: a site's pages share most of their markup
    (the whole menu is on every page), which is then parsed once.

    HTMLParser reads a stream: fed a file in cuts, it gives what it gives fed the whole file (it holds back an
    unfinished tag, comment, script or character reference until the rest comes). What a cut gives depends only
    on the parser's state where it begins and on the cut itself, so the same cut from the same state gives the
    same text, attributes and state again."""

    def __init__(self):
        self._known: dict[tuple, tuple] = {}

    def readings(self, text: str) -> list[Reading]:
        parser = _HtmlText()
        starts = [0, *(match.start() for match in _CUT.finditer(text)), len(text)]
        for cut in map(text.__getitem__, map(slice, starts, starts[1:])):
            key = (parser.state(), cut)
            if (known := self._known.get(key)) is None:
                text_from, attributes_from = len(parser.text), len(parser.attributes)
                parser.feed(cut)
                self._known[key] = (parser.text[text_from:], parser.attributes[attributes_from:], parser.state())
            else:
                parser.text += known[0]
                parser.attributes += known[1]
                parser.__dict__.update(known[2])
        return _html_readings(parser)


def html_readings(text: str) -> list[Reading]:
    parser = _HtmlText()
    parser.feed(text)
    return _html_readings(parser)


def _html_readings(parser: _HtmlText) -> list[Reading]:
    blocks = [" ".join(block.split()) for block in "".join(parser.text).split(_BLOCK)]
    return [Reading("", blocks),                                                 # block by block
            Reading(" [text]", [block for block in blocks if block], SPACE),     # split text joined
            Reading(" [attribut]", parser.attributes)]


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [" ".join(html_readings(value)[0].text.split()) if "<" in value else value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _json_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    return []


def _pdf_readings(raw: bytes) -> list[Reading]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    readings = [Reading(" [PDF-text]", [page.extract_text() or "" for page in reader.pages])]
    for name, contents in reader.attachments.items():
        for content in contents:
            readings += [Reading(f" [bilaga {name}]{reading.label}", reading.pieces, reading.joined_by)
                         for reading in readings_of(Path(name), content)]
    return readings


def readings_of(path: Path, raw: bytes, html: HtmlReader | None = None) -> list[Reading]:
    """Each way a file is read (HTML by `html`, which remembers what it has read, if given)."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        raw, suffix = gzip.decompress(raw), Path(path.stem).suffix.lower()
    if suffix in _BINARY:
        return []
    if suffix == ".pdf":
        return _pdf_readings(raw)
    text = raw.decode("utf-8", errors="replace")
    if suffix in (".html", ".htm", ".xml", ".svg"):
        return html.readings(text) if html else html_readings(text)
    if suffix == ".json":
        try:
            return [Reading(" [värden]", _json_strings(json.loads(text)))]
        except ValueError:
            return [Reading("", [text])]
    if suffix == ".csv":
        return [Reading(" [celler]", [cell for row in csv.reader(io.StringIO(text)) for cell in row])]
    return [Reading("", [text])]
