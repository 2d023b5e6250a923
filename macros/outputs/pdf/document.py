"""The plan as a PDF for meetings: a public edition in site/, a staff edition in site-staff/.

Made by the on_env hook (hooks.py) of the Swedish build: by then every page's content is rendered and no page
is written yet, so the pages can show the PDF's real size. templates/pdf/document.html composes it: a cover,
a table of contents with page numbers, chapters rendered from data (the plan with its decisions, the focus
areas, the support lines and contacts as tables) and chapters reused from rendered pages whose prose lives in
docs/ (support for relatives; in the staff edition, the staff pages). A build sees only its audience's data
and pages, so the public edition cannot hold staff text. WeasyPrint writes tagged PDF/UA-1; dates and
version come from the source (pdf_source.py), so the same inputs give the same bytes.

Paper cannot follow a link: a link to another part of the PDF is followed by its page number (style.css),
the cards in the steps for relatives point to their full entry (cards.py), and the cover gives the address
of the current version. A character no font has (an emoji without an emoji font) is reported once, with the
file, line and record it is written in (problem_messages).
"""

from __future__ import annotations

import logging
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

import markdown
from markupsafe import Markup

from macros.build_state import BuildState
from macros.environment import variable_set
from macros.contract.models import CATEGORIES, Contact, SupportLine
from macros.outputs.pdf import cards
from macros.outputs.pdf.chapters import Chapter, prefixed, rebase, soft_hyphens
from macros.outputs.pdf.download_size import (FILE_NAMES, LANG, SIZE_LATER, SIZE_MARK,  # noqa: F401 (used here
                                              file_name, shown_size, size_text)          # and by the hooks)
from macros.outputs.pdf.fetch import REASONS, Refusal, attachments, needles
from macros.outputs.pdf.source import Provenance, provenance
from macros.problems import Problem, report
from macros.render import design_tokens
from macros.render import git_dates
from macros.render import render
from macros.text.messages import ui

log = logging.getLogger("mkdocs.plugins.motverka")

RELATIVES_PAGE = "stod-till-anhoriga.md"   # its prose and macros make the chapter on support for relatives
STAFF_FOLDER = "personal/"                 # staff pages (personal/ beside docs/): chapters of the staff edition,
                                           # unless `pdf: false`


# --- The download link ---------------------------------------------------------------------------------

def skipped() -> bool:
    """MOTVERKA_SKIP_PDF=1 builds the pages without making the PDF: for the tests of page and data errors, whose
    builds fail anyway and need not wait for WeasyPrint. Never set it for a site to publish."""
    return os.environ.get("MOTVERKA_SKIP_PDF") == "1"


def public_url(site_url: str | None) -> str | None:
    """The site's address for links printed on paper; None while it is only a local preview address."""
    from macros.contract.site_address import is_loopback, with_slash

    host = urlsplit(site_url or "").hostname
    return None if host is None or is_loopback(site_url) else with_slash(site_url)


def link_html(page_url: str, lang: str, audience: str, site_url: str | None = None, made: bool = True) -> str:
    """The download link on a page. Its size is a placeholder until the PDF exists (fill_size). `mkdocs serve`
    makes no PDF (made=False: live reload stays fast); its pages say the PDF comes at publication."""
    name = file_name(audience)
    base = public_url(site_url)
    depth = page_url.count("/")   # page URLs are directory URLs: "handlingsplan/", "en/handlingsplan/"
    return render.render_template("pdf/link.html", made=made, lang=lang, href="../" * depth + name,
                                  print_url=base + name if base else None, size=Markup(SIZE_MARK))


def fill_size(files, size: int | None, lang: str = LANG, shown: str | None = None) -> None:
    """Put the PDF's size into every page that links it (page.content, before any page is written)."""
    shown = shown_size(size, lang) if shown is None else shown
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.content and SIZE_MARK in page.content:
            page.content = page.content.replace(SIZE_MARK, shown)


# --- Chapters ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A chapter before it is fitted in: its HTML, the site page it stands for, whether it starts a page."""

    prefix: str
    page_url: str
    html: str
    flow: bool = False


@dataclass(frozen=True)
class LineRow:
    line: SupportLine
    hours: str
    free: bool
    stale: bool


@dataclass(frozen=True)
class ContactRow:
    contact: Contact
    hours: str | None
    stale: bool

    @property
    def internal(self) -> bool:
        return not self.contact.is_public


def _markdown(value) -> Markup:
    """A text from data that may use Markdown (paragraphs, lists, emphasis); any HTML in it shows as text."""
    return Markup(markdown.markdown(render.md_block(render.text(value, LANG))))


def _data_chapters(state: BuildState) -> dict[str, Source]:
    view, ctx = state.view, state.ctx(LANG)
    plan = view.plan
    groups = []
    for category in CATEGORIES:
        rows = [LineRow(line, render.hours_text(line.hours, LANG), render.is_free(line), render.is_stale(line, ctx))
                for line in view.support_lines if line.category == category]
        if rows:
            groups.append((category, ui(f"pdf_category_{category}"), rows))
    contacts = [ContactRow(c, render.hours_text(c.hours, LANG) if c.hours else None, render.is_stale(c, ctx))
                for c in view.contacts]
    coordination = next((c for c in view.contacts if c.id == view.municipality.coordination.contact), None)
    values = {"ctx": ctx, "plan": plan, "municipality": view.municipality}
    return {
        "om-planen": Source("om-planen", "handlingsplan/", render.render_template(
            "pdf/plan.html", **values, definition=_markdown(plan.definition), summary=_markdown(plan.summary),
            decisions=Markup(render.decisions_html(plan, ctx)))),
        "fokusomraden": Source("fokusomraden", "handlingsplan/", render.render_template(
            "pdf/focus_areas.html", **values,
            areas=[(area, _markdown(area.body)) for area in view.focus_areas])),
        "stodlinjer": Source("stodlinjer", "stodlinjer/", render.render_template(
            "pdf/support_lines.html", **values, groups=groups)),
        "kontakter": Source("kontakter", "kontakta-kommunen/", render.render_template(
            "pdf/contacts.html", **values, rows=contacts, coordination=coordination)),
    }


def _nav_order(nav) -> list[str]:
    """Page paths in the order of the configured navigation (staff pages first on the staff site)."""
    found: list[str] = []
    for item in nav or []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found += _nav_order(value if isinstance(value, list) else [value])
    return found


def _page_prefix(page) -> str:
    return page.url.strip("/").replace("/", "-") or "start"


def _page_chapters(config, files, state: BuildState) -> list[Source]:
    chapters, ctx = [], state.ctx(LANG)
    relatives = files.get_file_from_path(RELATIVES_PAGE)
    if relatives is None or relatives.page is None or not relatives.page.content:
        report(Problem("pdf_page_missing", values={"page": RELATIVES_PAGE}))
    else:
        page = relatives.page
        chapters.append(Source(_page_prefix(page), page.url,
                               cards.step_cards(page.content, page.url, state.view, ctx)))
    if state.staff:
        order = _nav_order(config.nav)
        staff = [f for f in files.documentation_pages() if f.src_uri.startswith(STAFF_FOLDER) and f.page
                 and f.page.content and (f.page.meta or {}).get("pdf", True) is True]
        staff.sort(key=lambda f: (order.index(f.src_uri) if f.src_uri in order else len(order), f.src_uri))
        chapters += [Source(_page_prefix(f.page), f.page.url,
                            cards.cards_as_references(f.page.content, f.page.url, state.view, ctx), flow=n > 0)
                     for n, f in enumerate(staff)]
    return chapters


def _instead(files) -> dict[str, str]:
    """Pages left out of the PDF because a chapter built from data holds what they say: front matter
    `pdf: om-planen` (the chapter's id). Page URL -> chapter id, so that links to them get its page number."""
    return {f.page.url: f.page.meta["pdf"] for f in files.documentation_pages()
            if f.page and isinstance((f.page.meta or {}).get("pdf"), str)}


def _resolver(chapters: list[Chapter], sources: list[Source], site_url: str | None,
              page_url: str, instead: dict[str, str] | None = None) -> Callable[[str], str | None]:
    """Links inside the PDF go to the chapter that holds their target; links to other pages of the site
    become full addresses (printed after the link) or, without a public address, plain text."""
    by_id = {source.prefix: chapter.anchor for chapter, source in zip(chapters, sources)}

    def resolve(href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href                                    # https:, tel:, mailto:, sms:
        target = urlsplit(urljoin("/" + page_url, href))
        path = target.path.lstrip("/").removesuffix("index.html")
        if (instead or {}).get(path) in by_id:
            return "#" + by_id[instead[path]]
        matches = [(chapter, source) for chapter, source in zip(chapters, sources) if source.page_url == path]
        for chapter, source in matches:
            if target.fragment and target.fragment in chapter.ids:
                return "#" + prefixed(source.prefix, target.fragment)
        if matches:
            return "#" + matches[0][0].anchor
        if site_url:
            return site_url + path + (f"#{target.fragment}" if target.fragment else "")
        return None

    return resolve


def _url_of(files, path: str) -> str | None:
    found = files.get_file_from_path(path)
    return found.page.url if found is not None and found.page is not None else None


def chapters(config, files, state: BuildState) -> list[Chapter]:
    data = _data_chapters(state)
    pages = _page_chapters(config, files, state)
    relatives = [s for s in pages if s.page_url == _url_of(files, RELATIVES_PAGE)]
    staff = [s for s in pages if s not in relatives]
    # The staff edition opens on the staff's work (the routine by page 4, not on page 13): its pages first.
    sources = [*staff, data["om-planen"], data["fokusomraden"], data["stodlinjer"], data["kontakter"], *relatives]
    # First pass: which ids and headings each chapter has; second: links resolved against them.
    first = [rebase(s.html, s.prefix, lambda href: href, s.flow, hyphenate=False) for s in sources]
    site_url = public_url(config.site_url)
    instead = _instead(files)
    return [rebase(s.html, s.prefix, _resolver(first, sources, site_url, s.page_url, instead), s.flow)
            for s in sources]


# --- The document --------------------------------------------------------------------------------------

def css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def _css_content(label: str, values: dict[str, str], before: str = "", after: str = "") -> Markup:
    """A label with {placeholders} as a CSS content value: "Sida {page} av {pages}" becomes
    "Sida " counter(page) " av " counter(pages)."""
    parts = re.split("(" + "|".join(re.escape(key) for key in values) + ")", before + label + after)
    return Markup(" ".join(values.get(part) or css_string(part) for part in parts if part))


def _page_counter() -> Markup:
    return _css_content(ui("pdf_page_of", LANG), {"{page}": "counter(page)", "{pages}": "counter(pages)"})


def _page_reference() -> Markup:
    """ " (se sidan 7)" after a link to another part of the PDF: paper cannot follow a link."""
    return _css_content(ui("pdf_see_page", LANG), {"{page}": "target-counter(attr(href url), page)"}, " (", ")")


def stylesheet(docs_dir: Path) -> str:
    """templates/pdf/style.css with the site's colours (design_tokens.py) and the words of its page numbers."""
    return render.TEMPLATES_ENV.get_template("pdf/style.css").render(page_counter=_page_counter(),
                                                            page_reference=_page_reference(),
                                                            token=design_tokens.tokens(docs_dir))


def document_title(plan, municipality, edition: str | None = None) -> str:
    """The plan's title, with the municipality's name unless the title already has it ("Umeå kommuns
    handlingsplan …"), and on the staff edition which edition it is."""
    named = any(name.casefold() in plan.title.casefold() for name in (municipality.name, municipality.short_name) if name)
    title = plan.title if named else f"{plan.title} – {municipality.name}"
    return title + (f" ({edition.lower()})" if edition else "")


def data_changed(state: BuildState, source: Provenance):
    """The day the dataset's files last changed (git), for the cover; without git, the edition's own day."""
    try:
        folder = state.data_dir.resolve().relative_to(state.root.resolve()).as_posix() + "/"
    except ValueError:
        return source.day
    days = [day for path, day in state.changed.items() if path.startswith(folder)]
    return min(max(days), source.day) if days else source.day


def compose(config, files, state: BuildState, source: Provenance) -> str:
    view, ctx = state.view, state.ctx(LANG)
    plan, municipality = view.plan, view.municipality
    edition = ui("edition_staff" if state.staff else "edition_public", LANG)
    title = document_title(plan, municipality, edition if state.staff else None)
    css = stylesheet(Path(config.docs_dir))
    site = public_url(config.site_url)
    return render.render_template(
        "pdf/document.html", ctx=ctx, plan=plan, municipality=municipality, staff=state.staff, title=title,
        edition=edition, description=render.text(plan.summary, LANG), source=source,
        created=render.long_date(source.day, LANG),
        data_changed=render.long_date(data_changed(state, source), LANG),
        css=Markup(css), chapters=chapters(config, files, state),
        facts=Markup(render.plan_facts_html(plan, ctx)), notices=Markup(render.plan_notices_html(plan, ctx)),
        emergency=state.emergency, address=site + file_name(state.audience) if site else None,
        hyphenate=soft_hyphens)


@contextmanager
def _weasyprint_problems():
    """WeasyPrint's warnings and errors (an unknown CSS property, a missing anchor, a PDF/UA problem) are
    collected so that the strict build fails on them instead of printing them to stderr."""
    logger = logging.getLogger("weasyprint")
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


# WeasyPrint's words for a character that no installed font can draw (an emoji without an emoji font).
_NOTDEF = re.compile(r'\.notdef glyph rendered for Unicode string unsupported by fonts: "(?P<char>.+?)" '
                     r'\((?P<code>U\+[0-9A-F]+)\)')
_RECORD_ID = re.compile(r"^\s*(?:-\s+)?id:\s*['\"]?(?P<id>[\w-]+)")
_MAX_PLACES = 5


def _places(char: str, state: BuildState, docs_dir: Path) -> list[tuple[str, int, str | None]]:
    """Where a character is written: (file as shown, line, id of the record it is in), data files first."""
    files = sorted(state.data_dir.glob("*.y*ml")) + sorted(docs_dir.rglob("*.md"))
    if getattr(state, "staff", False):   # the staff pages, beside docs/; a public build never reads them
        files += sorted((state.root / STAFF_FOLDER).rglob("*.md"))
    found = []
    for path in files:
        record = None
        try:
            lines = path.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            match = _RECORD_ID.match(line) if path.suffix != ".md" else None
            record = match["id"] if match else record
            if char in line:
                try:
                    shown = path.resolve().relative_to(state.root.resolve()).as_posix()
                except ValueError:
                    shown = path.as_posix()
                found.append((shown, number, record))
                if len(found) == _MAX_PLACES:
                    return found
    return found


def problem_messages(records: list[logging.LogRecord], state: BuildState,
                     docs_dir: Path) -> list[tuple[int, Problem]]:
    """WeasyPrint's warnings as problems (level, problem). A character no font has is told once, with the file,
    line and record it is written in, instead of one English warning for every time it is drawn."""
    messages, missing = [], {}
    for record in records:
        text = record.getMessage()
        glyph = _NOTDEF.search(text)
        if glyph:
            missing.setdefault(glyph["char"][0], glyph["code"])
            continue
        level = logging.ERROR if record.levelno >= logging.ERROR else logging.WARNING
        messages.append((level, Problem("pdf_problem", values={"problem": text.rstrip(".")})))
    for char, code in missing.items():
        places = _places(char, state, docs_dir)
        for shown, line, record_id in places:
            record = " " + ui("pdf_glyph_record", LANG, id=record_id) if record_id else ""
            messages.append((logging.WARNING, Problem("pdf_glyph_missing", shown, line,
                                                      {"char": char, "codepoint": code, "record": record})))
        if not places:
            messages.append((logging.WARNING, Problem("pdf_glyph_missing",
                                                      values={"char": char, "codepoint": code, "record": ""})))
    return messages


def _source_date(source: Provenance):
    """fontTools stamps a font it rebuilds (WeasyPrint rebuilds an emoji font's subset) with the time it is
    written, unless SOURCE_DATE_EPOCH says otherwise: while the PDF is made, it says the source's date."""
    return variable_set("SOURCE_DATE_EPOCH", str(int(source.moment.timestamp())))


# What WeasyPrint may read besides the site's docs/: the kit's own PDF templates (pdf_fetch.py).
KIT_FOLDERS = [Path(__file__).resolve().parents[2] / "render" / "templates" / "pdf"]


def render_pdf(document_html: str, base_url: str, source: Provenance, fetcher=None):
    """(document, bytes, WeasyPrint's warnings): tagged PDF/UA-1, the same bytes for the same inputs.
    WeasyPrint reads only through `fetcher` (by default: files under base_url and the kit's templates)."""
    from weasyprint import HTML  # imported here: only builds that make a PDF pay for it

    from macros.outputs.pdf.site_fetcher import SiteOnlyFetcher

    fetcher = fetcher or SiteOnlyFetcher([Path(base_url), *KIT_FOLDERS])
    options = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
    with _weasyprint_problems() as problems, _source_date(source):
        html = HTML(string=document_html, base_url=base_url, url_fetcher=fetcher)
        document = html.render(**options)
        if _mark_references_to_their_own_page(document):
            # Laid out again without "(se sidan 9)" on page 9; WeasyPrint's warnings are the same twice.
            del problems[:]
            document = html.render(**options)
        data = document.write_pdf(**options)
    return document, data, problems


_WITHOUT_ATTACHMENT = re.compile(r"""\brel\s*=\s*(["']?)[^"'>]*\battachment\b[^"'>]*\1""", re.IGNORECASE)


def _is_refusal_echo(record: logging.LogRecord) -> bool:
    """WeasyPrint's own English warning about an address the fetcher refused: told in Swedish instead."""
    return "refused by SiteOnlyFetcher" in record.getMessage()


# WeasyPrint's words for a file it could open but not read as an image or a stylesheet.
_UNREADABLE = re.compile(r"Failed to load (?:image|stylesheet) at (?:'(?P<url>[^']+)'|(?P<bare>\S+?) ?): ")


def _refusal_problem(refusal: Refusal, state: BuildState, docs_dir: Path,
                     code: str = "pdf_resource_refused") -> Problem:
    """`docs/page.md:12: PDF:en får inte hämta "…": …`, at the first page or data line that holds it."""
    shown_url = refusal.url if not refusal.url.startswith("data:") else refusal.url[:40] + "…"
    if refusal.url.startswith("file:"):
        inside = needles(refusal.url, docs_dir)
        shown_url = f"docs/{inside[1]}" if len(inside) == 3 else shown_url  # a file of the site, as docs/…
    values = {"value": shown_url, "reason": REASONS.get(refusal.reason, "")}
    for needle in needles(refusal.url, docs_dir):
        places = _places(needle, state, docs_dir)
        if places:
            shown, line, _ = places[0]
            return Problem(code, shown, line, values)
    return Problem(code, values=values)


def _mark_references_to_their_own_page(document) -> bool:
    """Give a link whose target is on its own page the class mv-here, which style.css leaves without its
    page reference ("se sidan 9" on page 9 helps nobody). The elements are the HTML object's own, so the
    next render() sees the class. True if any link was marked."""
    marked = False
    for page in document.pages:
        for link_type, target, _rectangle, box in page.links:
            element = getattr(box, "element", None)
            if link_type == "internal" and target in page.anchors and element is not None and element.tag == "a":
                classes = element.get("class", "").split()
                if "mv-here" not in classes:
                    element.set("class", " ".join([*classes, "mv-here"]))
                    marked = True
    return marked


@dataclass(frozen=True)
class Made:
    name: str
    data: bytes
    pages: int
    seconds: float


def make(config, files, state: BuildState) -> Made:
    from macros.outputs.pdf.site_fetcher import SiteOnlyFetcher  # imports WeasyPrint: only a PDF build pays

    start = time.monotonic()
    source = provenance(state.root, state.today)
    document_html = compose(config, files, state, source)
    docs_dir = Path(config.docs_dir)
    fetcher = SiteOnlyFetcher([docs_dir, *KIT_FOLDERS])
    for href in attachments(document_html):  # embedded files: none but the kit's (there are none today)
        fetcher.refused.append(Refusal(href, "attachment"))
    document_html = _WITHOUT_ATTACHMENT.sub(" ", document_html)
    document, data, problems = render_pdf(document_html, str(docs_dir) + "/", source, fetcher)
    said = [_refusal_problem(refusal, state, docs_dir) for refusal in fetcher.refused]
    problems = [record for record in problems if not _is_refusal_echo(record)]
    for record in [r for r in problems if _UNREADABLE.search(r.getMessage())]:
        problems.remove(record)
        found = _UNREADABLE.search(record.getMessage())
        url = found["url"] or found["bare"]
        said.append(_refusal_problem(Refusal(url, "unreadable"), state, docs_dir, "pdf_resource_unreadable"))
    for problem in dict.fromkeys(said):  # each once, however often WeasyPrint asked
        report(problem)
    for level, problem in problem_messages(problems, state, docs_dir):
        report(problem, level)
    return Made(file_name(state.audience), data, len(document.pages), time.monotonic() - start)


def on_env(config, files, state: BuildState, make_now: bool, size_later: bool = False) -> None:
    """The hook's work: make this build's PDF and add it to the site, then show its size where it is linked.

    A build that makes none (another language edition) links the PDF its Swedish build already wrote; or, when
    that build runs at the same time in another process (size_later), a placeholder that `make site` replaces
    with the size once both are done (macros/outputs/editions.py)."""
    from mkdocs.structure.files import File

    name = file_name(state.audience)
    if make_now and not skipped() and not state.failed_pages:
        try:
            made = make(config, files, state)
        except Exception as problem:  # noqa: BLE001  a Swedish line that fails the strict build, not a traceback
            report(Problem("pdf_problem", values={"problem": f"{type(problem).__name__}: {problem}"}))
            fill_size(files, None)
            return
        files.append(File.generated(config, name, content=made.data))
        log.info(f"{name}: {made.pages} sidor, {size_text(len(made.data))}, {made.seconds:.1f} s")
        fill_size(files, len(made.data))
        return
    if size_later:
        fill_size(files, None, shown=SIZE_LATER)
        return
    written = Path(config.site_dir) / name
    fill_size(files, written.stat().st_size if written.exists() else None)
