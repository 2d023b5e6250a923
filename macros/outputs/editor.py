"""The form editor's configuration (Sveltia CMS), generated from the data models like schemas/ is.

Every data file of a municipality becomes a form: Swedish labels, the models' descriptions as hints, localized
text as a Swedish/English pair, lists of records as lists with their own fields, and the checks a browser can
make before anything is saved (required fields, id, phone, https-only address, date and time patterns). The
national registry is the kit's, so it is not in the editor. Pages in docs/ (Swedish page.md beside English
page.en.md) and the staff pages in personal/ are collections with their front matter as fields.

`python -m macros editor` writes editor/config.yml and editor/formats.json; `--check` (run by the tests)
fails when a model changed and they were not regenerated. The staff build writes the same configuration with
the repository and data folder it was built from (macros/engine/staff_editor.py).
"""

from __future__ import annotations

import json
import shutil
import sys
import types
import typing
from datetime import date, time
from pathlib import Path

import yaml
from pydantic import BaseModel

from macros.build_state import ROOT
from macros.contract.fields import CLOCK_PATTERN, ID_PATTERN, UNDATED, Phone, Text
from macros.contract.load import model_in
from macros.contract.models import FILES, Sourced

EDITOR_DIR = ROOT / "editor"
PLACEHOLDER_REPO = "din-organisation/motverka"   # replaced by the build with the real repository
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ()-]*[0-9]$"
URL_PATTERN = r"^https://[^\s/]+\.[^\s]+$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
REVIEW_IN_PATTERN = r"^[0-9]+ (months?|månader|månad|years?|år)$"
STAFF = " (bara personal)"

# Swedish labels, by field name. A field without one fails tests/test_editor_config.py.
LABELS = {
    "about": "Vad man kan få hjälp med", "accessibility": "Tillgänglighet", "action": "Vad medarbetaren gör",
    "address": "Adress", "adopted": "Antagen", "always": "Öppen dygnet runt", "anonymous": "Anonym",
    "assessed_on": "Granskad", "audience": "Vem ser det?", "body": "Text", "category": "Sort",
    "chat_url": "Chatt", "check_note": "Att kontrollera", "closed_on_public_holidays": "Stängt på helgdagar",
    "closes": "Stänger", "compliance": "Förenlighet med lagen", "concern_steps": "Rutinen vid oro",
    "consultation": "Konsultation" + STAFF, "contact": "Kontakt (id)", "contacts": "Kontakter",
    "cooperation": "Samverkansparter", "coordination": "Samordning", "date": "Datum", "days": "Dagar",
    "decisions": "Beslut", "definition": "Definition", "description": "Beskrivning",
    "document_type": "Typ av dokument", "documentation": "Dokumentation", "duties": "Uppdrag",
    "email": "E-post", "exemptions": "Undantag", "featured": "Visas överst på startsidan",
    "featured_places": "Antal linjer överst", "feedback_contact": "Kontakt för synpunkter (id)",
    "feedback_days": "Svarstid i arbetsdagar", "focus_areas": "Fokusområden", "follow_up": "Uppföljning",
    "for_whom": "Vem den är till för", "free_of_charge": "Gratis att ringa", "frequency": "Hur ofta",
    "function": "Funktion", "genitive": "Namn i genitiv", "hidden": "Dolda nationella linjer",
    "hours": "Öppettider", "how": "Hur", "id": "Id", "interval_months": "Intervall i månader",
    "intro": "Inledning", "known_issues": "Kända brister", "last_done": "Senast gjord",
    "lines": "Stödlinjer (id)", "method": "Metod", "municipality": "Kommunen", "name": "Namn",
    "note": "Anteckning", "open_data_license": "Licens för öppna data", "opens": "Öppnar",
    "organisation": "Organisation", "outside_law": "Utanför lagen", "owner": "Förvaltare",
    "page_owner": "Ansvarig för innehållet", "paragraph": "Paragraf", "partners": "Samverkansparter",
    "periods": "Tider", "phone": "Telefon", "plan": "Planen", "principles": "Principer",
    "professional_lines": "Linjer för yrkesverksamma (id)", "purpose": "Syfte", "reason": "Skäl",
    "region": "Län", "relatives": "Stöd till anhöriga", "responsible": "Ansvarig", "role": "Roll",
    "signs": "Tecken", "signs_caveat": "Ingen enskild profil", "since": "Sedan", "site_title": "Webbplatsens namn",
    "site_url": "Webbplatsens adress", "short_name": "Ortens namn", "sms": "Sms",
    "social_services": "Socialtjänsten (id)", "source": "Källa", "source_document": "Var planen finns",
    "source_note": "Om källan", "staff_guidance": "Vägledning för personal", "staff_note": "Notering" + STAFF,
    "step": "Steg", "steps": "Steg", "summary": "Sammanfattning", "support_lines": "Lokala stödlinjer",
    "switchboard": "Växeln (id)", "talk_tips": "Råd för samtalet", "text": "Text", "title": "Rubrik",
    "training": "Utbildning", "training_contact": "Kontakt för utbildning (id)", "updated_on": "Uppdaterad",
    "url": "Webbplats", "valid_from": "Giltig från", "valid_until": "Giltig till", "verified": "Kontrollerad",
    "verified_by": "Kontrollerad av", "version": "Version", "website": "Kommunens webbplats",
}
# One form per data file, with the name shown in the editor's list.
FILE_LABELS = {
    "municipality.yml": "Kommunen", "plan.yml": "Planen", "contacts.yml": "Kontakter",
    "support_lines.yml": "Stödlinjer: kommunens val och lokala linjer", "relatives.yml": "Stöd till anhöriga",
    "focus_areas.yml": "Fokusområden", "accessibility.yml": "Tillgänglighetsredogörelsen",
    "staff_guidance.yml": "Vägledning för personal" + STAFF,
}
OPTION_LABELS = {
    "public": "Alla (public)", "staff": "Bara personal (staff)",
    "emergency": "Akut (emergency): visas på varje sida", "extremism": "Oro för radikalisering (extremism)",
    "police": "Polis (police)", "wellbeing": "Stöd när man mår dåligt (wellbeing)",
    "mon": "måndag", "tue": "tisdag", "wed": "onsdag", "thu": "torsdag", "fri": "fredag", "sat": "lördag",
    "sun": "söndag",
}
# Page front matter (macros/render/page_meta.py), one field each.
PAGE_FIELDS = [
    {"name": "description", "label": "Beskrivning", "widget": "string",
     "hint": "En mening om vad sidan handlar om. Visas i sökmotorer och när någon delar länken."},
    {"name": "last_reviewed_on", "label": "Senast granskad", "widget": "string",
     "pattern": [DATE_PATTERN, "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22."],
     "hint": "Dagen då någon senast läste igenom hela sidan (ÅÅÅÅ-MM-DD)."},
    {"name": "review_in", "label": "Granska igen om", "widget": "string",
     "pattern": [REVIEW_IN_PATTERN, "Skriv t.ex. 12 months eller 6 månader."],
     "hint": "Hur länge sidan får stå utan ny granskning, t.ex. 12 months."},
    {"name": "render_macros", "label": "Visar uppgifter ur datafilerna", "widget": "boolean", "required": False,
     "hint": "Låt stå som den är: sidan hämtar uppgifter med makron inom {{ }}."},
    {"name": "structured_data", "label": "Strukturerade data för sökmotorer", "widget": "boolean",
     "required": False, "hint": "Låt stå som den är."},
    # A plain text box, not the rich text editor: the Markdown is saved exactly as written, with its macros.
    {"name": "body", "label": "Sidans text", "widget": "text",
     "hint": "Markdown: # före en rubrik, en tom rad mellan stycken. Makron inom {{ }} hämtar uppgifter ur "
             "datafilerna: låt dem stå som de är."},
]
# Only a staff page uses it (personal/styrning.md): the chapter of the staff PDF that already holds the page.
PDF_FIELD = {"name": "pdf", "label": "Kapitel i PDF:en", "widget": "string", "required": False,
             "hint": "Bara om PDF:en redan har sidans innehåll som ett kapitel: kapitlets id. Låt stå."}
# Text pairs shown as one line each: names and headings, not paragraphs.
SHORT_TEXTS = {"name", "title", "organisation", "site_title", "step", "frequency", "function", "responsible",
               "document_type", "address", "page_owner"}


def label(name: str) -> str:
    return LABELS.get(name, name)


def _description(info) -> str:
    """The field's help text: its own description, else its type's (as data/README.md shows it)."""
    if info.description:
        return info.description
    for meta in info.metadata:
        schema = getattr(meta, "json_schema", None)
        if isinstance(schema, dict) and schema.get("description"):
            return schema["description"]
    return ""


def _type_schema(annotation) -> dict:
    """The JSON Schema a field type declares (WithJsonSchema), or {}."""
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in typing.get_args(annotation)[1:]:
            schema = getattr(meta, "json_schema", None)
            if isinstance(schema, dict):
                return schema
    return {}


def _optional(annotation) -> tuple[object, bool]:
    """(the type without None, whether None was allowed)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) < len(typing.get_args(annotation)):
            return (args[0] if len(args) == 1 else typing.Union[tuple(args)]), True
    return annotation, False


def _pattern(regex: str, message: str) -> dict:
    return {"widget": "string", "pattern": [regex, message]}


def _widget(annotation, kinds: dict, path: str) -> dict:
    """The widget options for one value type; records text and yes/no paths in kinds for motverka.js."""
    schema = _type_schema(annotation)
    inner = typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation
    if inner is Text:
        kinds["text"].append(path)
        box = "string" if path.rsplit(".", 1)[-1] in SHORT_TEXTS else "text"
        return {"widget": "object", "collapsed": False, "fields": [
            {"name": "sv", "label": "Svenska", "widget": box},
            {"name": "en", "label": "Engelska", "widget": box, "required": False,
             "hint": "Lämna tomt om det inte finns någon översättning."}]}
    if inner is Phone:
        return _pattern(PHONE_PATTERN, "Skriv numret med siffror, t.ex. 020-100 200 (inte bokstaven O, "
                                       "inte tel:).")
    if schema.get("format") == "uri":
        return _pattern(URL_PATTERN, "Skriv hela adressen och börja med https://.")
    if schema.get("format") == "email":
        return _pattern(EMAIL_PATTERN, "Skriv en e-postadress, t.ex. kontakt@kommun.se.")
    if schema.get("pattern") == ID_PATTERN:
        return _pattern(ID_PATTERN, "Små bokstäver a–z, siffror och bindestreck, t.ex. kommunens-vaxel.")
    if schema.get("pattern") == CLOCK_PATTERN:
        return _pattern(CLOCK_PATTERN, "Skriv klockslaget som TT:MM, t.ex. 09:00.")
    if any(option.get("const") == UNDATED for option in schema.get("anyOf", [])):
        return _pattern(rf"^([0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|{UNDATED})$",
                        f"Skriv datumet som ÅÅÅÅ-MM-DD, eller {UNDATED}.")
    if inner in (date,):
        return _pattern(DATE_PATTERN, "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.")
    if inner is bool:
        kinds["flag"].append(path)
        return {"widget": "boolean"}
    if inner is int:
        return {"widget": "number", "value_type": "int",
                **({"min": schema["minimum"]} if "minimum" in schema else {}),
                **({"max": schema["maximum"]} if "maximum" in schema else {})}
    if typing.get_origin(inner) is typing.Literal:
        return {"widget": "select", "options": [{"label": OPTION_LABELS.get(v, v), "value": v}
                                                for v in typing.get_args(inner)]}
    if typing.get_origin(inner) is list:
        item = typing.get_args(inner)[0]
        model = model_in(item)
        if model is not None:
            return {"widget": "list", "collapsed": True, "fields": _fields(model, kinds, f"{path}.*"),
                    **_summary(model)}
        widget = _widget(item, kinds, f"{path}.*")
        if widget.get("widget") == "select":   # days: a multiple choice, not a list of drop-downs
            return {**widget, "multiple": True}
        return {"widget": "list", "field": {"name": "item", "label": "Värde", **widget}}
    model = model_in(inner)
    if model is not None:
        return {"widget": "object", "collapsed": False, "fields": _fields(model, kinds, path)}
    if inner in (str, time):
        return {"widget": "string"}
    raise TypeError(f"no editor widget for {annotation!r} at {path}")


def _summary(model: type[BaseModel]) -> dict:
    """What a closed record in a list shows: its id, or its Swedish name or text."""
    fields = model.model_fields
    if "id" in fields:
        return {"summary": "{{fields.id}}"}
    for name in ("name", "text", "date"):
        if name in fields:
            return {"summary": f"{{{{fields.{name}.sv}}}}" if name != "date" else "{{fields.date}}"}
    return {}


def _ordered(model: type[BaseModel]) -> list[str]:
    """Field order as a communicator writes a record: id and audience first, where-it-came-from last."""
    names = list(model.model_fields)
    if issubclass(model, Sourced):
        late = [n for n in Sourced.model_fields if n in names]
        names = [n for n in names if n not in late] + late
    return names


def _fields(model: type[BaseModel], kinds: dict, prefix: str) -> list[dict]:
    fields = []
    for name in _ordered(model):
        info = model.model_fields[name]
        annotation, optional = _optional(typing.Annotated[(info.annotation, *info.metadata)]
                                         if info.metadata else info.annotation)
        if typing.get_origin(annotation) is typing.Annotated:
            base, optional_inner = _optional(typing.get_args(annotation)[0])
            if optional_inner:
                annotation, optional = typing.Annotated[(base, *typing.get_args(annotation)[1:])], True
        path = f"{prefix}.{name}" if prefix else name
        widget = _widget(annotation, kinds, path)
        field = {"name": name, "label": label(name), **widget}
        if widget["widget"] == "boolean" and optional:   # yes, no, or not said: a choice that may stay empty
            field = {"name": name, "label": label(name), "widget": "select",
                     "options": [{"label": "Ja", "value": True}, {"label": "Nej", "value": False}]}
        hint = _description(info)
        if name == "audience" and not info.is_required() and info.default == "public":
            hint += " Inget val betyder alla (public)."
        if hint:
            field["hint"] = hint
        if optional or not info.is_required():
            field["required"] = False
        elif widget["widget"] == "list":
            minimum = next((m.min_length for m in info.metadata if hasattr(m, "min_length")), None)
            if minimum:
                field["min"] = minimum
        fields.append(field)
    return fields


def file_form(file_name: str, data_folder: str) -> tuple[dict, dict]:
    """(the form of one data file, its text and yes/no paths)."""
    kinds: dict[str, list[str]] = {"text": [], "flag": []}
    stem = file_name.removesuffix(".yml")
    form = {"name": stem, "label": FILE_LABELS[file_name], "file": f"{data_folder}/{file_name}",
            "format": f"motverka-{stem.replace('_', '-')}", "fields": _fields(FILES[file_name], kinds, "")}
    return form, kinds


def _pages(name: str, label_text: str, folder: str, languages: bool, description: str) -> dict:
    fields = [dict(field) for field in PAGE_FIELDS]
    if not languages:   # the staff pages
        fields.insert(-1, dict(PDF_FIELD))
    collection = {"name": name, "label": label_text, "description": description, "folder": folder,
                  "extension": "md", "format": "motverka-frontmatter", "create": False, "delete": False,
                  "identifier_field": "description", "summary": "{{slug}}", "fields": fields}
    if languages:
        collection["i18n"] = True
        for field in fields:
            field["i18n"] = True
    return collection


def editor_config(data_folder: str = "data", repo: str = PLACEHOLDER_REPO, branch: str = "main") -> dict:
    forms = [file_form(name, data_folder)[0] for name in FILES]
    return {
        "app_title": "Motverka – redigera",
        "backend": {"name": "github", "repo": repo, "branch": branch, "auth_methods": ["token"],
                    "commit_messages": {"create": "Redigeraren: ny {{collection}} {{slug}}",
                                        "update": "Redigeraren: ändrar {{collection}} {{slug}}",
                                        "delete": "Redigeraren: tar bort {{collection}} {{slug}}"}},
        # Every save becomes a branch and a pull request: the checks run before anything is published.
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/assets",
        "editor": {"preview": False},
        "output": {"omit_empty_optional_fields": True},
        "i18n": {"structure": "multiple_files", "locales": ["sv", "en"], "default_locale": "sv",
                 "omit_default_locale_from_file_path": True},
        "collections": [
            {"name": "data", "label": "Uppgifter (datafilerna)", "icon": "table_edit",
             "description": "Fakta som sidorna visar: kontakter, stödlinjer, planen. De nationella "
                            "stödlinjerna ändras inte här: de är gemensamma för alla kommuner.",
             "files": forms},
            _pages("pages", "Sidor", "docs", True,
                   "Sidorna på den publika webbplatsen, på svenska och engelska."),
            _pages("staff_pages", "Sidor för personal" + STAFF, "personal", False,
                   "Visas bara på personalens webbplats."),
        ],
    }


def formats(data_folder: str = "data") -> dict:
    """For motverka.js: each data file's format and which of its values are text pairs or yes/no."""
    found = {}
    for name in FILES:
        form, kinds = file_form(name, data_folder)
        found[form["format"]] = kinds
    return found


GENERATED = "# Skapad av `make editor` från macros/contract/models.py. Ändra inte här.\n"


def render_config(config: dict | None = None) -> str:
    return GENERATED + yaml.safe_dump(config or editor_config(), allow_unicode=True, sort_keys=False, width=120)


def render_formats(data_folder: str = "data") -> str:
    return json.dumps(formats(data_folder), ensure_ascii=False, indent=2) + "\n"


OUTPUTS = {"config.yml": render_config, "formats.json": render_formats}


def write_editor(check_only: bool = False, folder: Path = EDITOR_DIR) -> int:
    from macros.cli.generated import write_generated

    stale = write_generated({folder / name: make for name, make in OUTPUTS.items()}, check_only)
    if check_only and stale:
        print("Redigerarens inställningar är inaktuella: " + ", ".join(f"editor/{p.name}" for p in stale)
              + ". Kör `make editor`.", file=sys.stderr)
        return 1
    return 0


# --- The editor in the staff site ------------------------------------------------------------------------

EDITOR_FOLDER = "redigera"    # the staff site's /redigera/; never in the public site
SVELTIA = "node_modules/@sveltia/cms"
# Sveltia's stylesheet asks a CDN for its three fonts: the same files, from the fontsource packages, served here.
FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2":
        "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/material-symbols-outlined/files/"
        "material-symbols-outlined-latin-wght-normal.woff2",
}
LICENSES = {"sveltia-cms": f"{SVELTIA}/LICENSE.txt", "yaml": "node_modules/yaml/LICENSE",
            "material-symbols": "node_modules/@fontsource-variable/material-symbols-outlined/LICENSE",
            "source-sans-3": "node_modules/@fontsource-variable/source-sans-3/LICENSE",
            "noto-mono": "node_modules/@fontsource/noto-mono/LICENSE"}
# The page may reach this host and GitHub's API (sign-in with a token, reading and proposing changes), no other.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
       "img-src 'self' data: blob: https://avatars.githubusercontent.com; "
       "connect-src 'self' data: blob: https://api.github.com; worker-src 'self' blob:; frame-src 'none'; "
       "object-src 'none'; base-uri 'none'; form-action 'none'")


class EditorMissing(Exception):
    """Sveltia CMS (an npm package) is not installed: the staff site cannot carry the editor."""


def repository(repo_url: str | None) -> str:
    """owner/name from https://github.com/owner/name, else the placeholder a municipality replaces."""
    prefix = "https://github.com/"
    if repo_url and repo_url.startswith(prefix) and repo_url[len(prefix):].count("/") == 1:
        return repo_url[len(prefix):].strip("/")
    return PLACEHOLDER_REPO


def _sveltia_script(root: Path) -> str:
    """Sveltia's script with its font addresses pointed at the copies beside it (fonts/…)."""
    script = (root / SVELTIA / "dist/sveltia-cms.js").read_text("utf-8")
    for address, local in FONTS.items():
        if script.count(address) != 1:
            raise EditorMissing(f"{SVELTIA}/dist/sveltia-cms.js nämner inte {address} en gång: har Sveltia CMS "
                                "uppdaterats? Rätta FONTS i macros/outputs/editor.py.")
        script = script.replace(address, f"fonts/{Path(local).name}")
    return script


def write_site_editor(target: Path, root: Path, data_dir: Path, repo_url: str | None, branch: str | None) -> None:
    """Write the editor into target (site-staff/redigera/): page, configuration, Sveltia and what it loads."""
    if not (root / SVELTIA / "dist/sveltia-cms.js").exists():
        raise EditorMissing("Formulärredigeraren (Sveltia CMS) är inte installerad. Kör `make site`, som "
                            "installerar den med npm, eller `npm ci`.")
    try:
        folder = data_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        folder = "data"
    target.mkdir(parents=True, exist_ok=True)
    (target / "index.html").write_text((EDITOR_DIR / "index.html").read_text("utf-8").replace("{csp}", CSP), "utf-8")
    for name in ("start.js", "motverka.js"):
        shutil.copyfile(EDITOR_DIR / name, target / name)
    config = editor_config(folder, repository(repo_url), branch or "main")
    (target / "config.yml").write_text(render_config(config), "utf-8")
    (target / "formats.json").write_text(render_formats(folder), "utf-8")
    (target / "sveltia-cms.js").write_text(_sveltia_script(root), "utf-8")
    (target / "locales").mkdir(exist_ok=True)
    shutil.copyfile(root / SVELTIA / "locales/sv.json", target / "locales/sv.json")
    (target / "fonts").mkdir(exist_ok=True)
    for local in FONTS.values():
        shutil.copyfile(root / local, target / "fonts" / Path(local).name)
    shutil.copytree(root / "node_modules/yaml/browser/dist", target / "yaml", dirs_exist_ok=True)
    (target / "licenses").mkdir(exist_ok=True)
    for name, path in LICENSES.items():
        if (root / path).exists():
            shutil.copyfile(root / path, target / "licenses" / f"{name}.txt")
