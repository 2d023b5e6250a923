"""Open-data CSV cells are safe to open in a spreadsheet, and say the same as the JSON (issue 15).

The OWASP rule for CSV injection: a cell that starts with =, +, -, @, a tab or a carriage return gets a
leading ', which Excel and LibreOffice hide. The JSON keeps the value as it is (programs read it); undoing
the rule on a CSV cell gives the JSON's value. A phone number in E.164 (+46…) is the real case: without the
apostrophe Excel shows 4620100200 or an error, with it +4620100200.
"""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from macros.contract.load import load_site_data
from macros.outputs.open_data import FOLDER, FORMULA_STARTS, files, raw_cell
from tests.conftest import TODAY, data_dir, site_data
from tests.support.edit_data import set_field

TABLES = {"stodlinjer": "support_lines", "kontakter": "contacts"}


def _tables(data) -> dict[str, tuple[list[dict], list[dict]]]:
    """name -> (CSV rows, JSON records)."""
    made = files(data, TODAY, ["sv", "en"])
    return {name: (list(csv.DictReader(io.StringIO(made[f"{FOLDER}/{name}.csv"]))),
                   json.loads(made[f"{FOLDER}/{name}.json"])[key]) for name, key in TABLES.items()}


def _formula_cells(rows: list[dict]) -> list[str]:
    return [f"{column}={cell!r}" for row in rows for column, cell in row.items() if cell.startswith(FORMULA_STARTS)]


def test_no_csv_cell_starts_a_formula(dataset):
    for name, (rows, _) in _tables(site_data(dataset)).items():
        assert not _formula_cells(rows), name


def test_the_csv_says_what_the_json_says(dataset):
    for name, (rows, records) in _tables(site_data(dataset)).items():
        assert [row["id"] for row in rows] == [record["id"] for record in records]
        for row, record in zip(rows, records):
            assert raw_cell(row["name_sv"]) == record["name"]["sv"]
            phone = record["phone"] or {}
            assert raw_cell(row["phone"]) == (phone.get("display") or "")
            assert raw_cell(row["phone_e164"]) == (phone.get("e164") or "")
            assert raw_cell(row["tel"]) == (phone.get("tel") or "")


def test_a_phone_number_in_e164_opens_as_text_in_a_spreadsheet(dataset):
    rows, records = _tables(site_data(dataset))["kontakter"]
    numbered = [(row, record) for row, record in zip(rows, records) if (record["phone"] or {}).get("e164")]
    assert numbered
    for row, record in numbered:
        assert row["phone_e164"] == "'" + record["phone"]["e164"]


@pytest.mark.parametrize("formula", ['=HYPERLINK("https://ond.example/","Klicka")', "+1+cmd|' /C calc'!A0",
                                     "-2+3", "@SUM(1+1)"])
def test_a_formula_typed_into_data_is_text_in_the_csv_and_as_typed_in_the_json(dataset, tmp_path, formula):
    folder = tmp_path / "data"
    shutil.copytree(data_dir(dataset), folder)
    set_field(folder / "contacts.yml", "role", json.dumps(formula))
    rows, records = _tables(load_site_data(folder, today=TODAY))["kontakter"]
    assert rows[0]["role_sv"] == "'" + formula
    assert records[0]["role"]["sv"] == formula
    assert not _formula_cells(rows)
