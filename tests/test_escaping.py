"""Whatever a communicator types into data shows as text on every page: no HTML from data reaches a page.

One build of a copy whose data carries markup in places that pages print in different ways: a name printed
by a theme template (the footer, the header, <title>), a text printed by a page's `{{ t(...) }}`, a value
printed by `{{ municipality.name }}` in Markdown, and a contact printed by a card macro.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.project import NO_PDF, copy_project, run_build

pytestmark = pytest.mark.build

MARKUP = {
    "data/municipality.yml": ("  name: Katrineholms kommun\n", "  name: Katrineholms <i>kommun</i>\n"),
    "data/plan.yml": ("    sv: Katrineholms kommun ska arbeta aktivt",
                      "    sv: <script>alert(1)</script> Katrineholms kommun ska arbeta aktivt"),
    "data/contacts.yml": ('    name: {sv: "Katrineholms kommun, växeln"', '    name: {sv: "Katrineholms <b>kommun</b>, växeln"'),
}
RAW = re.compile(r"<i>kommun|<b>kommun|<script>alert")
# Where data is meant to stand as it is: JSON-LD inside <script type="application/ld+json"> (where only
# "</" matters, and it is written "<\/"), and the open-data files, which are data, not pages.
JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.DOTALL)


@pytest.fixture(scope="module")
def site_with_markup_in_data(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("escaping"))
    for relative, (old, new) in MARKUP.items():
        path = project / relative
        text = path.read_text("utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), "utf-8")
    result = run_build(project, env=NO_PDF)   # the pages are checked here, the PDF in test_escaped_once.py
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_markup_typed_into_data_is_never_published_as_markup(site_with_markup_in_data):
    found = []
    for site in ("site", "site-staff"):
        for page in sorted((site_with_markup_in_data / site).rglob("*.html")):
            html = JSON_LD.sub("", page.read_text("utf-8"))
            found += [f"{page.relative_to(site_with_markup_in_data)}: {m.group(0)}" for m in RAW.finditer(html)]
    assert not found, "markup from data published as markup:\n" + "\n".join(found)


def test_markup_typed_into_data_shows_as_text(site_with_markup_in_data):
    site = site_with_markup_in_data / "site"
    plan = (site / "handlingsplan" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Katrineholms kommun ska arbeta aktivt" in plan
    home = (site / "index.html").read_text("utf-8")
    assert "Katrineholms &lt;i&gt;kommun&lt;/i&gt;" in home            # footer, header, <title>
    assert "Katrineholms &lt;b&gt;kommun&lt;/b&gt;, växeln" in home     # the switchboard card
    about = (site / "om-webbplatsen" / "index.html").read_text("utf-8")
    assert "Katrineholms &lt;i&gt;kommun&lt;/i&gt; står bakom webbplatsen" in about   # {{ municipality.name }}
