"""Nothing staff-only reaches the public outputs: HTML, search index, sitemap, open data, PDF.

The check is shown to bite first: it must find staff text planted in a copy of the public site, and staff
text that a communicator pasted into a public page.
"""

from __future__ import annotations

import gzip
import json
import shutil

import pytest

from macros.load import load_site_data
from tests.conftest import DATASETS, TODAY
from tests.support.leaks import Corpus, page_sentences, public_sources, staff_only_strings
from tests.support.project import ROOT, copy_project, run_build

pytestmark = pytest.mark.build


def data_of(dataset: str):
    return load_site_data(ROOT / DATASETS[dataset] / ("" if dataset == "katrineholm" else "data"), today=TODAY)


DOCS = ROOT / "docs"


def staff_strings(dataset: str) -> set[str]:
    return staff_only_strings(data_of(dataset), DOCS)


def staff_page_sentences(staff_site, dataset: str = "katrineholm"):
    allowed = public_sources(data_of(dataset), DOCS)
    return set().union(*(page_sentences(page, allowed) for page in (staff_site / "personal").rglob("index.html")))


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_no_staff_only_string_reaches_any_public_output(built, dataset):
    strings = staff_strings(dataset)
    assert len(strings) >= 30, "the staff data should give the check something to look for"
    corpus = Corpus.of(built(dataset) / "site")
    assert corpus.files >= 30
    leaks = {s: found for s in sorted(strings) if (found := corpus.find(s))}
    assert not leaks


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_no_staff_page_text_reaches_any_public_output(built, dataset):
    sentences = staff_page_sentences(built(dataset) / "site-staff", dataset)
    assert len(sentences) >= 15
    corpus = Corpus.of(built(dataset) / "site")
    leaks = {s: found for s in sorted(sentences) if (found := corpus.find(s))}
    assert not leaks


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_the_staff_site_does_show_the_staff_strings(built, dataset):
    """The other half: what must not leak is really there on the staff site (so the check is not vacuous)."""
    strings = staff_strings(dataset)
    corpus = Corpus.of(built(dataset) / "site-staff")
    shown = [s for s in strings if corpus.find(s)]
    assert len(shown) >= 0.8 * len(strings), sorted(set(strings) - set(shown))


def test_the_check_finds_staff_text_planted_in_each_kind_of_public_file(public_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(public_site, site)
    secret = sorted(staff_strings("katrineholm"), key=len)[-1]
    page = site / "om-webbplatsen" / "index.html"
    page.write_text(page.read_text("utf-8").replace("</article>", f"<p>{secret}</p></article>"), "utf-8")
    index = site / "search" / "search_index.json"
    content = json.loads(index.read_text("utf-8"))
    content["docs"][0]["text"] += " " + secret
    index.write_text(json.dumps(content), "utf-8")  # ensure_ascii: å, ä, ö become \\u escapes, as MkDocs writes
    sitemap = site / "sitemap.xml.gz"
    sitemap.write_bytes(gzip.compress(gzip.decompress(sitemap.read_bytes()) + secret.encode()))
    data = site / "oppna-data" / "kontakter.json"
    data.write_text(data.read_text("utf-8").replace('"Kommunens kontakter"', json.dumps(secret, ensure_ascii=False)),
                    "utf-8")
    found = Corpus.of(site).find(secret)
    assert {name.split(" [")[0] for name in found} == {
        "om-webbplatsen/index.html", "search/search_index.json", "sitemap.xml.gz", "oppna-data/kontakter.json"}


def test_the_check_finds_staff_text_pasted_into_a_public_page(staff_site, tmp_path):
    project = copy_project(tmp_path / "project")
    sentence = sorted(staff_page_sentences(staff_site))[0]
    page = project / "docs" / "om-webbplatsen.md"
    page.write_text(page.read_text("utf-8") + f"\n{sentence}\n", "utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stdout
    found = Corpus.of(project / "site").find(sentence)
    assert "om-webbplatsen/index.html" in found and "search/search_index.json [values]" in found
