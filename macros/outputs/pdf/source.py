"""Where a PDF came from: the source version and the date printed on its cover and in its metadata.

Both are read from the source, never from the clock when the source can tell, so that the same inputs give
the same bytes: SOURCE_DATE_EPOCH (the reproducible-builds convention) first, then the last commit, then the
build's today. A copy of the project without git still builds; its version is then unknown.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from macros.text.messages import ui

_ZONE = ZoneInfo("Europe/Stockholm")  # the municipality's calendar day, not the build machine's


@dataclass(frozen=True)
class Provenance:
    version: str          # "4a96a27", "4a96a27-dirty" or the Swedish "unknown version"
    moment: datetime      # timezone-aware

    @property
    def day(self) -> date:
        return self.moment.date()

    @property
    def w3c(self) -> str:
        """As WeasyPrint reads dcterms.created/modified: 2026-11-22T10:15:00+01:00."""
        return self.moment.isoformat(timespec="seconds")


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def _in_git(root: Path) -> bool:
    # A copy inside some other repository must not borrow that repository's version.
    top = _git(root, "rev-parse", "--show-toplevel")
    return top is not None and Path(top).resolve() == root.resolve()


def source_version(root: Path) -> str:
    version = _git(root, "describe", "--always", "--dirty") if _in_git(root) else None
    return version or ui("pdf_version_unknown")


def source_moment(root: Path, today: date) -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch and _in_git(root):
        epoch = _git(root, "log", "-1", "--format=%ct") or ""
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).astimezone(_ZONE).replace(microsecond=0)
    return datetime.combine(today, time(12, 0), _ZONE)


def provenance(root: Path, today: date) -> Provenance:
    return Provenance(version=source_version(root), moment=source_moment(root, today))
