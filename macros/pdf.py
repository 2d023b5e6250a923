"""The plan as a PDF for meetings: a public edition in site/, a staff edition in site-staff/.

Made by the on_env hook (hooks.py) of the Swedish build: by then every page's content is rendered and no page
is written yet, so the pages can show the PDF's real size. templates/pdf/document.html composes it: a cover,
a table of contents with page numbers, chapters rendered from data (the plan with its decisions, the focus
areas, the support lines and contacts as tables) and chapters reused from rendered pages whose prose lives in
docs/ (support for relatives; in the staff edition, the staff pages). A build sees only its audience's data
and pages, so the public edition cannot hold staff text. WeasyPrint writes tagged PDF/UA-1; dates and
version come from the source (pdf_source.py), so the same inputs give the same bytes.
"""

from __future__ import annotations

import logging
import math
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

import markdown
from markupsafe import Markup

from . import render
from .messages import say, ui
from .models import Contact, SupportLine
from .pdf_html import Chapter, prefixed, rebase
from .pdf_source import Provenance, provenance
from .site import BuildState

log = logging.getLogger("mkdocs.plugins.motverka")

FILE_NAMES = {"public": "handlingsplan.pdf", "staff": "handlingsplan-personal.pdf"}
RELATIVES_PAGE = "stod-till-anhoriga.md"   # its prose and macros make the chapter on support for relatives
STAFF_FOLDER = "personal/"                 # staff pages: chapters of the staff edition, unless `pdf: false`
CATEGORIES = ("emergency", "extremism", "police", "wellbeing")
SIZE_MARK = "<!--mv-pdf-size-->"           # in the download link until the PDF exists (fill_size)
LANG = "sv"                                # the plan is Swedish; other language editions link this PDF
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
_COMMAND = {"name": "build"}


# --- The download link ---------------------------------------------------------------------------------

def set_command(command: str) -> None:
    """`mkdocs serve` makes no PDF (live reload stays fast); its pages say the PDF comes at publication."""
    _COMMAND["name"] = command


def will_exist() -> bool:
    return _COMMAND["name"] != "serve"


def file_name(audience: str) -> str:
    return FILE_NAMES["staff" if audience == "staff" else "public"]


def size_text(size: int, lang: str = LANG) -> str:
    """312 kB or 1,2 MB: decimal units as file managers show them, with the language's decimal mark."""
    if size < 1_000_000:
        return f"{max(1, math.ceil(size / 1000))} kB"
    value = f"{size / 1_000_000:.1f}"
    return (value.replace(".", ",") if lang == "sv" else value) + " MB"


def public_url(site_url: str | None) -> str | None:
    """The site's address for links printed on paper; None while it is only a local preview address."""
    host = urlsplit(site_url or "").hostname
    return None if host is None or host in _LOOPBACK else site_url.rstrip("/") + "/"


def link_html(page_url: str, lang: str, audience: str, site_url: str | None = None) -> str:
    """The download link on a page. Its size is a placeholder until the PDF exists (fill_size)."""
    name = file_name(audience)
    base = public_url(site_url)
    depth = page_url.count("/")   # page URLs are directory URLs: "handlingsplan/", "en/handlingsplan/"
    return render._render("pdf/link.html", made=will_exist(), lang=lang, href="../" * depth + name,
                          print_url=base + name if base else None, size=Markup(SIZE_MARK))


def fill_size(files, size: int | None, lang: str = LANG) -> None:
    """Put the PDF's size into every page that links it (page.content, before any page is written)."""
    shown = f"(PDF, {size_text(size, lang)})" if size else "(PDF)"
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
        "om-planen": Source("om-planen", "handlingsplan/", render._render(
            "pdf/plan.html", **values, definition=_markdown(plan.definition), summary=_markdown(plan.summary),
            decisions=Markup(render.decisions_html(plan, ctx)))),
        "fokusomraden": Source("fokusomraden", "handlingsplan/", render._render(
            "pdf/focus_areas.html", **values,
            areas=[(area, _markdown(area.body)) for area in view.focus_areas])),
        "stodlinjer": Source("stodlinjer", "stodlinjer/", render._render(
            "pdf/support_lines.html", **values, groups=groups)),
        "kontakter": Source("kontakter", "kontakta-kommunen/", render._render(
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
    chapters = []
    relatives = files.get_file_from_path(RELATIVES_PAGE)
    if relatives is None or relatives.page is None or not relatives.page.content:
        log.error(say("pdf_page_missing", page=RELATIVES_PAGE))
    else:
        chapters.append(Source(_page_prefix(relatives.page), relatives.page.url, relatives.page.content))
    if state.staff:
        order = _nav_order(config.nav)
        staff = [f for f in files.documentation_pages() if f.src_uri.startswith(STAFF_FOLDER) and f.page
                 and f.page.content and (f.page.meta or {}).get("pdf", True) is not False]
        staff.sort(key=lambda f: (order.index(f.src_uri) if f.src_uri in order else len(order), f.src_uri))
        chapters += [Source(_page_prefix(f.page), f.page.url, f.page.content, flow=n > 0)
                     for n, f in enumerate(staff)]
    return chapters


def _resolver(chapters: list[Chapter], sources: list[Source], site_url: str | None,
              page_url: str) -> Callable[[str], str | None]:
    """Links inside the PDF go to the chapter that holds their target; links to other pages of the site
    become full addresses (printed after the link) or, without a public address, plain text."""

    def resolve(href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href                                    # https:, tel:, mailto:, sms:
        target = urlsplit(urljoin("/" + page_url, href))
        path = target.path.lstrip("/").removesuffix("index.html")
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


def chapters(config, files, state: BuildState) -> list[Chapter]:
    data = _data_chapters(state)
    sources = [data["om-planen"], data["fokusomraden"], data["stodlinjer"], data["kontakter"],
               *_page_chapters(config, files, state)]
    # First pass: which ids and headings each chapter has; second: links resolved against them.
    first = [rebase(s.html, s.prefix, lambda href: href, s.flow) for s in sources]
    site_url = public_url(config.site_url)
    return [rebase(s.html, s.prefix, _resolver(first, sources, site_url, s.page_url), s.flow) for s in sources]


# --- The document --------------------------------------------------------------------------------------

def css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def _page_counter() -> Markup:
    """ "Sida {page} av {pages}" as a CSS content value: "Sida " counter(page) " av " counter(pages)."""
    parts = re.split(r"(\{page\}|\{pages\})", ui("pdf_page_of", LANG))
    values = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    return Markup(" ".join(values.get(part) or css_string(part) for part in parts if part))


def compose(config, files, state: BuildState, source: Provenance) -> str:
    view, ctx = state.view, state.ctx(LANG)
    plan, municipality = view.plan, view.municipality
    edition = ui("edition_staff" if state.staff else "edition_public", LANG)
    title = f"{plan.title} – {municipality.name}" + (f" ({edition.lower()})" if state.staff else "")
    css = render._ENV.get_template("pdf/style.css").render(page_counter=_page_counter())
    return render._render(
        "pdf/document.html", ctx=ctx, plan=plan, municipality=municipality, staff=state.staff, title=title,
        edition=edition, description=render.text(plan.summary, LANG), source=source,
        created=render.long_date(source.day, LANG), css=Markup(css), chapters=chapters(config, files, state),
        facts=Markup(render.plan_facts_html(plan, ctx)), notices=Markup(render.plan_notices_html(plan, ctx)),
        emergency=state.emergency)


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


@dataclass(frozen=True)
class Made:
    name: str
    data: bytes
    pages: int
    seconds: float


def make(config, files, state: BuildState) -> Made:
    from weasyprint import HTML  # imported here: only builds that make a PDF pay for it

    start = time.monotonic()
    source = provenance(state.root, state.today)
    document_html = compose(config, files, state, source)
    options = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
    with _weasyprint_problems() as problems:
        document = HTML(string=document_html, base_url=str(Path(config.docs_dir)) + "/").render(**options)
        data = document.write_pdf(**options)
    for record in problems:
        level = logging.ERROR if record.levelno >= logging.ERROR else logging.WARNING
        log.log(level, say("pdf_problem", problem=record.getMessage().rstrip(".")))
    return Made(file_name(state.audience), data, len(document.pages), time.monotonic() - start)


def on_env(config, files, state: BuildState, make_now: bool) -> None:
    """The hook's work: make this build's PDF and add it to the site, then show its size where it is linked.

    A build that makes none (another language edition) links the PDF its Swedish build already wrote."""
    from mkdocs.structure.files import File

    name = file_name(state.audience)
    if make_now:
        try:
            made = make(config, files, state)
        except Exception as problem:  # noqa: BLE001  a Swedish line that fails the strict build, not a traceback
            log.error(say("pdf_problem", problem=f"{type(problem).__name__}: {problem}"))
            fill_size(files, None)
            return
        files.append(File.generated(config, name, content=made.data))
        log.info(f"{name}: {made.pages} sidor, {size_text(len(made.data))}, {made.seconds:.1f} s")
        fill_size(files, len(made.data))
        return
    written = Path(config.site_dir) / name
    fill_size(files, written.stat().st_size if written.exists() else None)
