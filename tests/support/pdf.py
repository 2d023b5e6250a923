"""Read a built PDF the way a reader's tools do: poppler (pdfinfo, pdffonts, pdftotext) and pypdf.

Each check returns a list of problems (empty when all is well), so that a test can show it on the real PDF
and on a bad one made on purpose.
"""

from __future__ import annotations

import copy
import functools
import html
import re
import subprocess
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

A4 = (595.276, 841.89)  # points, as pdfinfo prints them
MM = 72 / 25.4            # points in a millimetre


def read_once(function):
    """Read each PDF once per test process: many tests ask the same few PDFs the same questions. The answer is
    kept for as long as the file is the same (path, inode, size and modification time); each caller gets its
    own copy."""
    answers: dict = {}

    @functools.wraps(function)
    def read(path: Path, *args, **kwargs):
        stat = Path(path).stat()
        key = (str(Path(path).resolve()), stat.st_ino, stat.st_size, stat.st_mtime_ns, args,
               tuple(sorted(kwargs.items())))
        if key not in answers:
            answers[key] = function(path, *args, **kwargs)
        return copy.copy(answers[key])

    return read


def normal(text: str) -> str:
    """Text as written: one space between words, and a word hyphenated at a line end (WeasyPrint's hyphen,
    U+2010; data writes U+002D) joined again."""
    return " ".join(re.sub("\u2010\\s+", "", text.replace("\u00ad", "")).split())


@read_once
def info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


@read_once
def page_sizes(path: Path) -> list[tuple[float, float]]:
    pages = int(info(path)["Pages"])
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(path)], capture_output=True, text=True,
                         check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


@read_once
def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type and whether each font is embedded."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        match = re.match(r"^(?P<name>\S+)\s+(?P<type>.+?)\s+(?P<encoding>\S+)\s+(?P<emb>yes|no)\s+(?P<sub>yes|no)"
                         r"\s+(?P<uni>yes|no)\s+\d+\s+\d+$", line)
        if match:
            rows.append(match.groupdict())
    return rows


@read_once
def page_texts(path: Path, layout: bool = False) -> list[str]:
    """The text of each page (content order; with layout, as it stands on the page)."""
    mode = "-layout" if layout else "-raw"
    out = subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


@read_once
def outline(path: Path) -> list[tuple[int, str, int]]:
    """Every bookmark as (level, title, page number from 1)."""
    reader = PdfReader(str(path))
    found: list[tuple[int, str, int]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, normal(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return found


@read_once
def structure(path: Path) -> Counter:
    """How many structure elements of each tag the tagged PDF has, by (tag, parent tag)."""
    reader = PdfReader(str(path))
    root = reader.trailer["/Root"].get("/StructTreeRoot")
    counts: Counter = Counter()

    def walk(node, parent):
        node = node.get_object() if isinstance(node, IndirectObject) else node
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid, parent)
        elif isinstance(node, DictionaryObject) and "/S" in node:
            counts[(str(node["/S"]), parent)] += 1
            if "/K" in node:
                walk(node["/K"], str(node["/S"]))

    if root is not None:
        walk(root.get_object()["/K"], "root")
    return counts


# --- Checks --------------------------------------------------------------------------------------------

def accessibility_problems(path: Path, title: str) -> list[str]:
    """Tagged PDF/UA-1 in Swedish with its title shown, on A4 pages."""
    problems = []
    details = info(path)
    if details.get("Tagged") != "yes":
        problems.append("not tagged")
    if title not in details.get("Title", ""):
        problems.append(f"title is {details.get('Title')!r}")
    if any(abs(w - A4[0]) > 1 or abs(h - A4[1]) > 1 for w, h in page_sizes(path)):
        problems.append("a page is not A4")
    catalog = PdfReader(str(path)).trailer["/Root"]
    if catalog.get("/Lang") != "sv":
        problems.append(f"language is {catalog.get('/Lang')!r}")
    if not (catalog.get("/ViewerPreferences") or {}).get("/DisplayDocTitle"):
        problems.append("viewers are not told to show the title")
    metadata = catalog["/Metadata"].get_object().get_data() if "/Metadata" in catalog else b""
    if b'pdfuaid:part="1"' not in metadata:
        problems.append("no PDF/UA-1 identification")
    if "/StructTreeRoot" not in catalog:
        problems.append("no structure tree")
    return problems


def font_problems(path: Path) -> list[str]:
    rows = fonts(path)
    problems = [f"{row['name']} is not embedded" for row in rows if row["emb"] != "yes"]
    problems += [f"{row['name']} is a Type 3 font" for row in rows if "Type 3" in row["type"]]
    return problems if rows else ["no fonts: is there any text?"]


def toc_entries(path: Path) -> list[tuple[str, int]]:
    """The table of contents as (title, page): the lines with leader dots on the contents pages. An entry
    that wraps would show up as a title no bookmark has, so the check fails rather than skips it."""
    marks = outline(path)
    start = next(page for level, title, page in marks if title == "Innehåll")
    end = min((page for level, title, page in marks if page > start), default=start + 1)
    entries = []
    for text in page_texts(path, layout=True)[start - 1:end - 1]:
        for line in text.splitlines():
            match = re.match(r"^\s*(?P<title>.*?)\s*\.{4,}\s*(?P<page>\d+)\s*$", line)
            if match:
                entries.append((normal(match["title"]), int(match["page"])))
    return entries


def toc_problems(path: Path) -> list[str]:
    """Every entry's page number is the page its heading is on (by the bookmark and by the page's text)."""
    entries = toc_entries(path)
    if not entries:
        return ["no table of contents found"]
    marks = outline(path)
    texts = [normal(text) for text in page_texts(path)]
    problems = []
    for title, page in entries:
        pages = [p for _, t, p in marks if t == title]
        if page not in pages:
            problems.append(f"{title!r}: the contents say page {page}, the bookmark says {pages}")
        elif not 0 < page <= len(texts) or title not in texts[page - 1]:
            problems.append(f"{title!r} is not on page {page}")
    return problems


def bookmark_problems(path: Path) -> list[str]:
    """As many bookmarks as headings (H1–H6 in the structure tree)."""
    headings = sum(n for (tag, _), n in structure(path).items() if re.fullmatch(r"/H[1-6]", tag))
    marks = len(outline(path))
    return [] if headings and headings == marks else [f"{headings} headings but {marks} bookmarks"]


def body_rows(path: Path) -> int:
    """Table body rows in the structure tree: a row broken across two pages counts twice."""
    return sum(n for (tag, parent), n in structure(path).items() if tag == "/TR" and parent == "/TBody")


@read_once
def words(path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """Every word with its box, as pdftotext -bbox sees it: (page from 1, x min, y min, x max, y max, text)."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    found, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)</word>', line)
        if match:
            found.append((page, *(float(match[n]) for n in range(1, 5)), html.unescape(match[5])))
    return found


def overflow_problems(path: Path, side_mm: float = 20, edge_mm: float = 10) -> list[str]:
    """Text that is not where it can be read on paper: beyond the left or right page margin (side_mm, where
    the text column ends) or within edge_mm of the top or bottom of the sheet, where printers cannot print."""
    width, height = A4
    left, right, top, bottom = side_mm * MM - 1, width - side_mm * MM + 1, edge_mm * MM, height - edge_mm * MM
    return [f"page {page}: {text!r} at x {x0:.0f}–{x1:.0f}, y {y0:.0f}–{y1:.0f} pt"
            for page, x0, y0, x1, y1, text in words(path)
            if x0 < left or x1 > right or y0 < top or y1 > bottom]


def page_lines(path: Path) -> dict[int, list[tuple[float, str]]]:
    """The text of each page as lines from top to bottom: (y of the line's top, its words from left to right)."""
    rows: dict[int, list[list]] = {}
    for page, x0, y0, _x1, _y1, text in sorted(words(path), key=lambda w: (w[0], w[2], w[1])):
        lines = rows.setdefault(page, [])
        if lines and abs(lines[-1][0] - y0) < 2:
            lines[-1][1].append((x0, text))
        else:
            lines.append([y0, [(x0, text)]])
    return {page: [(y, " ".join(t for _, t in sorted(parts))) for y, parts in lines] for page, lines in rows.items()}


def _squeezed(text: str) -> str:
    """Text to compare across line breaks: no spaces, soft hyphens or the hyphens a line break adds."""
    return re.sub(r"[\s\u00ad\u2010]", "", text)


def lonely_headings(path: Path, min_lines: int = 2, top_mm: float = 24, bottom_mm: float = 22) -> list[str]:
    """Headings with fewer than min_lines lines of text after them on their page while their chapter goes on
    on the next one: a heading left at the foot of a page. The running header and footer (in the page
    margins, top_mm and bottom_mm) are not counted."""
    marks = outline(path)
    starts = {page for level, _, page in marks if level == 1}
    pages = page_lines(path)
    top, bottom = top_mm * MM - 2, A4[1] - bottom_mm * MM + 2
    problems = []
    for _level, title, page in marks:
        if page + 1 in starts or page + 1 not in pages:
            continue
        content = [text for y, text in pages.get(page, []) if top < y < bottom]
        want = _squeezed(title)
        for start, text in enumerate(content):
            if not _squeezed(text) or not want.startswith(_squeezed(text)):
                continue
            end, seen = start, _squeezed(text)
            while seen != want and end + 1 < len(content) and want.startswith(seen + _squeezed(content[end + 1])):
                end += 1
                seen += _squeezed(content[end])
            if seen == want:
                after = len(content) - end - 1
                if after < min_lines:
                    problems.append(f"{title!r} on page {page} has {after} lines after it")
                break
    return problems


# --- A municipality's own words ------------------------------------------------------------------------

LONG_WORD = "Socialförvaltningensbarnochungdomsenhet"
LONG_EMAIL = "socialforvaltningensbarnochungdomsenheten@katrineholm.se"
EMOJI = "📞"
SITE_URL = "https://motverka.example.se/"


def long_words_data(folder: Path) -> Path:
    """Katrineholm's data as another municipality might write it: a 39-letter word in the plan's title, a
    focus area's title and an address, a 56-character e-mail address, long web addresses, an emoji in a
    support line's name, and a contact reached by sms and chat too."""
    import yaml

    def edit(name: str, change) -> None:
        path = folder / name
        content = yaml.safe_load(path.read_text("utf-8"))
        change(content)
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")

    def plan(content):
        content["plan"]["title"] += f" för {LONG_WORD}en"

    def focus(content):
        content["focus_areas"][0]["title"]["sv"] = f"Samverkan med {LONG_WORD}en"

    def lines(content):
        line = next(item for item in content["support_lines"] if item["id"] == "orostelefonen")
        line["name"]["sv"] = f"Orostelefonen {EMOJI} om radikalisering"
        line["url"] = f"https://www.raddabarnen.se/stod/{LONG_WORD.lower()}/orostelefonen-for-anhoriga-och-andra/"
        line["source"] = line["url"]

    def contacts(content):
        contact = next(item for item in content["contacts"] if item["id"] == "kommunens-vaxel")
        contact.update(email=LONG_EMAIL, sms="070-123 45 67", chat_url=f"https://chatt.katrineholm.se/{LONG_WORD.lower()}",
                       address=f"{LONG_WORD}sgatan 12, 641 80 Katrineholm")

    for name, change in (("plan.yml", plan), ("focus_areas.yml", focus), ("../national/support_lines.yml", lines),
                         ("contacts.yml", contacts)):
        edit(name, change)
    return folder


def long_words_build(tmp_path_factory, env: dict | None = None) -> Path:
    """The project with long_words_data, built once per test session (for all workers) with a public address
    (SITE_URL): the folder with site/ and site-staff/."""
    from tests.support.project import build_site, copy_project
    from tests.support.shared import once

    def make(root: Path) -> None:
        project = copy_project(root / "project")
        long_words_data(project / "data")
        build_site(project, root / "out", env={"SITE_URL": SITE_URL, **(env or {})})

    return once(tmp_path_factory, "long-words", make) / "out"
