"""`make site` builds each language of the public site in a process of its own and merges them
(macros/outputs/editions.py). The merged site must be the site static-i18n builds in one process, and a
failure in any language must leave the last good site untouched, with each problem said once."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from macros.cli import build
from macros.cli.build import Dataset
from macros.engine.mkdocs_files import ConfigReader, read_config
from macros.outputs import editions
from macros.outputs.pdf import document as pdf
from tests.conftest import DATASETS, PUBLISHED_AT, REPO_URL, data_dir
from tests.support.project import NO_PDF, ROOT, build_site, copy_project, run_build

URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


def sitemap(*locations: str) -> str:
    entries = "".join(f"\n    <url>\n        <loc>{loc}</loc>\n    </url>" for loc in locations)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{URLSET}{entries}\n</urlset>'


def gzipped(text: str, mtime: int) -> bytes:
    return gzip.compress(text.encode("utf-8"), mtime=mtime)


def test_the_public_site_builds_swedish_with_english_apart_and_the_staff_site_swedish_only():
    assert editions.languages(read_config(ROOT / "mkdocs.yml")) == ("sv", ["en"])
    assert editions.languages(read_config(ROOT / "mkdocs.staff.yml")) == ("sv", [])
    three = {"plugins": {"i18n": {"languages": [{"locale": "en", "build": True}, {"locale": "sv", "default": True},
                                                {"locale": "ar"}, {"locale": "fi", "build": False}]}}}
    assert editions.languages(three) == ("sv", ["en", "ar"])
    assert editions.languages({"plugins": {"search": {}}}) == ("sv", [])


def test_merging_moves_each_language_and_joins_the_sitemaps_in_build_order(tmp_path):
    site, english, arabic = tmp_path / "site", tmp_path / "en-build", tmp_path / "ar-build"
    (site / "assets").mkdir(parents=True)
    (site / "sitemap.xml").write_text(sitemap("https://x.se/"), "utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzipped("old", 1))
    for staging, lang in ((english, "en"), (arabic, "ar")):
        (staging / lang / "search").mkdir(parents=True)
        (staging / lang / "index.html").write_text(f"<p>{lang}</p>", "utf-8")
        (staging / "assets").mkdir()
        (staging / "assets" / "stray.css").write_text("", "utf-8")   # theme files: the default's are kept
        (staging / "sitemap.xml").write_text(sitemap(f"https://x.se/{lang}/", f"https://x.se/{lang}/a/"), "utf-8")
        (staging / "sitemap.xml.gz").write_bytes(gzipped("", 1764892800))
    editions.merge(site, {"en": english, "ar": arabic})
    expected = sitemap("https://x.se/", "https://x.se/en/", "https://x.se/en/a/", "https://x.se/ar/", "https://x.se/ar/a/")
    assert (site / "sitemap.xml").read_text("utf-8") == expected
    packed = (site / "sitemap.xml.gz").read_bytes()   # as MkDocs writes it: its name, the build's date
    assert gzip.decompress(packed).decode("utf-8") == expected
    assert (int.from_bytes(packed[4:8], "little"), packed[10:22]) == (1764892800, b"sitemap.xml\x00")
    for lang in ("en", "ar"):
        assert (site / lang / "index.html").read_text("utf-8") == f"<p>{lang}</p>"
        assert (site / lang / "sitemap.xml").read_text("utf-8") == expected
    assert not (site / "assets" / "stray.css").exists()


def test_merging_puts_the_pdf_size_where_the_other_languages_left_the_placeholder(tmp_path):
    site, english = tmp_path / "site", tmp_path / "en-build"
    site.mkdir()
    (site / "handlingsplan.pdf").write_bytes(b"%" * 312_000)
    (english / "en" / "search").mkdir(parents=True)
    (english / "en" / "index.html").write_text(f"<a>The plan {pdf.SIZE_LATER}</a>", "utf-8")
    index = {"docs": [{"location": "", "text": f"The plan {pdf.SIZE_LATER}"}]}
    (english / "en" / "search" / "search_index.json").write_text(json.dumps(index), "utf-8")
    editions.merge(site, {"en": english})
    assert (site / "en" / "index.html").read_text("utf-8") == "<a>The plan (PDF, 312 kB)</a>"
    assert json.loads((site / "en" / "search" / "search_index.json").read_text("utf-8"))["docs"][0]["text"] \
        == "The plan (PDF, 312 kB)"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _planned(**env: str) -> list[tuple[str, str | None]]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        return [(b.config, b.language) for b in build._planned(Dataset.resolve("data"), build.SITES, ConfigReader())]


def test_a_small_site_keeps_one_process_per_site_and_a_large_one_builds_its_languages_apart():
    assert editions.pages_in(ROOT / "docs", ["en"]) < editions.APART_FROM   # Katrineholm: 9 English pages
    assert _planned() == [("mkdocs.staff.yml", None), ("mkdocs.yml", None)]
    # Apart, the longest first: the staff site (the Swedish pages and its own), the Swedish edition (the PDF).
    assert _planned(**{editions.APART_FROM_SETTING: "0"}) == [
        ("mkdocs.staff.yml", None), ("mkdocs.yml", "sv"), ("mkdocs.yml", "en")]


@pytest.mark.build
def test_the_languages_built_apart_make_the_same_site_as_one_build(built, tmp_path):
    """Minby, published (with a sitemap): every file of the public site, byte for byte, against the session's
    build, which builds Minby's few English pages in the Swedish process (APART_FROM). Both without the PDF, as
    the session's published builds are; its size reaching the other languages is the test above."""
    assert editions.pages_in(ROOT / "docs", ["en"]) < editions.APART_FROM
    whole = _files(built("minimal", PUBLISHED_AT) / "site")
    apart = _files(build_site(ROOT, tmp_path / "out", data=DATASETS["minimal"], env={
        "REPO_URL": REPO_URL, "SITE_URL": PUBLISHED_AT, editions.APART_FROM_SETTING: "0", **NO_PDF}) / "site")
    assert sorted(whole) == sorted(apart)
    assert [name for name in whole if whole[name] != apart[name]] == []
    assert "sitemap.xml.gz" in apart and "en/search/search_index.json" in apart
    assert pdf.SIZE_LATER.encode() not in b"".join(apart.values())


@pytest.mark.build
def test_a_broken_english_page_fails_the_build_once_and_leaves_the_last_site(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "index.en.md"
    page.write_text(page.read_text("utf-8").replace("[Support lines](stodlinjer.md)", "[Support lines](nope.md)"),
                    "utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the last good site", "utf-8")
    result = run_build(project, data=str(data_dir("minimal")),
                       env={"MOTVERKA_SKIP_PDF": "1", editions.APART_FROM_SETTING: "0"})
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert output.count("docs/index.en.md:18: Länken till nope.md leder ingenstans.") == 1, output
    assert "Webbplatsen byggdes inte (mkdocs.yml). Den senast byggda webbplatsen är orörd." in output
    assert _files(project / "site") == {"index.html": b"the last good site"}
    assert not list(project.glob("site*.new-*")), "a half-built site was left behind"
