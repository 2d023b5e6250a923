"""The kit serves any municipality: Umeå's complete dataset builds with nothing of Katrineholm in it."""

from __future__ import annotations

import pytest

from macros.load import load_site_data
from tests.conftest import TODAY
from tests.support.html import main_text
from tests.support.leaks import Corpus
from tests.support.project import ROOT

pytestmark = pytest.mark.build


def test_umeas_dataset_is_complete_and_valid():
    data = load_site_data(ROOT / "examples/umea/data", today=TODAY)
    assert data.municipality.name == "Umeå kommun"
    assert [str(area.title) for area in data.focus_areas] == [
        "Samverkan", "Ledning och vägledande principer", "Utbildning och metodutveckling",
        "Stöd till berörda verksamheter", "Marknadsföring och information"]
    assert data.municipality.coordination.name.get_text() == "UmeBrå"
    assert data.staff_guidance is not None


@pytest.mark.parametrize("dataset, other", [("umea", ["Katrineholm", "säkerhetschef"]),
                                            ("katrineholm", ["Umeå", "UmeBrå", "konsultationsforum"])])
def test_no_word_of_the_other_municipality_is_in_any_output(built, dataset, other):
    for site in ("site", "site-staff"):
        corpus = Corpus.of(built(dataset) / site)
        for word in other:
            assert not corpus.find(word) and not corpus.find(word.lower()), (site, word, corpus.find(word)[:3])


def test_umeas_pages_name_umea_and_its_coordination(built):
    site = built("umea") / "site"
    assert "Umeå kommun" in main_text(site / "kontakta-kommunen/index.html")
    assert "UmeBrå" in main_text(site / "kontakta-kommunen/index.html")
    assert "090-16 10 00" in main_text(site / "index.html")


def test_the_docs_pages_contain_no_municipality_specific_words():
    """Everything that differs between municipalities comes from data: the pages are shared."""
    for page in (ROOT / "docs").rglob("*.md"):
        text = page.read_text("utf-8").lower()
        for word in ("katrineholm", "umeå", "umebrå", "säkerhetschef", "konsultationsforum"):
            assert word not in text, f"{page.relative_to(ROOT)}: {word}"
