"""The language editions of a site, built in processes of their own and merged into one site.

mkdocs-static-i18n builds a multilingual site one language after the other in one process, on one core: at
1000 pages the English pass doubled the public site's build time (bench/CHANGES.md, issue 7). `make site`
(macros/cli/build.py) instead starts one MkDocs process per language, at the same time, each with the
site's own configuration and MOTVERKA_LANGUAGE naming its language: static-i18n then builds that language
only (macros/engine/hooks.py › on_config), exactly as it would in its pass for that language, into a
staging folder of its own. What static-i18n would have made from all languages at once is merged here,
after every process has succeeded, so that the site is the same as a build in one process:

- each other language's folder (site/en/: its pages, its 404 page, its search index) moves into the
  default language's output, which holds everything else (assets, open data, the PDF, robots.txt);
- sitemap.xml lists every language's pages, the default's first (static-i18n's last pass wrote it with
  all of them), gzipped as MkDocs does it, and a copy sits in each language folder (hooks.py › on_post_build);
- the PDF's size, known only once the default language's process has made the PDF, replaces the
  placeholder in the other languages' pages and search index (macros/outputs/pdf/document.py › SIZE_LATER).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
from pathlib import Path

LANGUAGE = "MOTVERKA_LANGUAGE"   # the environment variable naming the one language a build process writes

# A process of its own costs about 1.1 s of CPU before its first page (start-up, data, templates), and the
# staff site, which renders the Swedish pages too, is the longest build of a small site: with Katrineholm's
# 9 English pages, building English apart made `make site` slower (1.5 s of CPU for English alone against
# 0.4 s inside the Swedish process; make site ~0.7 s later on two cores). From about 200 pages in the other
# languages it pays (the CPU per page measured at 1000 pages: 0.016 s per page and language), so from 250
# on they are built apart (bench/CHANGES.md, issue 19). MOTVERKA_LANGUAGES_APART_FROM=0 builds them apart
# always (the tests that compare both ways).
APART_FROM = 250                 # pages in the languages other than the default
APART_FROM_SETTING = "MOTVERKA_LANGUAGES_APART_FROM"

_URLSET = re.compile(r"<urlset\b[^>]*>")
_SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def only_language() -> str | None:
    """The one language this MkDocs process builds (set by `make site`), or None for all of them."""
    return os.environ.get(LANGUAGE) or None


def languages(config: dict) -> tuple[str, list[str]]:
    """A site's default language and its other built languages, in the order static-i18n builds them, from
    its configuration as read by macros/engine/mkdocs_files.py (no i18n plugin: Swedish only)."""
    plugins = config.get("plugins") or {}
    i18n = plugins.get("i18n") if isinstance(plugins, dict) else None
    if not isinstance(i18n, dict):
        return "sv", []
    declared = [entry for entry in i18n.get("languages") or [] if isinstance(entry, dict) and entry.get("locale")]
    if only := i18n.get("build_only_locale"):
        return only, []
    default = next((entry["locale"] for entry in declared if entry.get("default")), "sv")
    built = [entry["locale"] for entry in declared if entry.get("build", True) and entry["locale"] != "null"]
    return default, [lang for lang in built if lang != default]


def apart_from() -> int:
    """From how many pages in the other languages `make site` builds each language in a process of its own."""
    value = os.environ.get(APART_FROM_SETTING, "")
    return int(value) if value.isdigit() else APART_FROM


def pages_in(docs: Path, langs: list[str]) -> int:
    """The pages written in these languages (page.en.md: static-i18n's suffix structure)."""
    suffixes = tuple(f".{lang}.md" for lang in langs)
    return sum(1 for path in docs.rglob("*.md") if path.name.endswith(suffixes)) if docs.is_dir() and langs else 0


def merge(site: Path, editions: dict[str, Path], audience: str = "public") -> None:
    """Merge the other languages' outputs (language -> its staging folder, in build order) into `site`, the
    default language's output. The staging folders are left for the caller to remove."""
    from macros.outputs.pdf import download_size as pdf   # (not for the command line's other commands)

    for lang, staging in editions.items():
        _move_tree(staging / lang, site / lang)
    _merge_sitemaps(site, list(editions.values()))
    written = site / pdf.file_name(audience)
    shown = pdf.shown_size(written.stat().st_size if written.exists() else None)
    for lang in editions:
        _fill_pdf_size(site / lang, pdf.SIZE_LATER, shown)
        for name in _SITEMAPS:
            if (site / name).exists():
                shutil.copyfile(site / name, site / lang / name)


def _move_tree(source: Path, target: Path) -> None:
    """Move a folder into place; where the target has the same folder already, move its contents."""
    if not source.exists():
        return
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        source.rename(target)
        return
    for entry in source.iterdir():
        if entry.is_dir() and (target / entry.name).is_dir():
            _move_tree(entry, target / entry.name)
        else:
            entry.replace(target / entry.name)


def _merge_sitemaps(site: Path, others: list[Path]) -> None:
    """One sitemap.xml: the default language's entries, then each other language's, with their hreflang links
    (each process wrote its own language's; static-i18n's last pass would have written all of them)."""
    path = site / "sitemap.xml"
    if not path.exists():   # no public address, no sitemap (hooks.py › on_config)
        return
    parts = [path.read_text("utf-8")] + [(o / "sitemap.xml").read_text("utf-8") for o in others
                                         if (o / "sitemap.xml").exists()]
    head = parts[0][: _URLSET.search(parts[0]).end()]
    tail = parts[0][parts[0].rindex("</urlset>"):]
    entries = [part[_URLSET.search(part).end(): part.rindex("</urlset>")].removesuffix("\n") for part in parts]
    text = head + "".join(entries) + "\n" + tail
    path.write_text(text, "utf-8")
    # As MkDocs gzips it: same name in the header, and the time of the last edition's copy (the build's date).
    last = others[-1] / "sitemap.xml.gz" if others else site / "sitemap.xml.gz"
    source = last if last.exists() else site / "sitemap.xml.gz"
    mtime = int.from_bytes(source.read_bytes()[4:8], "little") if source.exists() else 0
    with open(site / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, filename="sitemap.xml.gz",
                                                                     mode="wb", mtime=mtime) as packed:
        packed.write(text.encode("utf-8"))


def _fill_pdf_size(folder: Path, placeholder: str, shown: str) -> None:
    """The PDF's size in a language edition's pages and search index, where its process left a placeholder."""
    mark, size = placeholder.encode("utf-8"), shown.encode("utf-8")
    for path in [*folder.rglob("*.html"), *folder.rglob("search_index.json")]:
        content = path.read_bytes()
        if mark in content:
            path.write_bytes(content.replace(mark, size))
