"""The second line of defence: staff content found in a built public site stops `make site` before the swap.

The first line is construction: the public MkDocs process is given only public data and no staff page
(macros/build_state.py, macros/engine/staff_pages.py). This check runs afterwards in the parent process (macros/cli/build.py),
which may read staff pages and staff data, over every file of the new public site as a reader or a machine
meets it: HTML as text (paragraphs joined, so that a sentence split over two paragraphs is still one) and as
attribute values (alt, title, aria-label, the description), JSON strings (search index, open data), CSV,
sitemap.xml(.gz), the PDF's text and its attachments, and any other text file.

It looks for what macros/guards/audience.py calls staff text (the same StaffIndex: whole staff sentences of at least
SENTENCE_WORDS words and windows of WINDOW words) and for staff contact details: phone numbers in any format
(compared as E.164 with phonenumbers), e-mail addresses, and the names of staff records (internal functions).
A find names the public source it came from where one has it (file and line), otherwise the output file."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import phonenumbers

from macros.contract.models import SiteData
from macros.guards import audience
from macros.problems import Problem, shown_path

_PHONE_RUN = re.compile(r"(?<![\w+])\+?\d[\d \u00a0\u2009\-\u2010\u2011\u2012\u2013()/.]{4,}\d(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BINARY = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf"}
_NOT_TEXT_ATTRIBUTES = {"class", "id", "style", "rel", "type", "lang", "dir", "role", "for", "name", "method",
                        "target", "tabindex", "width", "height", "loading", "charset", "media", "sizes"}


# --- Phone numbers ----------------------------------------------------------------------------------------

def phone_key(text: str) -> str | None:
    """The number as E.164 (+461505700 0…) if the text is a Swedish phone number of 7+ digits, else None.
    Short numbers (112, 114 14) are national and public by nature."""
    digits = re.sub(r"\D", "", text)
    if len(digits) < 7 or re.fullmatch(r"(?:19|20)\d\d[-./]\d\d[-./]\d\d", text.strip()):
        return None   # too short, or a date
    try:
        number = phonenumbers.parse(text, "SE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phones_in(text: str) -> dict[str, str]:
    """E.164 → the number as written, for every phone number in a text."""
    found = {}
    for match in _PHONE_RUN.finditer(text):
        written = match.group().strip(" .-/")
        if (key := phone_key(written)) and (written.startswith(("0", "+")) or len(re.sub(r"\D", "", written)) > 8):
            found.setdefault(key, written)
    return found


# --- What is staff-only -----------------------------------------------------------------------------------

@dataclass
class StaffDetails:
    """Staff sentences (the StaffIndex of macros/guards/audience.py) and staff contact details to look for."""

    index: audience.StaffIndex
    phones: dict[str, str] = field(default_factory=dict)       # E.164 → where it is written
    emails: dict[str, str] = field(default_factory=dict)       # folded address → where
    names: dict[tuple, tuple[str, str]] = field(default_factory=dict)  # words → (name, where)

    @classmethod
    def of(cls, root: Path, docs: Path, data_dir: Path, data: SiteData) -> "StaffDetails":
        staff_pages, _ = audience.markdown_pieces(docs, root)
        staff_data, _ = audience.data_pieces(data_dir, root)
        details = cls(_without_interface_text(audience.StaffIndex.of(staff_pages + staff_data)))
        public = data.for_audience("public")
        public_phones = {p.e164 for r in [*public.contacts, *public.support_lines] for p in _phones(r) if p.e164}
        public_emails = {r.email.casefold() for r in [*public.contacts, *public.support_lines] if r.email}
        public_names = {tuple(w.word for w in audience.words_of(text))
                        for r in [*public.contacts, *public.support_lines]
                        for value in (r.name, getattr(r, "organisation", None)) if value
                        for text in value.values()}
        # Staff pages and staff data as written (numbers in link targets and tel: links too).
        raw = [(audience.Piece(path.read_text("utf-8"), shown_path(path, root), 1, True))
               for path in sorted((root / audience.STAFF_FOLDER).rglob("*.md"))]
        for piece in raw + staff_data:
            for key, written in phones_in(piece.text).items():
                if key not in public_phones:
                    details.phones.setdefault(key, piece.where(piece.text.find(written)))
            for match in _EMAIL.finditer(piece.text):
                if match.group().casefold() not in public_emails:
                    details.emails.setdefault(match.group().casefold(), piece.where(match.start()))
        shown = shown_path(data_dir, root)
        for record in _staff_records(data):
            for phone in _phones(record):
                if phone.e164 and phone.e164 not in public_phones:
                    details.phones.setdefault(phone.e164, f"{shown}/{_file_of(record, data)} ({record.id})")
            if record.email and record.email.casefold() not in public_emails:
                details.emails.setdefault(record.email.casefold(), f"{shown}/{_file_of(record, data)} ({record.id})")
            for text in record.name.values():
                words = tuple(w.word for w in audience.words_of(text))
                if words and words not in public_names:
                    details.names.setdefault(words, (text, f"{shown}/{_file_of(record, data)} ({record.id})"))
        return details


def _without_interface_text(index: audience.StaffIndex) -> audience.StaffIndex:
    """A staff page may say what the interface says on every page ("Är någon i fara just nu?"): not staff text."""
    from macros.text.messages import UI

    for label in (label for language in UI.values() for label in language.values()):
        words = audience.words_of(label)
        for start, end, _ in index.hits(words):
            key = tuple(w.word for w in words[start:end])
            index.sentences.pop(key, None)
            index.windows.pop(key, None)
    return index


def _staff_records(data: SiteData) -> list:
    return [r for r in [*data.contacts, *data.support_lines] if not r.is_public]


def _file_of(record, data: SiteData) -> str:
    return "contacts.yml" if record in data.contacts else "support_lines.yml"


def _phones(record) -> list:
    return [value for value in vars(record).values() if hasattr(value, "e164")]


# --- The public outputs as texts --------------------------------------------------------------------------

_BLOCK = "\u2029"   # a paragraph separator between blocks, until the reading is made
_BLOCKS = {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "pre", "blockquote",
           "section", "article", "header", "footer", "nav", "main", "caption", "figcaption", "br", "summary",
           "details", "aside", "table", "ul", "ol", "dl", "title", "option", "label", "button", "a"}


class _HtmlText(HTMLParser):
    """An HTML file's text (every text node, code and headings included, paragraphs joined by a space) and
    its attribute values that a reader or a machine reads (alt, title, aria-label, content, data-*)."""

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


def _html_readings(text: str) -> list[tuple[str, str]]:
    parser = _HtmlText()
    parser.feed(text)
    blocks = "".join(parser.text)
    return [("", "\n\n".join(" ".join(block.split()) for block in blocks.split(_BLOCK))),   # block by block
            (" [text]", " ".join(blocks.replace(_BLOCK, " ").split())),                     # split text joined
            (" [attribut]", "\n\n".join(parser.attributes))]


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [" ".join(_html_readings(value)[0][1].split()) if "<" in value else value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _json_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    return []


def _pdf_readings(raw: bytes) -> list[tuple[str, str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    readings = [(" [PDF-text]", "\n\n".join(page.extract_text() or "" for page in reader.pages))]
    for name, contents in reader.attachments.items():
        for content in contents:
            readings += [(f" [bilaga {name}]{label}", text) for label, text in _readings(Path(name), content)]
    return readings


def _readings(path: Path, raw: bytes) -> list[tuple[str, str]]:
    """(label, text) for each way a file is read."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        raw, suffix = gzip.decompress(raw), Path(path.stem).suffix.lower()
    if suffix in _BINARY:
        return []
    if suffix == ".pdf":
        return _pdf_readings(raw)
    text = raw.decode("utf-8", errors="replace")
    if suffix in (".html", ".htm", ".xml", ".svg"):
        return _html_readings(text)
    if suffix == ".json":
        try:
            return [(" [värden]", "\n\n".join(_json_strings(json.loads(text))))]
        except ValueError:
            return [("", text)]
    if suffix == ".csv":
        return [(" [celler]", "\n\n".join(cell for row in csv.reader(io.StringIO(text)) for cell in row))]
    return [("", text)]


# --- Looking --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Leak:
    output: str          # site file and reading: "om-webbplatsen/index.html [attribut]"
    kind: str            # sentence, phone, email, name
    value: str           # as it stands in the output
    source: str          # where the staff text or detail is written


def leaks(site: Path, staff: StaffDetails) -> list[Leak]:
    found: list[Leak] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        for label, text in _readings(path, path.read_bytes()):
            found += _leaks_in(f"{name}{label}", text, staff)
    return list(dict.fromkeys(found))


def _leaks_in(output: str, text: str, staff: StaffDetails) -> list[Leak]:
    found = []
    words = audience.words_of(text)
    for start, end, source in staff.index.hits(words):
        found.append(Leak(output, "sentence", text[words[start].start:words[end - 1].end], source))
    for key, written in phones_in(text).items():
        if key in staff.phones:
            found.append(Leak(output, "phone", written, staff.phones[key]))
    for match in _EMAIL.finditer(text):
        if match.group().casefold() in staff.emails:
            found.append(Leak(output, "email", match.group(), staff.emails[match.group().casefold()]))
    if staff.names:
        sequence = [w.word for w in words]
        for key, (name, source) in staff.names.items():
            if any(tuple(sequence[i:i + len(key)]) == key for i in range(len(sequence) - len(key) + 1)
                   if sequence[i] == key[0]):
                found.append(Leak(output, "name", name, source))
    return found


# --- Where a leak came from -------------------------------------------------------------------------------

def _places(leak: Leak, public: list[audience.Piece]) -> list[tuple[str, int, str]]:
    """(file, line, as written) of every place in the public sources that has the leaked number, address,
    name or text: a page (attributes, code and front matter included) or a public data value."""
    places = []
    if leak.kind == "phone":
        key = phone_key(leak.value)
        for piece in public:
            places += [(piece.file, piece.line_at(m.start()), m.group().strip(" .-/"))
                       for m in _PHONE_RUN.finditer(piece.text) if phone_key(m.group().strip(" .-/")) == key]
    elif leak.kind == "email":
        for piece in public:
            places += [(piece.file, piece.line_at(m.start()), m.group()) for m in _EMAIL.finditer(piece.text)
                       if m.group().casefold() == leak.value.casefold()]
    else:
        wanted = [w.word for w in audience.words_of(leak.value)]
        for piece in public:
            words = audience.words_of(piece.text)
            sequence = [w.word for w in words]
            places += [(piece.file, piece.line_at(words[i].start), leak.value)
                       for i in range(len(sequence) - len(wanted) + 1)
                       if sequence[i] == wanted[0] and sequence[i:i + len(wanted)] == wanted]
    return places


def public_sources(root: Path, docs: Path, data_dir: Path) -> list[audience.Piece]:
    """Every public page as written (attributes, code and front matter included) and every public data value."""
    pages = [audience.Piece(path.read_text("utf-8"), shown_path(path, root), 1, True)
             for path in sorted(docs.rglob("*.md"))]
    return pages + audience.data_pieces(data_dir, root)[1]


def messages(found: list[Leak], public: list[audience.Piece]) -> list[Problem]:
    """A problem for each place in the public sources that a leak came from, else one for each public file
    that has it. Overlapping windows of one copied text are told once, longest first."""
    shown: dict[tuple, Problem] = {}
    for leak in sorted(found, key=lambda leak: -len(leak.value)):
        places = _places(leak, public) or [(f"site/{leak.output.split(' [')[0]}", 1, leak.value)]
        for file, line, written in places:
            key = (file, line, leak.kind, leak.source.split(" rad ")[0])
            if key in shown:
                continue
            value = written if len(written) <= 80 else written[:78].rsplit(" ", 1)[0] + " …"
            shown[key] = Problem(f"staff_{leak.kind}_in_output", file, line,
                                 {"value": value, "source": leak.source, "output": f"site/{leak.output}"})
    return sorted(shown.values(), key=lambda p: (p.file, p.line, p.message()))


# --- Files nobody links ------------------------------------------------------------------------------------

def unlinked_files(site: Path, docs: Path, root: Path, allowed: set[str]) -> list[Problem]:
    """Files of docs/ (not pages) that the public site publishes but that no public page, stylesheet or script
    links: a stray export or an attachment meant for staff. mkdocs.yml › extra › public_files lists those that
    are meant to be public without a link."""
    texts = []
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js", ".xml", ".json", ".webmanifest") and path.is_file():
            texts.append(path.read_text("utf-8", errors="replace"))
    everything = "\n".join(texts)
    found = []
    for path in sorted(p for p in docs.rglob("*") if p.is_file() and p.suffix != ".md"):
        relative = path.relative_to(docs).as_posix()
        if relative in allowed or not (site / relative).is_file():
            continue
        if relative not in everything and relative.replace(" ", "%20") not in everything:
            shown = shown_path(path, root)
            found.append(Problem("file_not_linked", shown, 1, {"file": shown, "name": relative}))
    return found
