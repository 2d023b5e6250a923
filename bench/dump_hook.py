"""MkDocs hook used only by `make bench`: write every page's Markdown as it is after mkdocs-macros has run,
so that default Material can build the very same pages (it cannot run our macros or read our data).

The dump path follows the page's URL, so language editions land in their own folder (en/stodlinjer.md)
and relative links between pages keep working. Only `title` and `description` of the front matter are
kept: default Material uses both, and dropping them would make the baseline look worse than it is.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import yaml
from mkdocs.plugins import event_priority

from macros.render.finished_html import CLOSE, OPEN


def dump_path(dest_uri: str, src_uri: str) -> str:
    """stodlinjer/index.html -> stodlinjer.md; en/index.html -> en/index.md; en/stodlinjer/index.html ->
    en/stodlinjer.md (the source stem tells a folder's index page from an ordinary page)."""
    dest = PurePosixPath(dest_uri)
    if dest.name != "index.html":
        return str(dest.with_suffix(".md"))
    stem = PurePosixPath(src_uri).name.split(".")[0]
    folder = dest.parent
    if stem in ("index", "README") or str(folder) == ".":
        return str(folder / "index.md") if str(folder) != "." else "index.md"
    return str(folder) + ".md"


@event_priority(-100)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown, page, config, files):
    target = Path(os.environ["MOTVERKA_BENCH_DUMP"]) / dump_path(page.file.dest_uri, page.file.src_uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: page.meta[k] for k in ("title", "description") if page.meta.get(k)}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
    # Card bodies carry our finished-HTML markers (macros/render/finished_html.py): default Material gets the
    # bodies without them, as plain HTML, the way it got them before the markers existed.
    plain = markdown.replace(OPEN + "\n", "").replace("\n" + CLOSE, "")
    target.write_text(front + plain, "utf-8")
    return markdown
