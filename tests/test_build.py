"""`make site` in a temporary copy: strict, translated into Swedish, and never destroying the last good site."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.support.project import copy_project, run_build

pytestmark = pytest.mark.build


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with one good build in it, shared by the tests that then break something."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture
def broken(project: Path):
    """Break one file of the copy for one test, then put it back."""
    saved: dict[Path, str] = {}

    def breaker(relative: str, old: str, new: str) -> None:
        path = project / relative
        saved.setdefault(path, path.read_text("utf-8"))
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")

    yield breaker
    for path, text in saved.items():
        path.write_text(text, "utf-8")


def line_in(project: Path, relative: str, needle: str) -> int:
    return next(n for n, line in enumerate((project / relative).read_text("utf-8").splitlines(), 1) if needle in line)


def assert_failed_and_site_untouched(project: Path, before: dict, result) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert "Den senast byggda webbplatsen är orörd." in output
    assert fingerprint(project / "site") == before
    assert not list(project.glob("site*.new-*")), "a half-built site was left behind"
    return output


def test_a_good_build_writes_the_site_and_reports_its_time(project):
    result = run_build(project)
    assert result.returncode == 0
    assert "site/ byggd på" in result.stdout
    assert (project / "site" / "index.html").exists()


def test_bad_data_stops_the_build_with_the_data_message_and_keeps_the_last_site(project, broken):
    before = fingerprint(project / "site")
    broken("data/support_lines.yml", "phone: 020-100 200", "phone: 020-100")
    output = assert_failed_and_site_untouched(project, before, run_build(project))
    assert '› phone: "020-100" är inget giltigt telefonnummer.' in output


def test_an_undefined_name_in_a_page_fails_the_build_in_swedish(project, broken):
    before = fingerprint(project / "site")
    broken("docs/kontakta-kommunen.md", "{{ contact(municipality.switchboard, 2) }}",
           "{{ contact(municipalty.switchboard, 2) }}")
    output = assert_failed_and_site_untouched(project, before, run_build(project))
    line = line_in(project, "docs/kontakta-kommunen.md", "municipalty")
    assert f"docs/kontakta-kommunen.md:{line}: Namnet municipalty finns inte. Kontrollera stavningen inom {{{{ }}}}." \
        in output


def test_a_macro_syntax_error_fails_the_build_in_swedish(project, broken):
    before = fingerprint(project / "site")
    broken("docs/stodlinjer.md", '{{ support_lines("police") }}', '{{ support_lines("police") }')
    output = assert_failed_and_site_untouched(project, before, run_build(project))
    assert "docs/stodlinjer.md:" in output and "Mallfel:" in output


def test_an_unknown_id_in_a_macro_call_names_the_page_and_line(project, broken):
    before = fingerprint(project / "site")
    broken("docs/index.md", "{{ contact(municipality.switchboard) }}", '{{ contact("vaxeln") }}')
    output = assert_failed_and_site_untouched(project, before, run_build(project))
    line = line_in(project, "docs/index.md", '"vaxeln"')
    assert f'docs/index.md:{line}: contact("vaxeln"): det finns ingen kontakt med det id:t. Kontrollera stavningen. ' \
           "Befintliga id: kommunens-vaxel, sakerhetschefen, socialtjansten." in output


def test_a_staff_record_in_a_public_page_fails_the_build(project, broken):
    before = fingerprint(project / "site")
    broken("docs/index.md", "{{ contact(municipality.switchboard) }}", '{{ contact("sakerhetschefen-konsultation") }}')
    output = assert_failed_and_site_untouched(project, before, run_build(project))
    assert 'contact("sakerhetschefen-konsultation") visar en intern post på en publik sida.' in output


def test_a_broken_link_fails_the_build_in_swedish(project, broken):
    before = fingerprint(project / "site")
    broken("docs/index.md", "(stodlinjer.md)", "(stodlinje.md)")
    output = assert_failed_and_site_untouched(project, before, run_build(project))
    line = line_in(project, "docs/index.md", "(stodlinje.md)")
    assert f"docs/index.md:{line}: Länken till stodlinje.md leder ingenstans." in output


def test_a_broken_anchor_fails_the_build_in_swedish(project, broken):
    before = fingerprint(project / "site")
    broken("docs/index.md", "(stodlinjer.md)", "(stodlinjer.md#finns-inte)")
    output = assert_failed_and_site_untouched(project, before, run_build(project))
    assert "Länken stodlinjer.md#finns-inte pekar på en rubrik som inte finns." in output


def test_a_page_without_review_metadata_fails_the_build(project, broken):
    before = fingerprint(project / "site")
    broken("docs/om-webbplatsen.md", "last_reviewed_on: 2026-11-22\n", "")
    output = assert_failed_and_site_untouched(project, before, run_build(project))
    assert "docs/om-webbplatsen.md:1: Sidan saknar last_reviewed_on i sidhuvudet." in output


def test_a_review_date_in_the_future_fails_the_build(project, broken):
    before = fingerprint(project / "site")
    broken("docs/om-webbplatsen.md", "last_reviewed_on: 2026-11-22", "last_reviewed_on: 2027-11-22")
    output = assert_failed_and_site_untouched(project, before, run_build(project))
    assert 'docs/om-webbplatsen.md:3: last_reviewed_on i sidhuvudet har värdet "2027-11-22"' in output
