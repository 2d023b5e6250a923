"""The site's own address (macros/contract/site_address.py): right where the site is published, never this computer's.

A build without SITE_URL and without municipality.yml › site_url used to write http://127.0.0.1:8000/ into
every canonical link, the sitemap and robots.txt, which a municipality uploading site/ would publish. Now such
a build says so once and leaves those addresses out; a build with an address uses it everywhere."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from macros.contract.load import DataErrors, load_site_data
from tests.conftest import PUBLISHED_AT, TODAY, data_dir
from tests.support.html import pages, soup
from tests.support.project import NO_PDF, build_site, copy_project, run_build

pytestmark = pytest.mark.build

LOOPBACK = re.compile(r"(?:127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\])", re.IGNORECASE)
# Everything a host serves that could carry an address: pages, sitemaps, robots.txt, open data, JSON-LD.
PUBLISHED = ("*.html", "*.xml", "*.txt", "*.json", "*.csv")


def published_files(site):
    """The site's files as published, except the theme's own assets (its source map quotes localhost) and the
    form editor's vendored interface text (Sveltia's Swedish words for its local-folder mode say localhost).
    The editor's config.yml, which names the repository, is checked."""
    return [path for pattern in PUBLISHED for path in site.rglob(pattern) if "assets" not in path.parts
            and path.relative_to(site).parts[:2] != ("redigera", "locales")]


def loopback_mentions(site) -> list[str]:
    return [f"{path.relative_to(site)}: {match.group(0)}" for path in published_files(site)
            if (match := LOOPBACK.search(path.read_text("utf-8", errors="replace")))]


def test_a_build_without_an_address_names_no_loopback_address_anywhere(dataset_site, dataset_staff_site):
    assert loopback_mentions(dataset_site) == []
    assert loopback_mentions(dataset_staff_site) == []


def test_a_build_without_an_address_leaves_canonical_links_and_the_sitemap_out(dataset_site):
    for page in pages(dataset_site):
        assert soup(page).select_one('link[rel="canonical"]') is None, page
    assert not list(dataset_site.rglob("sitemap.xml*")), "a sitemap of relative addresses is not a sitemap"
    robots = (dataset_site / "robots.txt").read_text("utf-8")
    assert "Allow: /" in robots and "Sitemap:" not in robots


def test_a_published_build_uses_its_address_in_canonical_links_sitemap_and_robots(dataset_published_site):
    site = dataset_published_site
    assert loopback_mentions(site) == []
    for page in pages(site):
        canonical = soup(page).select_one('link[rel="canonical"]')
        assert canonical is not None and canonical["href"].startswith(PUBLISHED_AT), page
    locations = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text("utf-8"))
    assert locations and all(url.startswith(PUBLISHED_AT) for url in locations)
    assert f"Sitemap: {PUBLISHED_AT}sitemap.xml" in (site / "robots.txt").read_text("utf-8")
    for page in pages(site):
        for script in soup(page).select('script[type="application/ld+json"]'):
            assert not LOOPBACK.search(json.dumps(json.loads(script.string))), page


def project_with(tmp_path, site_url: str | None = None):
    """A copy of the project with Minby's data (tests/fixtures/minimal) in minby/data, its municipality.yml
    naming `site_url` if given. Returns the project folder."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(data_dir("minimal"), project / "minby" / "data")
    if site_url:
        path = project / "minby" / "data" / "municipality.yml"
        text = path.read_text("utf-8")
        path.write_text(text.replace("\n  website: ", f"\n  site_url: {site_url}\n  website: ", 1), "utf-8")
    return project


@pytest.fixture(scope="module")
def project_with_address(tmp_path_factory):
    return project_with(tmp_path_factory.mktemp("address"), "https://www.minby.example/motverka")


def test_the_address_in_the_data_is_used_when_site_url_is_not_set(project_with_address):
    project = project_with_address
    out = build_site(project, project / "out", data="minby", env={"SITE_URL": "", **NO_PDF})
    canonical = soup(out / "site" / "stodlinjer" / "index.html").select_one('link[rel="canonical"]')
    assert canonical["href"] == "https://www.minby.example/motverka/stodlinjer/"
    assert "Sitemap: https://www.minby.example/motverka/sitemap.xml" in (out / "site" / "robots.txt").read_text()
    # The staff site lives elsewhere (the intranet): the public address is not its address.
    assert soup(out / "site-staff" / "index.html").select_one('link[rel="canonical"]') is None


def test_site_url_in_the_environment_goes_before_the_data(project_with_address):
    project = project_with_address
    out = build_site(project, project / "out-env", data="minby",
                     env={"SITE_URL": "https://test.minby.example/", **NO_PDF})
    canonical = soup(out / "site" / "index.html").select_one('link[rel="canonical"]')
    assert canonical["href"] == "https://test.minby.example/"


def test_a_loopback_address_in_the_data_is_an_error_that_says_what_to_write(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(data_dir("minimal"), folder)
    path = folder / "municipality.yml"
    document = yaml.safe_load(path.read_text("utf-8"))
    document["municipality"]["site_url"] = "http://127.0.0.1:8000/"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(DataErrors) as raised:
        load_site_data(folder, today=TODAY)
    message = "\n".join(str(error) for error in raised.value.errors)
    assert "municipality.yml" in message and "site_url" in message
    assert "en adress på den här datorn" in message and "https://www.kommun.se/motverka/" in message


def test_a_build_without_an_address_says_so_once(tmp_path):
    result = run_build(project_with(tmp_path), tmp_path / "out", data="minby", env={"SITE_URL": "", **NO_PDF})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Webbplatsen har ingen adress") == 1, result.stdout
    assert "site_url i municipality.yml" in result.stdout and "SITE_URL" in result.stdout
