"""The public build refuses staff-only content (macros/guards/audience.py, called from macros/engine/hooks.py): staff text
copied into public pages or data, links to staff pages, includes of staff pages, staff attachments outside
personal/; and HTML comments never reach the pages of either site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.guards import audience
from macros.outputs.pdf.document import SIZE_MARK
from tests.support.project import NO_PDF, ROOT, copy_project, run_build

STAFF_PAGE = """---
description: Rutin för rektorer när det brådskar efter skolans slut.
last_reviewed_on: 2026-11-22
review_in: 6 months
render_macros: true
---

# Rektorernas jour

{{ t(plan.summary) }}

Rektorerna ringer säkerhetschefen direkt på mobilen efter klockan sexton när det brådskar.
Jouren svarar alla dagar.

Ring jouren och säg att det gäller en elev som du är orolig för och som behöver hjälp i kväll.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """docs/ and data/ of the project, with one more staff page whose text the tests copy."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "personal", root / "personal")
    shutil.copytree(ROOT / "data", root / "data")
    (root / "personal" / "jour.md").write_text(STAFF_PAGE, "utf-8")
    return root


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in audience.source_problems(root, root / "docs", root / "data")]


def append(path: Path, text: str) -> int:
    """Append text to a file; the line number the text starts on."""
    before = path.read_text("utf-8")
    path.write_text(before + text, "utf-8")
    return before.count("\n") + 1 + (len(text) - len(text.lstrip("\n")))


PAGE_FIX = "Intern text får inte stå på en publik sida. Ta bort den här eller flytta sidan till mappen personal/."
DATA_FIX = ("Intern text får inte stå i en publik uppgift. Ta bort den här, skriv den i staff_note, eller markera "
            "posten med audience: staff.")


# --- Staff text in public sources ------------------------------------------------------------------------

@pytest.mark.parametrize("data", ["data", "examples/umea/data"])
def test_neither_municipalitys_public_pages_and_data_repeat_any_staff_text(data):
    """The thresholds give no false alarm on real text: both datasets build."""
    staff_pages, _ = audience.markdown_pieces(ROOT / "docs", ROOT)
    staff_data, _ = audience.data_pieces(ROOT / data, ROOT)
    assert audience.StaffIndex.of(staff_pages + staff_data).size >= 500
    assert audience.source_problems(ROOT, ROOT / "docs", ROOT / data) == []


def test_a_staff_sentence_copied_into_a_public_page_is_reported_with_file_line_and_source(project):
    line = append(project / "docs" / "stod-till-anhoriga.md",
                  "\nJouren svarar alla dagar. Rektorerna ringer säkerhetschefen direkt på mobilen efter klockan "
                  "sexton när det brådskar.\n")
    assert problems(project) == [
        f"docs/stod-till-anhoriga.md:{line}: Texten »Rektorerna ringer säkerhetschefen direkt på mobilen efter "
        f"klockan sexton när …« finns också i intern text (personal/jour.md rad 12). {PAGE_FIX}"]  # cut at 80


def test_a_copy_is_found_whatever_its_case_line_breaks_and_markup(project):
    line = append(project / "docs" / "om-webbplatsen.en.md",
                  "\n- **Rektorerna ringer** säkerhetschefen\n  direkt på MOBILEN efter klockan sexton när det "
                  "[brådskar](kontakta-kommunen.md).\n")
    assert [p.split(": Texten")[0] for p in problems(project)] == [f"docs/om-webbplatsen.en.md:{line}"]


def test_ten_words_of_a_staff_paragraph_are_reported_but_not_nine(project):
    page = project / "docs" / "om-webbplatsen.md"
    nine = append(page, "\nSkriv och säg att det gäller en elev som du känner.\n")
    assert problems(project) == []
    ten = append(page, "\nDu kan ringa jouren och säg att det gäller en elev som du är orolig för.\n")
    assert [p.split(" finns")[0] for p in problems(project)] == [
        f"docs/om-webbplatsen.md:{ten}: Texten »jouren och säg att det gäller en elev som du är orolig för«"]
    assert nine < ten


def test_a_whole_sentence_of_five_words_is_reported_but_not_of_four(project):
    page = project / "docs" / "om-webbplatsen.md"
    append(page, "\n## Jouren svarar alla dagar\n")   # four words: a phrase any page may have
    assert problems(project) == []
    append(project / "personal" / "jour.md", "\nJouren svarar alla dagar i veckan.\n")
    line = append(page, "\nJOUREN svarar alla dagar i veckan!\n")
    assert [p.split(" finns")[0] for p in problems(project)] == [
        f"docs/om-webbplatsen.md:{line}: Texten »JOUREN svarar alla dagar i veckan«"]


def test_macro_calls_front_matter_and_comments_of_a_staff_page_are_not_staff_text(project):
    """The plan's summary is shown on the staff page by a macro; its description is staff text, its keys not."""
    append(project / "docs" / "om-webbplatsen.md",
           "\nlast_reviewed_on: 2026-11-22 review_in: 6 months render_macros: true\n")
    assert problems(project) == []
    line = append(project / "docs" / "tillganglighet.md",
                  "\nRutin för rektorer när det brådskar efter skolans slut.\n")
    assert problems(project) == [
        f"docs/tillganglighet.md:{line}: Texten »Rutin för rektorer när det brådskar efter skolans slut« finns "
        f"också i intern text (personal/jour.md rad 2). {PAGE_FIX}"]


def test_a_note_in_an_html_comment_of_a_public_page_is_not_reported_since_it_is_not_published(project):
    append(project / "docs" / "om-webbplatsen.md", "\n<!-- Rektorerna ringer säkerhetschefen direkt på mobilen "
                                                   "efter klockan sexton när det brådskar. -->\n")
    assert problems(project) == []


def test_staff_data_copied_into_public_data_is_reported_with_both_lines(project):
    contacts = project / "data" / "contacts.yml"
    text = contacts.read_text("utf-8")
    contacts.write_text(text.replace(
        "      sv: Socialtjänsten nås via kommunens växel.\n",
        "      sv: Socialtjänsten nås via kommunens växel. Beskriv först ärendet utan namn eller personnummer.\n"),
        "utf-8")
    lines = contacts.read_text("utf-8").splitlines()
    public = next(n for n, line in enumerate(lines, 1) if "nås via kommunens växel. Beskriv" in line)
    staff = next(n for n, line in enumerate(lines, 1) if line.strip() == "staff_note: >-")
    assert problems(project) == [
        f"data/contacts.yml:{public}: Texten »Beskriv först ärendet utan namn eller personnummer« finns också i "
        f"intern text (data/contacts.yml rad {staff}). {DATA_FIX}"]


def test_staff_guidance_copied_into_a_public_page_is_reported(project):
    guidance = (project / "data" / "staff_guidance.yml").read_text("utf-8").splitlines()
    staff = next(n for n, line in enumerate(guidance, 1) if "Spara inte anteckningar om ärendet" in line)
    line = append(project / "docs" / "index.md",
                  "\nSpara inte anteckningar om ärendet på egen hand, till exempel i mobilen.\n")
    assert problems(project) == [
        f"docs/index.md:{line}: Texten »Spara inte anteckningar om ärendet på egen hand, till exempel i mobilen« "
        f"finns också i intern text (data/staff_guidance.yml rad {staff}). {PAGE_FIX}"]


# --- Attachments -----------------------------------------------------------------------------------------

def test_an_attachment_only_staff_pages_link_must_lie_in_personal(project):
    docs = project / "docs"
    (docs / "assets" / "blankett.pdf").write_bytes(b"%PDF-1.4\n")
    (docs / "assets" / "gemensam.pdf").write_bytes(b"%PDF-1.4\n")
    (project / "personal" / "bilagor").mkdir()
    (project / "personal" / "bilagor" / "intern.pdf").write_bytes(b"%PDF-1.4\n")
    line = append(project / "personal" / "jour.md", "\nSe [blanketten](../assets/blankett.pdf), "
                  "[den gemensamma](../assets/gemensam.pdf) och ![intern](bilagor/intern.pdf).\n")
    append(docs / "tillganglighet.md", '\n<a href="assets/gemensam.pdf">Gemensam blankett</a>\n')
    assert [str(problem) for problem in audience.attachment_problems(docs, project)] == [
        f"personal/jour.md:{line}: Filen docs/assets/blankett.pdf länkas bara från personalens sidor, men den "
        "ligger utanför mappen personal/ och publiceras därför också på den publika webbplatsen. Lägg bilagan i "
        "mappen personal/ (till exempel personal/bilagor/) och ändra länken."]


def test_a_stylesheet_the_configuration_uses_is_no_staff_attachment(project):
    append(project / "personal" / "jour.md", "\n[Stilmall](../assets/stylesheets/motverka.css)\n")
    assert audience.attachment_problems(project / "docs", project) != []
    assert audience.attachment_problems(project / "docs", project, {"assets/stylesheets/motverka.css"}) == []


# --- Includes, links and comments ------------------------------------------------------------------------

def test_an_include_of_a_staff_page_is_reported_and_never_rendered(project):
    docs = project / "docs"
    (docs / "snippets").mkdir()
    (docs / "snippets" / "kort.md").write_text('{%- include "./personal/jour.md" -%}\n', "utf-8")
    page = docs / "kontakta-kommunen.md"
    first = append(page, '\n{% include "personal/konsultation.md" %}\n')
    append(page, '\n{% include "snippets/kort.md" %}\n')
    assert [str(problem) for problem in audience.include_problems(page, docs, project)] == [
        f'docs/kontakta-kommunen.md:{first}: {{% include "personal/konsultation.md" %}} tar in text från '
        "personalens sidor på en publik sida. Ta bort raden. Intern text får bara stå på sidor i mappen "
        "personal/.",
        'docs/snippets/kort.md:1: {%- include "./personal/jour.md" -%} tar in text från personalens sidor på en '
        "publik sida. Ta bort raden. Intern text får bara stå på sidor i mappen personal/."]
    kept = audience.without_staff_includes(page.read_text("utf-8"))
    assert "personal/konsultation.md" not in kept and '{% include "snippets/kort.md" %}' in kept
    assert kept.count("\n") == page.read_text("utf-8").count("\n")


SLUGS = {"vid-oro", "konsultation"}


@pytest.mark.parametrize("href, page, expected", [
    ("../personal/vid-oro/", "om-webbplatsen/", "personal/vid-oro/"),              # [x](personal/vid-oro.md)
    ("personal/vid-oro.md", "en/om-webbplatsen/", "personal/vid-oro/"),            # left as is by MkDocs
    ("../../personal/", "en/om-webbplatsen/", "personal/"),
    ("personal/konsultation/", "om-webbplatsen/", "personal/konsultation/"),       # raw <a>, resolves elsewhere
    ("https://intranat.kommun.se/personal/vid-oro/", "om-webbplatsen/", "personal/vid-oro/"),
    ("http://127.0.0.1:8000/personal/konsultation/#steg", "om-webbplatsen/", "personal/konsultation/"),
    ("../handlingsplan-personal.pdf", "handlingsplan/", "handlingsplan-personal.pdf"),
    ("../handlingsplan.pdf", "handlingsplan/", None),
    ("../personalen/", "om-webbplatsen/", None),
    ("https://www.katrineholm.se/personal/", "om-webbplatsen/", None),               # no staff page's path
    ("mailto:personal/vid-oro@kommun.se", "om-webbplatsen/", None),
    ("#personal", "om-webbplatsen/", None),
])
def test_an_address_on_a_public_page_is_a_staff_address_when_it_leads_to_or_shows_a_staff_page(href, page,
                                                                                               expected):
    assert audience.staff_address(href, page, "http://127.0.0.1:8000/", SLUGS) == expected


def test_a_link_to_a_staff_page_is_reported_on_the_line_that_has_it(tmp_path):
    source = tmp_path / "om-webbplatsen.md"
    source.write_text("# Om\n\nText.\n\nLäs [rutinen](personal/vid-oro.md).\n", "utf-8")
    html = '<p>Läs <a href="../personal/vid-oro/">rutinen</a>.</p><p><a href="../stodlinjer/">Stödlinjer</a></p>'
    assert [str(problem) for problem in audience.link_problems(html, "om-webbplatsen/", str(source),
                                                                "docs/om-webbplatsen.md", None, SLUGS)] == [
        "docs/om-webbplatsen.md:5: Länken går till personal/vid-oro/ på personalens webbplats. Den sidan finns inte "
        "på den publika webbplatsen, och länken skulle visa adressen till personalens sidor. Ta bort länken, eller "
        "flytta texten med länken till en sida i mappen personal/."]


def test_the_staff_pages_addresses_come_from_the_personal_folder():
    assert {"vid-oro", "konsultation", "styrning"} <= audience.staff_slugs(ROOT)
    assert "index" not in audience.staff_slugs(ROOT)


def test_html_comments_are_removed_but_the_pdf_size_placeholder_stays():
    html = (f'<p>Text<!-- internt: ring rektorernas\njour --></p><a href="x.pdf">PDF {SIZE_MARK}</a>'
            "<pre><code>&lt;!-- visas som kod --&gt;</code></pre>")
    assert audience.without_comments(html, keep=(SIZE_MARK,)) == (
        f'<p>Text</p><a href="x.pdf">PDF {SIZE_MARK}</a><pre><code>&lt;!-- visas som kod --&gt;</code></pre>')


# --- The build -------------------------------------------------------------------------------------------

@pytest.mark.build
def test_the_public_build_stops_and_names_every_kind_of_staff_content_at_once(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (project / "personal" / "jour.md").write_text(STAFF_PAGE, "utf-8")
    nav = project / "mkdocs.staff.yml"
    nav.write_text(nav.read_text("utf-8").replace("      - personal/index.md\n",
                                                  "      - personal/index.md\n      - personal/jour.md\n"), "utf-8")
    copied = append(docs / "stod-till-anhoriga.md", "\nRektorerna ringer säkerhetschefen direkt på mobilen efter "
                                                    "klockan sexton när det brådskar.\n")
    linked = append(docs / "om-webbplatsen.md", "\nPersonal: läs [rutinen vid oro](personal/vid-oro.md).\n")
    raw = append(docs / "om-webbplatsen.md", '\nEller <a href="personal/konsultation/">konsultationen</a>.\n')
    included = append(docs / "kontakta-kommunen.md", '\n{% include "personal/utbildning.md" %}\n')
    (docs / "assets" / "blankett.txt").write_text("Intern blankett\n", "utf-8")
    attached = append(project / "personal" / "jour.md", "\nLadda ner [blanketten](../assets/blankett.txt).\n")
    result = run_build(project, tmp_path / "out", env=NO_PDF)
    assert result.returncode == 1
    for expected in [
        f"docs/stod-till-anhoriga.md:{copied}: Texten »Rektorerna ringer säkerhetschefen direkt på mobilen efter "
        f"klockan sexton när …« finns också i intern text (personal/jour.md rad 12).",
        f"docs/om-webbplatsen.md:{linked}: Länken går till personal/vid-oro/ på personalens webbplats.",
        f"docs/om-webbplatsen.md:{raw}: Länken går till personal/konsultation/ på personalens webbplats.",
        f'docs/kontakta-kommunen.md:{included}: {{% include "personal/utbildning.md" %}} tar in text från '
        "personalens sidor på en publik sida.",
        f"personal/jour.md:{attached}: Filen docs/assets/blankett.txt länkas bara från personalens sidor",
        "Webbplatsen byggdes inte (mkdocs.yml",
    ]:
        assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.stdout   # the include was not rendered, so no macro failed on it
