"""`make check` checks the pages without building: the menu, translations, links, anchors, front matter and
macro calls. Its messages are the build's (macros/cli/build.py translates MkDocs' words into the same ones)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli.build import Dataset, check, translate
from macros.contract.pages import page_problems
from tests.conftest import DATASETS, TODAY, site_data
from tests.support.project import ROOT, copy_project

PAGE = ("---\ndescription: Stöd för skolans personal.\nlast_reviewed_on: 2026-11-22\nreview_in: 12 months\n"
        "render_macros: true\n---\n\n# För skolan\n\n## Att ringa\n\nText.\n")


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A copy of the pages and both sites' configuration, to break."""
    for part in ("docs", "personal"):
        shutil.copytree(ROOT / part, tmp_path / part)
    for config in ("mkdocs.yml", "mkdocs.staff.yml"):
        shutil.copyfile(ROOT / config, tmp_path / config)
    return tmp_path


def add_to_menu(root: Path, entry: str, after: str = "  - Så döljer du ditt besök: dolj-ditt-besok.md") -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(after, f"{after}\n{entry}"), "utf-8")


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_in(root: Path, relative: str, needle: str) -> int:
    return next(n for n, line in enumerate((root / relative).read_text("utf-8").splitlines(), 1) if needle in line)


def said(root: Path, dataset: str = "katrineholm") -> list[str]:
    return [str(p) for p in page_problems(root, TODAY, site_data(dataset))]


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_pages_as_they_are_have_no_problems(dataset):
    assert page_problems(ROOT, TODAY, site_data(dataset)) == []


def test_a_new_page_without_its_english_version_is_named_as_such(pages):
    (pages / "docs" / "for-skolan.md").write_text(PAGE, "utf-8")
    add_to_menu(pages, "  - För skolan: for-skolan.md")
    found = said(pages)
    line = line_in(pages, "mkdocs.yml", "for-skolan.md")
    assert f"mkdocs.yml:{line}: Sidan for-skolan.md står i menyn men saknar sin engelska version, " \
           "for-skolan.en.md. Skriv den i docs/for-skolan.en.md" in "\n".join(found)
    assert not any("som inte finns i docs/" in message for message in found), found


def test_the_build_names_a_missing_english_version_as_the_check_does(pages):
    (pages / "docs" / "for-skolan.md").write_text(PAGE, "utf-8")
    add_to_menu(pages, "  - För skolan: for-skolan.md")
    # What the English build of MkDocs 1.6 with static-i18n says about it (tests/test_page_checks.py › build).
    output = ("WARNING -  A reference to 'for-skolan.md' is included in the 'nav' configuration, which is not "
              "found in the documentation files.\n")
    from_build = [str(p) for p in translate(output, pages / "docs")]
    assert from_build and from_build == [m for m in said(pages) if "engelska version" in m]


def test_a_menu_title_without_its_translation_is_reported(pages):
    (pages / "docs" / "for-skolan.md").write_text(PAGE, "utf-8")
    (pages / "docs" / "for-skolan.en.md").write_text(PAGE.replace("För skolan", "For schools"), "utf-8")
    add_to_menu(pages, "  - För skolan: for-skolan.md")
    line = line_in(pages, "mkdocs.yml", "För skolan: for-skolan.md")
    assert said(pages) == [f'mkdocs.yml:{line}: Menyns rubrik "För skolan" saknar översättning till engelska. '
                           "Lägg till en rad under nav_translations: för språket en i mkdocs.yml: rubriken, kolon "
                           "och översättningen, t.ex. För skolan: …"]
    edit(pages, "mkdocs.yml", "          Stödlinjer: Support lines", "          Stödlinjer: Support lines\n"
                                                                     "          För skolan: For schools")
    assert said(pages) == []


def test_a_page_outside_the_menu_and_a_menu_entry_without_a_page_are_named(pages):
    (pages / "docs" / "ny-sida.md").write_text(PAGE, "utf-8")
    (pages / "personal" / "ny.md").write_text(PAGE, "utf-8")
    edit(pages, "mkdocs.staff.yml", "personal/styrning.md", "personal/styrnin.md")
    found = said(pages)
    assert "docs/ny-sida.md:1: Sidan finns inte i menyn. Lägg till den under nav: i mkdocs.yml" in "\n".join(found)
    assert "personal/ny.md:1: Sidan finns inte i menyn. Lägg till den under staff_nav: i mkdocs.staff.yml" \
        in "\n".join(found)
    line = line_in(pages, "mkdocs.staff.yml", "styrnin.md")
    assert f"mkdocs.staff.yml:{line}: Menyn pekar på personal/styrnin.md, som inte finns i docs/." in "\n".join(found)
    assert "docs/lattlast.md" not in "\n".join(found)  # under not_in_nav


def test_broken_links_anchors_and_images_are_named_with_their_lines(pages):
    edit(pages, "docs/index.md", "[Alla stödlinjer](stodlinjer.md)",
         "[Alla stödlinjer](stodlinje.md) [Bris](stodlinjer.md#briss) ![Karta](bilder/karta.png) "
         "[Start](/stodlinjer/) [Mapp](stodlinjer/)")
    edit(pages, "personal/metod-och-genus.md", "../handlingsplan.md#fokusomraden", "../handlingsplan.md#fokus")
    line = line_in(pages, "docs/index.md", "stodlinje.md")
    staff = line_in(pages, "personal/metod-och-genus.md", "#fokus")
    found = said(pages)
    assert sorted(found) == sorted([
        f"docs/index.md:{line}: Länken till stodlinje.md leder ingenstans. Kontrollera filnamnet. Länka till "
        ".md-filen, t.ex. [Stödlinjer](stodlinjer.md).",
        f"docs/index.md:{line}: Länken stodlinjer.md#briss pekar på en rubrik som inte finns. Kontrollera delen "
        "efter #. Den ska vara rubrikens text med små bokstäver och bindestreck.",
        f"docs/index.md:{line}: Bilden bilder/karta.png finns inte. Kontrollera filnamnet (stora och små bokstäver "
        "räknas) och att bilden ligger i docs/, gärna i docs/assets/. Skriv sökvägen från sidan till bilden, "
        "t.ex. "
        "![Vad bilden visar](assets/karta.png).",
        f"docs/index.md:{line}: Länken /stodlinjer/ börjar med /, så den fungerar inte där webbplatsen publiceras. "
        "Länka till sidans .md-fil i stället, räknat från den här sidan, t.ex. (stodlinjer.md).",
        f"docs/index.md:{line}: Länken stodlinjer/ pekar inte på någon fil i docs/. Länka till sidans .md-fil, "
        "t.ex. (stodlinjer.md) i stället för (stodlinjer/).",
        f"personal/metod-och-genus.md:{staff}: Länken ../handlingsplan.md#fokus pekar på en rubrik som inte finns. "
        "Kontrollera delen efter #. Den ska vara rubrikens text med små bokstäver och bindestreck.",
    ])


def test_a_misspelt_macro_gets_a_suggestion_and_wrong_values_an_example(pages):
    edit(pages, "docs/stodlinjer.md", '{{ support_lines("police") }}',
         '{{ suport_lines("police") }} {{ contact() }} {{ focus_areas(nivå=2) }} {{ support_line("x", 3, 4) }} '
         '{{ support_line("orostelefon") }} {{ contact("sakerhetschefen-konsultation") }}')
    line = line_in(pages, "docs/stodlinjer.md", "suport_lines")
    where = f"docs/stodlinjer.md:{line}: "
    found = said(pages)
    for message in [
        "Namnet suport_lines finns inte. Kontrollera stavningen inom {{ }} (menade du support_lines?).",
        'contact saknar id inom parentesen. Så här ser ett anrop ut: {{ contact("kommunens-vaxel") }}',
        "focus_areas har inget värde som heter nivå.",
        "support_line: för många värden inom parentesen (3, men högst 2 går att använda).",
        'support_line("orostelefon"): det finns ingen stödlinje med det id:t.',
        'contact("sakerhetschefen-konsultation") visar en intern post på en publik sida.',
    ]:
        assert any(f.startswith(where + message) for f in found), (message, found)


def test_a_macro_syntax_error_is_named_with_its_line(pages):
    edit(pages, "docs/stodlinjer.md", '{{ support_lines("police") }}', '{{ support_lines("police") }')
    line = line_in(pages, "docs/stodlinjer.md", '{{ support_lines("police") }')
    assert said(pages) == [f"docs/stodlinjer.md:{line}: Mallfel: en }} saknas eller står för mycket (skriv }}}} med "
                           "två klamrar). Kontrollera att varje {{ har ett }} och att texten mellan dem är ett makro "
                           "från bidra/makron.md."]


def test_front_matter_is_checked_by_the_builds_own_code(pages):
    edit(pages, "docs/stodlinjer.md", "review_in: 6 months", "review_in: snart")
    edit(pages, "personal/vid-oro.md", "description:", "beskrivning:")
    found = "\n".join(said(pages))
    assert f"docs/stodlinjer.md:{line_in(pages, 'docs/stodlinjer.md', 'review_in')}: review_in i sidhuvudet har " \
           'värdet "snart"' in found
    assert "personal/vid-oro.md:1: Sidan saknar description i sidhuvudet." in found


def run_check(project: Path, data: str = "data") -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("MOTVERKA_DATA", "GITHUB_ACTIONS")}
    return subprocess.run([sys.executable, "-m", "macros", "--data", data, "check"], cwd=project, capture_output=True,
                          text=True, env={**environment, "MOTVERKA_TODAY": "2026-12-05"}, timeout=60)


def test_make_check_reports_pages_and_data_together_and_counts_right(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, "docs/index.md", "[Alla stödlinjer](stodlinjer.md)", "[Alla stödlinjer](stodlinje.md)")
    result = run_check(project)
    assert result.returncode == 1
    assert "Länken till stodlinje.md leder ingenstans." in result.stdout
    assert result.stdout.rstrip().endswith("1 fel. Rätta det och kör `make check` igen."), result.stdout
    edit(project, "data/contacts.yml", "phone: 0150-570 00", "phone: 0150-570")
    result = run_check(project)
    assert "0150-570" in result.stdout and result.stdout.rstrip().endswith(
        "2 fel. Rätta dem och kör `make check` igen."), result.stdout


def test_one_problem_reads_in_the_singular():
    stream = io.StringIO()
    assert check(Dataset(ROOT / "exampels", ROOT), stream=stream) == 1
    assert stream.getvalue().rstrip().endswith("1 fel. Rätta det och kör `make check` igen.")


@pytest.mark.build
def test_the_check_and_mkdocs_find_the_same_link_and_menu_problems(tmp_path):
    """The same broken pages through MkDocs' own validation (translated by the build) and through the check."""
    project = copy_project(tmp_path / "project")
    edit(project, "docs/index.md", "[Alla stödlinjer](stodlinjer.md)",
         "[Alla stödlinjer](stodlinje.md) [Bris](stodlinjer.md#briss) ![Karta](bilder/karta.png) "
         "[Start](/stodlinjer/) [Mapp](stodlinjer/)")
    edit(project, "docs/om-webbplatsen.md", "(dolj-ditt-besok.md)", "(dolj-ditt-besok.md#saknas)")
    (project / "docs" / "ny-sida.md").write_text(PAGE, "utf-8")
    (project / "docs" / "for-skolan.md").write_text(PAGE, "utf-8")
    add_to_menu(project, "  - För skolan: for-skolan.md")
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS",)}
    environment.update(MOTVERKA_TODAY="2026-12-05", NO_MKDOCS_2_WARNING="1", MOTVERKA_DATA=str(project / "data"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d",
                             str(tmp_path / "out")], cwd=project, env=environment, capture_output=True, text=True,
                            timeout=600)
    from_build = {str(p) for p in translate(result.stdout + result.stderr, project / "docs")}
    from_check = {str(p) for p in page_problems(project, TODAY, site_data("katrineholm"))}
    # The check also names what the build cannot see until it renders the menu: the missing menu translation.
    assert from_build == {m for m in from_check if "saknar översättning" not in m}
    assert len(from_build) >= 7


@pytest.mark.parametrize("key, values, one", [
    ("check_failed", {"command": "make check"}, "1 fel. Rätta det och kör `make check` igen."),
    ("build_fix_above", {}, "Rätta felet ovan och kör `make site` igen."),
    ("fresh_count_stale", {}, "1 uppgift är för gammal"),
    ("fresh_count_pages", {}, "1 sida behöver granskas"),
    ("lix_some_over", {"pages": "/lattlast/"}, "1 sida är över sin gräns: /lattlast/."),
    ("linkcheck_broken", {"site": "site", "urls": 40}, "site: 1 trasig länk bland 40 kontrollerade:"),
    ("watch_updated", {"today": "2026-12-05"}, "verified flyttades till 2026-12-05 (verified_by: källbevakningen) "
                                               "på 1 bekräftad post."),
])
def test_a_count_reads_right_for_one_and_for_many(key, values, one):
    from macros.text.messages import ui

    assert ui(key, count=1, **values).startswith(one)
    many = ui(key, count=3, **values)
    assert "3" in many or "felen" in many
    assert " det " not in many and "1 " not in many
