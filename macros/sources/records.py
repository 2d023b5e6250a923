"""The records the source watch checks, read from the raw YAML with their file and line.

The watch does not need the data to validate: it reads each file with yaml_source and takes every public
record (no `audience: staff`) that has a `source`, with the facts a page can show: phone and sms numbers,
e-mail, and the clock times of `hours.periods`. The national registry (national/support_lines.yml) is read
once whatever the dataset; then the dataset's own support_lines.yml and contacts.yml. Other keys in those
files (featured:, hidden: …) are not records and are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from macros.contract.models import NATIONAL_FILE
from macros.contract.yaml_source import read_yaml
from macros.sources.match import Period

# (file name, top key) of each file with sourced records, national registry first.
REGISTRY = Path(NATIONAL_FILE)
DATASET_FILES = (("support_lines.yml", "support_lines"), ("contacts.yml", "contacts"))


@dataclass
class SourceRecord:
    file: Path               # the data file, as on disk
    display: str             # the data file as the report names it: data/support_lines.yml
    line: int                # the record's first line
    index: int               # its place in the file's list (for line numbers of its fields)
    key: str                 # the file's top key: support_lines or contacts
    id: str
    name: str
    source: str
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    verified_line: int | None = None
    verified_by_line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.display}:{self.line}"

    @property
    def has_facts(self) -> bool:
        return bool(self.phones or self.emails or self.periods)


def _text(value) -> str:
    if isinstance(value, dict):
        value = value.get("sv") or next(iter(value.values()), "")
    return " ".join(str(value or "").split())


def _periods(hours) -> list[Period]:
    if not isinstance(hours, dict) or not isinstance(hours.get("periods"), list):
        return []
    found = []
    for period in hours["periods"]:
        if isinstance(period, dict) and isinstance(period.get("opens"), str) and isinstance(period.get("closes"), str):
            if ":" in period["opens"] and ":" in period["closes"]:
                candidate = Period(period["opens"].strip(), period["closes"].strip())
                if candidate not in found:  # weekdays and weekend often share their times
                    found.append(candidate)
    return found


def read_records(file: Path, key: str, display: str) -> list[SourceRecord]:
    """The public records with a source in one data file; none if the file is missing or unreadable."""
    if not file.is_file():
        return []
    doc = read_yaml(file)
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    records = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or str(item.get("audience", "public")).strip() == "staff":
            continue
        source = item.get("source")
        if not isinstance(source, str) or not source.strip():
            continue
        phones = [str(item[k]).strip() for k in ("phone", "sms") if isinstance(item.get(k), (str, int))]
        path = (key, index)
        records.append(SourceRecord(
            file=file, display=display, line=doc.lines.get(path, 1), index=index, key=key,
            id=str(item.get("id", f"{key}[{index}]")), name=_text(item.get("name")) or str(item.get("id", "")),
            source=source.strip(), phones=list(dict.fromkeys(phones)),
            emails=[item["email"].strip()] if isinstance(item.get("email"), str) else [],
            periods=_periods(item.get("hours")),
            verified_line=doc.lines.get(path + ("verified",)), verified_by_line=doc.lines.get(path + ("verified_by",)),
        ))
    return records


def dataset_records(data_dir: Path, root: Path) -> list[SourceRecord]:
    """The national registry's records (if the kit has one), then the dataset's own."""

    def display(path: Path) -> str:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    files = [(root / REGISTRY, "support_lines")]
    files += [(data_dir / name, key) for name, key in DATASET_FILES]
    seen: set[Path] = set()
    records: list[SourceRecord] = []
    for file, key in files:
        if file.resolve() in seen:
            continue
        seen.add(file.resolve())
        records += read_records(file, key, display(file))
    return records
