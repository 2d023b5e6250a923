"""Fit one chapter's HTML into the PDF: ids made unique, links pointed inside the PDF, headings listed.

A chapter is either a page's rendered content (page.content, the macros already turned data into HTML) or a
fragment rendered from data by templates/pdf/. Both go through here, so the table of contents is always made
from the headings that are really there. Every id gets the chapter's prefix (two pages may both have
#beslutshistorik); links are rewritten by a callable the PDF module supplies. The parser re-escapes every
text and attribute it writes back, so nothing that was escaped becomes markup.

Long words get soft hyphens (soft_hyphens), so that any municipality's "Socialförvaltningensbarnochungdomsenhet"
breaks at a syllable instead of running off the page. A heading that got some keeps its plain text for its
bookmark (data-bookmark; style.css).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from typing import Callable

# Attributes that hold ids of the same document.
_ID_REFS = ("aria-labelledby", "aria-describedby", "headers", "for")
_DROP = ("script", "style", "template")
# Links whose text is an address or a number: never hyphenated (a hyphen would read as part of it).
_ADDRESS_LINKS = ("http:", "https:", "mailto:", "tel:", "sms:")
# A word this long gets soft hyphens. WeasyPrint's own hyphenation (hyphens: auto) leaves the first word of a
# wrapped line unbroken, so a long word in a heading or on the cover would still run off the page.
LONG_WORD = 18
_WORD = re.compile(r"[^\W\d_]{%d,}" % LONG_WORD)
_TOKEN = re.compile(r"\S+")
SOFT_HYPHEN = "\u00ad"


@lru_cache(maxsize=1)
def _dictionary():
    import pyphen  # WeasyPrint's hyphenation dictionaries, installed with it

    return pyphen.Pyphen(lang="sv")


def soft_hyphens(text: str) -> str:
    """Soft hyphens at the Swedish syllables of every word of LONG_WORD letters or more. Addresses (a token
    with @, / or a dot inside) are left alone: they break anywhere, without a hyphen (style.css)."""
    if not _WORD.search(text):
        return text

    def token(match: re.Match) -> str:
        value = match[0]
        if "@" in value or "/" in value or re.search(r"\.\w", value):
            return value
        return _WORD.sub(lambda word: _dictionary().inserted(word[0], hyphen=SOFT_HYPHEN), value)

    return _TOKEN.sub(token, text)


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


@dataclass
class Chapter:
    """One chapter of the PDF, ready for the document template."""

    prefix: str
    html: str
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)          # original ids, before the prefix
    flow: bool = False                                    # True: continues on the same page as the last one

    @property
    def title(self) -> str:
        return self.headings[0].text if self.headings else ""

    @property
    def anchor(self) -> str:
        return self.headings[0].anchor if self.headings else ""

    def toc(self, depth: int = 2) -> list[Heading]:
        return [h for h in self.headings if h.level <= depth]


def prefixed(prefix: str, anchor: str) -> str:
    return f"{prefix}--{anchor}"


class _Rebase(HTMLParser):
    def __init__(self, prefix: str, resolve: Callable[[str], str | None], hyphenate: bool = True):
        super().__init__(convert_charrefs=True)
        self.prefix, self.resolve, self.hyphenate = prefix, resolve, hyphenate
        self.out: list[str] = []
        self.headings: list[Heading] = []
        self.ids: set[str] = set()
        self._anchors: list[bool] = []        # per open <a>: was it turned into a <span>?
        self._addresses: list[bool] = []      # per open <a>: is its text an address or a number?
        self._heading: list | None = None     # [level, id, text parts, index of its tag in out] in h1–h6
        self._skip = 0
        self._count = 0

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> tuple[str, list[tuple[str, str | None]]]:
        result = []
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
                value = prefixed(self.prefix, value)
            elif name in _ID_REFS and value:
                value = " ".join(prefixed(self.prefix, v) for v in value.split())
            elif name == "href" and tag == "a" and value is not None:
                value = self.resolve(value)
                if value is None:
                    continue
            result.append((name, value))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and not any(n == "id" for n, _ in result):
            self._count += 1
            result.append(("id", prefixed(self.prefix, f"rubrik-{self._count}")))
        if tag == "a" and not any(n == "href" for n, _ in result):
            # A link that leads nowhere from paper is plain text, not a link without a target.
            tag = "span"
        return tag, result

    def _open(self, tag, attrs, closed: bool):
        if tag in _DROP:
            self._skip += 0 if closed else 1
            return
        if self._skip:
            return
        original = tag
        if original == "a" and not closed:
            href = dict(attrs).get("href") or ""
            self._addresses.append(href.startswith(_ADDRESS_LINKS))
        tag, attrs = self._attrs(tag, attrs)
        if original == "a" and not closed:
            self._anchors.append(tag == "span")
        if tag[:1] == "h" and tag[1:].isdigit() and not closed:
            self._heading = [int(tag[1:]), dict(attrs)["id"], [], len(self.out)]
        rendered = "".join(f" {n}" if v is None else f' {n}="{html.escape(v, quote=True)}"' for n, v in attrs)
        self.out.append(f"<{tag}{rendered}{' /' if closed else ''}>")

    def handle_starttag(self, tag, attrs):
        self._open(tag, attrs, closed=False)

    def handle_startendtag(self, tag, attrs):
        self._open(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if tag in _DROP:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag == "a" and self._anchors:
            tag = "span" if self._anchors.pop() else "a"
            if self._addresses:
                self._addresses.pop()
        if self._heading and tag == f"h{self._heading[0]}":
            level, anchor, parts, at = self._heading
            text = " ".join("".join(parts).split())
            self.headings.append(Heading(level, anchor, text))
            if any(SOFT_HYPHEN in part for part in self.out[at + 1:]):
                # The bookmark shows the heading as written, without the soft hyphens.
                self.out[at] = self.out[at][:-1] + f' data-bookmark="{html.escape(text, quote=True)}">'
            self._heading = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self._skip:
            return
        if self._heading:
            self._heading[2].append(data)
        if self.hyphenate and not any(self._addresses):
            data = soft_hyphens(data)
        self.out.append(html.escape(data, quote=False))

    # Comments (such as placeholders for the site), declarations and processing instructions are dropped.
    def handle_comment(self, data):
        pass


def original_ids(fragment: str) -> set[str]:
    """The ids a fragment defines, before any prefix (to resolve links into it from other chapters)."""
    parser = _Rebase("", lambda href: href)
    parser.feed(fragment)
    parser.close()
    return parser.ids


def rebase(fragment: str, prefix: str, resolve: Callable[[str], str | None], flow: bool = False,
           hyphenate: bool = True) -> Chapter:
    """`hyphenate=False` for a pass that only needs the chapter's ids and headings (their text is taken
    before hyphenation either way)."""
    parser = _Rebase(prefix, resolve, hyphenate)
    parser.feed(fragment)
    parser.close()
    return Chapter(prefix=prefix, html="".join(parser.out), headings=parser.headings, ids=parser.ids, flow=flow)
