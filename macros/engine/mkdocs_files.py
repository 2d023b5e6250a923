"""Files read the way MkDocs reads them: a site's configuration (!ENV, INHERIT) and a page's front matter.

The page check (macros/contract/pages.py), the command line and the page metadata use these, so that they see
exactly what the build will see; and another engine would be fitted here, not in each of them."""

from __future__ import annotations

import copy
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from mkdocs.utils.meta import YAML_RE, get_data

FRONT_MATTER = YAML_RE   # the front matter block at the top of a page: ---, YAML, ---

_read_once: dict[Path, dict] | None = None   # inside configs_read_once(): each file's configuration


@contextmanager
def configs_read_once() -> Iterator[None]:
    """Within this block each configuration file is read once: `make site` consults mkdocs.yml for several
    checks while its builds run, and a large site's menu makes each reading cost a tenth of a second. They all
    see the file as it was when first read, which is also more consistent than reading it anew each time."""
    global _read_once
    outer, _read_once = _read_once, {} if _read_once is None else _read_once
    try:
        yield
    finally:
        _read_once = outer


def read_config(path: Path) -> dict:
    """A site's configuration as MkDocs reads it, or {} when it cannot be read (the build says why in Swedish)."""
    if _read_once is None:
        return _read(path)
    key = Path(path).resolve()
    if key not in _read_once:
        _read_once[key] = _read(path)
    return copy.deepcopy(_read_once[key])   # a caller may change its copy


def _read(path: Path) -> dict:
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
