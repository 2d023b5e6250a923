"""Open data beside the public site: JSON with its schema, and CSV, at stable URLs, public records only.

Every test runs for every dataset in DATASETS (tests/conftest.py), except the one about a Katrineholm record."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

pytestmark = pytest.mark.build
STABLE_URLS = ["oppna-data/stodlinjer.json", "oppna-data/stodlinjer.csv", "oppna-data/stodlinjer.schema.json",
               "oppna-data/kontakter.json", "oppna-data/kontakter.csv", "oppna-data/kontakter.schema.json",
               "oppna-data/index.html"]


def load(site, name):
    return json.loads((site / "oppna-data" / name).read_text("utf-8"))


def test_the_files_are_at_their_stable_urls(dataset_site):
    for url in STABLE_URLS:
        assert (dataset_site / url).exists(), url


@pytest.mark.parametrize("name", ["stodlinjer", "kontakter"])
def test_each_json_file_is_valid_against_its_published_schema(dataset_site, name):
    jsonschema.validate(load(dataset_site, f"{name}.json"), load(dataset_site, f"{name}.schema.json"),
                        format_checker=jsonschema.FormatChecker())


def test_the_schema_rejects_a_record_with_an_unknown_field(dataset_site):
    document = load(dataset_site, "stodlinjer.json")
    document["support_lines"][0]["secret"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, load(dataset_site, "stodlinjer.schema.json"))


def test_every_public_line_and_contact_is_published_and_no_staff_record_is(dataset_site, dataset_data):
    lines = {line["id"] for line in load(dataset_site, "stodlinjer.json")["support_lines"]}
    contacts = {c["id"] for c in load(dataset_site, "kontakter.json")["contacts"]}
    assert lines == {x.id for x in dataset_data.support_lines if x.is_public}
    assert contacts == {x.id for x in dataset_data.contacts if x.is_public}
    staff = {x.id for x in dataset_data.support_lines + dataset_data.contacts if not x.is_public}
    assert not (lines | contacts) & staff


def test_every_published_record_carries_its_number_source_and_verified_date(dataset_site, dataset_data):
    published = {record["id"]: record for name, key in (("stodlinjer", "support_lines"), ("kontakter", "contacts"))
                 for record in load(dataset_site, f"{name}.json")[key]}
    for record in dataset_data.support_lines + dataset_data.contacts:
        if not record.is_public:
            continue
        shown = published[record.id]
        if record.phone:
            assert shown["phone"] == {"display": record.phone.display, "tel": record.phone.href,
                                      "e164": record.phone.e164}, record.id
        assert shown["source"] == record.source and shown["verified"] == str(record.verified), record.id


def test_a_published_line_carries_its_number_hours_source_and_verified_date(public_site):
    """Katrineholm only: Orostelefonen's number, hours and source exactly as its data gives them."""
    line = next(x for x in load(public_site, "stodlinjer.json")["support_lines"] if x["id"] == "orostelefonen")
    assert line["phone"] == {"display": "020-100 200", "tel": "tel:+4620100200", "e164": "+4620100200"}
    assert line["hours"]["periods"] == [{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00",
                                         "closes": "12:00"}]
    assert line["hours"]["text"]["sv"] == "Vardagar kl. 09.00–12.00."
    assert line["verified"] == "2022-11-09" and line["source"].startswith("https://www.raddabarnen.se/")


def test_the_csv_has_the_same_records_as_the_json(dataset_site):
    for name, key in (("stodlinjer", "support_lines"), ("kontakter", "contacts")):
        rows = list(csv.DictReader(io.StringIO((dataset_site / "oppna-data" / f"{name}.csv").read_text("utf-8"))))
        assert [row["id"] for row in rows] == [x["id"] for x in load(dataset_site, f"{name}.json")[key]]


def test_the_open_data_page_links_every_file(dataset_site):
    html = (dataset_site / "oppna-data" / "index.html").read_text("utf-8")
    for url in STABLE_URLS[:-1]:
        assert f'href="{url.split("/")[1]}"' in html, url
