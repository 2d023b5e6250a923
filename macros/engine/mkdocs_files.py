"""Files read the way MkDocs reads them: a site's configuration (!ENV, INHERIT) and a page's front matter.

The page check (macros/contract/pages.py), the command line and the page metadata use these, so that they see
exactly what the build will see; and another engine would be fitted here, not in each of them."""

from __future__ import annotations

import copy
from pathlib import Path

from mkdocs.utils.meta import YAML_RE, get_data

FRONT_MATTER = YAML_RE   # the front matter block at the top of a page: ---, YAML, ---


class ConfigReader:
    """Reads each configuration file once, for one build: `make site` consults mkdocs.yml for several checks
    while its builds run, and a large site's menu makes each reading cost a tenth of a second. Every check then
    sees the file as it was when first read, which is also more consistent than reading it anew each time."""

    def __init__(self) -> None:
        self._read: dict[Path, dict] = {}

    def __call__(self, path: Path) -> dict:
        key = Path(path).resolve()
        if key not in self._read:
            self._read[key] = read_config(path)
        return copy.deepcopy(self._read[key])   # a caller may change its copy


def read_config(path: Path) -> dict:
    """A site's configuration as MkDocs reads it, or {} when it cannot be read (the build says why in Swedish)."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with path.open(encoding="utf-8") as file:
            found = yaml_load(file)
    except Exception:   # noqa: BLE001  a broken configuration is the build's to explain (mkdocs_log › fatal)
        return {}
    return found if isinstance(found, dict) else {}


def theme_folder(config: dict) -> Path | None:
    """The installed folder of the theme a configuration names, as MkDocs finds it (None if it finds none)."""
    from mkdocs.utils import get_theme_dir

    theme = config.get("theme")
    name = theme.get("name") if isinstance(theme, dict) else theme
    try:
        return Path(get_theme_dir(name)) if isinstance(name, str) else None
    except (KeyError, ValueError, ImportError):
        return None


def split_page(source: str) -> tuple[str, dict]:
    """A page's Markdown and its front matter, as MkDocs splits them."""
    return get_data(source)
