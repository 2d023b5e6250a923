"""data/*.yml -> one validated SiteData, or every problem found (macros/problems.py: code, file, line, path, values).

Nothing here raises to the communicator: `load_site_data` raises DataErrors, which carries the whole list;
each problem becomes Swedish through the catalogue (macros/text/messages.py) where it is shown.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from macros.contract.models import FILES, NATIONAL_FILE, OPTIONAL_FILES, NationalLinesFile, SiteData
from macros.contract.yaml_source import YamlDocument, read_yaml
from macros.problems import DataErrors, Problem

__all__ = ["DataErrors", "load_site_data", "model_in"]   # DataErrors is raised here; it lives with Problem

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
KIT_ROOT = Path(__file__).resolve().parents[2]
# Every list of records with ids: (file, path to the list). Ids must be unique within each list.
RECORD_LISTS = [
    (NATIONAL_FILE, ("support_lines",)),
    ("contacts.yml", ("contacts",)),
    ("support_lines.yml", ("support_lines",)),
    ("focus_areas.yml", ("focus_areas",)),
    ("relatives.yml", ("relatives", "steps")),
    ("staff_guidance.yml", ("staff_guidance", "concern_steps")),
    ("staff_guidance.yml", ("staff_guidance", "partners")),
]
_KIND_LABELS = {"contacts": "kontakt", "support_lines": "stödlinje"}
# Field names a Swedish writer may guess, and the field meant. Suggested only where that field exists.
SWEDISH_FIELDS = {
    "telefon": "phone", "telefonnummer": "phone", "tel": "phone", "nummer": "phone", "namn": "name",
    "epost": "email", "e-post": "email", "mejl": "email", "mail": "email", "webbplats": "url", "hemsida": "url",
    "webbadress": "url", "länk": "url", "adress": "address", "chatt": "chat_url", "öppettider": "hours",
    "tider": "hours", "källa": "source", "kontrollerad": "verified", "kontrollerat": "verified",
    "verifierad": "verified", "datum": "date", "roll": "role", "titel": "title", "rubrik": "title",
    "sammanfattning": "summary", "beskrivning": "description", "kategori": "category", "anonym": "anonymous",
    "gratis": "free_of_charge", "kostnadsfri": "free_of_charge", "målgrupp": "for_whom", "för_vem": "for_whom",
    "om": "about", "dagar": "days", "öppnar": "opens", "stänger": "closes", "alltid": "always",
    "anteckning": "note", "steg": "steps", "text": "text", "målgrupper": "for_whom", "publik": "audience",
    "synlighet": "audience", "kontakt": "contact", "kontakter": "contacts", "stödlinjer": "lines",
}
# Codes whose message is about one value: given a list or a group of fields, they say that instead.
_SINGLE_VALUE_CODES = {"not_text", "invalid_choice", "not_bool", "not_int", "invalid_time", "invalid_phone",
                       "invalid_email", "invalid_url", "invalid_id", "invalid_date", "invalid_verified",
                       "invalid_value"}
# Places that are always public, whatever the record says: there a staff contact can only be replaced.
_ALWAYS_PUBLIC = {"switchboard": "kommunens växel", "social_services": "socialtjänsten",
                  "coordination": "samordningen", "feedback_contact": "kontakten för synpunkter"}


@dataclass
class _Loaded:
    display: str
    doc: YamlDocument
    values: dict = field(default_factory=dict)


def load_site_data(data_dir: Path, today: date | None = None, display_root: Path | None = None,
                   registry: Path | None = None) -> SiteData:
    """Validate the national registry, every data file and every cross-reference; raise DataErrors with all
    problems at once. The support lines are the registry's, less those the municipality hides, plus its own."""
    data_dir = Path(data_dir)
    registry = Path(registry) if registry else KIT_ROOT / NATIONAL_FILE
    root = display_root or Path.cwd()
    errors: list[Problem] = []
    loaded: dict[str, _Loaded] = {}
    parsed: dict[str, YamlDocument] = {}  # every file that could be read, valid or not
    context = {"today": today or date.today()}

    def display(path: Path) -> str:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    known = ", ".join(FILES)
    for extra in sorted(list(data_dir.glob("*.yml")) + list(data_dir.glob("*.yaml"))):
        if extra.name not in FILES:
            errors.append(Problem("file_unknown", display(extra), 1, {"known": known}))

    files = [(name, data_dir / name, model) for name, model in FILES.items()]
    for name, path, model in [(NATIONAL_FILE, registry, NationalLinesFile)] + files:
        shown = display(path)
        if not path.is_file() and name in OPTIONAL_FILES:
            validated = model.model_validate(OPTIONAL_FILES[name])
            loaded[name] = _Loaded(shown, YamlDocument(data={}, lines={}), dict(validated))
            continue
        if not path.is_file():
            errors.append(Problem("registry_missing" if name == NATIONAL_FILE else "file_missing", shown, 1))
            continue
        doc = read_yaml(path)
        for problem in doc.problems:
            errors.append(replace(problem, file=shown))
        if doc.problems:
            continue
        parsed[name] = doc
        for loc, line in doc.empty_keys.items():
            errors.append(Problem("empty_value", shown, line, {"field": loc[-1]}, loc, _label(doc.data, loc)))
        top_key = next(iter(model.model_fields))
        needs_top = model.model_fields[top_key].is_required()
        if not isinstance(doc.data, dict) or (needs_top and top_key not in doc.data):
            if (top_key,) not in doc.empty_keys:
                errors.append(Problem("yaml_top_level", shown, _first_line(doc), {"key": top_key}))
            continue
        try:
            validated = model.model_validate(doc.data, context=context)
        except ValidationError as error:
            errors.extend(_translate(error, model, doc, shown))
            continue
        loaded[name] = _Loaded(shown, doc, dict(validated) if name in OPTIONAL_FILES
                               else {top_key: getattr(validated, top_key)})

    # National and local lines become one list; then cross-references between the files that did validate,
    # so that every error is reported in one run.
    errors.extend(_check_unique_ids(loaded))
    merge_errors, hidden = _merge_support_lines(loaded)
    errors.extend(merge_errors)
    errors.extend(_check_references(loaded, parsed, hidden))
    if errors:
        raise DataErrors(errors)
    values = {k: v for name, item in loaded.items() if name != NATIONAL_FILE for k, v in item.values.items()}
    values["national_ids"] = frozenset(line.id for line in loaded[NATIONAL_FILE].values["support_lines"])
    return SiteData(**values)


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


def _translate(error: ValidationError, model: type[BaseModel], doc: YamlDocument, shown: str) -> list[Problem]:
    result = []
    seen = set()
    for item in error.errors():
        loc = tuple(item["loc"])
        kind = item["type"]
        value = item.get("input")
        ctx = dict(item.get("ctx") or {})
        # A record-level check names the field it is about (at=), and a text check may know its exact line.
        at = ctx.pop("at", None)
        if at is not None:
            loc = loc + (at if isinstance(at, tuple) else (at,))
        exact_line = ctx.pop("line", None)
        code = kind if kind in _catalogue_codes() else _PYDANTIC_CODES.get(kind, "invalid_value")
        if _hidden_by_empty_key(doc, loc, code):
            continue
        shown_value = ctx.get("value", value)
        if code in _SINGLE_VALUE_CODES and isinstance(shown_value, (list, dict)):
            code, values = ("value_is_list" if isinstance(shown_value, list) else "value_is_mapping"), {}
            line = _line_for(doc, loc)
        elif code in _SINGLE_VALUE_CODES and shown_value is None:
            # `- ` with nothing after it in a list, or `{days: , …}`: not "Värdet None ska vara text".
            code, values = ("empty_item", {}) if isinstance(loc[-1], int) else ("empty_value", {"field": loc[-1]})
            line = _line_for(doc, loc)
        elif code == "missing":
            values = {"field": loc[-1]}
            line = _line_for(doc, loc[:-1])
        elif code == "unknown_field":
            allowed = _fields_at(model, loc[:-1])
            values = {"field": loc[-1], "allowed": ", ".join(allowed),
                      "suggestion": suggestion(str(loc[-1]), allowed)}
            line = _line_for(doc, loc)
        elif code == "invalid_choice":
            choices = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
            values = {"value": value, "choices": choices}
            line = _line_for(doc, loc)
        elif code in _catalogue_codes() and kind == code:
            values = {"value": value, **ctx}
            line = _line_for(doc, loc)
        else:
            values = {"value": value if not isinstance(value, (dict, list)) else "…"}
            line = _line_for(doc, loc)
        problem = Problem(code, shown, exact_line or line, values, loc, _label(doc.data, loc))
        key = (problem.line, problem.message())
        if key in seen:
            continue
        seen.add(key)
        result.append(problem)
    return result


def _hidden_by_empty_key(doc: YamlDocument, loc: tuple, code: str) -> bool:
    """An error that only repeats that a key was written with no value (already reported as empty_value)."""
    if loc in doc.empty_keys:
        return True
    return code in ("text_missing_sv", "hours_empty") and any(key[:-1] == loc for key in doc.empty_keys)


def suggestion(name: str, allowed: list[str]) -> str:
    """` (menade du phone?)` for a misspelt or Swedish name of one that exists, else nothing (also used for
    settings: macros/settings.py)."""
    meant = SWEDISH_FIELDS.get(name.strip().lower())
    if meant not in allowed:
        close = difflib.get_close_matches(name, allowed, n=1)
        meant = close[0] if close else None
    return f" (menade du {meant}?)" if meant else ""


def _catalogue_codes() -> set[str]:
    from macros.text.messages import CATALOGUE
    return set(CATALOGUE)


def model_in(annotation) -> type[BaseModel] | None:
    """The model inside a field's type (Contact in list[Contact] | None), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = model_in(arg)
        if found:
            return found
    return None


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = current.model_fields.get(part)
        found = model_in(field_info.annotation) if field_info else None
        if found is None:
            return []
        current = found
    return sorted(current.model_fields)


def _part(loaded: dict[str, _Loaded], file: str):
    """The validated value of a file's first key (its records), or None when the file did not validate."""
    item = loaded.get(file)
    return next(iter(item.values.values())) if item else None


def _check_unique_ids(loaded: dict[str, _Loaded]) -> list[Problem]:
    """Unique ids within each list of records, for every file that validated."""
    errors: list[Problem] = []
    for file, path in RECORD_LISTS:
        records = _part(loaded, file)
        for name in path[1:]:
            records = getattr(records, name) if records is not None else None
        first: dict[str, int] = {}
        for index, record in enumerate(records or []):
            loc = path + (index, "id")
            item = loaded[file]
            shown, line, label = item.display, _line_for(item.doc, loc), _label(item.doc.data, loc)
            if record.id in first:
                errors.append(Problem("duplicate_id", shown, line, {"value": record.id,
                                      "other": f"{shown} rad {first[record.id]}"}, loc, label))
            else:
                first[record.id] = line
    return errors


def _channels(record) -> list[tuple[str, str]]:
    """(field, normalised value) for a record's phone, sms and e-mail: the facts a local copy would repeat.
    Numbers as their tel: address, which short numbers (1177, 116 111) have too."""
    found = [(name, getattr(record, name).href) for name in ("phone", "sms") if getattr(record, name)]
    return found + ([("email", record.email.lower())] if record.email else [])


def _merge_support_lines(loaded: dict[str, _Loaded]) -> tuple[list[Problem], set[str]]:
    """Replace the municipality's support_lines by the merged list: national lines it does not hide, then its
    own. A national fact is never edited locally: a local line with a national id or number is an error.
    Returns the errors and the ids of the hidden lines."""
    national, local = loaded.get(NATIONAL_FILE), loaded.get("support_lines.yml")
    if national is None or local is None:
        return [], set()
    errors: list[Problem] = []
    lines = national.values["support_lines"]
    by_id = {line.id: line for line in lines}
    # Every way of reaching a national line, normalised: a local record with one of them is a copy.
    by_channel = {value: line for line in lines for _, value in _channels(line)}

    def error(file: _Loaded, loc: tuple, code: str, **values) -> None:
        errors.append(Problem(code, file.display, _line_for(file.doc, loc), {"registry": national.display, **values},
                              loc, _label(file.doc.data, loc)))

    def copies(file: _Loaded, kind: str, records, skip: set[str] = frozenset()) -> None:
        for index, record in enumerate(records):
            if record.id in skip:
                continue          # already reported as a national id written locally
            for field_name, value in _channels(record):
                if value in by_channel:
                    shown = getattr(record, field_name)
                    error(file, (kind, index, field_name), "national_copy", other=by_channel[value].id,
                          value=getattr(shown, "display", shown))
                    break

    for index, line in enumerate(local.values["support_lines"]):
        if line.id in by_id:
            error(local, ("support_lines", index, "id"), "national_override", value=line.id)
    copies(local, "support_lines", local.values["support_lines"], skip=set(by_id))
    if "contacts.yml" in loaded:     # a municipal contact may not republish a national number either
        copies(loaded["contacts.yml"], "contacts", loaded["contacts.yml"].values["contacts"])
    hidden = set()
    for index, item in enumerate(local.values["hidden"]):
        if item.id not in by_id:
            error(local, ("hidden", index, "id"), "hidden_unknown", value=item.id, known=", ".join(sorted(by_id)))
        elif by_id[item.id].category == "emergency":
            error(local, ("hidden", index, "id"), "hidden_emergency", value=item.id)
        else:
            hidden.add(item.id)
    local.values["support_lines"] = [line for line in lines if line.id not in hidden] + [
        line for line in local.values["support_lines"] if line.id not in by_id]
    return errors, hidden


def _check_references(loaded: dict[str, _Loaded], parsed: dict[str, YamlDocument],
                      hidden: set[str] = frozenset()) -> list[Problem]:
    """References between files, for every file that validated.

    A reference is checked against the file it points into even when that file has errors of its own, as long
    as it could be read: its records' ids (and audience) are taken from the YAML as written.
    """
    # The lines pages may name: national and local (merged already when both files validated).
    national = _known_ids(loaded, parsed, NATIONAL_FILE, "support_lines")
    local = _known_ids(loaded, parsed, "support_lines.yml", "support_lines")
    tables = {"contacts": _known_ids(loaded, parsed, "contacts.yml", "contacts"),
              "support_lines": None if national is None else {**national, **(local or {})}}
    errors = _featured_twice(loaded)
    for file, loc, ref, kind, public_place in _references(loaded):
        if tables[kind] is None:
            continue  # contacts.yml or support_lines.yml could not be read: its ids are not known
        found = _reference_error(loaded, (file, loc, ref, kind, public_place), tables[kind], hidden)
        if found is not None:
            errors.append(found)
    return errors


def _where(loaded: dict[str, _Loaded], file: str, loc: tuple) -> tuple[str, int, tuple | None]:
    item = loaded[file]
    return item.display, _line_for(item.doc, loc), _label(item.doc.data, loc)


def _known_ids(loaded: dict[str, _Loaded], parsed: dict[str, YamlDocument], file: str,
               kind: str) -> dict[str, bool] | None:
    """id -> is public, for the records of a file; None when the file could not be read."""
    records = _part(loaded, file)
    if records is not None:
        return {record.id: record.is_public for record in records}
    doc = parsed.get(file)
    written = doc.data.get(kind) if doc is not None and isinstance(doc.data, dict) else None
    if not isinstance(written, list):
        return None
    return {str(r["id"]): r.get("audience", "public") != "staff"
            for r in written if isinstance(r, dict) and isinstance(r.get("id"), str)}


def _featured_twice(loaded: dict[str, _Loaded]) -> list[Problem]:
    lines_file = loaded.get("support_lines.yml")
    errors, seen = [], set()
    for n, ref in enumerate(lines_file.values["featured"] if lines_file is not None else []):
        if ref in seen:
            shown, line, label = _where(loaded, "support_lines.yml", ("featured", n))
            errors.append(Problem("featured_twice", shown, line, {"value": ref}, ("featured", n), label))
        seen.add(ref)
    return errors


# One reference: the file it is in, where in that file, the id it names, the kind of record (contacts or
# support_lines), and whether the place it is shown is public.
_Reference = tuple[str, tuple, str, str, bool]


def _references(loaded: dict[str, _Loaded]) -> Iterator[_Reference]:
    """Every reference from a file that validated to a record of another, in the order of the files."""
    lines_file = loaded.get("support_lines.yml")
    for n, ref in enumerate(lines_file.values["featured"] if lines_file is not None else []):
        yield "support_lines.yml", ("featured", n), ref, "support_lines", True
    m = _part(loaded, "municipality.yml")
    if m is not None:
        yield "municipality.yml", ("municipality", "switchboard"), m.switchboard, "contacts", True
        yield "municipality.yml", ("municipality", "social_services"), m.social_services, "contacts", True
        yield ("municipality.yml", ("municipality", "coordination", "contact"), m.coordination.contact,
               "contacts", True)
        if m.consultation:
            yield ("municipality.yml", ("municipality", "consultation", "contact"), m.consultation.contact,
                   "contacts", m.consultation.audience == "public")
    accessibility = _part(loaded, "accessibility.yml")
    if accessibility is not None:
        yield ("accessibility.yml", ("accessibility", "feedback_contact"), accessibility.feedback_contact,
               "contacts", True)
    guidance = _part(loaded, "staff_guidance.yml")
    if guidance is not None:
        yield ("staff_guidance.yml", ("staff_guidance", "training_contact"), guidance.training_contact,
               "contacts", False)
        for index, step in enumerate(guidance.concern_steps):
            for n, ref in enumerate(step.contacts):
                yield ("staff_guidance.yml", ("staff_guidance", "concern_steps", index, "contacts", n), ref,
                       "contacts", False)
        for n, ref in enumerate(guidance.professional_lines):
            yield "staff_guidance.yml", ("staff_guidance", "professional_lines", n), ref, "support_lines", False
    relatives = _part(loaded, "relatives.yml")
    for index, step in enumerate(relatives.steps if relatives is not None else []):
        for n, ref in enumerate(step.lines):
            yield "relatives.yml", ("relatives", "steps", index, "lines", n), ref, "support_lines", step.is_public
        for n, ref in enumerate(step.contacts):
            yield "relatives.yml", ("relatives", "steps", index, "contacts", n), ref, "contacts", step.is_public


def _reference_error(loaded: dict[str, _Loaded], reference: _Reference, table: dict[str, bool],
                     hidden: set[str]) -> Problem | None:
    """What is wrong with one reference: a hidden line, an unknown id, or a staff record in a public place."""
    file, loc, ref, kind, public_place = reference
    shown, line, label = _where(loaded, file, loc)
    if kind == "support_lines" and ref in hidden:
        return Problem("hidden_reference", shown, line, {"value": ref, "file": loaded["support_lines.yml"].display},
                       loc, label)
    if ref not in table:
        return Problem("unknown_reference", shown, line, {"value": ref, "kind": _KIND_LABELS[kind],
                                                          "known": ", ".join(sorted(table))}, loc, label)
    if public_place and not table[ref]:
        place = _ALWAYS_PUBLIC.get(loc[1])
        code, values = (("staff_reference_always_public", {"value": ref, "field": ".".join(loc[1:]), "place": place})
                        if place else ("staff_reference_in_public", {"value": ref}))
        return Problem(code, shown, line, values, loc, label)
    return None
