"""Find staff-only text in public outputs.

What counts as staff-only: every value of every `audience: staff` record, every `staff_note`, the staff
consultation route, the whole staff_guidance file, and the text of every staff page (block by block: headings,
paragraphs, list items, table cells, definitions, and the page's description).

Prose is checked as the whole value, as every sentence of at least SENTENCE_WORDS words, and as every WINDOW
consecutive words, so that one sentence copied out of a long field is found too. Nothing that public text also
says is forgiven: copy-paste is how staff text leaks. Only identifiers may be shared, and only with a public
record that has the same value: a phone number, an e-mail address, a web address or `source`, an id, a name
(a partner that is also a support line's organisation). On staff pages, text rendered from public data by a
macro (a public contact's card, the plan's facts, a public sentence inside staff prose) is not staff text.

What is searched: every file of a public site, decoded the way a reader or a machine would meet it: HTML as
markup and as text, JSON (search indexes, open data, JSON-LD in the pages) as its string values, sitemap.xml.gz
unzipped, the PDF as its extracted text. Text is compared case-insensitively with whitespace normalised,
prose word by word (punctuation and markup between the words do not matter), phone numbers by their digits
in any form (070-123 45 67, 0701234567, +46701234567), e-mail addresses exactly whatever their length.

This module does not share code with macros/guards/audience.py (the build's own check): it checks the outputs, so
that a mistake in the build's check cannot hide itself here.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from macros.contract.fields import Phone, Text
from macros.contract.models import SiteData

SENTENCE_WORDS = 5   # a sentence shorter than this ("Du själv.") says nothing about a leak
WINDOW = 10          # any this many consecutive words of a staff text
PROSE_WORDS = 3      # a whole prose value is checked from this many words on
STAFF_FOLDER = "personal"
STAFF_PDF = "handlingsplan-personal.pdf"

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s*\n\s*|\s*\|\s*")
_PHONE = re.compile(r"^\+?[\d\s\-–‑()]+$")
_PHONE_IN_TEXT = re.compile(r"(?<![\w+])\+?\d[\d \u00a0\-–‑()]{3,}\d(?!\d)")
# Fields that hold an identifier rather than prose, by the kind of identifier.
_URL_FIELDS = {"url", "chat_url", "source", "website", "open_data_license"}
_ID_FIELDS = {"id", "contact", "contacts", "lines", "training_contact", "switchboard", "social_services",
              "feedback_contact"}
_NOT_SHOWN = {"audience", "check_note", "http_reason", "verified", "days", "category", "compliance"}


# --- Text -------------------------------------------------------------------------------------------------

def _normal(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text.replace("\u00ad", ""))]


def _word_form(text: str) -> str:
    return " " + " ".join(words(text)) + " "


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def windows(text: str) -> list[str]:
    """Every WINDOW consecutive words of the text, each as the text's own slice (case and punctuation kept)."""
    found = list(_WORD.finditer(text))
    return [text[found[i].start():found[i + WINDOW - 1].end()] for i in range(len(found) - WINDOW + 1)]


def prose_needles(text: str) -> set[str]:
    """What to look for of one staff text: the whole text, its sentences, its windows of words."""
    needles = {_normal(s) for s in sentences(text) if len(words(s)) >= SENTENCE_WORDS}
    if len(words(text)) >= PROSE_WORDS:
        needles.add(_normal(text))
    return needles | {_normal(w) for w in windows(text)}


def _digits(phone: str) -> str:
    """A Swedish number's digits in national form: +46 70…, 0046 70… and 070… all give 070…"""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+46") or digits.startswith("0046"):
        digits = "0" + digits[4:] if digits.startswith("0046") else "0" + digits[2:]
    return digits


def is_phone(needle: str) -> bool:
    return bool(_PHONE.match(needle)) and len(re.sub(r"\D", "", needle)) >= 3


# --- What is staff-only ----------------------------------------------------------------------------------

@dataclass
class Items:
    """The values of some records, by kind: prose, names, ids, web addresses, e-mail addresses, phones."""

    prose: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    phones: set[Phone] = field(default_factory=set)

    def add(self, value, name: str | None = None) -> None:
        if value is None or isinstance(value, (bool, int, float, date, time)):
            return
        if isinstance(value, Phone):
            self.phones.add(value)
        elif isinstance(value, Text):
            for text in value.values():
                self.add(text, name)
        elif isinstance(value, str):
            if name == "email":
                self.emails.add(value)
            elif name in _URL_FIELDS:
                self.urls.add(value)
            elif name in _ID_FIELDS:
                self.ids.add(value)
            elif name == "name":
                self.names.add(value)
            else:
                self.prose.add(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                self.add(item, key)
        elif isinstance(value, (list, tuple)):
            for item in value:
                self.add(item, name)
        elif hasattr(type(value), "model_fields"):
            for key in type(value).model_fields:
                if key not in _NOT_SHOWN:
                    self.add(getattr(value, key), key)


def staff_items(data: SiteData) -> Items:
    staff = Items()
    for records in (data.contacts, data.support_lines, data.focus_areas, data.relatives.steps):
        for record in records:
            if record.audience == "staff":
                staff.add(record)
            else:
                staff.add(getattr(record, "staff_note", None), "staff_note")
    if data.municipality.consultation and data.municipality.consultation.audience == "staff":
        staff.add(data.municipality.consultation)
    staff.add(data.staff_guidance)
    return staff


def public_items(data: SiteData) -> Items:
    public = Items()
    public.add(data.for_audience("public"))
    return public


def _url_key(url: str) -> str:
    return url.casefold().rstrip("/")


_MARKUP = re.compile(r"<!--.*?-->|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\]\([^)\n]*\)|</?[A-Za-z][^>\n]*>", re.S)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _markdown_prose(path: Path) -> str:
    """A page's text as a reader meets it, roughly: its description and its Markdown without macro calls,
    comments, link targets and tags."""
    text = path.read_text("utf-8")
    front = _FRONT_MATTER.match(text)
    description = re.search(r"^description:(.*)$", front.group(1), re.M) if front else None
    body = text[front.end():] if front else text
    return (description.group(1) if description else "") + "\n\n" + _MARKUP.sub(" ", body)


@dataclass
class Public:
    """What the public sources say: public data, the interface's labels, the public pages' Markdown.

    Nothing here makes staff prose allowed because the public sources also say it. It only tells a stock
    phrase from a copy: a short staff sentence (fewer than WINDOW words) that public text uses inside a longer,
    different sentence ("Gäller det ett barn under 18 år" in "Gäller det ett barn under 18 år kan du …") is
    not a leak; the same sentence standing as a sentence of its own in public text is."""

    data: str                 # public data values in word form, one per line
    interface: str            # the interface's labels in word form, one per line
    text: str                 # every public sentence in word form, one per line
    sentences: set[str]

    @classmethod
    def of(cls, data: SiteData, docs: Path | None = None) -> "Public":
        from macros.text.messages import UI

        items = public_items(data)
        values = sorted(items.prose | items.names)
        labels = [label for language in UI.values() for label in language.values()]
        pages = [_markdown_prose(p) for p in sorted(docs.rglob("*.md"))
                 if STAFF_FOLDER not in p.relative_to(docs).parts] if docs else []
        found = {_word_form(s) for text in values + labels + pages for s in sentences(text)}
        found.discard("  ")
        return cls("\n".join(_word_form(v) for v in values), "\n".join(_word_form(v) for v in labels),
                   "\n".join(sorted(found)), found)

    def stock_phrase(self, needle: str) -> bool:
        form = _word_form(needle)
        return len(words(needle)) < WINDOW and form not in self.sentences and form in self.text


def staff_only_strings(data: SiteData, docs: Path | None = None) -> set[str]:
    """Every staff-only text to look for in a public output (see the module doc). `docs` is the project's
    docs/ folder, to tell stock phrases from copies (Public)."""
    staff, public = staff_items(data), public_items(data)
    sources = Public.of(data, docs)
    found: set[str] = set()
    for text in staff.prose:
        found |= prose_needles(text)
    for name in staff.names:
        if _word_form(name) not in sources.data:   # a partner that is also a public record's name or organisation
            found |= prose_needles(name) if len(words(name)) >= PROSE_WORDS else {_normal(name)}
    found = {needle for needle in found if not sources.stock_phrase(needle)}
    found |= {i for i in staff.ids - public.ids if "-" in i and len(i) >= 12}
    # A staff web address that a public record has too, or a page below it (a partner's home page, when a
    # public support line links a page of the same site), shows nothing new.
    public_urls = {_url_key(u) for u in public.urls}
    found |= {u for u in staff.urls if not any(p == _url_key(u) or p.startswith(_url_key(u) + "/")
                                               for p in public_urls)}
    found |= {e for e in staff.emails if e.casefold() not in {p.casefold() for p in public.emails}}
    public_phones = {_digits(p.display) for p in public.phones}
    found |= {p.display for p in staff.phones if _digits(p.display) not in public_phones}
    return found


# --- The text of a staff page ----------------------------------------------------------------------------

BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd", "caption", "figcaption"]
# Rendered by macros from public data or made of interface labels only: the plan's facts and decisions,
# its notices, the PDF link, the review line, the parts of a card that only say where and how to call.
_PUBLIC_MACRO_OUTPUT = (".mv-reviewed, .mv-notice, .mv-facts--plan, table.mv-decisions, .mv-pdf-link, "
                        ".mv-missing, .mv-card__source, .mv-card__call, .mv-card dt, .mv-staff-note > strong, "
                        ".headerlink")


def _public_names(data: SiteData) -> set[str]:
    public = data.for_audience("public")
    return {_normal(text).casefold() for record in [*public.contacts, *public.support_lines]
            for text in record.name.values()}


def page_blocks(html_page: Path, data: SiteData) -> list[str]:
    """The text of a staff page's article block by block, without the cards of public records, and its
    description."""
    html = BeautifulSoup(html_page.read_text("utf-8"), "html.parser")
    article = html.select_one("article")
    if article is None:
        return []
    public_names = _public_names(data)
    for card in article.select("section.mv-card"):
        heading = card.find(re.compile(r"^h[1-6]$"))
        if heading is not None and _normal(heading.get_text(" ")).casefold() in public_names:
            card.decompose()
    for element in article.select(_PUBLIC_MACRO_OUTPUT):
        element.decompose()
    for br in article.find_all("br"):
        br.replace_with("\u2028")      # a line break ends a sentence; the HTML's own line breaks do not
    texts: dict[int, list[str]] = {}
    for string in article.find_all(string=True):
        owner = next((parent for parent in string.parents if parent.name in BLOCKS or parent is article), article)
        texts.setdefault(id(owner), []).append(str(string))
    blocks = ["".join(parts) for parts in texts.values()]
    description = html.select_one('meta[name="description"]')
    if description is not None and description.get("content"):
        blocks.append(description["content"])
    blocks = ["\n".join(_normal(line) for line in block.split("\u2028")) for block in blocks]
    return [block for block in blocks if block.strip()]


def page_sentences(html_page: Path, data: SiteData, docs: Path | None = None) -> set[str]:
    """The sentences and windows of words of a built staff page, except what public data or the interface
    says (a macro shows it there: a public contact's role, the coordination's description, "Är någon i fara
    just nu?") and stock phrases (Public)."""
    sources = Public.of(data, docs)
    needles: set[str] = set()
    for block in page_blocks(html_page, data):
        needles |= {_normal(s) for s in sentences(block) if len(words(s)) >= SENTENCE_WORDS}
        needles |= {_normal(w) for w in windows(block)}
    return {n for n in needles if _word_form(n) not in sources.data and _word_form(n) not in sources.interface
            and not sources.stock_phrase(n)}


def staff_addresses(staff_site: Path) -> set[str]:
    """personal/<slug> of every staff page, and the staff PDF's name: none may stand in a public file."""
    folder = staff_site / STAFF_FOLDER
    slugs = {f"{STAFF_FOLDER}/{p.parent.relative_to(folder).as_posix()}" for p in folder.rglob("index.html")
             if p.parent != folder}
    return slugs | {STAFF_PDF}


# --- The public outputs ----------------------------------------------------------------------------------

@dataclass
class Corpus:
    """A public site's files as texts to search, with where each came from."""

    texts: dict[str, str]
    folded: dict[str, str] = field(default_factory=dict)
    word_forms: dict[str, str] = field(default_factory=dict)
    phones: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, site: Path) -> "Corpus":
        texts: dict[str, str] = {}
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            name = path.relative_to(site).as_posix()
            for label, text in _readings(path):
                texts[f"{name}{label}"] = _normal(text)
        return cls(texts)

    def __post_init__(self):
        self.folded = {name: text.casefold() for name, text in self.texts.items()}
        self.word_forms = {name: _word_form(text) for name, text in self.texts.items()}
        self.phones = {name: {_digits(m.group()) for m in _PHONE_IN_TEXT.finditer(text)}
                       for name, text in self.texts.items()}
        self._all_words = "\n".join(self.word_forms.values())

    def find(self, needle: str) -> list[str]:
        """Every reading of every file that contains the needle: prose word by word, a phone number by its
        digits, anything else (an e-mail or web address, an id) as it is, ignoring case."""
        if is_phone(needle):
            digits = _digits(needle)
            folded = _normal(needle).casefold()
            return [name for name, text in self.folded.items()
                    if digits in self.phones[name] or folded in text]
        if len(words(needle)) >= PROSE_WORDS and " " in needle.strip():
            form = _word_form(needle)
            if form not in self._all_words:
                return []
            return [name for name, text in self.word_forms.items() if form in text]
        folded = _normal(needle).casefold()
        if folded.startswith(("http://", "https://")):   # the whole address, not the start of a longer one
            pattern = re.compile(re.escape(folded) + r"(?![\w/.%#?=&-])")
            return [name for name, text in self.folded.items() if folded in text and pattern.search(text)]
        return [name for name, text in self.folded.items() if folded in text]

    @property
    def files(self) -> int:
        return len({name.split(" [")[0] for name in self.texts})


def staff_links(site: Path) -> dict[str, list[str]]:
    """Every link or embed in a public HTML file that leads into personal/ or to the staff PDF."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for element in html.find_all(attrs={"href": True}) + html.find_all(attrs={"src": True}):
            href = element.get("href") or element.get("src")
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = urlsplit(urljoin("/" + page, href)).path.lstrip("/")
            target = re.sub(r"^[a-z]{2}/", "", target)
            if target.startswith(STAFF_FOLDER + "/") or target == STAFF_FOLDER or target.endswith(STAFF_PDF):
                found.setdefault(page, []).append(href)
    return found


def pdf_text(path: Path) -> str:
    """The PDF's text in content order (-raw): -layout interleaves the columns of a table line by line."""
    result = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                            text=True)
    if result.returncode != 0:
        raise AssertionError(f"pdftotext could not read {path}: {result.stderr.strip()}")
    return result.stdout


def _readings(path: Path) -> list[tuple[str, str]]:
    suffix = path.suffix
    raw = path.read_bytes()
    if suffix == ".gz":
        raw = gzip.decompress(raw)
        suffix = Path(path.stem).suffix
    if suffix == ".pdf":
        return [(" [pdf text]", pdf_text(path))]
    if suffix in (".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf"):
        return []
    text = raw.decode("utf-8", errors="replace")
    readings = [("", text)]
    if suffix == ".html":
        html = BeautifulSoup(text, "html.parser")
        readings.append((" [text]", html.get_text(" ")))
        scripts = []
        for script in html.select('script[type="application/ld+json"]'):
            try:
                scripts += _json_strings(json.loads(script.string or ""))
            except ValueError:
                scripts.append(script.string or "")
        if scripts:
            readings.append((" [json-ld]", "\n".join(scripts)))
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
