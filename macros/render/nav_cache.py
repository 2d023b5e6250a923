"""Top-level navigation entries written once per folder rather than once per page (issue 19).

Material writes the whole top level of the navigation into every page. Most of it is the same from page to
page: an entry that does not hold the page being written (a page, or a section, pruned to one link on a large
site) differs between pages only in its links, which are relative to the page. On the 1000-page site Material's
navigation was a fifth of the public build's CPU time (bench/CHANGES.md).

overrides/partials/nav.html hands each top-level entry to `NavCache.entry`, with Material's own macro for it.
The macro writes an entry the first time; pages in the same parent folder reuse what it wrote, because a link
to T from a page at F/leaf/ is "../" followed by the link to T from F/, unless T lies in F/leaf/ itself. So
an entry is written anew for a page that it holds (active), for a page whose folder holds one of its targets,
and for any page whose address is not a folder (the 404 page, use_directory_urls: false).
"""

from __future__ import annotations

from typing import Callable, Iterator


class NavCache:
    """The entries written so far in one build (theme_globals.ThemeHelpers holds one per build)."""

    def __init__(self) -> None:
        self._entries: dict[tuple, tuple[object, str]] = {}      # key -> (entry, its HTML)
        self._folders: dict[int, tuple[object, frozenset[str]]] = {}

    def entry(self, render: Callable, item, path: str, level: int, page) -> str:
        """What `render(item, path, level)` (Material's nav-item macro) writes on this page."""
        key = self._key(item, path, level, page)
        if key is None:
            return render(item, path, level)
        found = self._entries.get(key)
        if found is None or found[0] is not item:    # (an entry is kept with its HTML: its id stays its own)
            found = (item, render(item, path, level))
            self._entries[key] = found
        return found[1]

    def _key(self, item, path: str, level: int, page) -> tuple | None:
        url = getattr(page, "url", None)
        if not isinstance(url, str) or not url.endswith("/") or getattr(item, "active", True) is not False:
            return None
        if url in self._folders_of(item):
            return None
        return (id(item), path, level, url.rstrip("/").rpartition("/")[0])

    def _folders_of(self, item) -> frozenset[str]:
        found = self._folders.get(id(item))
        if found is None or found[0] is not item:
            found = (item, frozenset(folder for url in _urls(item) for folder in _folders(url)))
            self._folders[id(item)] = found
        return found[1]


def _urls(item) -> Iterator[str]:
    """Every address an entry may link to: its own and its children's, at any depth."""
    url = getattr(item, "url", None)
    if isinstance(url, str):
        yield url
    for child in getattr(item, "children", None) or []:
        yield from _urls(child)


def _folders(url: str) -> list[str]:
    """The folders an address lies in, itself included if it is one: a/b/ -> a/, a/b/."""
    parts = url.split("/")
    return ["/".join(parts[:n]) + "/" for n in range(1, len(parts))]
