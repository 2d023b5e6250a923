"""The JSON Schemas in schemas/ are generated from the models, stay in sync, and cover every data file."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from macros.cli.schemas import SCHEMA_FILES, render_schema, schema_path
from macros.contract.models import FILES, NATIONAL_FILE
from macros.contract.yaml_source import read_yaml
from tests.support.project import ROOT

DATASETS = [ROOT / "data"] + sorted(p / "data" for p in (ROOT / "examples").glob("*") if (p / "data").is_dir())


@pytest.mark.parametrize("name", list(SCHEMA_FILES))
def test_each_schema_file_matches_its_model(name):
    assert schema_path(name).read_text("utf-8") == render_schema(name), \
        f"{schema_path(name).name} is stale: run `make schemas`"


def test_every_data_file_has_a_schema_and_no_schema_is_orphaned():
    for dataset in DATASETS:
        for path in dataset.glob("*.yml"):
            assert path.name in FILES, f"{path} has no model and no schema"
    assert {p.name for p in (ROOT / "schemas").glob("*.schema.json")} == \
        {schema_path(name).name for name in SCHEMA_FILES}


def test_editors_map_every_schema_onto_its_data_file():
    mapping = json.loads((ROOT / ".vscode/settings.json").read_text("utf-8"))["yaml.schemas"]
    for name in FILES:
        assert f"data/{name}" in mapping[f"./schemas/{schema_path(name).name}"]
    assert NATIONAL_FILE in mapping[f"./schemas/{schema_path(NATIONAL_FILE).name}"]


def test_the_national_registry_is_valid_against_its_json_schema():
    schema = json.loads(schema_path(NATIONAL_FILE).read_text("utf-8"))
    jsonschema.validate(_jsonable(read_yaml(ROOT / NATIONAL_FILE).data), schema,
                        format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("name", list(FILES))
def test_the_data_is_valid_against_its_json_schema(dataset, name):
    schema = json.loads(schema_path(name).read_text("utf-8"))
    if not (dataset / name).exists():
        pytest.skip(f"{name} is optional and this dataset leaves it out")
    document = read_yaml(dataset / name)
    assert not document.problems
    jsonschema.validate(_jsonable(document.data), schema, format_checker=jsonschema.FormatChecker())


def test_the_schema_rejects_an_unknown_key():
    schema = json.loads(schema_path(NATIONAL_FILE).read_text("utf-8"))
    data = _jsonable(read_yaml(ROOT / NATIONAL_FILE).data)
    data["support_lines"][0]["telefon"] = "112"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def _jsonable(value):
    """YAML dates become the strings an editor's schema validator sees."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize("change, valid", [
    (lambda line: line["hours"]["periods"][0].update(days=["mon", "mon"]), False),
    (lambda line: line["hours"]["periods"][0].update(opens=9), False),
    (lambda line: line.update(phone="020-1OO 200"), False),
    (lambda line: line.update(anonymous="yes"), False),
    (lambda line: line.update(anonymous="ja"), True),
])
def test_the_schema_flags_in_the_editor_what_validation_rejects(change, valid):
    schema = json.loads(schema_path(NATIONAL_FILE).read_text("utf-8"))
    data = _jsonable(read_yaml(ROOT / NATIONAL_FILE).data)
    change(next(line for line in data["support_lines"] if line["id"] == "orostelefonen"))
    if valid:
        jsonschema.validate(data, schema)
    else:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)
