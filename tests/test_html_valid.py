"""Valid HTML: every page of both sites of both datasets passes the W3C Nu Html Checker (vnu.jar).

WCAG 2.1 success criterion 4.1.1 (Parsing), still part of EN 301 549 V3.2.1: complete start and end tags,
elements nested as the specification says, no duplicate attributes, unique ids. The checker finds those and
every other error of the HTML standard. Its warnings are not reported. The only accepted errors are in
tests/browser/exceptions.py (HTML), each with its reason. One Java process checks all four sites at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.exceptions import HTML
from tests.conftest import DATASETS
from tests.support.html_valid import CheckerMissing, Finding, validate

pytestmark = pytest.mark.build
FOLDERS = ("site", "site-staff")


def run(folders: list[Path]) -> list[Finding]:
    try:
        return validate(folders)
    except CheckerMissing as missing:
        pytest.fail(str(missing))


def unexcused(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not any(exception.matches(f) for exception in HTML)]


def report(findings: list[Finding], site: Path) -> str:
    return "\n".join(f.where(site) for f in findings)


@pytest.fixture(scope="module")
def checked(built) -> list[Finding]:
    """The checker's errors on every site of every dataset."""
    return run([(built(dataset) / folder).resolve() for dataset in DATASETS for folder in FOLDERS])


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("dataset", DATASETS)
def test_every_page_is_valid_html(built, checked, dataset, folder):
    site = (built(dataset) / folder).resolve()
    assert len(list(site.rglob("*.html"))) > 10
    findings = unexcused([f for f in checked if f.path.is_relative_to(site)])
    assert not findings, f"{len(findings)} HTML errors in {dataset}/{folder}:\n{report(findings, site)}"


def test_every_html_exception_still_matches_an_error(checked):
    unused = [exception.message for exception in HTML if not any(exception.matches(f) for f in checked)]
    assert not unused, "remove these exceptions from tests/browser/exceptions.py, nothing needs them:\n" + \
        "\n".join(unused)


PAGE = """<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>Prov</title></head>
<body>
{body}
</body>
</html>
"""


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(body=body), "utf-8")
    return path


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> tuple[Path, Path, list[Finding]]:
    """Two small folders of pages to break, checked in one run: broken markup, and autocomplete on checkboxes."""
    broken, toggles = tmp_path_factory.mktemp("broken"), tmp_path_factory.mktemp("toggles")
    write(broken, "ok/index.html", "<main><h1>Rätt</h1></main>")
    write(broken, "trasig/index.html", '<main>\n<h1 id="a">Fel</h1>\n<p id="a">Samma id\n<div>Aldrig stängd\n'
                                       "</main>")
    (broken / "style.css").write_text("not html {", "utf-8")
    write(toggles, "index.html",
          '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
          '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
          '<label for="annan">Annan</label>\n'
          '<input class="md-toggle" type="checkbox" id="annan" autocomplete="off">')
    return broken.resolve(), toggles.resolve(), run([broken.resolve(), toggles.resolve()])


def test_a_page_with_a_duplicate_id_or_an_unclosed_element_is_reported(samples):
    broken, _, findings = samples
    lines = report([f for f in findings if f.path.is_relative_to(broken)], broken).splitlines()
    assert "trasig/index.html: 7: Duplicate ID “a”." in lines
    assert "trasig/index.html: 9: End tag “main” seen, but there were open elements." in lines
    assert all(line.startswith("trasig/index.html: ") for line in lines), lines


def test_the_autocomplete_exception_covers_only_materials_own_toggles(samples):
    _, toggles, findings = samples
    findings = [f for f in findings if f.path.is_relative_to(toggles)]
    assert len(findings) == 3
    assert report(unexcused(findings), toggles).splitlines() == ["index.html: 8: " + HTML[0].message]
