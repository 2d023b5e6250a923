"""Readability: every Swedish page for residents stays within its LIX limit (pyproject.toml [tool.motverka]),
on every dataset in DATASETS (tests/conftest.py); the easy-to-read page within its own, lower one.
`make readability` prints the table."""

from __future__ import annotations

import io

import pytest

from macros.build_state import limits
from macros.settings import Limits
from macros.guards import readability

LIMITS = limits()


def test_lix_counts_words_sentences_and_long_words():
    # 6 words, 2 sentences, 4 words of more than six letters ("växeln" has six): 6/2 + 100*4/6
    lix = readability.measure(["Kommunen erbjuder kostnadsfri rådgivning. Ring växeln."])
    assert (lix.words, lix.sentences, lix.long_words) == (6, 2, 4)
    assert lix.value == pytest.approx(3 + 400 / 6)


def test_headings_and_facts_end_a_sentence_and_abbreviations_do_not():
    units = readability.article_units(
        "<article><h1>Stödlinjer</h1><p>Ring t.ex. kl. 09.00 i dag.</p>"
        "<dl><dt>Öppet</dt><dd>Vardagar</dd></dl><svg><text>ignoreras</text></svg></article><p>utanför</p>")
    assert units == ["Stödlinjer", "Ring t.ex. kl. 09.00 i dag.", "Öppet Vardagar"]
    assert readability.measure(units).sentences == 3


def test_a_page_of_long_sentences_and_long_words_is_over_the_limit(tmp_path):
    page = tmp_path / "site" / "krangligt"
    page.mkdir(parents=True)
    page.joinpath("index.html").write_text(
        "<article><h1>Information</h1><p>" + "Kommunens förebyggande verksamhet avseende våldsbejakande "
        "extremism bedrivs i samverkan med myndigheter, civilsamhällesorganisationer och trossamfund i enlighet "
        "med fastställda riktlinjer och beslutade handlingsplaner. " * 3 + "</p></article>", "utf-8")
    (result,) = readability.measure_site(tmp_path / "site", LIMITS)
    assert result.path == "krangligt/" and result.over_limit and result.lix.value > 60
    assert "ÖVER GRÄNSEN" in readability.report([result], LIMITS, "test")


@pytest.mark.build
def test_every_resident_page_is_within_its_lix_limit(dataset, dataset_site):
    results = readability.measure_site(dataset_site, LIMITS)
    paths = {result.path for result in results}
    assert {"", "stodlinjer/", "stod-till-anhoriga/", "kontakta-kommunen/", "handlingsplan/"} <= paths
    assert not any(path.startswith(("en/", "personal/")) for path in paths)
    over = [f"/{r.path}: LIX {r.lix.value:.0f} (limit {r.limit})" for r in results if r.over_limit]
    assert not over, "\n".join(over) + "\n\n" + readability.report(results, LIMITS, dataset)


@pytest.mark.build
def test_the_easy_to_read_page_has_its_own_lower_limit(dataset_site):
    results = {r.path: r for r in readability.measure_site(dataset_site, LIMITS)}
    if readability.EASY_READ in results:
        assert results[readability.EASY_READ].limit == LIMITS.lix_easy_read < LIMITS.lix_max


@pytest.mark.build
def test_the_readability_table_names_every_page_and_the_limits(dataset_site):
    out = io.StringIO()
    status = readability.main(dataset_site.parent, LIMITS, site=dataset_site, stream=out)
    table = out.getvalue()
    assert status == 0
    assert "Läsbarhet (LIX)" in table and "Gräns: 45" in table and "/stodlinjer/" in table
    strict = Limits(lix_max=5, lix_target=5, lix_easy_read=5)
    assert readability.main(dataset_site.parent, strict, site=dataset_site, stream=io.StringIO()) == 1
