"""Files read the way MkDocs reads them: a site's configuration (!ENV, INHERIT) and a page's front matter.

The page check (macros/contract/pages.py), the command line and the page metadata use these, so that they see
exactly what the build will see; and another engine would be fitted here, not in each of them."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.meta import YAML_RE, get_data

FRONT_MATTER = YAML_RE   # the front matter block at the top of a page: ---, YAML, ---


def read_config(path: Path) -> dict:
    """A site's configuration as MkDocs reads it, or {} when it cannot be read (the build says why in Swedish)."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with path.open(encoding="utf-8") as file:
            found = yaml_load(file)
    except Exception:   # noqa: BLE001  a broken configuration is the build's to explain (mkdocs_log › fatal)
        return {}
    return found if isinstance(found, dict) else {}


def split_page(source: str) -> tuple[str, dict]:
    """A page's Markdown and its front matter, as MkDocs splits them."""
    return get_data(source)
