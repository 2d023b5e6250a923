"""`make sources`: fetch each public record's source page and check that its facts still stand there.

For every public record with a `source` (the national registry once, then the dataset's support lines and
contacts), each published phone number, e-mail address and opening period must still appear on the page.
The report, in Swedish, gives one line per record with its data file and line: confirmed; a number, e-mail or
opening time not found; the source gone (404/410), moved to another site, unreachable (and why), or closed to
robots. Exit status 1 when anything needs a human, so that the weekly workflow can open an issue.

--update-verified moves `verified` to today on the confirmed records and marks them `verified_by:
källbevakningen` (source_update.py); --markdown writes the report for a GitHub issue; --list only lists what
would be fetched.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from macros.render.render import long_date
from macros.sources.fetch import Fetched, Fetcher, site_of
from macros.sources.match import has_email, has_period, has_phone, page_text, time_ranges
from macros.sources.records import SourceRecord, dataset_records
from macros.sources.update import update_verified
from macros.text.messages import ui

# Outcomes that are not a failure: the page answered and nothing on it contradicts the record.
CONFIRMED, NOTHING = "confirmed", "nothing"


@dataclass
class Outcome:
    record: SourceRecord
    kind: str                                        # confirmed, nothing, missing, gone, moved, …
    problems: list[str] = field(default_factory=list)  # Swedish, one per fact or per fetch problem

    @property
    def needs_human(self) -> bool:
        return self.kind not in (CONFIRMED, NOTHING)

    def describe(self) -> str:
        if self.kind == CONFIRMED:
            return ui("watch_confirmed")
        if self.kind == NOTHING:
            return ui("watch_nothing")
        return "; ".join(self.problems)


def _fetch_problem(fetched: Fetched) -> str:
    if fetched.kind == "gone":
        return ui("watch_gone", status=fetched.detail)
    if fetched.kind == "moved":
        return ui("watch_moved", target=fetched.detail)
    if fetched.kind == "disallowed":
        return ui("watch_disallowed")
    if fetched.kind == "unreadable":
        return ui("watch_unreadable", type=fetched.detail)
    return ui("watch_unreachable", error=fetched.detail)


def compare(record: SourceRecord, fetched: Fetched, text: str | None) -> Outcome:
    """What the page says about one record."""
    if fetched.kind != "ok" or text is None:
        return Outcome(record, fetched.kind, [_fetch_problem(fetched)])
    problems = [ui("watch_phone_missing", value=n) for n in record.phones if not has_phone(text, n)]
    problems += [ui("watch_email_missing", value=e) for e in record.emails if not has_email(text, e)]
    ranges = time_ranges(text)
    problems += [ui("watch_hours_missing", value=str(p)) for p in record.periods if not has_period(text, p, ranges)]
    if problems:
        return Outcome(record, "missing", problems)
    return Outcome(record, CONFIRMED if record.has_facts else NOTHING)


def watch(records: list[SourceRecord], fetcher: Fetcher) -> list[Outcome]:
    fetched = fetcher.fetch_all([record.source for record in records])
    texts = {url: page_text(result.body, result.charset) for url, result in fetched.items() if result.kind == "ok"}
    return [compare(record, fetched[record.source], texts.get(record.source)) for record in records]


# --- Reports -----------------------------------------------------------------------------------------------

@dataclass
class Report:
    label: str
    today: date
    outcomes: list[Outcome]

    def group(self, *kinds: str, needs_human: bool | None = None) -> list[Outcome]:
        if needs_human is not None:
            return [o for o in self.outcomes if o.needs_human == needs_human]
        return [o for o in self.outcomes if o.kind in kinds]

    @property
    def todo(self) -> list[Outcome]:
        return self.group(needs_human=True)

    def summary(self) -> str:
        return ui("watch_summary", checked=len(self.outcomes),
                  pages=len({o.record.source for o in self.outcomes}),
                  confirmed=len(self.group(CONFIRMED)), todo=len(self.todo), nothing=len(self.group(NOTHING)))


def render_text(report: Report) -> str:
    out = [ui("watch_heading", data=report.label), ui("watch_intro", today=long_date(report.today)), ""]
    sections = ((ui("watch_todo_heading", count=len(report.todo)), report.todo),
                (ui("watch_nothing_heading", count=len(report.group(NOTHING))), report.group(NOTHING)),
                (ui("watch_confirmed_heading", count=len(report.group(CONFIRMED))), report.group(CONFIRMED)))
    for heading, outcomes in sections:
        if not outcomes:
            continue
        out.append(heading)
        for outcome in outcomes:
            record = outcome.record
            out.append(f"  - {record.where} {record.name} ({record.id}): {outcome.describe()}.")
            if outcome.needs_human:
                out.append("    " + ui("watch_source", url=record.source))
        out.append("")
    if report.todo:
        out.append(ui("watch_how"))
    else:
        out.append(ui("watch_all_confirmed"))
    out.append(report.summary())
    return "\n".join(out)


def _md(text: str) -> str:
    """Text from data, safe inside a Markdown list item (no links, emphasis or HTML of its own)."""
    return "".join("\\" + c if c in "\\`*_[]<>|#" else c for c in text)


def render_markdown(report: Report) -> str:
    out = [f"**{report.summary()}**", ""]
    if report.todo:
        out += [f"### {ui('watch_todo_heading', count=len(report.todo)).rstrip(':')}", ""]
        for outcome in report.todo:
            record = outcome.record
            out.append(f"- [ ] `{record.where}` **{_md(record.name)}** (`{record.id}`): {_md(outcome.describe())}. "
                       f"{ui('watch_source', url=f'<{record.source}>')}")
        out.append("")  # the workflow's issue says what to do; the report only lists
    for kind, key in ((NOTHING, "watch_nothing_heading"), (CONFIRMED, "watch_confirmed_heading")):
        outcomes = report.group(kind)
        if outcomes:
            out += ["<details>", f"<summary>{ui(key, count=len(outcomes)).rstrip(':')}</summary>", ""]
            out += [f"- `{o.record.where}` {_md(o.record.name)} (`{o.record.id}`)" for o in outcomes]
            out += ["", "</details>", ""]
    return "\n".join(out)


def render_list(records: list[SourceRecord]) -> str:
    none = ui("watch_none")
    out = [ui("watch_list_heading", count=len(records), pages=len({r.source for r in records}),
              hosts=len({site_of(r.source) for r in records}))]
    for record in records:
        facts = ui("watch_list_facts", phones=", ".join(record.phones) or none,
                   emails=", ".join(record.emails) or none,
                   hours=", ".join(map(str, record.periods)) or none)
        out += [f"  - {record.where} {record.name} ({record.id}): {record.source}", f"    {facts}"]
    return "\n".join(out)


# --- Command -----------------------------------------------------------------------------------------------

def main(data_dir: Path, root: Path, today: date, *, timeout: float = 20.0, list_only: bool = False,
         markdown: Path | None = None, update: bool = False, repository: str | None = None,
         stream=sys.stdout) -> int:
    records = dataset_records(data_dir, root)
    if list_only:
        print(render_list(records), file=stream)
        return 0
    try:
        label = data_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        label = str(data_dir)
    started = time.monotonic()
    outcomes = watch(records, Fetcher(repository=repository, timeout=timeout))
    report = Report(label, today, outcomes)
    print(render_text(report), file=stream)
    print(ui("watch_time", seconds=f"{time.monotonic() - started:.1f}".replace(".", ",")), file=stream)
    if markdown is not None:
        markdown.write_text(render_markdown(report) + "\n", "utf-8")
    if update:
        confirmed = [o.record for o in report.group(CONFIRMED)]
        skipped = update_verified(confirmed, today)
        for record in skipped:
            print(ui("watch_not_updated", where=record.where), file=stream)
        print(ui("watch_updated", today=today.isoformat(), count=len(confirmed) - len(skipped)), file=stream)
    return 1 if report.todo else 0
