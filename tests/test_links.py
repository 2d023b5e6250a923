"""Links: every internal link and #anchor of both sites of every dataset in DATASETS (tests/conftest.py)
resolves, and every tel:, sms: and mailto: link is well formed.

linkchecker (tests/linkcheckerrc) checks each built site served on 127.0.0.1, with anchor checks on and
warnings counted as failures; links to other websites are not followed here (no network in tests: the scheduled
workflow runs `make linkcheck-external`). This comes on top of MkDocs' own build-time validation.
"""

from __future__ import annotations

import re

import pytest
from email_validator import EmailNotValidError, validate_email

from tests.conftest import DATASETS
from tests.support import links
from tests.support.html import pages, soup

pytestmark = pytest.mark.build
TEL = re.compile(r"tel:(\+46\d{6,12}|\d{3,6})")
SMS = re.compile(r"sms:(\+46\d{6,12}|\d{3,6})")


@pytest.fixture(scope="module")
def checked(built):
    """linkchecker's result for every site of every dataset, all checked at once."""
    sites = [built(dataset) / folder for dataset in DATASETS for folder in ("site", "site-staff")]
    return links.check_sites(sites)


@pytest.mark.parametrize("folder", ["site", "site-staff"])
@pytest.mark.parametrize("dataset", DATASETS)
def test_every_internal_link_and_anchor_resolves(built, checked, dataset, folder):
    site = built(dataset) / folder
    result = checked[site]
    pages = len(list(site.rglob("*.html")))
    assert result.urls > pages, f"linkchecker checked only {result.urls} links for {pages} pages:\n{result.output}"
    assert not result.problems, "\n".join(str(problem) for problem in result.problems)


@pytest.mark.parametrize("dataset", DATASETS)
def test_every_call_text_and_mail_link_is_well_formed(built, dataset):
    problems = []
    for folder in ("site", "site-staff"):
        site = built(dataset) / folder
        for page in pages(site):
            for a in soup(page).select('a[href^="tel:"], a[href^="sms:"], a[href^="mailto:"]'):
                href, where = a["href"], f"{page.relative_to(site)}: {a['href']}"
                if href.startswith("tel:") and not TEL.fullmatch(href):
                    problems.append(f"{where} is not an E.164 number (+46…) or a short number")
                elif href.startswith("sms:") and not SMS.fullmatch(href):
                    problems.append(f"{where} is not an E.164 number (+46…) or a short number")
                elif href.startswith("mailto:"):
                    try:
                        validate_email(href.removeprefix("mailto:"), check_deliverability=False)
                    except EmailNotValidError as error:
                        problems.append(f"{where}: {error}")
                if not a.get_text(strip=True):
                    problems.append(f"{where} has no text")
    assert not problems, "\n".join(problems)


def test_a_broken_link_or_anchor_fails_the_link_check(tmp_path):
    """The check itself: a missing page, a missing anchor on another page and on the same page all fail."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="sv"><title>t</title><h1 id="top">T</h1>'
        '<a href="sub/">ok</a> <a href="sub/#finns">ok</a> <a href="sub/#saknas">anchor</a> '
        '<a href="saknas/">page</a> <a href="#top">ok</a> <a href="#nope">own anchor</a> '
        '<a href="mailto:kontakt">mail</a> <a href="https://example.invalid/">external, not checked</a>', "utf-8")
    (tmp_path / "sub" / "index.html").write_text(   # like a staff page: noindex, nofollow
        '<!doctype html><html lang="sv"><meta name="robots" content="noindex, nofollow"><title>s</title>'
        '<h2 id="finns">F</h2><a href="../borta/">page</a>', "utf-8")
    result = links.check_sites([tmp_path])[tmp_path]
    broken = sorted(problem.link for problem in result.problems)
    assert broken == ["#nope", "../borta/", "mailto:kontakt", "saknas/", "sub/#saknas"], result.output
