"""JSON Schema files (schemas/*.schema.json) generated from the models, one per data file.

Editors use them to validate and complete data/*.yml as a communicator types (.vscode/settings.json);
a test fails when a model changes and the files were not regenerated (`make schemas`).
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

from macros.build_state import ROOT
from macros.contract.models import FILES, NATIONAL_FILE, NationalLinesFile

SCHEMA_DIR = ROOT / "schemas"
# Every file with a schema: a municipality's data files, and the kit's national registry.
SCHEMA_FILES = {**FILES, NATIONAL_FILE: NationalLinesFile}


def _shown(file_name: str) -> str:
    return file_name if "/" in file_name else f"data/{file_name}"


def schema_for(file_name: str) -> dict:
    model = SCHEMA_FILES[file_name]
    schema = model.model_json_schema(mode="validation")
    stem = file_name.removesuffix(".yml").replace("/", "_")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://motverka.invalid/schemas/{stem}.schema.json",
        "title": _shown(file_name),
        "description": f"Schema för {_shown(file_name)}, genererat från macros/contract/models.py. Ändra inte för hand.",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def render_schema(file_name: str) -> str:
    return json.dumps(schema_for(file_name), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema_path(file_name: str) -> Path:
    return SCHEMA_DIR / f"{file_name.removesuffix('.yml').replace('/', '_')}.schema.json"


def write_schemas(check_only: bool = False) -> int:
    from macros.cli.generated import write_generated

    stale = write_generated({schema_path(name): partial(render_schema, name) for name in SCHEMA_FILES}, check_only)
    if check_only and stale:
        print("Schemafilerna är inaktuella: " + ", ".join(p.name for p in stale) + ". Kör `make schemas`.",
              file=sys.stderr)
        return 1
    return 0
