"""Grow a copy of the project to N times its content, to see how the build's cost grows.

Content is what a municipality adds over the years: pages and data records. A copy of the site at N× has
N-1 more copies of every page in the navigation (public and staff, with their English editions) and N× the
support lines and contacts. Each page copy keeps its prose and macro calls, but a call that lists *every*
record (support_lines(), contacts(), featured_lines()) lists only its own copy's records, so that a page
stays the size it is today: otherwise N copies of a page listing N× the records would grow as N², which no
real site does. New pages go into the navigation as one section per copy, the way a growing site is
organised (a flat list of 1000 pages is not).
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

# Lists of records that grow, and the macros that list every record of them. The national support lines
# (national/support_lines.yml) are the originals of the support lines; their copies become the municipality's
# own lines in data/support_lines.yml, the way a growing site adds local lines.
RECORD_FILES = {"support_lines": "support_lines.yml", "contacts": "contacts.yml"}
NATIONAL_LINES = Path("national") / "support_lines.yml"
_LIST_CALL = re.compile(r"\{\{\s*(support_lines|featured_lines|contacts)\s*\((.*?)\)\s*\}\}")


@dataclass
class Growth:
    copies: int             # page copies added (factor - 1)
    pages: int              # Markdown pages in docs/ and personal/ afterwards
    records: int            # support lines + contacts afterwards


class _NoAliases(yaml.SafeDumper):
    """Copies share their nested values (hours, for_whom); PyYAML would write them as &anchors and *aliases,
    which the data contract limits (a guard against alias bombs). Written out in full, like a person would."""

    def ignore_aliases(self, data) -> bool:
        return True


def _load_yaml(path: Path):
    from mkdocs.utils.yaml import yaml_load     # understands !ENV and INHERIT, like MkDocs itself

    with open(path, "rb") as handle:
        return yaml_load(handle)


def _nav_files(nav) -> list[tuple[str, str]]:
    """(title, file) for every Markdown page in a MkDocs nav, in order."""
    found = []
    for item in nav or []:
        if isinstance(item, str):
            found.append((Path(item).stem, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    if value.endswith(".md"):
                        found.append((title, value))
                else:
                    found.extend(_nav_files(value))
    return found


def _copy_name(file: str, k: int) -> str:
    path = Path(file)
    return str(path.with_name(f"{path.stem}-{k}{path.suffix}"))


def _suffix_copy(source: Path, k: int) -> Path:
    """page.md -> page-k.md; page.en.md -> page-k.en.md (the i18n suffix stays last)."""
    stem, _, rest = source.name.partition(".")
    return source.with_name(f"{stem}-{k}.{rest}")


def _originals(project: Path, key: str) -> tuple[Path, dict, list[dict]]:
    """The file a record list grows in, its document, and the records the copies are made from."""
    path = project / "data" / RECORD_FILES[key]
    document = yaml.safe_load(path.read_text("utf-8")) or {}
    originals = list(document.get(key) or [])
    if key == "support_lines":
        national = yaml.safe_load((project / NATIONAL_LINES).read_text("utf-8"))["support_lines"]
        hidden = {entry["id"] for entry in document.get("hidden") or []}
        originals = [line for line in national if line["id"] not in hidden] + originals
    return path, document, originals


def _scale_records(project: Path, factor: int) -> dict[str, list[list[dict]]]:
    """N× the support lines and contacts; copies get new ids and names and are never featured. Returns the
    records per copy (the originals first), for the page copies to show."""
    copies: dict[str, list[list[dict]]] = {}
    for key in RECORD_FILES:
        path, document, originals = _originals(project, key)
        by_copy = [originals]
        for k in range(2, factor + 1):
            batch = [_clone(record, k, i) for i, record in enumerate(originals)
                     if record.get("category") != "emergency"]      # 112 stays the one emergency line
            by_copy.append(batch)
            document[key] = list(document.get(key) or []) + batch
        copies[key] = by_copy
        path.write_text(yaml.dump(document, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=120),
                        "utf-8")
    return copies


def _clone(record: dict, k: int, i: int) -> dict:
    """Copy k of a record: new id and name, never featured, and a number of its own, because the data contract
    rejects a local line that repeats a national number (the invented numbers never leave bench/out/)."""
    clone = dict(record, id=f"{record['id']}-{k}")
    clone["name"] = ({lang: f"{value} {k}" for lang, value in record["name"].items()}
                     if isinstance(record["name"], dict) else f"{record['name']} {k}")
    clone.pop("featured", None)
    clone.pop("sms", None)
    clone.pop("email", None)
    if clone.get("phone"):
        digits = f"{100000 + k * 100 + i}"
        clone["phone"] = f"0150-{digits[:2]} {digits[2:4]} {digits[4:]}"
    return clone


def _rewrite_list_calls(markdown: str, lines: list[dict], contacts: list[dict]) -> str:
    """In a page copy, a call listing every record lists that copy's records, one card each."""
    def replace(match: re.Match) -> str:
        macro, raw = match.group(1), match.group(2).strip()
        try:
            args = ast.literal_eval(f"({raw},)") if raw else ()
        except (ValueError, SyntaxError):
            return match.group(0)
        if macro == "contacts":
            level = args[0] if args else 3
            return "\n\n".join(f'{{{{ contact("{c["id"]}", {level}) }}}}' for c in contacts
                               if c.get("audience", "public") == "public")
        if macro == "featured_lines":
            level, chosen = (args[0] if args else 3), lines[:2]
        else:
            category = args[0] if args else None
            level = args[1] if len(args) > 1 else 3
            chosen = [line for line in lines if category in (None, line.get("category"))]
        chosen = [line for line in chosen if line.get("audience", "public") == "public"]
        return "\n\n".join(f'{{{{ support_line("{line["id"]}", {level}) }}}}' for line in chosen)
    return _LIST_CALL.sub(replace, markdown)


def _translated_nav(config: dict, copies: int) -> dict | None:
    """The i18n plugin's settings with the new menu headings translated ("Avsnitt 2" -> "Section 2"): a
    heading without a translation fails the build. INHERIT replaces lists, so the languages are copied whole."""
    plugins = config.get("plugins") or {}
    i18n = plugins.get("i18n") if isinstance(plugins, dict) else None
    if not i18n:
        return None
    titles = [title for title, _ in _nav_files(config.get("nav"))]
    languages = []
    for language in i18n.get("languages", []):
        language = dict(language)
        if not language.get("default"):
            known = dict(language.get("nav_translations") or {})
            for k in range(2, copies + 2):
                known[f"Avsnitt {k}"] = f"Section {k}"
                known.update({f"{title} {k}": f"{known.get(title, title)} {k}" for title in titles})
            language["nav_translations"] = known
        languages.append(language)
    return dict(i18n, languages=languages)


def _copy_pages(docs: Path, nav: list[tuple[str, str]], copies: int, records: dict) -> list:
    """Copy every page of `nav` (and its English edition) `copies` times; returns the nav sections."""
    sections = []
    for k in range(2, copies + 2):
        # Page copy k shows record copy k; with fewer record copies than page copies, they take turns.
        lines = records["support_lines"][(k - 1) % len(records["support_lines"])]
        contacts = records["contacts"][(k - 1) % len(records["contacts"])]
        section = []
        for title, file in nav:
            for source in [docs / file, *sorted((docs / file).parent.glob(f"{Path(file).stem}.*.md"))]:
                if source.is_file():
                    text = _rewrite_list_calls(source.read_text("utf-8"), lines, contacts)
                    _suffix_copy(source, k).write_text(text, "utf-8")
            section.append({f"{title} {k}": _copy_name(file, k)})
        sections.append(section)
    return sections


def grow(project: Path, factor: int, page_factor: int | None = None, staff_pages: bool = True) -> Growth:
    """Make `project` (a copy) hold `factor` times its records and `page_factor` (default: `factor`) times
    its pages, the staff site's too unless `staff_pages` is false. 1 leaves it as it is."""
    docs = project / "docs"
    page_factor = page_factor or factor
    records = _scale_records(project, factor) if factor > 1 else None
    if page_factor > 1:
        if records is None:
            records = {key: [_originals(project, key)[2]] for key in RECORD_FILES}
        public = _load_yaml(project / "mkdocs.yml")
        sections = _copy_pages(docs, _nav_files(public.get("nav")), page_factor - 1, records)
        # The copy's config files inherit the real ones and only replace the navigation.
        (project / "mkdocs.yml").rename(project / "mkdocs.base.yml")
        nav = list(public["nav"]) + [{f"Avsnitt {k}": s} for k, s in enumerate(sections, 2)]
        grown = {"INHERIT": "mkdocs.base.yml", "nav": nav}
        i18n = _translated_nav(public, page_factor - 1)
        if i18n:
            grown["plugins"] = {"i18n": i18n}
        (project / "mkdocs.yml").write_text(yaml.safe_dump(grown, allow_unicode=True, sort_keys=False), "utf-8")
        staff_file = project / "mkdocs.staff.yml"
        if staff_pages and staff_file.exists():
            staff_nav = _load_yaml(staff_file).get("extra", {}).get("staff_nav") or []
            staff_sections = _copy_pages(project, [(t, f) for t, f in _nav_files(staff_nav)   # personal/ is top-level
                                                if f.startswith("personal/")], page_factor - 1, records)
            staff_file.rename(project / "mkdocs.staff.base.yml")
            staff_file.write_text(yaml.safe_dump(
                {"INHERIT": "mkdocs.staff.base.yml",
                 "extra": {"staff_nav": list(staff_nav) + [{f"Personal, avsnitt {k}": s}
                                                           for k, s in enumerate(staff_sections, 2)]}},
                allow_unicode=True, sort_keys=False), "utf-8")
    pages = sum(1 for _ in docs.rglob("*.md")) + sum(1 for _ in (project / "personal").rglob("*.md"))
    records_now = sum(len(_originals(project, key)[2]) for key in RECORD_FILES)
    return Growth(page_factor - 1, pages, records_now)


def factor_for_pages(target: int, pages_now: int, pages_per_copy: int) -> int:
    """The factor that gives a public site of at least `target` HTML pages."""
    return 1 + max(0, math.ceil((target - pages_now) / max(pages_per_copy, 1)))
