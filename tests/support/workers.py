"""Which tests run together on one pytest-xdist worker (`make test`: -n auto --dist loadgroup).

The tests of a module that has module-scoped fixtures of its own (a build of a broken copy, say) form one group
that runs on one worker, so that each such fixture is made once, not once per worker; one group per dataset
when such a fixture follows the dataset. Every other test goes wherever a worker is free: the builds of
conftest.py's fixtures are shared by all workers anyway (tests/support/shared.py).

xdist's own loadgroup marks a group by renaming a test's node id, which pytest 9 no longer allows; so the
workers write the groups they find to a file of the session (`write`), and the controller's scheduler reads it
when it hands out the tests (`GroupScheduling`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

GROUPS_FILE = "xdist-groups.json"


def groups(items) -> dict[str, str]:
    """node id -> group, for the tests that must share a worker."""
    found = {}
    for item in items:
        fixtures = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        module = item.nodeid.split("::")[0]
        own = [name for name, definitions in fixtures.items()
               if definitions[-1].scope == "module" and definitions[-1].baseid == module]
        if own:
            callspec = getattr(item, "callspec", None)
            dataset = callspec.params.get("dataset") if callspec else None
            apart = dataset and any(_follows_dataset(fixtures, name) for name in own)
            found[item.nodeid] = f"{module}[{dataset}]" if apart else module
    return found


def _follows_dataset(fixtures: dict, name: str, seen: frozenset = frozenset()) -> bool:
    """Whether a fixture asks for `dataset`, itself or through the fixtures it asks for."""
    if name == "dataset":
        return True
    definitions = fixtures.get(name)
    return bool(definitions) and name not in seen and any(
        _follows_dataset(fixtures, argument, seen | {name}) for argument in definitions[-1].argnames)


def write(items, session_folder: Path) -> None:
    """In a worker, after collection: the groups, for the controller (every worker writes the same)."""
    path = session_folder / GROUPS_FILE
    partial = path.with_name(f"{GROUPS_FILE}.{os.getpid()}")
    partial.write_text(json.dumps(groups(items)), "utf-8")
    os.replace(partial, path)


class GroupScheduling(LoadScopeScheduling):
    """xdist's scheduling by scope, with our groups as the scopes and every other test a scope of its own.
    Groups go first, the largest first (xdist orders scopes by their number of tests)."""

    def __init__(self, config, log=None, session_folder: Path | None = None):
        super().__init__(config, log)
        self.session_folder = session_folder
        self._groups: dict[str, str] | None = None

    def _split_scope(self, nodeid: str) -> str:
        if self._groups is None:   # first asked once every worker has collected, so the file is there
            path = self.session_folder / GROUPS_FILE
            self._groups = json.loads(path.read_text("utf-8")) if path.exists() else {}
        return self._groups.get(nodeid, nodeid)
