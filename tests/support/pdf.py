"""Read a built PDF the way a reader's tools do: poppler (pdfinfo, pdffonts, pdftotext) and pypdf.

Each check returns a list of problems (empty when all is well), so that a test can show it on the real PDF
and on a bad one made on purpose.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

A4 = (595.276, 841.89)  # points, as pdfinfo prints them


def normal(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def page_sizes(path: Path) -> list[tuple[float, float]]:
    pages = int(info(path)["Pages"])
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(path)], capture_output=True, text=True,
                         check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


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


def page_texts(path: Path, layout: bool = False) -> list[str]:
    """The text of each page (content order; with layout, as it stands on the page)."""
    mode = "-layout" if layout else "-raw"
    out = subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


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
