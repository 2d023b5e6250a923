"""Readability of the pages residents read: LIX (Björnsson 1968), page by page, from the built site.

    LIX = words / sentences + 100 × long words / words        (a long word has more than six letters)

Under 30 very easy, 30–40 easy, 40–50 medium (a newspaper), 50–60 difficult (typical official text), over 60
very difficult. It measures word and sentence length only, so it is a warning light, not a verdict.

What is measured is the article as a resident reads it, data included: every heading, paragraph, list item,
table cell and fact in a card (its name and value together) is a unit of its own, and a unit ends a sentence
even without a full stop.
Sentences also end at . : ! and ? before a space (not in abbreviations such as "t.ex." or "kl.").

LIX is a measure of Swedish text. Resident pages are the pages of the public site in a language whose
measure is LIX (macros/text/languages.yml › readability: the Swedish pages), never the 404 page or the staff
site. Another language edition (en/, ar/) is measured only by its own measure, if the registry names one;
without one it is left out and the report says so. The easy-to-read page (lattlast/) has its own, lower limit. The limits are in
pyproject.toml [tool.motverka] (lix_max, lix_target, lix_easy_read). `make readability` prints the table.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from macros.settings import Limits
from macros.text.languages import DEFAULT, language, others
from macros.text.messages import ui

EASY_READ = "lattlast/"
# Elements whose text is a unit of its own (a sentence even without a full stop)
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption", "figcaption",
           "blockquote", "pre", "div", "section", "summary", "tr", "table", "ul", "ol", "dl", "br"}
_SKIP = {"script", "style", "svg", "template", "noscript"}
_ABBREVIATIONS = ("t.ex.", "bl.a.", "s.k.", "dvs.", "d.v.s.", "m.m.", "o.s.v.", "osv.", "kl.", "ca.", "nr.",
                  "jfr.", "resp.", "st.", "e.g.", "i.e.")
_SENTENCE_END = re.compile(r"[.:!?]+(?=\s|$)")
_WORD = re.compile(r"[^\s]+")


class _Article(HTMLParser):
    """Collect the text of <article> as units, one per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside <article> when > 0
        self.skipping = 0
        self.units: list[str] = []
        self.current: list[str] = []

    def _close_unit(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.units.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS and tag != "dd":   # a fact's name and value read as one unit: "Öppet Vardagar …"
            self._close_unit()

    def handle_startendtag(self, tag, attrs):
        if self.depth and tag in _BLOCKS:
            self._close_unit()

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "dt":
            self.current.append(" ")
        elif tag in _BLOCKS or tag == "article":
            self._close_unit()
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.current.append(data)


def article_units(html: str) -> list[str]:
    parser = _Article()
    parser.feed(html)
    parser.close()
    return parser.units


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def value(self) -> float:
        if not self.words:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words


def measure(units: list[str]) -> Lix:
    words = sentences = long_words = 0
    for unit in units:
        tokens = [t for t in _WORD.findall(unit) if any(c.isalnum() for c in t)]
        if not tokens:
            continue
        words += len(tokens)
        long_words += sum(1 for t in tokens if sum(c.isalpha() for c in t) > 6)
        text = unit
        for abbreviation in _ABBREVIATIONS:
            text = re.sub(rf"(?<!\w){re.escape(abbreviation)}", abbreviation.replace(".", ""), text,
                          flags=re.IGNORECASE)
        ends = len(_SENTENCE_END.findall(text))
        sentences += ends + (0 if _SENTENCE_END.search(text.rstrip()[-1:] + " ") else 1)
    return Lix(words, sentences, long_words)


def band(value: float) -> str:
    for limit, key in ((30, "lix_very_easy"), (40, "lix_easy"), (50, "lix_medium"), (60, "lix_hard")):
        if value < limit:
            return ui(key)
    return ui("lix_very_hard")


@dataclass(frozen=True)
class PageReadability:
    path: str                   # "stodlinjer/", "" for the start page
    title: str
    lix: Lix
    limit: int

    @property
    def over_limit(self) -> bool:
        return round(self.lix.value) > self.limit


def _language_of(path: str) -> str:
    """The language of a page by its folder: en/… English, ar/… Arabic, anything else the default."""
    first = path.split("/")[0]
    return first if first in others() else DEFAULT


def resident_pages(site: Path) -> list[tuple[str, Path]]:
    """(URL path, file) of every page of a built public site whose language is measured by LIX: the Swedish
    pages (not en/, not the 404 page)."""
    found = []
    for page in sorted(site.rglob("index.html")):
        path = page.parent.relative_to(site).as_posix()
        path = "" if path == "." else path + "/"
        if path.split("/")[0] == "personal" or language(_language_of(path)).readability != "lix":
            continue
        found.append((path, page))
    return sorted(found)


def not_measured(site: Path) -> list[str]:
    """The language editions of a built site that no measure reads (their folders: en/, ar/)."""
    return [f"{code}/" for code in others() if (site / code / "index.html").is_file()
            and language(code).readability is None]


def measure_site(site: Path, settings: Limits) -> list[PageReadability]:
    results = []
    for path, page in resident_pages(site):
        html = page.read_text("utf-8")
        units = article_units(html)
        title = units[0] if units else path
        limit = settings.lix_easy_read if path == EASY_READ else settings.lix_max
        results.append(PageReadability(path, title, measure(units), limit))
    return results


def report(results: list[PageReadability], settings: Limits, label: str, skipped: list[str] = ()) -> str:
    lines = [ui("lix_heading", data=label), ui("lix_limits", max=settings.lix_max, target=settings.lix_target,
                                                 easy=settings.lix_easy_read), ""]
    header = (ui("lix_col_page"), "LIX", ui("lix_col_words"), ui("lix_col_sentences"), ui("lix_col_long"),
              ui("lix_col_limit"), ui("lix_col_level"))
    rows = [("/" + r.path, f"{r.lix.value:.0f}", str(r.lix.words), str(r.lix.sentences), str(r.lix.long_words),
             str(r.limit), band(r.lix.value) + (" " + ui("lix_over") if r.over_limit else "")) for r in results]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        lines.append("  ".join(cell.ljust(width) if i in (0, 6) else cell.rjust(width)
                               for i, (cell, width) in enumerate(zip(row, widths))).rstrip())
    lines.append("")
    over = [r for r in results if r.over_limit]
    above_target = [r for r in results if not r.over_limit and r.limit == settings.lix_max
                    and round(r.lix.value) > settings.lix_target]
    if over:
        lines.append(ui("lix_some_over", count=len(over), pages=", ".join("/" + r.path for r in over)))
    else:
        lines.append(ui("lix_all_ok", count=len(results)))
    if above_target:
        lines.append(ui("lix_above_target", target=settings.lix_target,
                        pages=", ".join("/" + r.path for r in above_target)))
    if skipped:
        lines.append(ui("lix_not_measured", folders=", ".join("/" + folder for folder in skipped)))
    return "\n".join(lines)


def main(data_dir: Path, settings: Limits, site: Path | None = None, stream=sys.stdout) -> int:
    """`make readability`: build the public site (unless `site` is given), print the table. Exit status 1
    when a page is over its limit."""
    from macros.cli.build import Dataset, build_sites

    with tempfile.TemporaryDirectory(prefix="motverka-lix-") as tmp:
        if site is None:
            log = open(Path(tmp) / "build.log", "w", encoding="utf-8")
            with log:
                status = build_sites(Dataset(data_dir, Path(tmp)), sites=[("mkdocs.yml", "site")], stream=log)
            if status != 0:
                print((Path(tmp) / "build.log").read_text("utf-8"), file=stream)
                return status
            site = Path(tmp) / "site"
        results = measure_site(site, settings)
        print(report(results, settings, _display(data_dir), not_measured(site)), file=stream)
    return 1 if any(r.over_limit for r in results) else 0


def _display(path: Path) -> str:
    from macros.build_state import ROOT

    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
