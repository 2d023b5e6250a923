"""A page's front matter as MkDocs reads it, and the Swedish message when it cannot be read (no build needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.utils.meta import get_data

from macros.render import page_meta

TODAY = date(2026, 11, 22)
GOOD = ("---\ndescription: Nationella stödlinjer och när de har öppet.\nlast_reviewed_on: 2026-11-22\n"
        "review_in: 6 months\nrender_macros: true\n---\n\n# Stödlinjer\n")


def problems_of(tmp_path: Path, source: str) -> list[str]:
    """page_meta.problems for a page with this source, with the metadata MkDocs itself would give it."""
    path = tmp_path / "stodlinjer.md"
    path.write_text(source, "utf-8")
    _, meta = get_data(source)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="stodlinjer.md", abs_src_path=str(path)), meta=meta)
    return [str(problem) for problem in page_meta.problems(page, today=TODAY)]


def test_a_good_front_matter_has_no_problems(tmp_path):
    assert problems_of(tmp_path, GOOD) == []


@pytest.mark.parametrize("old, new, expected", [
    ("description: Nationella", "description: Stödlinjer: nummer och", "docs/stodlinjer.md:2: Sidhuvudet går inte "
     "att läsa: ett kolon står där det inte får stå. Titta på raden och raden ovanför."),
    ("review_in: 6 months", "\treview_in: 6 months", "docs/stodlinjer.md:4: Sidhuvudet går inte att läsa: "
     "en tabb används som indrag."),
    ("last_reviewed_on: 2026-11-22", "last_reviewed_on: 2026-02-30", 'docs/stodlinjer.md:3: last_reviewed_on i '
     'sidhuvudet har värdet "2026-02-30", som inte går att använda. Skriv t.ex. last_reviewed_on: 2026-11-22.'),
    ("render_macros: true\n---\n", "render_macros: true\n", "docs/stodlinjer.md:1: Sidhuvudet tar aldrig slut. "
     "Skriv en rad med bara --- efter sidhuvudets sista fält, före sidans text."),
], ids=["colon-in-text", "tab", "date-that-does-not-exist", "no-closing-line"])
def test_an_unreadable_front_matter_names_the_real_problem_and_its_line(tmp_path, old, new, expected):
    assert old in GOOD
    found = problems_of(tmp_path, GOOD.replace(old, new, 1))
    assert len(found) == 1, found
    assert found[0].startswith(expected), found
    assert "saknar" not in found[0]


def test_a_missing_field_names_an_example_with_a_single_full_stop(tmp_path):
    found = problems_of(tmp_path, GOOD.replace("description: Nationella stödlinjer och när de har öppet.\n", ""))
    assert found == ["docs/stodlinjer.md:1: Sidan saknar description i sidhuvudet. Lägg till description: i "
                     "sidhuvudet (mellan raderna med --- överst), t.ex. description: En mening om vad sidan "
                     "handlar om."]


def test_a_page_without_any_front_matter_is_told_each_missing_field(tmp_path):
    found = problems_of(tmp_path, "# Stödlinjer\n\nText.\n")
    assert [f.split(". ")[0] for f in found] == [
        "docs/stodlinjer.md:1: Sidan saknar description i sidhuvudet",
        "docs/stodlinjer.md:1: Sidan saknar last_reviewed_on i sidhuvudet",
        "docs/stodlinjer.md:1: Sidan saknar review_in i sidhuvudet"]
