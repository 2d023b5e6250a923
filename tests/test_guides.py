"""What communicators read besides the site: generated guides that cannot drift, edit links, change dates."""

from __future__ import annotations

import re
import subprocess

import pytest

from macros.cli import guides
from macros.contract.models import FILES, NATIONAL_FILE
from macros.render import page_macros
from macros.text.messages import CATALOGUE, Message
from tests.conftest import REPO_URL
from tests.support.html import pages, soup
from tests.support.project import NO_PDF, ROOT, copy_project, run_build


def test_the_guides_are_current():
    assert guides.write_guides(check_only=True) == 0, "run `make guides`"


def test_a_changed_message_makes_the_guide_stale(monkeypatch):
    monkeypatch.setitem(CATALOGUE, "file_empty", Message("file_empty", "Filen är helt tom.", "Fyll i den."))
    assert guides.write_guides(check_only=True) == 1


def test_every_message_of_the_catalogue_is_explained_with_its_fix():
    text = (ROOT / "bidra/felmeddelanden.md").read_text("utf-8")
    for code, message in CATALOGUE.items():
        assert f"Kod: `{code}`" in text
        assert message.fix.format(**message.example) in text


def test_every_data_file_and_field_is_in_the_data_readme():
    text = (ROOT / "data/README.md").read_text("utf-8")
    for name, model in FILES.items():
        assert f"## {name}" in text
        for field in model.model_fields:
            assert f"`{field}`" in text or f"› {field}`" in text


@pytest.mark.parametrize("dataset", ["data", "examples/umea/data"])
def test_every_data_file_opens_with_a_comment_naming_the_pages_it_feeds(dataset):
    for name in [*FILES, "../" + NATIONAL_FILE]:
        first = (ROOT / dataset / name).read_text("utf-8").splitlines()[:3] if not name.startswith("../") else \
            (ROOT / NATIONAL_FILE).read_text("utf-8").splitlines()[:8]
        assert first[0].startswith("# ") and "Visas " in " ".join(first) or "visas bara" in " ".join(first), name


@pytest.mark.build
def test_every_macro_example_in_the_catalogue_builds(tmp_path):
    """Copy-paste from bidra/makron.md must work: every example goes into one staff page, built strictly."""
    examples = re.findall(r"```jinja\n(.*?)\n```", (ROOT / "bidra/makron.md").read_text("utf-8"), re.S)
    assert len(examples) == len(page_macros.MACROS) >= 20
    project = copy_project(tmp_path / "project")
    page = project / "personal" / "makron.md"
    page.write_text("---\ndescription: Alla makron i katalogen, ett efter ett, för ett test.\n"
                    "last_reviewed_on: 2026-11-22\nreview_in: 12 months\nrender_macros: true\n---\n\n"
                    "# Makron\n\n" + "\n\n".join(examples) + "\n", "utf-8")
    staff_nav = project / "mkdocs.staff.yml"
    staff_nav.write_text(staff_nav.read_text("utf-8").replace("      - personal/index.md",
                                                                  "      - personal/index.md\n      - personal/makron.md"))
    result = run_build(project, env=NO_PDF)
    assert result.returncode == 0, result.stdout


@pytest.mark.build
def test_every_page_links_to_its_source_for_editing_and_says_when_it_changed(public_site, staff_site):
    changed = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True).stdout
    for site in (public_site, staff_site):
        for page in pages(site):
            line = soup(page).select_one(".mv-reviewed")
            link = line.select_one("a")
            assert link is not None and link["href"].startswith((f"{REPO_URL}/edit/main/docs/",
                                                                 f"{REPO_URL}/edit/main/personal/")), page
            source = link["href"].removeprefix(f"{REPO_URL}/edit/main/")
            assert (ROOT / source).exists(), source
            if changed.strip():
                assert "Senast ändrad" in line.get_text() or "Last changed" in line.get_text(), page
