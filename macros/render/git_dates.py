"""When each file last changed in git, and where its source can be edited.

One `git log` for the whole repository instead of one per page (what git-revision-date-localized does),
so that the cost stays flat as pages are added; outside a git checkout (a temporary copy, a tarball) there
are simply no dates and no edit links, never an error.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path


def last_changed(root: Path) -> dict[str, date]:
    """Repository-relative path -> date of the last commit that touched it (read once per build: BuildState)."""
    try:
        # A file moved without a change (docs/personal/ to personal/) keeps the date of its last real change.
        output = subprocess.run(["git", "log", "--format=%x00%cs", "--name-status", "--find-renames=100%", "HEAD"],
                                cwd=root, capture_output=True, text=True, timeout=60, check=True).stdout
        prefix = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=root, capture_output=True, text=True,
                                timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, date] = {}
    moved: dict[str, str] = {}   # older name -> newer name, for files moved unchanged
    for block in output.split("\x00")[1:]:
        lines = block.strip().splitlines()
        if not lines:
            continue
        day = date.fromisoformat(lines[0])
        for line in lines[1:]:
            status, *names = line.split("\t")
            if status == "R100" and len(names) == 2:
                moved[names[0]] = moved.get(names[1], names[1])
                continue
            name = names[-1] if names else ""
            name = moved.get(name, name)
            if name and name.startswith(prefix):
                dates.setdefault(name[len(prefix):], day)  # newest commit first: keep the first date seen
    return dates


def page_changed(dates: dict[str, date], root: Path, page_path: str, data_dir: Path, uses_data: bool) -> date | None:
    """A page's last change (dates: last_changed): its own file, and for pages that show data, the newest data
    file too."""
    found = [dates.get(page_path)]
    if uses_data:
        try:
            data_prefix = data_dir.resolve().relative_to(root.resolve()).as_posix() + "/"
        except ValueError:
            data_prefix = None
        if data_prefix:
            found += [day for name, day in dates.items() if name.startswith(data_prefix)]
    found = [day for day in found if day]
    return max(found) if found else None


_GITHUB = re.compile(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)([^/]+/[^/]+?)(?:\.git)?/?$")


def repository_url(root: Path) -> str | None:
    """The repository's web address: $REPO_URL (set by the workflows), else a GitHub origin remote (read once
    per build: BuildState)."""
    configured = os.environ.get("REPO_URL", "").strip().rstrip("/")
    if configured:
        return configured
    try:
        remote = subprocess.run(["git", "config", "--get", "remote.origin.url"], cwd=root, capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    match = _GITHUB.match(remote)
    return f"https://github.com/{match.group(1)}" if match else None
