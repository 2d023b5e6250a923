"""What one build knows: where the data is, who the site is for, today's date, the kit's settings.

One BuildState is made per build (macros/engine/hooks.py, on_config) and kept on the engine's config
object, which MkDocs makes anew for every build and every `make serve` rebuild; the page macros
(env.conf) and the theme templates read it from there (`of(config)`). Nothing here is kept between builds.
A public build validates all the data (so that a reference to a staff record still gets its good error) and
then keeps only the public view: the staff records, staff fields and staff guidance are gone before any
macro, template or Jinja expression runs. What remains of them is a fingerprint of each staff id, enough to
say "this record is internal" and nothing more.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from macros.contract.load import load_site_data
from macros.contract.models import SiteData, SupportLine
from macros.guards.audience import staff_slugs as staff_page_slugs
from macros.render import git_dates
from macros.render.render import RenderContext
from macros.settings import Limits, SiteSettings, read_limits

ROOT = Path(__file__).resolve().parent.parent
# Where a build's state lives on the engine's config object: an attribute, not a key, and with a leading _, so
# that a page's {{ config… }} cannot reach it (the page sandbox refuses _-names; macros/render/sandbox.py).
_ATTRIBUTE = "_motverka_build"


def limits(root: Path = ROOT) -> Limits:
    """pyproject.toml's [tool.motverka] (the defaults where a value is wrong: `make check` names it)."""
    return read_limits(root).settings


def today() -> date:
    """The build's today; MOTVERKA_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get("MOTVERKA_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def data_dir_from(root: Path, configured: str | None = None) -> Path:
    path = Path(configured or os.environ.get("MOTVERKA_DATA") or "data")
    return path if path.is_absolute() else root / path


def preview() -> bool:
    """Whether this process only previews the site (`mkdocs serve`: no PDF, so that a rebuild stays fast).
    MkDocs says so once per process (on_startup); the hook keeps it in MOTVERKA_PREVIEW, as the other
    settings of a run (MOTVERKA_DATA, MOTVERKA_TODAY) are kept."""
    return os.environ.get("MOTVERKA_PREVIEW") == "1"


def quick_exit_url(settings: SiteSettings) -> str | None:
    """Where the quick exit button leads (mkdocs.yml › extra.quick_exit), or None when it is turned off."""
    return settings.quick_exit.url.strip() if settings.quick_exit.enabled and settings.quick_exit.url else None


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
    settings: SiteSettings = field(default_factory=SiteSettings)
    limits: Limits = field(default_factory=Limits)
    preview: bool = False           # `mkdocs serve`: no PDF is made
    # The staff pages' addresses (their file names only), which no public page may link to. Staff text copied
    # into public pages or data is looked for by the parent process (macros/cli/build.py), which may read staff
    # pages and staff data; a build never does.
    staff_slugs: frozenset[str] = frozenset()
    changed: dict[str, date] = field(default_factory=dict)   # each file's last commit (render/git_dates.py)
    repository: str | None = None   # the repository's web address, for "Ändra sidan på GitHub"
    rendering: dict = field(default_factory=dict)   # the engine's template environment, files and navigation
                                                    # of the language being built, for its 404 page
    # Pages whose macros failed: the build fails on them anyway, so no PDF is made of their placeholders (it
    # would only add WeasyPrint's English words about links into them).
    failed_pages: set = field(default_factory=set)

    @property
    def staff(self) -> bool:
        return self.audience == "staff"

    def ctx(self, lang: str = "sv") -> RenderContext:
        return RenderContext(lang=lang, audience=self.audience, today=self.today,
                             max_age_months=self.limits.freshness_months)

    @property
    def featured(self) -> list[SupportLine]:
        """The lines the start page shows first: trusted ones, in the municipality's order (featuring.py)."""
        return self.view.featured_lines(self.today, self.limits.freshness_months)

    @property
    def emergency(self) -> SupportLine | None:
        return next((line for line in self.view.support_lines if line.category == "emergency"), None)


def create(root: Path, settings: SiteSettings, limits: Limits | None = None, preview: bool = False) -> BuildState:
    """Validate the data (raises DataErrors) for one build. The full data lives only inside this function:
    what leaves it is the audience's view."""
    data_dir = data_dir_from(root, settings.motverka.data_dir)
    data = load_site_data(data_dir, today=today(), display_root=root)
    view = data.for_audience(settings.audience)
    staff = settings.audience == "staff"
    return BuildState(root=root, data_dir=data_dir, audience=settings.audience, today=today(), view=view,
                      hidden=HiddenRecords.of(data, view), settings=settings,
                      limits=limits or Limits(), preview=preview,
                      staff_slugs=frozenset() if staff else frozenset(staff_page_slugs(root)),
                      changed=git_dates.last_changed(root), repository=git_dates.repository_url(root))


def attach(config, state: BuildState) -> None:
    setattr(config, _ATTRIBUTE, state)


def attached(config) -> BuildState | None:
    """This build's state, or None before on_config has made it."""
    return getattr(config, _ATTRIBUTE, None)


def of(config) -> BuildState:
    """This build's state, from the engine's config object (mkdocs-macros calls it env.conf)."""
    state = attached(config)
    if state is None:
        raise RuntimeError("the data has not been loaded yet (on_config runs first)")
    return state
