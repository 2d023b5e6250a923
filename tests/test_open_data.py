"""Open data beside the public site: JSON with its schema, and CSV, at stable URLs, public records only."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from macros.load import load_site_data
from tests.conftest import TODAY
from tests.support.project import ROOT

pytestmark = pytest.mark.build
DATA = load_site_data(ROOT / "data", today=TODAY)
STABLE_URLS = ["oppna-data/stodlinjer.json", "oppna-data/stodlinjer.csv", "oppna-data/stodlinjer.schema.json",
               "oppna-data/kontakter.json", "oppna-data/kontakter.csv", "oppna-data/kontakter.schema.json",
               "oppna-data/index.html"]


def load(site, name):
    return json.loads((site / "oppna-data" / name).read_text("utf-8"))


def test_the_files_are_at_their_stable_urls(public_site):
    for url in STABLE_URLS:
        assert (public_site / url).exists(), url


@pytest.mark.parametrize("name", ["stodlinjer", "kontakter"])
def test_each_json_file_is_valid_against_its_published_schema(public_site, name):
    jsonschema.validate(load(public_site, f"{name}.json"), load(public_site, f"{name}.schema.json"),
                        format_checker=jsonschema.FormatChecker())


def test_the_schema_rejects_a_record_with_an_unknown_field(public_site):
    document = load(public_site, "stodlinjer.json")
    document["support_lines"][0]["secret"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, load(public_site, "stodlinjer.schema.json"))


def test_every_public_line_and_contact_is_published_and_no_staff_record_is(public_site):
    lines = {line["id"] for line in load(public_site, "stodlinjer.json")["support_lines"]}
    contacts = {c["id"] for c in load(public_site, "kontakter.json")["contacts"]}
    assert lines == {x.id for x in DATA.support_lines if x.is_public}
    assert contacts == {x.id for x in DATA.contacts if x.is_public}
    assert "sakerhetschefen-konsultation" not in contacts


def test_a_published_line_carries_its_number_hours_source_and_verified_date(public_site):
    line = next(x for x in load(public_site, "stodlinjer.json")["support_lines"] if x["id"] == "orostelefonen")
    assert line["phone"] == {"display": "020-100 200", "tel": "tel:+4620100200", "e164": "+4620100200"}
    assert line["hours"]["periods"] == [{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00",
                                         "closes": "12:00"}]
    assert line["hours"]["text"]["sv"] == "Vardagar kl. 09.00–12.00."
    assert line["verified"] == "2022-11-09" and line["source"].startswith("https://www.raddabarnen.se/")


def test_the_csv_has_the_same_records_as_the_json(public_site):
    for name, key in (("stodlinjer", "support_lines"), ("kontakter", "contacts")):
        rows = list(csv.DictReader(io.StringIO((public_site / "oppna-data" / f"{name}.csv").read_text("utf-8"))))
        assert [row["id"] for row in rows] == [x["id"] for x in load(public_site, f"{name}.json")[key]]


def test_the_open_data_page_links_every_file(public_site):
    html = (public_site / "oppna-data" / "index.html").read_text("utf-8")
    for url in STABLE_URLS[:-1]:
        assert f'href="{url.split("/")[1]}"' in html, url
