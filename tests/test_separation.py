"""Staff content stays off the public site by construction, and the text guard catches what is typed by hand.

Two copies of the project are built, each with many routes planted at once (a build takes seconds); every route
is asserted on its own. The first copy tries the routes that construction closes: the public MkDocs process
holds no staff record, no staff field and no staff page, and page templates run in Jinja's sandbox, so each
try fails the build with the page and line, and no staff text reaches any output. The second copy types staff
contact details and staff text into public pages by hand, where only the text guard (macros/guards/leak_guard.py,
run by macros/cli/build.py over the built public site) can see them.

Each route was seen to leak (a green build, staff text in the public site) or to pass unnoticed on the code
before the change, except where the table says it was already closed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.support.project import NO_PDF, ROOT, copy_project, run_build

pytestmark = pytest.mark.build

STAFF_SENTENCE = "Säg inte namnet på personen förrän ni har bestämt att det behövs."   # personal/konsultation.md
STAFF_GUIDANCE = "Spara inte anteckningar om ärendet på egen hand"                     # staff_guidance.yml
STAFF_STEP = "Fråga vad du ska göra härnäst och vem som gör vad."                    # personal/konsultation.md
STAFF_NOTE = "Beskriv först ärendet utan namn eller personnummer"                      # a staff_note
STAFF_NUMBER = "070-123 45 67"
STAFF_EMAIL = "rektorsjour@katrineholm.se"
STAFF_NAME = "Rektorernas kvällsjour"
STAFF_RECORD = f"""
  - id: rektorernas-jour
    audience: staff
    name: {STAFF_NAME}
    role: Rektorer ringer jouren på kvällar och helger när det gäller en elev.
    phone: {STAFF_NUMBER}
    email: {STAFF_EMAIL}
    source: https://www.katrineholm.se/
    verified: odaterad
"""
FRONT = ("---\ndescription: {description}\nlast_reviewed_on: 2026-11-22\nreview_in: 6 months\n"
         "render_macros: true\n---\n\n# Prov\n\n")


def staff_folder(project: Path) -> Path:
    """personal/ (beside docs/), or docs/personal/ in a checkout from before the move."""
    return project / "personal" if (project / "personal").is_dir() else project / "docs" / "personal"


def add_page(project: Path, name: str, body: str, description: str = "En sida som prövar en väg.") -> int:
    """A public page outside the navigation; the line its body starts on."""
    (project / "docs" / name).write_text(FRONT.format(description=description) + body, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("not_in_nav: |\n", f"not_in_nav: |\n  {name}\n"), "utf-8")
    return FRONT.count("\n") + 1


def with_staff_record(project: Path) -> None:
    contacts = project / "data" / "contacts.yml"
    contacts.write_text(contacts.read_text("utf-8").rstrip("\n") + "\n" + STAFF_RECORD, "utf-8")


def public_text(out: Path) -> str:
    """Every file of the public site as text (binary files as Latin-1, so that nothing is skipped)."""
    site = out / "site"
    if not site.is_dir():
        return ""
    return "\n".join(p.read_bytes().decode("utf-8", errors="replace") for p in site.rglob("*") if p.is_file())


# --- Closed by construction ------------------------------------------------------------------------------

KONSULTATION = "konsultation.md"
GENERATED = ('.generated(config, "x.md", abs_src_path=config.config_file_path | replace("mkdocs.yml", '
             '"personal/konsultation.md")).content_string')

# route: page body. Each goes on a page of its own: mkdocs-macros stops a page at its first error.
INSIDE = {
    "staff record via a macro": '{{ contact("sakerhetschefen-konsultation") }}\n',
    "staff field via a variable": "{{ t(municipality.consultation.description) }}\n",
    "staff guidance via a variable": "{{ staff_guidance.documentation }}\n",
    "macro's __globals__": '{{ t.__globals__["current"]().data.staff_guidance.documentation }}\n',
    "config's hook module": '{{ config.plugins["macros/engine/hooks.py"].current(config).view }}\n',
    "the build's state on config": "{{ config._motverka_build.staff_slugs }}\n",
    "the build's state as a key": '{{ config["_motverka_build"].staff_slugs }}\n',
    "files: a staff page's text": '{% for f in files %}{% if "konsultation" in f.src_uri %}{{ f.content_string }}'
                                  '{% endif %}{% endfor %}\n',
    "files: a new File from a path": "{{ (files.documentation_pages() | first)" + GENERATED + " }}\n",
    "page: a new File from a path": "{{ page.file" + GENERATED + " }}\n",
    "include personal/": '{% include "personal/konsultation.md" %}\n',
    "include ./personal/": '{% include "./personal/konsultation.md" %}\n',
    "include ../personal/": '{% include "../personal/konsultation.md" %}\n',
    "include PERSONAL/": '{% include "PERSONAL/konsultation.md" %}\n',
    "include a computed name": '{% include "perso" ~ "nal/konsultation.md" %}\n',
    "include a list of names": '{% include ["saknas.md", "personal/konsultation.md"] %}\n',
    "import": '{% import "personal/konsultation.md" as k %}\n',
}


@pytest.fixture(scope="module")
def inside(tmp_path_factory):
    """One copy with every INSIDE route on its own page."""
    base = tmp_path_factory.mktemp("inside")
    project = copy_project(base / "project")
    lines = {}
    staff_page = (staff_folder(project) / KONSULTATION).relative_to(project).as_posix()
    for number, (route, body) in enumerate(INSIDE.items()):
        body = body.replace('"personal/konsultation.md")', f'"{staff_page}")')   # where the staff page really is
        lines[route] = (f"docs/rutt-{number}.md", add_page(project, f"rutt-{number}.md", body))
    result = run_build(project, base / "out", env=NO_PDF)
    return result, lines, base / "out"


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """A copy with a symbolic link in docs/ to the staff pages, included by a public page, and a docs/personal/
    with a staff page put back: both refused before MkDocs runs."""
    base = tmp_path_factory.mktemp("folders")
    project = copy_project(base / "project")
    add_page(project, "rutt.md", '{% include "rutiner/konsultation.md" %}\n')
    os.symlink(staff_folder(project), project / "docs" / "rutiner")
    if (project / "personal").is_dir():   # a staff page put back into docs/
        (project / "docs" / "personal").mkdir()
        (project / "docs" / "personal" / "jour.md").write_text(FRONT.format(description="Jour.") + "Jour.\n")
    return run_build(project, base / "out", env=NO_PDF), base / "out"


@pytest.mark.parametrize("route", INSIDE)
def test_a_route_to_staff_content_from_a_public_page_fails_the_build_at_its_line(inside, route):
    result, lines, out = inside
    page, line = lines[route]
    assert result.returncode == 1
    assert f"{page}:{line}: " in result.stdout, result.stdout


@pytest.mark.parametrize("route", INSIDE)
def test_no_route_puts_staff_text_in_the_output_or_the_messages(inside, route):
    result, lines, out = inside
    for secret in (STAFF_SENTENCE, STAFF_GUIDANCE, "Spara inte anteckningar"):
        assert secret not in result.stdout and secret not in public_text(out)


def test_a_symlink_in_docs_is_refused_before_anything_is_built(folders):
    result, out = folders
    assert result.returncode == 1
    assert "docs/rutiner:1: docs/rutiner är en genväg (symbolisk länk)" in result.stdout, result.stdout
    assert STAFF_SENTENCE not in result.stdout and not (out / "site").exists()


def test_a_staff_folder_in_docs_is_refused_before_anything_is_built(folders):
    result, out = folders
    assert "docs/personal/:1: Mappen docs/personal/ ligger i docs/" in result.stdout, result.stdout


# --- Resting on the text guard ---------------------------------------------------------------------------

def _pdf_with(text: str, path: Path) -> None:
    from weasyprint import HTML

    HTML(string=f'<html lang="sv"><body><p>{text}</p></body></html>').write_pdf(path)


# route: (page body, what the message says). Numbers and addresses are written differently each time.
BY_HAND = {
    "number in alt text": ("![Ring 070-123 45 67](assets/favicon.svg)\n", "070-123 45 67"),
    "number in a title": ('[Jouren](index.md "Direkt: 070 123 45 67")\n', "070 123 45 67"),
    "number in an attribute list": ("Ring oss.\n{: data-nummer=\"+46701234567\" }\n", "+46701234567"),
    "number in unquoted HTML": ("<span title=0701234567>Jour</span>\n", "0701234567"),
    "number in a code block": ("```\n070-1234567\n```\n", "070-1234567"),
    "number in a heading": ("## Jouren: 070–123 45 67\n", "070–123 45 67"),
    "e-mail address": ("Skriv till Rektorsjour@katrineholm.se.\n", "Rektorsjour@katrineholm.se"),
    "internal function's name": ("Fråga rektorernas kvällsjour om hjälp.\n", "Rektorernas kvällsjour"),
    "staff text split across paragraphs": ("Säg inte namnet på personen förrän\n\nni har bestämt att det "
                                           "behövs, sa hon.\n", "namnet på personen förrän ni har"),
}


@pytest.fixture(scope="module")
def by_hand(tmp_path_factory):
    """One copy with a staff record, every BY_HAND route on a line of one page, a number in a page's front
    matter, a staff sentence in the English edition, a PDF attachment with staff text, and a stray file."""
    base = tmp_path_factory.mktemp("by_hand")
    project = copy_project(base / "project")
    with_staff_record(project)
    start = add_page(project, "prov.md", "".join(body + "\n" for body, _ in BY_HAND.values()),
                     description=f"Personalen når jouren på {STAFF_NUMBER.replace('-', ' ')}.")
    lines, line = {}, start
    for route, (body, shown) in BY_HAND.items():   # the line of the body that has what the message shows
        first = next((n for n, text in enumerate(body.splitlines()) if shown.split()[0] in text), 0)
        lines[route] = line + first
        line += body.count("\n") + 1
    english = project / "docs" / "om-webbplatsen.en.md"
    english_line = english.read_text("utf-8").count("\n") + 2
    english.write_text(english.read_text("utf-8") + f"\n{STAFF_NOTE}.\n", "utf-8")
    _pdf_with(STAFF_STEP, project / "docs" / "assets" / "rutin.pdf")
    attached = add_page(project, "blankett.md", "Hämta [blanketten](assets/rutin.pdf).\n")
    (project / "docs" / "assets" / "export.csv").write_text("namn;nummer\nVäxeln;0150-570 00\n", "utf-8")
    result = run_build(project, base / "out", env=NO_PDF)
    return result, lines, english_line, attached, project


@pytest.mark.parametrize("route", BY_HAND)
def test_staff_details_typed_into_a_public_page_stop_the_build_with_the_page_and_line(by_hand, route):
    result, lines, *_ = by_hand
    assert result.returncode == 1
    found = [line for line in result.stdout.splitlines() if line.startswith(f"docs/prov.md:{lines[route]}: ")]
    assert found and BY_HAND[route][1] in found[0], result.stdout


def test_a_staff_number_in_the_front_matter_stops_the_build_at_its_line(by_hand):
    result, *_ = by_hand
    assert "docs/prov.md:2: Numret 070 123 45 67 står i den publika webbplatsen" in result.stdout, result.stdout


def test_staff_text_in_the_english_edition_stops_the_build(by_hand):
    result, _, english_line, *_ = by_hand
    assert f"docs/om-webbplatsen.en.md:{english_line}: Texten »{STAFF_NOTE}«" in result.stdout, result.stdout


def test_staff_text_in_an_attachment_stops_the_build_naming_the_file(by_hand):
    result, *_ = by_hand
    assert ("site/assets/rutin.pdf:1: Texten »Fråga vad du ska göra härnäst och vem som gör vad« står i den "
            "publika webbplatsen (site/assets/rutin.pdf [PDF-text])") in result.stdout, result.stdout


def test_a_file_no_public_page_links_is_named_and_may_be_listed_as_public(by_hand, tmp_path):
    result, *_, project = by_hand
    assert ("docs/assets/export.csv:1: Filen docs/assets/export.csv kommer med på den publika webbplatsen, men "
            "ingen publik sida länkar till den. Är den tänkt att vara offentlig?") in result.stdout
    assert "docs/assets/rutin.pdf:1: Filen" not in result.stdout            # linked from a public page
    assert "docs/assets/javascripts" not in result.stdout                   # the kit's own scripts


def test_a_file_listed_in_public_files_is_published_without_a_link(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "assets" / "export.csv").write_text("namn;nummer\nVäxeln;0150-570 00\n", "utf-8")
    failed = run_build(project, tmp_path / "out", env=NO_PDF)
    assert failed.returncode == 1 and "docs/assets/export.csv:1: Filen" in failed.stdout
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  public_files: []", "  public_files:\n    - assets/export.csv"), "utf-8")
    result = run_build(project, tmp_path / "out", env=NO_PDF)
    assert result.returncode == 0, result.stdout
    assert (tmp_path / "out" / "site" / "assets" / "export.csv").exists()


def test_the_last_good_site_stays_when_the_guard_stops_the_build(by_hand):
    result, *_ = by_hand
    assert "Den senast byggda webbplatsen är orörd" in result.stdout


# --- The guard's readings, without a build ---------------------------------------------------------------

def test_every_phone_format_gives_the_same_number():
    from macros.guards import leak_guard

    keys = {leak_guard.phone_key(n) for n in ("070-123 45 67", "0701234567", "+46 70 123 45 67", "070‑123 45 67",
                                                "(0)70 123 45 67", "+46701234567")}
    assert keys == {"+46701234567"}
    assert leak_guard.phone_key("2026-11-22") is None and leak_guard.phone_key("112") is None


def test_the_guard_reads_json_csv_sitemaps_and_pdf_attachments(tmp_path):
    import gzip

    from pypdf import PdfWriter

    from macros.guards import leak_guard

    site = tmp_path / "site"
    site.mkdir()
    (site / "a.json").write_text('{"x": ["<p>Ring 070 123 45 67</p>"]}', "utf-8")
    (site / "b.csv").write_text("namn,nummer\nJour,0701234567\n", "utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset><url><loc>tel:+46701234567</loc></url></urlset>"))
    _pdf_with("Ingenting internt.", tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=tmp_path / "plain.pdf")
    writer.add_attachment("bilaga.txt", "Jouren: 070-123 45 67".encode())
    writer.write(site / "plan.pdf")
    staff = leak_guard.StaffDetails(leak_guard.audience.StaffIndex({}, {}), phones={"+46701234567": "x"})
    found = {leak.output.split(" [")[0] for leak in leak_guard.leaks(site, staff)}
    assert found == {"a.json", "b.csv", "sitemap.xml.gz", "plan.pdf"}


# --- What the public build holds --------------------------------------------------------------------------

def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in _strings(key) + _strings(item)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [s for item in value for s in _strings(item)]
    return [str(value)] if value is not None else []


@pytest.mark.parametrize("dataset", ["katrineholm", "umea", "minimal"])
def test_the_public_build_holds_no_staff_record_field_or_guidance(dataset, monkeypatch):
    """Everything a public page's templates can reach of the data: the view and the fingerprints of the
    records it leaves out. Not one staff text, name, id, number or address is among them."""
    from macros import build_state as site
    from macros.settings import Motverka, SiteSettings
    from tests.conftest import TODAY, data_dir, site_data
    from tests.support.leaks import staff_only_strings

    monkeypatch.setenv("MOTVERKA_TODAY", TODAY.isoformat())
    settings = SiteSettings(audience="public", motverka=Motverka(data_dir=str(data_dir(dataset))))
    state = site.create(ROOT, settings)
    held = " ".join(" ".join(_strings([state.view.model_dump(), state.hidden.ids, repr(state.hidden)])).split())
    needles = staff_only_strings(site_data(dataset), ROOT / "docs")
    staff_ids = {r.id for r in [*site_data(dataset).contacts, *site_data(dataset).support_lines] if not r.is_public}
    assert needles or dataset == "minimal"
    assert not [n for n in needles if n.casefold() in held.casefold()]
    # Ids made of several words ("ett konsultationsforum" is also a public plan's word, not only an id)
    assert not [i for i in staff_ids if "-" in i and re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", held)]
    assert all(state.hidden.has("contacts", i) or state.hidden.has("support_lines", i) for i in staff_ids)
    assert not hasattr(state, "data")


# --- The form editor: only on the staff site ---------------------------------------------------------------

def test_the_form_editor_is_on_the_staff_site_and_nowhere_in_the_public_site(public_site, staff_site):
    from macros.outputs.editor import EDITOR_FOLDER

    assert (staff_site / EDITOR_FOLDER / "index.html").exists()
    assert (staff_site / EDITOR_FOLDER / "sveltia-cms.js").exists()
    assert not (public_site / EDITOR_FOLDER).exists()
    mentions = [p.relative_to(public_site).as_posix() for p in public_site.rglob("*")
                if p.is_file() and re.search(rb"(?i)sveltia|cms-config-url|/redigera/", p.read_bytes())]
    assert not mentions, f"the public site names the editor: {mentions}"


def test_the_public_configuration_never_runs_the_editor_hook():
    import yaml

    public = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert not any("staff_editor" in hook for hook in public.get("hooks", []))


def test_the_editor_hook_refuses_a_build_that_is_not_the_staff_site():
    from types import SimpleNamespace

    from mkdocs.exceptions import Abort

    from macros import build_state
    from macros.engine import staff_editor

    config = SimpleNamespace(site_dir="site")
    build_state.attach(config, SimpleNamespace(staff=False))
    with pytest.raises(Abort, match="personalens webbplats"):
        staff_editor.on_post_build(config)
