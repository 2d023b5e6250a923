"""Text from data is escaped exactly once everywhere (issue 15): a visitor reads `Säkerhet & beredskap's`,
never `&amp;`, `&#39;`, `&lt;` or `&quot;`, in any page, footer, title, meta description, search index,
JSON-LD or the PDF.

One build per dataset of a copy whose text fields hold &, <, ' and ". Each output is read the way its reader
reads it: HTML parsed (text nodes and attribute values, decoded once, as a browser does), the search index
as the HTML fragments Material shows, JSON-LD as JSON, the PDF as its text.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.text.messages import ui
from tests.conftest import DATASETS, data_dir
from tests.support.edit_data import set_field
from tests.support.project import ROOT, copy_project, run_build

pytestmark = pytest.mark.build

TEXT = "Säkerhet & beredskap's <team> \"A\""
WRITTEN = json.dumps(TEXT, ensure_ascii=False)  # as a double-quoted YAML string
# An entity left over after the one decoding a reader does: the text was escaped twice.
ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|#0*(?:34|38|39|60|62)|#x0*(?:22|26|27|3c|3e));", re.IGNORECASE)
FIELDS = [  # (file, key, value as YAML)
    ("municipality.yml", "page_owner", f"{{sv: {WRITTEN}, en: {WRITTEN}}}"),   # footer
    ("municipality.yml", "site_title", f"{{sv: {WRITTEN}, en: {WRITTEN}}}"),   # header, <title>
    ("municipality.yml", "name", json.dumps("Kommunen & " + TEXT, ensure_ascii=False)),
    ("contacts.yml", "name", f"{{sv: {WRITTEN}, en: {WRITTEN}}}"),             # cards, JSON-LD, PDF
    ("focus_areas.yml", "title", f"{{sv: {WRITTEN}, en: {WRITTEN}}}"),         # headings, TOC, search
    ("../national/support_lines.yml", "organisation", WRITTEN),   # the registry, shown by every dataset
    ("plan.yml", "summary", f"{{sv: {WRITTEN}, en: {WRITTEN}}}"),              # meta description fallback
]


# A page title is text too: from the front matter, or the first heading (written with entities).
_META = "description: Prov.\nlast_reviewed_on: 2026-11-22\nreview_in: 12 months\n"
TITLED_PAGES = {
    "prov-titel.md": f"---\ntitle: 'Frågor & svar <img src=x onerror=alert(1)>'\n{_META}---\n\nText.\n",
    "prov-beskrivning.md": "---\ndescription: '\"><script>alert(3)</script> & \"co\"'\n"
                           "last_reviewed_on: 2026-11-22\nreview_in: 12 months\n---\n\n# Beskrivning\n\nText.\n",
    "prov-rubrik.md": f"---\n{_META}---\n\n# Tom &lt;img src=x onerror=alert(2)&gt; & `<b>`\n\nText.\n",
}
TITLES = {"prov-titel": "Frågor & svar <img src=x onerror=alert(1)>", "prov-rubrik": "Tom <img src=x onerror=alert(2)> & <b>"}


class _Visible(HTMLParser):
    """Text nodes and attribute values as a browser has them (decoded once), and the JSON-LD blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.json_ld: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        self.texts += [value for _, value in attrs if value]
        self.handlers = getattr(self, "handlers", []) + [f"<{tag} {name}>" for name, _ in attrs
                                                          if name.startswith("on")]
        self._title = tag == "title"
        if tag == "script":
            self._script = dict(attrs).get("type") or "text/javascript"

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if getattr(self, "_title", False):
            self.title = data.strip()
            self._title = False
        if self._script == "application/ld+json":
            self.json_ld.append(data)
        elif self._script is None:
            self.texts.append(data)


def _visible(html: str) -> _Visible:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def built_with_special_characters(dataset, tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp(f"escaping-{dataset}"))
    folder = Path(DATASETS[dataset])
    if not (project / folder).exists():  # tests/fixtures/minimal is not part of a project copy
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("site", "site-staff"))
    data = data_dir(dataset, project)
    for file, key, value in FIELDS:
        set_field(project / "national/support_lines.yml" if file.startswith("../") else data / file, key, value)
    for name, page in TITLED_PAGES.items():
        (project / "docs" / name).write_text(page, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "not_in_nav: |\n", "not_in_nav: |\n" + "".join(f"  {name}\n" for name in TITLED_PAGES)), "utf-8")
    result = run_build(project, project / "out", data=str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "out"


def test_no_page_shows_an_entity_as_text(built_with_special_characters):
    found = []
    for site in ("site", "site-staff"):
        for page in sorted((built_with_special_characters / site).rglob("*.html")):
            for text in _visible(page.read_text("utf-8")).texts:
                found += [f"{page.relative_to(built_with_special_characters)}: {text.strip()[:120]}"
                          for _ in ENTITY.finditer(text)][:1]
    assert not found, "text escaped twice:\n" + "\n".join(found)


def test_the_footer_and_the_title_show_the_text_as_typed(built_with_special_characters):
    for home, lang in (("site/index.html", "sv"), ("site/en/index.html", "en"), ("site-staff/index.html", "sv")):
        texts = " ".join(_visible((built_with_special_characters / home).read_text("utf-8")).texts)
        assert ui("footer_owner", lang, owner=TEXT) in texts, home
        assert f"Kommunen & {TEXT}" in texts, home


def test_json_ld_holds_the_text_as_typed(built_with_special_characters):
    blocks = _visible((built_with_special_characters / "site" / "index.html").read_text("utf-8")).json_ld
    names = [blocks and json.loads(block) for block in blocks]
    assert names, "no JSON-LD on the start page"
    flat = json.dumps(names, ensure_ascii=False)
    assert json.dumps(TEXT, ensure_ascii=False)[1:-1] in flat
    assert not ENTITY.search(flat)
    # Inside <script> nothing is decoded: <, > and & stand as JSON escapes, so no "</script>" or "<!--"
    # from data can end or confuse the element.
    assert not [block for block in blocks if set(block) & set("<>&")]


def test_the_search_index_shows_the_text_once_escaped(built_with_special_characters):
    for index in ("site/search/search_index.json", "site/en/search/search_index.json"):
        docs = json.loads((built_with_special_characters / index).read_text("utf-8"))["docs"]
        shown = []
        for doc in docs:
            # Material shows title and text as HTML: one decoding, as the browser does.
            for field in ("title", "text"):
                shown += _visible(doc[field]).texts
        assert not [text for text in shown if ENTITY.search(text)], index
        assert any(TEXT in text for text in shown), index


def test_the_pdf_shows_the_text_as_typed(built_with_special_characters):
    text = subprocess.run(["pdftotext", str(built_with_special_characters / "site" / "handlingsplan.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert TEXT in text
    assert not ENTITY.search(text)


def test_a_page_title_is_text_in_the_title_the_header_and_the_search_index(built_with_special_characters):
    site = built_with_special_characters / "site"
    for slug, title in TITLES.items():
        page = _visible((site / slug / "index.html").read_text("utf-8"))
        assert page.title.startswith(f"{title} - "), page.title
        assert not getattr(page, "handlers", []), f"{slug}: markup from a title: {page.handlers}"
    entries = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    for slug, title in TITLES.items():
        [entry] = [e for e in entries if e["location"] == f"{slug}/"]
        shown = _visible(entry["title"])
        assert "".join(shown.texts) == title
        assert not getattr(shown, "handlers", [])


def test_a_page_description_stays_in_its_attribute(built_with_special_characters):
    html = (built_with_special_characters / "site" / "prov-beskrivning" / "index.html").read_text("utf-8")
    assert "<script>alert(3)" not in html
    assert '<meta name="description" content="&#34;&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp; &#34;co&#34;">' \
        in html
