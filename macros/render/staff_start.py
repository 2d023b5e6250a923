"""The staff site opens on the staff's own start page (issue 16): a teacher who follows the intranet link
sees what to do when worried about someone within the first screen, not the residents' start page.

In the staff build the first page of `extra.staff_nav` (mkdocs.staff.yml) is written to the site's root, and
the residents' start page moves one step in, to RESIDENTS_PATH, linked from the navigation. Links between
pages follow by themselves: MkDocs resolves them from source files to these addresses."""

from __future__ import annotations

import os

RESIDENTS_PATH = "for-invanare/"


def first_page(nav) -> str | None:
    """The source path of the first page in a navigation list (mkdocs.staff.yml › extra.staff_nav)."""
    for item in nav or []:
        if isinstance(item, str):
            return item
        if isinstance(item, dict):
            for value in item.values():
                found = value if isinstance(value, str) else first_page(value)
                if found:
                    return found
    return None


def _move(file, dest_uri: str, site_dir: str) -> None:
    # static-i18n sets abs_dest_path itself: set all three, not only dest_uri.
    file.dest_uri = dest_uri
    file.__dict__.pop("url", None)
    file.abs_dest_path = os.path.normpath(os.path.join(site_dir, dest_uri))


def swap_start_pages(files, staff_nav, site_dir: str) -> None:
    """Write the staff start page as index.html and the residents' start page as RESIDENTS_PATH."""
    staff_start = files.get_file_from_path(first_page(staff_nav) or "")
    residents = files.get_file_from_path("index.md")
    if staff_start is None or residents is None or staff_start is residents:
        return
    _move(residents, RESIDENTS_PATH + "index.html", site_dir)
    _move(staff_start, "index.html", site_dir)


def residents_nav(nav, label: str) -> list:
    """The public navigation with its first entry, the residents' start page, named for what it is on the
    staff site ("För invånare") rather than "Start"."""
    items = list(nav or [])
    if items and isinstance(items[0], dict) and list(items[0].values()) == ["index.md"]:
        items[0] = {label: "index.md"}
    return items
