"""The form editor's configuration (editor/config.yml) is generated from the models, stays in step with them,
is valid for Sveltia CMS, and can show every value the data files hold.

Sveltia's own JSON Schema (node_modules/@sveltia/cms/schema/sveltia-cms.json, installed by `make setup-dev`)
checks the configuration; the editor itself is tested in Chromium in tests/browser/test_editor.py.
"""

from __future__ import annotations

import json
import re
import shutil

import jsonschema
import pytest
import yaml

from macros.contract.models import FILES, NATIONAL_FILE
from macros.outputs import editor
from tests.support.project import ROOT

DATASETS = [ROOT / "data"] + sorted(p / "data" for p in (ROOT / "examples").glob("*") if (p / "data").is_dir())
SCHEMA = ROOT / "node_modules/@sveltia/cms/schema/sveltia-cms.json"


def sveltia_errors(config: dict) -> list[str]:
    if not SCHEMA.exists():
        pytest.fail("Sveltia CMS is not installed: run `make setup-dev` (npm ci)")
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text("utf-8")))
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(config)]


def all_fields(fields: list[dict], path: str = ""):
    """(key path, field) for every field and sub-field of a form."""
    for field in fields:
        here = f"{path}.{field['name']}" if path else field["name"]
        yield here, field
        yield from all_fields(field.get("fields", []), here)
        if "field" in field:
            yield from all_fields([field["field"]], here)


def test_the_committed_configuration_matches_the_models():
    for name, make in editor.OUTPUTS.items():
        assert (editor.EDITOR_DIR / name).read_text("utf-8") == make(), f"editor/{name} is stale: run `make editor`"


def test_a_changed_model_makes_the_check_fail(tmp_path, monkeypatch, capsys):
    shutil.copytree(editor.EDITOR_DIR, tmp_path / "editor")
    assert editor.write_editor(check_only=True, folder=tmp_path / "editor") == 0
    monkeypatch.setitem(editor.LABELS, "phone", "Telefonnummer")
    assert editor.write_editor(check_only=True, folder=tmp_path / "editor") == 1
    assert "make editor" in capsys.readouterr().err


@pytest.mark.parametrize("folder", ["data", "examples/umea/data"])
def test_the_configuration_is_valid_for_sveltia(folder):
    assert sveltia_errors(editor.editor_config(folder, "kommun/motverka", "main")) == []


def test_the_schema_check_refuses_a_broken_configuration():
    config = editor.editor_config()
    config["publish_mode"] = "pull_requests"
    config["collections"][0]["files"][0]["descripton"] = "a misspelt option"
    assert len(sveltia_errors(config)) == 2


def test_every_data_file_has_a_form_and_the_national_registry_has_none():
    config = editor.editor_config()
    files = [form["file"] for form in config["collections"][0]["files"]]
    assert files == [f"data/{name}" for name in FILES]
    assert not [c for c in config["collections"] if NATIONAL_FILE in (c.get("folder"), *[f["file"] for f in c.get("files", [])])]
    assert "national" not in [c.get("folder", "").split("/")[0] for c in config["collections"]]
    assert [c.get("folder") for c in config["collections"][1:]] == ["docs", "personal"]


def test_every_field_has_a_swedish_label_and_help():
    for form in editor.editor_config()["collections"][0]["files"]:
        for path, field in all_fields(form["fields"]):
            assert field["label"] != field["name"] or field["name"] in ("id",), f"{form['file']} › {path}: no label"
    unlabelled = {name for form in editor.editor_config()["collections"][0]["files"]
                  for _, field in all_fields(form["fields"]) for name in [field["name"]]
                  if name not in editor.LABELS and name not in ("sv", "en", "item")}
    assert not unlabelled, f"add Swedish labels to LABELS in macros/outputs/editor.py: {sorted(unlabelled)}"
    contacts = dict(all_fields(editor.file_form("contacts.yml", "data")[0]["fields"]))
    assert contacts["contacts.phone"]["hint"].startswith("Telefonnummer som källan skriver det")


def test_text_is_a_swedish_and_english_pair_and_lists_have_their_fields():
    fields = dict(all_fields(editor.file_form("support_lines.yml", "data")[0]["fields"]))
    assert [f["name"] for f in fields["support_lines.name"]["fields"]] == ["sv", "en"]
    assert fields["support_lines.name"]["fields"][1]["required"] is False
    assert fields["support_lines"]["widget"] == "list"
    assert {"id", "phone", "hours", "source", "verified"} <= {f["name"] for f in fields["support_lines"]["fields"]}
    assert fields["support_lines.hours.periods.days"]["multiple"] is True
    assert fields["support_lines.anonymous"]["widget"] == "select"   # yes, no, or not said


def test_staff_only_records_fields_files_and_pages_are_marked():
    config = editor.editor_config()
    forms = {form["name"]: form for form in config["collections"][0]["files"]}
    assert "bara personal" in forms["staff_guidance"]["label"]
    contacts = dict(all_fields(forms["contacts"]["fields"]))
    assert "bara personal" in contacts["contacts.staff_note"]["label"]
    assert {"label": "Bara personal (staff)", "value": "staff"} in contacts["contacts.audience"]["options"]
    assert "bara personal" in config["collections"][2]["label"]


@pytest.mark.parametrize("kind, good, bad", [
    ("phone", ["020-100 200", "0150-570 00", "112", "+46 20 100 200"], ["020-1OO 200", "tel:112", "ring 112"]),
    ("url", ["https://www.katrineholm.se/", "https://bris.se/a?b=c"],
     ["http://www.katrineholm.se/", "javascript:alert(1)", "www.katrineholm.se", "https://localhost"]),
    ("id", ["kommunens-vaxel", "bris"], ["Kommunens-växel", "kommunens_vaxel", "-bris"]),
    ("verified", ["2026-11-01", "odaterad"], ["1 november 2026", "2026-11"]),
    ("opens", ["09:00", "21:30"], ["9:00", "24:00", "9"]),
])
def test_the_forms_refuse_what_the_data_contract_refuses(kind, good, bad):
    fields = dict(all_fields(editor.file_form("support_lines.yml", "data")[0]["fields"]))
    field = fields["support_lines.hours.periods.opens" if kind == "opens" else f"support_lines.{kind}"]
    pattern = re.compile(field["pattern"][0])
    assert [v for v in good if not pattern.search(v)] == []
    assert [v for v in bad if pattern.search(v)] == []


def _keys(value, fields: dict, path: str, found: list) -> None:
    """Every key in the data that has no field in the form (the editor would drop it on saving)."""
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else key
            if here not in fields and not (key in ("sv", "en") and path in fields):
                found.append(here)
            _keys(item, fields, here, found)
    elif isinstance(value, list):
        for item in value:
            _keys(item, fields, path, found)


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda p: p.parent.name)
def test_every_value_in_the_data_has_a_field_in_the_forms(dataset):
    for name in FILES:
        if not (dataset / name).exists():
            continue
        fields = {path: field for path, field in all_fields(editor.file_form(name, "data")[0]["fields"])}
        missing: list[str] = []
        _keys(yaml.safe_load((dataset / name).read_text("utf-8")), fields, "", missing)
        assert not missing, f"{dataset / name}: no field in the editor for {sorted(set(missing))}"


def test_every_page_front_matter_key_has_a_field():
    config = editor.editor_config()
    for collection in config["collections"][1:]:
        names = {field["name"] for field in collection["fields"]}
        for page in (ROOT / collection["folder"]).glob("*.md"):
            meta = yaml.safe_load(page.read_text("utf-8").split("---")[1])
            assert set(meta) <= names, f"{page.name}: {set(meta) - names} has no field in the editor"


def test_the_build_names_the_repository_it_proposes_changes_to():
    assert editor.repository("https://github.com/katrineholm/motverka") == "katrineholm/motverka"
    assert editor.repository(None) == editor.PLACEHOLDER_REPO
    config = yaml.safe_load(editor.render_config(editor.editor_config("examples/umea/data", "umea/motverka")))
    assert config["backend"]["repo"] == "umea/motverka"
    assert config["collections"][0]["files"][0]["file"] == "examples/umea/data/municipality.yml"
    assert config["publish_mode"] == "editorial_workflow"
