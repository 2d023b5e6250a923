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
A find names the public source it came from where one has it (file and line), otherwise the output file.

How files are read is macros/guards/output_readings.py; how a reading is searched, each distinct piece once,
is macros/guards/leak_scan.py; numbers and addresses are macros/guards/contact_details.py."""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from threading import Thread
from typing import Callable

from macros.contract.models import SiteData
from macros.guards import audience
from macros.guards.contact_details import EMAIL, PHONE_RUN, phone_key, phones_in
from macros.guards.leak_scan import Leak, Scanner
from macros.guards.output_readings import HtmlReader, readings_of
from macros.problems import Problem, shown_path

__all__ = ["Leak", "StaffDetails", "leaks", "messages", "phone_key", "phones_in", "public_sources", "unlinked_files"]
# A site with at least this many files is read on every core: a thousand pages take seconds even read piece
# by piece, mostly in the HTML parser.
PARALLEL_FROM = 200
# Files a worker takes at a time. Reading costs differ a hundredfold (the PDF, a page), and another build may
# still hold a core, so workers take small shares as they finish rather than half the site each.
SHARE = 16


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
            for match in EMAIL.finditer(piece.text):
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


# --- Looking --------------------------------------------------------------------------------------------

def leaks(site: Path, staff: StaffDetails, meanwhile: Callable[[], None] | None = None,
          alongside: Callable[[], None] | None = None, theme: Path | None = None) -> list[Leak]:
    """Every staff text, number, address and name in every file of a built site, in the order of the files.
    `meanwhile` is called now and then while it reads (the command line notes which builds have ended);
    `alongside` once, in this process, while the workers read (another check of the same site). A file that
    is byte for byte the installed `theme`'s file of the same name is not read (theme_copies)."""
    files = sorted(p for p in site.rglob("*") if p.is_file())
    if theme:
        copies = theme_copies(site, files, theme)
        files = [p for p in files if p not in copies]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if len(files) < PARALLEL_FROM or cores < 2 or sys.platform != "linux":
        per_file = _leaks_per_file(site, files, staff, meanwhile)
        if alongside:
            alongside()
        return _in_order(per_file)
    per_file: list[list[Leak]] = [[] for _ in files]
    largest_first = sorted(range(len(files)), key=lambda i: -files[i].stat().st_size)   # small shares last
    shares = [largest_first[i:i + SHARE] for i in range(0, len(files), SHARE)]
    # On Linux the workers are forked: they start at once, with the staff details already in memory, and each
    # keeps its scanner and HTML reader (what they remember) from share to share.
    with ProcessPoolExecutor(cores, mp_context=get_context("fork"), initializer=_start_worker,
                             initargs=(site, staff)) as pool:
        running = [pool.submit(_read_share, [files[i] for i in share]) for share in shares]
        beside = _Beside(alongside) if alongside else None
        while wait(running, timeout=0.05).not_done:
            if meanwhile:
                meanwhile()
        if beside:
            beside.finish()
        for share, done in zip(shares, running):
            for i, found in zip(share, done.result()):
                per_file[i] = found
    return _in_order(per_file)


def theme_copies(site: Path, files: list[Path], theme: Path) -> set[Path]:
    """Files of a built site that are byte for byte the file of the same name in a theme installed as a Python
    package (Material's scripts, search languages, stylesheets and their source maps: a seventh of the guard's
    time). Nothing of the project made them, so they cannot hold a staff detail. A file of docs/ that replaces
    a theme file differs from it and is read; so is every file of a theme folder in the project (overrides/).
    Any theme installed as a package is trusted so: what it ships was made outside the project."""
    import sysconfig

    theme = theme.resolve()
    installed = {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}
    if not theme.is_dir() or not any(theme.is_relative_to(folder) for folder in installed):
        return set()
    copies = set()
    for built in files:
        original = theme / built.relative_to(site)
        if original.is_file() and original.stat().st_size == built.stat().st_size \
                and original.read_bytes() == built.read_bytes():
            copies.add(built)
    return copies


class _Beside(Thread):
    """`alongside` in a thread of this process, its error raised where it is awaited (never lost)."""

    def __init__(self, work: Callable[[], None]):
        super().__init__(daemon=True)
        self.work, self.error = work, None
        self.start()

    def run(self) -> None:
        try:
            self.work()
        except BaseException as error:   # noqa: BLE001  raised again in finish()
            self.error = error

    def finish(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


def _in_order(per_file: list[list[Leak]]) -> list[Leak]:
    return list(dict.fromkeys(leak for found in per_file for leak in found))


_worker: tuple = ()    # in a worker process: (site, its Scanner, its HtmlReader)


def _start_worker(site: Path, staff: StaffDetails) -> None:
    global _worker
    _worker = (site, Scanner(staff), HtmlReader())


def _read_share(files: list[Path]) -> list[list[Leak]]:
    site, scanner, html = _worker
    return _leaks_per_file(site, files, scanner.staff, scanner=scanner, html=html)


def _leaks_per_file(site: Path, files: list[Path], staff: StaffDetails,
                    meanwhile: Callable[[], None] | None = None,
                    scanner: Scanner | None = None, html: HtmlReader | None = None) -> list[list[Leak]]:
    scanner, html = scanner or Scanner(staff), html or HtmlReader()   # they remember what they have read
    per_file = []
    for path in files:
        name = path.relative_to(site).as_posix()
        per_file.append([leak for reading in readings_of(path, path.read_bytes(), html)
                         for leak in scanner.leaks(name, reading)])
        if meanwhile:
            meanwhile()
    return per_file


# --- Where a leak came from -------------------------------------------------------------------------------

def _places(leak: Leak, public: list[audience.Piece]) -> list[tuple[str, int, str]]:
    """(file, line, as written) of every place in the public sources that has the leaked number, address,
    name or text: a page (attributes, code and front matter included) or a public data value."""
    places = []
    if leak.kind == "phone":
        key = phone_key(leak.value)
        for piece in public:
            places += [(piece.file, piece.line_at(m.start()), m.group().strip(" .-/"))
                       for m in PHONE_RUN.finditer(piece.text) if phone_key(m.group().strip(" .-/")) == key]
    elif leak.kind == "email":
        for piece in public:
            places += [(piece.file, piece.line_at(m.start()), m.group()) for m in EMAIL.finditer(piece.text)
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
