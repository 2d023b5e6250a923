"""Guides for communicators (and the favicon), generated from the code so that they can never drift from it:

- data/README.md: which data file feeds which page, and every field (from the models' descriptions);
- bidra/felmeddelanden.md: every message the data validation and the build can give, with its fix
  (from the message catalogue);
- bidra/makron.md: every macro a page may call, with a copy-paste example (from the registered macros'
  signatures and docstrings);
- docs/assets/favicon.svg: the favicon in the site's colours (macros/render/design_tokens.py);
- bidra/installningar.md: every setting with its default (from the declarations in macros/settings.py).

`python -m macros guides` writes them; `--check` (run by the tests) fails when one is out of date.
"""

from __future__ import annotations

import inspect
import sys
import typing
from datetime import date, time
from pathlib import Path

from pydantic import BaseModel

from macros.build_state import ROOT
from macros.contract.fields import Phone, Text
from macros.contract.load import model_in
from macros.contract.models import FILES, NATIONAL_FILE, NationalLinesFile
from macros.problems import Problem
from macros.render import design_tokens, page_macros
from macros.text.messages import CATALOGUE

GENERATED = "<!-- Skapad av `make guides` från koden. Ändra inte här: ändra i macros/ och kör `make guides`. -->"

# Where each data file shows up, for the communicator who wonders what a change affects.
PAGES = {
    "municipality.yml": "sidhuvudet, startsidan, Kontakta kommunen, Handlingsplanen, sidfoten, PDF:ens omslag, "
                        "personalens sidor",
    "plan.yml": "Handlingsplanen, Planens styrning (personal), PDF:ens omslag och beslutshistorik",
    "contacts.yml": "Kontakta kommunen, Stöd till anhöriga, startsidan, öppna data (kontakter.json) och PDF:en",
    "support_lines.yml": "startsidan (featured: linjerna överst), make check (hidden: dolda linjer och skälen), "
                         "och kommunens egna linjer på Stödlinjer, Stöd till anhöriga, öppna data och PDF:en",
    NATIONAL_FILE: "Stödlinjer, startsidan, Stöd till anhöriga, fältet med 112 överst på varje sida, "
                   "öppna data (stodlinjer.json) och PDF:en, för varje kommun",
    "relatives.yml": "Stöd till anhöriga och PDF:en",
    "focus_areas.yml": "Handlingsplanen, Metod och genusperspektiv (personal) och PDF:en",
    "accessibility.yml": "Tillgänglighet (länkad från varje sida)",
    "staff_guidance.yml": "bara personalens webbplats: Vid oro för någon, Samverkan, Utbildning, Metod och "
                          "genusperspektiv, Dokumentation, och personalens PDF",
}

ERROR_GROUPS = [
    ("Fel i en hel fil", ["file_missing", "file_unknown", "file_empty", "invalid_utf8", "yaml_syntax",
                          "yaml_multiple_documents", "yaml_tag", "yaml_top_level", "duplicate_key",
                          "yaml_too_large", "yaml_too_many_aliases", "yaml_recursive_alias", "yaml_too_deep",
                          "yaml_too_many_values", "control_character_in_file"]),
    ("Fel i ett värde", None),  # every code not listed elsewhere
    ("Fel på en sida", ["page_meta_missing", "page_meta_invalid", "page_meta_syntax",
                        "page_meta_unclosed", "macro_unknown_id", "macro_invalid_category", "macro_staff_in_public",
                        "macro_undefined", "macro_syntax", "macro_no_attribute", "macro_none_attribute",
                        "macro_too_many_values", "macro_missing_values", "macro_unknown_value", "macro_failed",
                        "link_broken",
                        "image_missing", "link_absolute", "link_unrecognized", "anchor_broken",
                        "html_element", "html_event_handler", "html_link_scheme", "html_link_http",
                        "html_other_host", "html_meta_refresh", "script_file"]),
    ("Intern text på en publik sida", ["staff_text_in_public_page", "staff_text_in_public_data",
                                       "staff_link_in_public", "staff_include_in_public",
                                       "staff_attachment_outside", "staff_reference_in_public",
                                       "staff_reference_always_public"]),
    ("Nationella stödlinjer", ["registry_missing", "national_override", "national_copy", "hidden_unknown",
                               "hidden_emergency", "hidden_reference", "featured_twice"]),
    ("Fel i menyn och inställningarna", ["page_not_in_nav", "nav_missing_page", "page_translation_missing",
                                         "nav_translation_missing", "config_invalid",
                                         "setting_unknown", "setting_invalid", "toml_syntax", "quick_exit_url",
                                         "quick_exit_url_missing"]),
    ("Fel när webbplatsen byggs", ["folder_missing", "pdf_page_missing", "pdf_problem", "pdf_resource_refused",
                                   "pdf_resource_unreadable", "build_other"]),
]


# --- data/README.md --------------------------------------------------------------------------------------

def _describe_type(annotation) -> str:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        for meta in args[1:]:
            schema = getattr(meta, "json_schema", None) or {}
            if schema.get("format") == "uri":
                return "webbadress"
            if schema.get("format") == "email":
                return "e-postadress"
            if schema.get("pattern", "").startswith("^[a-z0-9]+"):
                return "id"
            if any(option.get("const") == "odaterad" for option in schema.get("anyOf", [])):
                return "datum eller odaterad"
        return _describe_type(args[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        kinds = [_describe_type(a) for a in args if a is not type(None)]
        return " eller ".join(dict.fromkeys(kinds))
    if origin is list:
        return f"lista ({_describe_type(args[0])})"
    if origin is typing.Literal:
        return "ett av: " + ", ".join(str(a) for a in args)
    return {Text: "text (sv, en)", Phone: "telefonnummer", date: "datum", time: "klockslag", bool: "true/false",
            int: "heltal", str: "text"}.get(annotation, "fält" if isinstance(annotation, type) and
                                           issubclass(annotation, BaseModel) else "värde")


def _field_rows(model: type[BaseModel], prefix: str) -> list[str]:
    rows = []
    for name, info in model.model_fields.items():
        path = f"{prefix} › {name}" if prefix else name
        description = info.description or ""
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if not description:
            for meta in info.metadata:
                schema = getattr(meta, "json_schema", None)
                if isinstance(schema, dict) and schema.get("description"):
                    description = schema["description"]
        description = description or extra.get("description", "")
        required = "ja" if info.is_required() else "nej"
        kind = _describe_type(typing.Annotated[(info.annotation, *info.metadata)] if info.metadata
                              else info.annotation)
        rows.append(f"| `{path}` | {kind} | {required} | {description} |")
        inner = model_in(info.annotation)
        if inner is not None:
            rows += _field_rows(inner, path)
    return rows


def data_readme() -> str:
    parts = [
        "# Datafilerna", "", GENERATED, "",
        "Här står vilken fil som fyller vilken sida, och vad varje fält betyder. Samma filer finns för varje "
        "kommun: `data/` (Katrineholm) och `examples/umea/data/` (Umeå). De nationella stödlinjerna finns en "
        "gång för alla kommuner, i `national/support_lines.yml` (sist på den här sidan).", "",
        "## Bra att veta", "",
        "- **Text** kan skrivas direkt, eller som `sv:` och `en:` på varsin rad när det finns en engelsk "
        "översättning. Sätt citattecken runt text som innehåller kolon, kommatecken inom `{ }` eller #.",
        "- **Datum** skrivs ÅÅÅÅ-MM-DD, t.ex. 2024-03-18. **Klockslag** skrivs inom citattecken, t.ex. \"09:00\".",
        "- **source** är sidan uppgiften kommer från, och **verified** är datumet som den sidan visade när "
        "uppgiften kontrollerades (inte dagens datum). Visar källan inget datum: skriv `odaterad`.",
        "- **Källbevakningen** (`make sources`, varje vecka på GitHub) hämtar sidan i **source** och letar efter "
        "telefonnumret, e-postadressen och öppettiderna. Det som inte hittas hamnar i ett ärende med fil och rad. "
        "Står allt kvar föreslår den ett nytt **verified** med `verified_by: källbevakningen`. Använd därför en "
        "källa som visar uppgifterna själv, inte en startsida som länkar vidare.",
        "- **id** är ett stabilt namn med små bokstäver och bindestreck. Ändra det inte: sidor och andra filer "
        "hänvisar till det.",
        "- **audience: staff** gör en post intern: den visas bara på personalens webbplats.",
        "- Använd funktionsadresser och växelnummer, aldrig en privatpersons uppgifter.",
        "- Kontrollera en ändring med `make check`. Felmeddelandena förklaras i "
        "[bidra/felmeddelanden.md](../bidra/felmeddelanden.md).", "",
    ]
    for name, model in {**FILES, NATIONAL_FILE: NationalLinesFile}.items():
        parts += [f"## {name}", "", f"Visas på: {PAGES[name]}.", "",
                  "| Fält | Typ | Måste finnas | Vad det betyder |", "|---|---|---|---|"]
        parts += _field_rows(model, "")
        parts.append("")
    return "\n".join(parts)


# --- bidra/felmeddelanden.md ------------------------------------------------------------------------------

def example_error() -> str:
    """The guide's opening example, made the way `make check` makes it (a Problem and the catalogue), so that
    it reads exactly as the real message: national/support_lines.yml with Orostelefonen's phone cut short."""
    value = CATALOGUE["invalid_phone"].example["value"]
    return str(Problem("invalid_phone", "national/support_lines.yml", 40, {"value": value},
                       ("support_lines", 1, "phone"), (1, "Orostelefonen om radikalisering")))


def errors_guide() -> str:
    listed = {code for _, codes in ERROR_GROUPS if codes for code in codes}
    parts = [
        "# Vanliga felmeddelanden", "", GENERATED, "",
        "När du ändrar en datafil eller en sida kontrolleras ändringen innan något publiceras. Hittas ett fel "
        "står det i kontrollen på GitHub (och när du kör `make check` eller `make site`) så här:", "",
        "```text", example_error(), "```", "",
        "Först står filen och raden, sedan var i filen (posten och fältet), sedan vad som är fel och hur du "
        "rättar det. Alla fel visas på en gång. Den publicerade webbplatsen ändras inte förrän alla fel är "
        "rättade. Här är alla meddelanden, med exempel.", "",
    ]
    for title, codes in ERROR_GROUPS:
        parts += [f"## {title}", ""]
        for code in codes or [c for c in CATALOGUE if c not in listed]:
            message = CATALOGUE[code]
            example = {k: v for k, v in message.example.items()}
            parts += [f"### {message.text.format(**example)}", "", f"Så rättar du: {message.fix.format(**example)}",
                      "", f"<small>Kod: `{code}`</small>", ""]
    return "\n".join(parts)


# --- bidra/makron.md --------------------------------------------------------------------------------------

def _shown(signature: inspect.Signature) -> str:
    """(id, level=3): the parameters as a page writes them, without their types."""
    return ", ".join(p.name if p.default is p.empty else f"{p.name}={p.default!r}"
                     for p in signature.parameters.values())


def _macros() -> list[tuple[str, str, str, str]]:
    """(name, signature, description, example) for every registered page macro, by name."""
    found = []
    for macro in page_macros.MACROS:
        name = macro.__name__
        description, _, example = (inspect.getdoc(macro) or "").partition("Exempel:")
        found.append((name, f"{name}({_shown(page_macros.signature(macro))})", " ".join(description.split()),
                      example.strip()))
    return sorted(found, key=lambda item: item[0])


def macro_examples() -> dict[str, str]:
    """Each macro's copy-paste example by name, for the build's messages about a wrong call."""
    return {name: example for name, _, _, example in _macros()}


def macros_guide() -> str:
    parts = [
        "# Makron för sidorna", "", GENERATED, "",
        "En sida i `docs/` kan visa uppgifter ur datafilerna med makron inom `{{ }}`. Sidan måste då ha "
        "`render_macros: true` i sidhuvudet (mellan raderna med `---` överst). Kopiera exemplet och ändra id:t.",
        "", "Namn på uppgifter som går att använda direkt: `municipality` (kommunen), `plan` (planen), "
        "`relatives` (stöd till anhöriga), `accessibility` (tillgänglighet), `staff_guidance` (bara på "
        "personalens sidor). Texter ur data skrivs med `t(...)`, t.ex. `{{ t(plan.summary) }}`.", "",
    ]
    for name, signature, description, example in _macros():
        parts += [f"## {name}", "", f"`{signature}`", "", description, "", "```jinja", example, "```", ""]
    return "\n".join(parts)


# --- bidra/installningar.md -------------------------------------------------------------------------------

SETTINGS_INTRO = """\
Inställningarna står på två ställen. `mkdocs.yml` (webbplatsen för invånare) har dem under `extra:`; \
`mkdocs.staff.yml` (personalens webbplats) ärver allt i `mkdocs.yml` och skriver bara det som skiljer. \
`pyproject.toml` har gränserna för kontrollerna under `[tool.motverka]`.

En inställning som inte står i filen får sitt standardvärde. En inställning som är felstavad eller har fel \
sorts värde stoppar `make check` och bygget, med fil, rad och hur du rättar, t.ex. `mkdocs.yml:41: \
Inställningen extra › quick_exit › enabeld finns inte. Kontrollera stavningen (menade du enabled?).`
"""


def settings_guide() -> str:
    from macros.settings import documented

    parts = ["# Inställningar", "", GENERATED, "", SETTINGS_INTRO]
    for file, heading in (("mkdocs.yml, mkdocs.staff.yml", "## mkdocs.yml och mkdocs.staff.yml, under extra:"),
                          ("pyproject.toml", "## pyproject.toml, under [tool.motverka]")):
        parts += [heading, "", "| Inställning | Standard | Vad den gör |", "|---|---|---|"]
        parts += [f"| `{key}` | `{default}` | {description} |" for shown, key, default, description in documented()
                  if shown == file]
        parts.append("")
    return "\n".join(parts)


OUTPUTS = {
    "data/README.md": data_readme,
    "bidra/felmeddelanden.md": errors_guide,
    "bidra/makron.md": macros_guide,
    "docs/assets/favicon.svg": lambda: design_tokens.favicon(ROOT / "docs"),
    "bidra/installningar.md": settings_guide,
}


def write_guides(check_only: bool = False, root: Path = ROOT) -> int:
    from macros.cli.generated import write_generated

    stale = write_generated({root / relative: make for relative, make in OUTPUTS.items()}, check_only)
    if check_only and stale:
        print("Inaktuella guider: " + ", ".join(p.relative_to(root).as_posix() for p in stale) + ". Kör `make guides`.",
              file=sys.stderr)
        return 1
    return 0
