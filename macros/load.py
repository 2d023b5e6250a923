"""data/*.yml -> one validated SiteData, or every problem found as a DataError (file, line, path, message).

Nothing here raises to the communicator: `load_site_data` raises DataErrors, which carries the whole list,
each error already worded in Swedish (messages.py) and able to print itself as a GitHub annotation.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .messages import say
from .models import FILES, SiteData
from .yaml_source import YamlDocument, read_yaml

# Pydantic's own error types, mapped to catalogue codes.
_PYDANTIC_CODES = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
    "model_type": "not_mapping",
    "model_attributes_type": "not_mapping",
    "dict_type": "not_mapping",
    "list_type": "not_list",
    "too_short": "empty_list",
    "literal_error": "invalid_choice",
    "enum": "invalid_choice",
    "bool_type": "not_bool",
    "bool_parsing": "not_bool",
    "int_type": "not_int",
    "int_parsing": "not_int",
    "int_from_float": "not_int",
    "time_type": "invalid_time",
    "time_parsing": "invalid_time",
    "string_type": "not_text",
}
# Every list of records with ids: (file, path to the list). Ids must be unique within each list.
RECORD_LISTS = [
    ("contacts.yml", ("contacts",)),
    ("support_lines.yml", ("support_lines",)),
    ("focus_areas.yml", ("focus_areas",)),
    ("relatives.yml", ("relatives", "steps")),
    ("staff_guidance.yml", ("staff_guidance", "concern_steps")),
    ("staff_guidance.yml", ("staff_guidance", "partners")),
]
_KIND_LABELS = {"contacts": "kontakt", "support_lines": "stödlinje"}


@dataclass
class DataError:
    file: str
    line: int
    path: tuple = ()
    label: tuple[int, str] | None = None  # (position in path, the record's name)
    message: str = ""

    def where(self) -> str:
        """The path inside the file, with records numbered from 1 and named: contacts › nr 2 (Växeln) › phone."""
        parts = []
        for position, part in enumerate(self.path):
            if isinstance(part, int):
                name = f" ({self.label[1]})" if self.label and self.label[0] == position else ""
                parts.append(f"nr {part + 1}{name}")
            else:
                parts.append(str(part))
        return " › ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{self.file}:{self.line}" + (f" › {where}" if where else "") + f": {self.message}"

    def annotation(self) -> str:
        """The same error as a GitHub Actions workflow command (shows on the changed line in the PR)."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        where = self.where().replace(",", "%2C").replace("::", "%3A%3A")
        return f"::error file={self.file},line={self.line},title={where or self.file}::{message}"


class DataErrors(Exception):
    def __init__(self, errors: list[DataError]):
        super().__init__(f"{len(errors)} fel i datafilerna")
        self.errors = sorted(errors, key=lambda e: (e.file, e.line))


@dataclass
class _Loaded:
    display: str
    doc: YamlDocument
    values: dict = field(default_factory=dict)


def load_site_data(data_dir: Path, today: date | None = None, display_root: Path | None = None) -> SiteData:
    """Validate every data file and every cross-reference; raise DataErrors with all problems at once."""
    data_dir = Path(data_dir)
    root = display_root or Path.cwd()
    errors: list[DataError] = []
    loaded: dict[str, _Loaded] = {}
    context = {"today": today or date.today()}

    def display(path: Path) -> str:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    known = ", ".join(FILES)
    for extra in sorted(list(data_dir.glob("*.yml")) + list(data_dir.glob("*.yaml"))):
        if extra.name not in FILES:
            errors.append(DataError(display(extra), 1, message=say("file_unknown", known=known)))

    for name, model in FILES.items():
        path = data_dir / name
        shown = display(path)
        if not path.is_file():
            errors.append(DataError(shown, 1, message=say("file_missing")))
            continue
        doc = read_yaml(path)
        for problem in doc.problems:
            errors.append(DataError(shown, problem.line, message=say(problem.code, **problem.values)))
        if doc.problems:
            continue
        top_key = next(iter(model.model_fields))
        if not isinstance(doc.data, dict) or top_key not in doc.data:
            errors.append(DataError(shown, _first_line(doc), message=say("yaml_top_level", key=top_key)))
            continue
        try:
            validated = model.model_validate(doc.data, context=context)
        except ValidationError as error:
            errors.extend(_translate(error, model, doc, shown))
            continue
        loaded[name] = _Loaded(shown, doc, {top_key: getattr(validated, top_key)})

    if errors:
        raise DataErrors(errors)

    values = {k: v for item in loaded.values() for k, v in item.values.items()}
    site = SiteData(**values)
    errors.extend(_check_references(site, loaded))
    if errors:
        raise DataErrors(errors)
    return site


def _first_line(doc: YamlDocument) -> int:
    return min((line for line in doc.lines.values()), default=1)


def _line_for(doc: YamlDocument, loc: tuple) -> int:
    for end in range(len(loc), -1, -1):
        if loc[:end] in doc.lines:
            return doc.lines[loc[:end]]
    return 1


def _label(data: object, loc: tuple) -> tuple[int, str] | None:
    """The name of the innermost named record on the path, so the communicator sees which post it is."""
    node, label = data, None
    for position, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int) and isinstance(node, dict):
            for key in ("name", "title", "id"):
                value = node.get(key)
                if isinstance(value, dict):
                    value = value.get("sv")
                if isinstance(value, str) and value.strip():
                    label = (position, value.strip())
                    break
    return label


def _translate(error: ValidationError, model: type[BaseModel], doc: YamlDocument, shown: str) -> list[DataError]:
    result = []
    seen = set()
    for item in error.errors():
        loc = tuple(item["loc"])
        kind = item["type"]
        value = item.get("input")
        ctx = item.get("ctx") or {}
        code = kind if kind in _catalogue_codes() else _PYDANTIC_CODES.get(kind, "invalid_value")
        if code == "missing":
            message = say("missing", field=loc[-1])
            line = _line_for(doc, loc[:-1])
        elif code == "unknown_field":
            allowed = _fields_at(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            message = say("unknown_field", field=loc[-1], allowed=", ".join(allowed),
                          suggestion=f" (menade du {close[0]}?)" if close else "")
            line = _line_for(doc, loc)
        elif code == "invalid_choice":
            choices = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
            message = say("invalid_choice", value=value, choices=choices)
            line = _line_for(doc, loc)
        elif code in _catalogue_codes() and kind == code:
            message = say(code, **{"value": value, **ctx})
            line = _line_for(doc, loc)
        else:
            message = say(code, value=value if not isinstance(value, (dict, list)) else "…")
            line = _line_for(doc, loc)
        key = (line, message)
        if key in seen:
            continue
        seen.add(key)
        result.append(DataError(shown, line, loc, _label(doc.data, loc), message))
    return result


def _catalogue_codes() -> set[str]:
    from .messages import CATALOGUE
    return set(CATALOGUE)


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = current.model_fields.get(part)
        found = _model_in(field_info.annotation) if field_info else None
        if found is None:
            return []
        current = found
    return sorted(current.model_fields)


def _check_references(site: SiteData, loaded: dict[str, _Loaded]) -> list[DataError]:
    errors: list[DataError] = []

    def where(file: str, loc: tuple) -> tuple[str, int, tuple | None]:
        item = loaded[file]
        return item.display, _line_for(item.doc, loc), _label(item.doc.data, loc)

    # Unique ids within each list of records.
    for file, path in RECORD_LISTS:
        records = site
        for part in path:
            records = getattr(records, part) if records is not None else None
        first: dict[str, int] = {}
        for index, record in enumerate(records or []):
            loc = path + (index, "id")
            shown, line, label = where(file, loc)
            if record.id in first:
                errors.append(DataError(shown, line, loc, label, say(
                    "duplicate_id", value=record.id, other=f"{shown} rad {first[record.id]}")))
            else:
                first[record.id] = line

    contacts = {c.id: c for c in site.contacts}
    lines = {s.id: s for s in site.support_lines}

    def check(file: str, loc: tuple, ref: str, table: dict, kind: str, public_place: bool) -> None:
        shown, line, label = where(file, loc)
        if ref not in table:
            errors.append(DataError(shown, line, loc, label, say(
                "unknown_reference", value=ref, kind=_KIND_LABELS[kind], known=", ".join(sorted(table)))))
        elif public_place and not table[ref].is_public:
            errors.append(DataError(shown, line, loc, label, say("staff_reference_in_public", value=ref)))

    m = site.municipality
    check("municipality.yml", ("municipality", "switchboard"), m.switchboard, contacts, "contacts", True)
    check("municipality.yml", ("municipality", "social_services"), m.social_services, contacts, "contacts", True)
    check("municipality.yml", ("municipality", "coordination", "contact"), m.coordination.contact, contacts,
          "contacts", True)
    if m.consultation:
        check("municipality.yml", ("municipality", "consultation", "contact"), m.consultation.contact, contacts,
              "contacts", m.consultation.audience == "public")
    check("accessibility.yml", ("accessibility", "feedback_contact"), site.accessibility.feedback_contact,
          contacts, "contacts", True)
    guidance = site.staff_guidance
    if guidance is not None:
        check("staff_guidance.yml", ("staff_guidance", "training_contact"), guidance.training_contact, contacts,
              "contacts", False)
        for index, step in enumerate(guidance.concern_steps):
            for n, ref in enumerate(step.contacts):
                check("staff_guidance.yml", ("staff_guidance", "concern_steps", index, "contacts", n), ref,
                      contacts, "contacts", False)
    for index, step in enumerate(site.relatives.steps):
        for n, ref in enumerate(step.lines):
            check("relatives.yml", ("relatives", "steps", index, "lines", n), ref, lines, "support_lines",
                  step.is_public)
        for n, ref in enumerate(step.contacts):
            check("relatives.yml", ("relatives", "steps", index, "contacts", n), ref, contacts, "contacts",
                  step.is_public)
    return errors
