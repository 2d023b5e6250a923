"""What one build knows: where the data is, who the site is for, today's date, the kit's settings.

Loaded once per build and shared by the MkDocs hooks and the page macros (they run in the same process).
A public build validates all the data (so that a reference to a staff record still gets its good error) and
then keeps only the public view: the staff records, staff fields and staff guidance are gone before any
macro, template or Jinja expression runs. What remains of them is a fingerprint of each staff id, enough to
say "this record is internal" and nothing more.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from macros.contract.load import KIT_ROOT, load_site_data
from macros.contract.models import NATIONAL_FILE, SiteData, SupportLine
from macros.render.render import RenderContext

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    freshness_months: int = 12
    lix_max: int = 45
    lix_target: int = 40
    lix_easy_read: int = 30


@lru_cache(maxsize=None)
def settings(root: Path = ROOT) -> Settings:
    path = root / "pyproject.toml"
    values = tomllib.loads(path.read_text("utf-8")).get("tool", {}).get("motverka", {}) if path.exists() else {}
    return Settings(**values)


def today() -> date:
    """The build's today; MOTVERKA_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get("MOTVERKA_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def data_dir_from(root: Path, configured: str | None = None) -> Path:
    path = Path(configured or os.environ.get("MOTVERKA_DATA") or "data")
    return path if path.is_absolute() else root / path


def quick_exit_url(extra: dict) -> str | None:
    """Where the quick exit button leads (mkdocs.yml › extra.quick_exit), or None when it is turned off."""
    exit_settings = extra.get("quick_exit") or {}
    return exit_settings.get("url") if exit_settings.get("enabled") else None


def fingerprint(value: str) -> str:
    """A one-way fingerprint of a staff id: a public build can recognise the id without holding it."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class HiddenRecords:
    """What a public build knows of the records it was not given: fingerprints of their ids, by kind."""

    ids: dict[str, frozenset[str]] = field(default_factory=dict)
    consultation: bool = False      # the municipality has a consultation route for staff only

    @classmethod
    def of(cls, data: SiteData, view: SiteData) -> "HiddenRecords":
        kinds = ("contacts", "support_lines", "focus_areas")
        ids = {kind: frozenset(fingerprint(r.id) for r in getattr(data, kind)) -
               frozenset(fingerprint(r.id) for r in getattr(view, kind)) for kind in kinds}
        return cls(ids, data.municipality.consultation is not None and view.municipality.consultation is None)

    def has(self, kind: str, id: str) -> bool:
        return fingerprint(id) in self.ids.get(kind, frozenset())


@dataclass
class BuildState:
    root: Path
    data_dir: Path
    audience: str
    today: date
    view: SiteData                  # what this audience may see: all a public build ever holds
    hidden: HiddenRecords = field(default_factory=HiddenRecords)
    settings: Settings = field(default_factory=Settings)

    @property
    def staff(self) -> bool:
        return self.audience == "staff"

    def ctx(self, lang: str = "sv") -> RenderContext:
        return RenderContext(lang=lang, audience=self.audience, today=self.today,
                             max_age_months=self.settings.freshness_months)

    @property
    def featured(self) -> list[SupportLine]:
        """The lines the start page shows first: trusted ones, in the municipality's order (featuring.py)."""
        return self.view.featured_lines(self.today, self.settings.freshness_months)

    @property
    def emergency(self) -> SupportLine | None:
        return next((line for line in self.view.support_lines if line.category == "emergency"), None)


_STATE: dict[tuple, BuildState] = {}


def load_state(root: Path, data_dir: Path, audience: str) -> BuildState:
    """Validate the data (raises DataErrors) and keep the result for the rest of this build."""
    # The national registry is data too: an edit to it must reach `make serve`'s next rebuild.
    sources = [*data_dir.glob("*.y*ml"), KIT_ROOT / NATIONAL_FILE]
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in sources if p.exists()))
    key = (str(data_dir), audience, stamp, today())
    if key not in _STATE:
        _STATE.clear()
        _STATE[key] = _state(root, data_dir, audience)
    return _STATE[key]


def _state(root: Path, data_dir: Path, audience: str) -> BuildState:
    """The full data lives only inside this function: what leaves it is the audience's view."""
    data = load_site_data(data_dir, today=today(), display_root=root)
    view = data.for_audience(audience)
    return BuildState(root=root, data_dir=data_dir, audience=audience, today=today(), view=view,
                      hidden=HiddenRecords.of(data, view), settings=settings(root))


def current() -> BuildState:
    if not _STATE:
        raise RuntimeError("the data has not been loaded yet (on_config runs first)")
    return next(iter(_STATE.values()))
