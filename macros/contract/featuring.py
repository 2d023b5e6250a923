"""Which support lines the start page shows first, and why a chosen line is not shown there.

A municipality lists its choices in order (support_lines.yml › featured). A line is shown only when it is
trusted: checked against its source within the freshness limit, with no open question (check_note). The
next trusted line in the list takes the place of one that is not. `make check` says which and why.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from macros.contract.models import SiteData, SupportLine
from macros.contract.yaml_source import read_yaml
from macros.render.render import long_date, text
from macros.text.messages import ui


def why_not_trusted(line: SupportLine, today: date, months: int) -> str | None:
    """In Swedish, why a line may not be featured; None when it may."""
    reasons = []
    if line.verified_date is None:
        reasons.append(ui("featured_undated"))
    elif line.is_old(today, months):
        reasons.append(ui("featured_stale", date=long_date(line.verified_date), months=months))
    if line.check_note:
        reasons.append(ui("featured_doubt", note=line.check_note))
    return " ".join(reasons) or None


def summary(data: SiteData, data_dir: Path, today: date, months: int, shown_file: str) -> list[str]:
    """Lines for `make check`: what the start page shows, each chosen line it does not show and why, and the
    national lines the municipality hides with its reasons. Each names the file and line it comes from."""
    path = data_dir / "support_lines.yml"
    doc = read_yaml(path) if path.is_file() else None
    lines = {line.id: line for line in data.support_lines}
    shown = data.featured_lines(today, months)
    out = []
    for index, id in enumerate(data.featured):
        line = lines.get(id)
        reason = why_not_trusted(line, today, months) if line else None
        if reason:
            where = f"{shown_file}:{doc.lines.get(('featured', index), 1) if doc else 1}"
            out.append(f"{where} › featured › nr {index + 1} ({id}): " + ui(
                "featured_not_shown", name=text(line.name)) + " " + reason)
    if data.featured:
        names = ", ".join(text(line.name) for line in shown) or ui("featured_none")
        out.append(ui("featured_shown", names=names))
    for index, item in enumerate(data.hidden):
        where = f"{shown_file}:{doc.lines.get(('hidden', index), 1) if doc else 1}"
        out.append(f"{where} › hidden › nr {index + 1} ({item.id}): " + ui("hidden_line", reason=item.reason))
    return out
