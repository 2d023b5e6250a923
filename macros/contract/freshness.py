"""`make freshness`: what on the site may be out of date, as a report in Swedish for the communicator.

It lists
- every support line and contact whose `verified` date is older than the limit (pyproject.toml
  [tool.motverka] freshness_months, default 12), with its source and any `check_note`;
- the records whose source shows no date (`verified: odaterad`), as a reminder;
- the plan, if its validity has ended or its follow-up is overdue;
- every page whose review date (`last_reviewed_on` + `review_in`) has passed.

Exit status 0, or with --strict (the publishing workflow, `make freshness STRICT=1`) 1 when anything but the
undated reminders is listed: an undated source is a fact about the source, not a neglected check.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from macros.contract.dates import months_between
from macros.contract.load import KIT_ROOT
from macros.contract.models import NATIONAL_FILE, Reachable, SiteData
from macros.render.page_meta import review_due
from macros.render.render import long_date, text
from macros.text.messages import ui


@dataclass(frozen=True)
class Record:
    name: str
    id: str
    where: str                  # "data/support_lines.yml rad 31"
    verified: date | None
    source: str
    check_note: str | None
    staff: bool


@dataclass(frozen=True)
class OverduePage:
    path: str                   # "docs/stodlinjer.md"
    due: date


@dataclass
class Freshness:
    today: date
    months: int
    stale: list[Record] = field(default_factory=list)
    undated: list[Record] = field(default_factory=list)
    notes: list[Record] = field(default_factory=list)       # fresh records that still carry a check_note
    plan: list[str] = field(default_factory=list)
    pages: list[OverduePage] = field(default_factory=list)

    @property
    def needs_action(self) -> bool:
        return bool(self.stale or self.plan or self.pages)


def _line_of(file: Path, record_id: str) -> int:
    try:
        for number, line in enumerate(file.read_text("utf-8").splitlines(), 1):
            if re.match(rf"\s*-?\s*id:\s*['\"]?{re.escape(record_id)}['\"]?\s*$", line):
                return number
    except OSError:
        pass
    return 1


def _record(item: Reachable, file: Path, display: str) -> Record:
    return Record(name=text(item.name), id=item.id, where=ui("fresh_where", file=display, line=_line_of(file, item.id)),
                  verified=item.verified_date, source=item.source, check_note=item.check_note,
                  staff=not item.is_public)


def front_matter(page: Path) -> dict:
    source = page.read_text("utf-8")
    match = re.match(r"^---\s*\n(.*?)\n---\s*\n", source, re.DOTALL)
    if not match:
        return {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def check(data: SiteData, data_dir: Path, docs: Path, today: date, months: int, display_root: Path,
          registry: Path | None = None) -> Freshness:
    """Everything that is out of date on `today`, with `months` as the limit for verified dates."""
    report = Freshness(today=today, months=months)
    registry = registry or KIT_ROOT / NATIONAL_FILE

    def display(path: Path) -> str:
        try:
            return path.resolve().relative_to(display_root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    for items, filename in ((data.support_lines, "support_lines.yml"), (data.contacts, "contacts.yml")):
        for item in items:
            file = registry if item.id in data.national_ids and filename == "support_lines.yml" else data_dir / filename
            record = _record(item, file, display(file))
            if item.verified_date is None:
                report.undated.append(record)
            elif item.is_old(today, months):
                report.stale.append(record)
            elif item.check_note:
                report.notes.append(record)
    report.stale.sort(key=lambda r: r.verified)
    plan = data.plan
    if plan.is_expired(today):
        report.plan.append(ui("plan_expired", date=long_date(plan.valid_until)))
    if plan.is_follow_up_overdue(today):
        report.plan.append(ui("followup_overdue", date=long_date(plan.follow_up_due())))
    staff_pages = docs.parent / "personal"   # the staff site's pages, beside docs/
    for page in [*sorted(docs.rglob("*.md")), *sorted(staff_pages.rglob("*.md"))]:
        due = review_due(front_matter(page))
        if due is not None and due < today:
            report.pages.append(OverduePage(display(page), due))
    return report


def render(report: Freshness, label: str) -> str:
    """The report as plain Swedish text."""
    out = [ui("fresh_heading", data=label), ui("fresh_today", today=long_date(report.today), months=report.months), ""]

    def records(items: list[Record], with_date: bool) -> None:
        for record in items:
            staff = f" ({ui('fresh_staff')})" if record.staff else ""
            out.append(f"  - {record.name} ({record.id}){staff}, {record.where}")
            if with_date:
                out.append("    " + ui("fresh_checked", date=long_date(record.verified),
                                       age=months_between(record.verified, report.today)))
            out.append("    " + ui("fresh_source", url=record.source))
            if record.check_note:
                out.append("    " + ui("fresh_note", note=record.check_note))

    if report.stale:
        out.append(ui("fresh_stale_heading", months=report.months, count=len(report.stale)))
        records(report.stale, with_date=True)
    else:
        out.append(ui("fresh_stale_none", months=report.months))
    out.append("")
    out.append(ui("fresh_plan_heading"))
    out += [f"  - {notice}" for notice in report.plan] or [f"  - {ui('fresh_plan_ok')}"]
    out.append("")
    if report.pages:
        out.append(ui("fresh_pages_heading", count=len(report.pages)))
        out += [f"  - {page.path}: {ui('fresh_page_due', date=long_date(page.due))}" for page in report.pages]
    else:
        out.append(ui("fresh_pages_none"))
    if report.undated:
        out += ["", ui("fresh_undated_heading", count=len(report.undated))]
        records(report.undated, with_date=False)
    if report.notes:
        out += ["", ui("fresh_notes_heading", count=len(report.notes))]
        records(report.notes, with_date=True)
    out.append("")
    todo = []
    if report.stale:
        todo.append(ui("fresh_count_stale", count=len(report.stale)))
    if report.plan:
        todo.append(ui("fresh_count_plan"))
    if report.pages:
        todo.append(ui("fresh_count_pages", count=len(report.pages)))
    out.append(ui("fresh_summary", items=", ".join(todo)) if todo else ui("fresh_summary_ok"))
    return "\n".join(out)


def main(data_dir: Path, strict: bool = False, stream=sys.stdout, registry: Path | None = None) -> int:
    from macros.build_state import ROOT, limits, today
    from macros.cli.build import check as check_data
    from macros.contract.load import DataErrors, load_site_data

    try:
        data = load_site_data(data_dir, today=today(), display_root=ROOT, registry=registry)
    except DataErrors:
        return check_data_errors(check_data, data_dir, stream)
    report = check(data, data_dir, ROOT / "docs", today(), limits().freshness_months, ROOT, registry)
    try:
        label = data_dir.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        label = str(data_dir)
    print(render(report, label), file=stream)
    if strict and report.needs_action:
        print(ui("fresh_strict"), file=stream)
        return 1
    return 0


def check_data_errors(check_data, data_dir: Path, stream) -> int:
    """Bad data: print the same errors as `make check` (the report needs valid data)."""
    from macros.cli.build import Dataset

    check_data(Dataset(data_dir, data_dir.parent), stream=stream, command="make freshness")
    return 1
