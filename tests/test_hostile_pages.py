"""A page cannot run script, embed another site, fetch from another host or make the PDF read other files
(issue 15): the build names the page and the line for each route, over every dataset.

One build per dataset of a project copy with a page that tries every route at once (each on its own line),
and with images in the chapter of the PDF that point outside the site. The build must fail and name every
one; nothing of it may reach a page.
"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import DATASETS
from tests.support.project import ROOT, copy_project, run_build

pytestmark = pytest.mark.build

# (Markdown, words of the message expected on its line). Each entry is its own paragraph.
ROUTES = [
    ("[Markdown-länk](javascript:alert(1))", 'går inte att använda: den börjar med javascript:'),
    ("[Blandade versaler](JaVaScRiPt:alert(2))", "den börjar med javascript:"),
    ("[Radbrytning](java\nscript:alert(3))", "den börjar med javascript:"),
    ("[Entitet](&#106;avascript:alert(4))", "den börjar med javascript:"),
    ("[Referenslänk][ref]\n\n[ref]: VBScript:msgbox(5)", "den börjar med vbscript:"),
    ('<a href="  jav&#x09;ascript:alert(6)">Rå länk med tabb</a>', "den börjar med javascript:"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">Data-länk</a>', "den börjar med data:"),
    ('<a href="java%73cript:alert(7)">Kodad</a>', "den börjar med javascript:"),
    ("<script>alert(8)</script>", "elementet <script>"),
    ('<img src="bild.png" alt="x" onerror="alert(9)">', "attributet onerror"),
    ("Stycke med attributlista\n{: onclick=\"alert(10)\" }", "attributet onclick"),
    ('<iframe src="https://annan.example/" title="x"></iframe>', "elementet <iframe>"),
    ('<object data="film.swf"></object>', "elementet <object>"),
    ('<embed src="film.swf">', "elementet <embed>"),
    ('<form action="https://annan.example/"><button>Skicka</button></form>', "elementet <form>"),
    ('<base href="https://annan.example/">', "elementet <base>"),
    ('<meta http-equiv="refresh" content="0;url=https://annan.example/">', 'http-equiv=\"refresh\"'),
    ('<img src="https://spara.example/pixel.gif" alt="">', "från en annan webbplats (spara.example)"),
    ('<img srcset="//cdn.example/a.png 2x" alt="">', "från en annan webbplats (cdn.example)"),
    ('<video poster="https://cdn.example/p.jpg"></video>', "från en annan webbplats (cdn.example)"),
    ('<link rel="stylesheet" href="https://cdn.example/x.css">', "från en annan webbplats (cdn.example)"),
    ("<style>p { background: url(https://cdn.example/bg.png) }</style>", "från en annan webbplats (cdn.example)"),
    ("<p style=\"background: url('//cdn.example/bg2.png')\">Stil</p>", "från en annan webbplats (cdn.example)"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(11)>"></noscript>', "elementet <noscript>"),
    ('<svg><a><animate attributeName="href" values="javascript:alert(12)"/><text>x</text></a></svg>',
     "elementet <animate>"),
    ("<svg><style><img src=x onerror=alert(13)></style></svg>", "elementet <style>"),
    ('<p style="background: u\\rl(https://cdn.example/bg3.png)">CSS-escape</p>',
     "från en annan webbplats (cdn.example)"),
    ("[Okrypterad](http://www.exempel.se/)", '"http://www.exempel.se/" använder http, utan kryptering'),
    ("<http://www.exempel2.se/>", '"http://www.exempel2.se/" använder http, utan kryptering'),
]
PAGE = "farlig.md"
# Images in the chapter the PDF takes from a page: outside the site, a missing file, a file: URL.
PDF_PAGE = "stod-till-anhoriga.md"
PDF_ROUTES = [
    ('<img src="../../../../../../../../etc/hostname" alt="">', "utanför webbplatsen"),
    ('<img src="finns-inte.png" alt="">', 'PDF:en får inte hämta'),
    ('<img src="trasig.png" alt="">', 'PDF:en kan inte läsa'),
]


# Files beside the pages that a visitor could open on the site's address: (path in docs/, content, line, words).
FILES = [
    ("ond.html", "<!doctype html>\n<title>x</title>\n<body onload=\"alert(1)\">\n", 3, "attributet onload"),
    ("bilder/ond.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n', 2,
     "elementet <script>"),
    ("verktyg.js", "alert(1);\n", 1, "docs/verktyg.js är ett skript"),
    ("stil.css", "p {\n  background: url(https://cdn.example/bg.png);\n}\n", 2, "från en annan webbplats"),
]


def _page() -> tuple[str, list[tuple[int, str]]]:
    lines = ["---", "description: Prov.", "last_reviewed_on: 2026-11-22", "review_in: 12 months", "---", "",
             "# Prov", ""]
    expected = []
    for markdown, words in ROUTES:
        expected.append((range(len(lines) + 1, len(lines) + 1 + len(markdown.split("\n"))), words))
        lines += markdown.split("\n") + [""]
    return "\n".join(lines) + "\n", expected


@pytest.fixture(scope="module")
def hostile_build(dataset, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp(f"hostile-{dataset}"))
    folder = DATASETS[dataset]
    if not (project / folder).exists():  # tests/fixtures/minimal is not part of a project copy
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("site", "site-staff"))
    text, expected = _page()
    (project / "docs" / PAGE).write_text(text, "utf-8")
    pdf_page = project / "docs" / PDF_PAGE
    source = pdf_page.read_text("utf-8").rstrip("\n").split("\n")
    pdf_expected = []
    for markdown, words in PDF_ROUTES:
        source += ["", markdown]
        pdf_expected.append((len(source), words))
    pdf_page.write_text("\n".join(source) + "\n", "utf-8")
    (project / "docs" / "trasig.png").write_bytes(b"inte en bild")
    for name, content, _, _ in FILES:
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(content, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("url: https://www.smhi.se/", 'url: " JavaScript:alert(1)"'),
                      "utf-8")
    result = run_build(project, project / "out", data=DATASETS[dataset])
    return result, expected, pdf_expected, project


def test_a_hostile_page_does_not_build(hostile_build):
    result, *_ = hostile_build
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("index", range(len(ROUTES)), ids=[r[1][:30] for r in ROUTES])
def test_every_route_to_script_or_another_host_is_named_with_page_and_line(hostile_build, index):
    result, expected, _, _ = hostile_build
    lines, words = expected[index]
    said = [row for row in result.stdout.splitlines() if any(row.startswith(f"docs/{PAGE}:{n}: ") for n in lines)]
    assert any(words in row for row in said), (ROUTES[index][0], said, result.stdout[-3000:])


@pytest.mark.parametrize("index", range(len(PDF_ROUTES)), ids=[r[1][:30] for r in PDF_ROUTES])
def test_the_pdf_reads_only_files_of_the_site(hostile_build, index):
    result, _, pdf_expected, _ = hostile_build
    line, words = pdf_expected[index]
    said = [row for row in result.stdout.splitlines() if row.startswith(f"docs/{PDF_PAGE}:{line}: ")]
    assert any(words in row for row in said), (said, result.stdout[-3000:])


@pytest.mark.parametrize("index", range(len(FILES)), ids=[f[0] for f in FILES])
def test_a_file_that_could_run_script_when_opened_is_named(hostile_build, index):
    result, *_ = hostile_build
    name, _, line, words = FILES[index]
    said = [row for row in result.stdout.splitlines() if row.startswith(f"docs/{name}:{line}: ")]
    assert any(words in row for row in said), (said, result.stdout[-3000:])


def test_a_quick_exit_address_that_runs_script_is_named_with_its_line_in_mkdocs_yml(hostile_build):
    result, *_, project = hostile_build
    line = next(n for n, row in enumerate((project / "mkdocs.yml").read_text("utf-8").splitlines(), 1)
                if "JavaScript:alert(1)" in row)
    assert f'mkdocs.yml:{line}: Adressen för knappen Lämna sidan snabbt, " JavaScript:alert(1)", går inte att ' \
           "använda." in result.stdout, result.stdout[-3000:]


def test_nothing_of_a_hostile_page_reaches_the_site(hostile_build):
    *_, project = hostile_build
    assert not (project / "out" / "site").exists(), "a failed build must not publish anything"
