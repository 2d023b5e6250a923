"""The leak guard's fast reading (macros/guards/leak_scan.py) finds exactly what reading every text whole finds
(`leak_scan.leaks_in`, the way the guard read until issue 19), in the same order: over generated pages that put
staff text, numbers, addresses and names across every kind of boundary, over Katrineholm's built site with staff
text put into its real pages, and when the site is read on several cores."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from mkdocs.utils import get_theme_dir

from macros.guards import audience, leak_guard
from macros.guards.leak_scan import Scanner, leaks_in
from macros.guards.output_readings import readings_of
from tests.support.project import ROOT

STAFF_TEXT = ("Säg inte namnet på personen förrän ni har bestämt att det behövs. Ring säkerhetschefen om du "
              "är osäker på vad som gäller. Konsultationen dokumenteras inte i elevens journal men i "
              "samverkansgruppens anteckningar som förvaras inlåsta.")
PHONE = "+46701234567"
EMAIL = "rektorsjour@kommun.se"
NAME = ("rektorernas", "jour")
FILLER = ("ring", "112", "om", "det", "är", "akut", "du", "kan", "vara", "anonym", "stödlinjen", "svarar",
          "dygnet", "runt", "säg", "inte", "namnet", "personen", "jour", "rektorernas", "Call", "114 14")
PHONE_WRITTEN = ("070-123 45 67", "0701234567", "+46 70 123 45 67", "070‑123\u00a045 67", "(0)70 123 45 67")
TAGS = ("p", "li", "span", "td", "a", "div", "h2", "em", "code", "script")


def _staff() -> leak_guard.StaffDetails:
    index = audience.StaffIndex.of([audience.Piece(STAFF_TEXT, "personal/vid-oro.md", 1, True)])
    return leak_guard.StaffDetails(index, phones={PHONE: "personal/vid-oro.md rad 3"},
                                   emails={EMAIL: "data/contacts.yml (jour)"},
                                   names={NAME: ("Rektorernas jour", "data/contacts.yml (jour)")})


def _fragments(rng: random.Random) -> list[str]:
    """Texts to spread over elements: staff sentences and windows, whole or cut, near misses, numbers cut at
    any character, digits and punctuation that meet them, addresses, names, pipes and headings."""
    sentences = [s.strip() + "." for s in STAFF_TEXT.split(".") if s.strip()]
    words = STAFF_TEXT.split()
    start = rng.randrange(len(words) - 10)
    choices = [
        rng.choice(sentences),
        " ".join(words[start:start + 10]),
        " ".join(words[start:start + rng.randrange(4, 12)]),
        rng.choice(sentences).replace("personen", "per\u00adsonen").upper(),
        " ".join(rng.choice(FILLER) for _ in range(rng.randrange(1, 6))),
        rng.choice(PHONE_WRITTEN), rng.choice(("08", "070", "12", "3", "(0)", "+46", ".", "-", "/")),
        f"Skriv till {EMAIL.upper() if rng.random() < 0.3 else EMAIL}", "Rektorernas", "jour", "Rektorernas jour",
        rng.choice(("|", "| a |", "# Rubrik", ".", "?", ";", "- punkt", "&amp;", "&nbsp;", "1.", "!")),
    ]
    text = rng.choice(choices)
    if rng.random() < 0.5 and len(text) > 2:      # cut anywhere: a word, a number or an address in two
        cut = rng.randrange(1, len(text))
        return [text[:cut], text[cut:]]
    return [text]


def _page(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.choice((1, 2, 3, 4, 25))):   # most pages small, so that one boundary decides
        for fragment in _fragments(rng):
            tag = rng.choice(TAGS)
            attribute = f' title="{fragment}"' if rng.random() < 0.15 else ""
            joint = rng.choice(("", " ", "\n", "<br>", "<hr>"))
            parts.append(f"<{tag}{attribute}>{fragment}</{tag}>{joint}" if rng.random() < 0.8 else fragment + joint)
    return "<!doctype html><html><body><nav><ul>" + "".join(parts) + "</ul></nav></body></html>"


def _reference(files: dict[str, bytes], staff) -> list:
    found = [leak for name, raw in files.items() for reading in readings_of(Path(name), raw)
             for leak in leaks_in(name + reading.label, reading.text, staff)]
    return list(dict.fromkeys(found))


def _scanned(files: dict[str, bytes], staff) -> list:
    scanner = Scanner(staff)
    found = [leak for name, raw in files.items() for reading in readings_of(Path(name), raw)
             for leak in scanner.leaks(name, reading)]
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("seed", range(12))
def test_generated_pages_give_the_same_finds_as_whole_texts(seed):
    rng = random.Random(seed)
    files = {}
    for i in range(150):
        page = _page(rng)
        files[f"sida-{i}/index.html"] = page.encode()
        if i % 10 == 0:   # the same fragments as values and cells
            files[f"data-{i}.json"] = json.dumps({"items": [page, page[:40]]}).encode()
            files[f"data-{i}.csv"] = ("namn\n" + "\n".join(f'"{line}"' for line in page.split("<"))).encode()
    staff = _staff()
    expected = _reference(files, staff)
    assert _scanned(files, staff) == expected
    assert {leak.kind for leak in expected} == {"sentence", "phone", "email", "name"}   # the pages do hold some


def test_staff_text_put_into_a_real_site_is_found_as_in_whole_texts(public_site, tmp_path):
    from macros.contract.load import load_site_data
    from macros.build_state import today

    data = load_site_data(ROOT / "data", today=today(), display_root=ROOT)
    staff = leak_guard.StaffDetails.of(ROOT, ROOT / "docs", ROOT / "data", data)
    site = tmp_path / "site"      # its pages and search index: the theme's scripts are the same on every site
    shutil.copytree(public_site, site, ignore=shutil.ignore_patterns("assets"))
    sentence = "Säg inte namnet på personen förrän ni har bestämt att det behövs."   # personal/konsultation.md
    cut = sentence.index("förrän")
    pages = sorted(site.rglob("*.html"))
    for i, page in enumerate(pages[:6]):
        html = page.read_text("utf-8")
        if i % 3 == 0:     # split over two paragraphs, between the navigation and the article
            html = html.replace("<article", f"<p>{sentence[:cut]}</p><div>{sentence[cut:]}</div><article", 1)
        elif i % 3 == 1:   # whole, in an attribute
            html = html.replace("<article", f'<article title="{sentence}"', 1)
        page.write_text(html, "utf-8")
    files = {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
             if path.is_file()}
    expected = _reference(files, staff)
    assert expected, "the staff text put into the pages is found"
    assert _scanned(files, staff) == expected
    assert leak_guard.leaks(site, staff) == expected


def _random_site(folder: Path, pages: int = 40) -> Path:
    rng = random.Random(99)
    for i in range(pages):
        (folder / f"s{i:02}").mkdir(parents=True)
        (folder / f"s{i:02}" / "index.html").write_text(_page(rng), "utf-8")
    return folder


@pytest.mark.parametrize("share", [1, 7, 100])
def test_a_site_read_on_several_cores_gives_the_same_finds_in_the_same_order(tmp_path, monkeypatch, share):
    site, staff = _random_site(tmp_path / "site"), _staff()
    monkeypatch.setattr(leak_guard, "PARALLEL_FROM", 10**6)
    one_core = leak_guard.leaks(site, staff)
    monkeypatch.setattr(leak_guard, "PARALLEL_FROM", 1)
    monkeypatch.setattr(leak_guard, "SHARE", share)     # files a worker takes at a time
    monkeypatch.setattr(leak_guard.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)  # on any runner
    called = []
    assert leak_guard.leaks(site, staff, alongside=lambda: called.append(True)) == one_core and one_core
    assert called == [True], "the check alongside runs once"


@pytest.mark.parametrize("parallel_from", [1, 10**6])
def test_an_error_in_the_check_alongside_is_not_lost(tmp_path, monkeypatch, parallel_from):
    site = _random_site(tmp_path / "site", pages=5)
    monkeypatch.setattr(leak_guard, "PARALLEL_FROM", parallel_from)
    monkeypatch.setattr(leak_guard.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)

    def unreadable():
        raise PermissionError("site/a.html")

    with pytest.raises(PermissionError):
        leak_guard.leaks(site, _staff(), alongside=unreadable)


HOSTILE_MARKUP = [
    "<p>före</p><!-- <li>i en kommentar</li> --><li>efter</li>",
    "<script>var a = '<li>' + \"</li>\"; if (a<li) {}</script><li>efter skriptet</li>",
    '<a title="<li>i ett attribut</li>" href="x">länk</a><li>sedan</li>',
    "<p>&#00000000000000000000000000000000000000000065;<li>&amp<li>&amp;<li>&#x41<li>&nbsp</li>",
    '<a b="x"c<li>fast tagg</li><li>resten',
    "<li>oavslutad <li title='x", "<style>li{}</style><li>stil</li>", "<![CDATA[<li>]]><li>cdata</li>",
    "<textarea><li>text</li></textarea><li>efter</li>", "<li", "<<li><</li>>", "</li x><li/><li >",
]


def test_html_read_in_cuts_gives_what_it_gives_read_whole(public_site):
    from macros.guards.output_readings import HtmlReader, html_readings

    reader = HtmlReader()
    rng = random.Random(7)
    texts = [path.read_text("utf-8") for path in sorted(public_site.rglob("*.html"))]
    texts += [_page(rng) for _ in range(300)]
    texts += [a + b for a in HOSTILE_MARKUP for b in HOSTILE_MARKUP]     # each one before every other
    for text in texts + texts:                                          # the second time from what it knows
        assert reader.readings(text) == html_readings(text), text[:200]


# --- Files copied from the installed theme ------------------------------------------------------------------

MATERIAL = Path(get_theme_dir("material"))
SENTENCE = STAFF_TEXT.split(". ")[0] + "."


def _theme_file_site(folder: Path) -> tuple[Path, Path, Path]:
    """A site holding one of Material's scripts as Material ships it and another with staff text added (a file of
    docs/ with the same name replaces the theme's)."""
    copied, changed = (Path("assets/javascripts/lunr/wordcut.js"), Path("assets/javascripts/lunr/tinyseg.js"))
    for relative in (copied, changed):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(MATERIAL / relative, folder / relative)
    with (folder / changed).open("a", encoding="utf-8") as script:
        script.write(f"\n// {SENTENCE}\n")
    (folder / "index.html").write_text(f"<p>{SENTENCE}</p>", "utf-8")
    return folder, folder / copied, folder / changed


def test_a_file_that_is_the_installed_themes_own_is_not_read_and_a_changed_one_is(tmp_path, monkeypatch):
    site, copied, changed = _theme_file_site(tmp_path / "site")
    files = sorted(p for p in site.rglob("*") if p.is_file())
    assert leak_guard.theme_copies(site, files, MATERIAL) == {copied}
    read = []
    monkeypatch.setattr(leak_guard, "readings_of", lambda path, *args: read.append(path) or readings_of(path, *args))
    found = leak_guard.leaks(site, _staff(), theme=MATERIAL)
    assert copied not in read and changed in read
    assert {leak.output.split(" [")[0] for leak in found} == {"index.html", changed.relative_to(site).as_posix()}


def test_a_theme_folder_of_the_project_is_not_trusted_even_when_its_files_match(tmp_path):
    site, _, changed = _theme_file_site(tmp_path / "site")
    overrides = tmp_path / "overrides"              # a theme folder beside the pages, not an installed package
    shutil.copytree(site, overrides)
    files = sorted(p for p in site.rglob("*") if p.is_file())
    assert leak_guard.theme_copies(site, files, overrides) == set()
    found = leak_guard.leaks(site, _staff(), theme=overrides)
    assert changed.relative_to(site).as_posix() in {leak.output.split(" [")[0] for leak in found}
