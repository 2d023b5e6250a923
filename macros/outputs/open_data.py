"""Open data: the public support lines and contacts as JSON and CSV, with the JSON Schema of each.

Published beside the public site at stable URLs (oppna-data/…), for other municipal sites and apps. Built
only from the public view of the data, whichever site is being built: staff records never appear here.
The output format is its own set of models, so the published schema is generated, not hand-written, and a
change to the internal data files does not silently change what re-users receive.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from macros.contract.models import Contact, Hours, SiteData, SupportLine
from macros.render.render import hours_text

FOLDER = "oppna-data"


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OpenPhone(_Out):
    display: str = Field(description="The number as the source writes it.")
    tel: str = Field(description="A tel: URI that dials it.")
    e164: str | None = Field(description="E.164 form; null for short numbers such as 112 or 114 14.")


class OpenPeriod(_Out):
    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]]
    opens: str = Field(pattern=r"^\d\d:\d\d$")
    closes: str = Field(pattern=r"^\d\d:\d\d$", description="Earlier than opens means overnight.")


class OpenHours(_Out):
    always: bool
    periods: list[OpenPeriod]
    closed_on_public_holidays: bool
    text: dict[str, str] = Field(description="The hours as a sentence, per language.")


class OpenRecord(_Out):
    id: str
    name: dict[str, str]
    phone: OpenPhone | None
    sms: OpenPhone | None = Field(description="A number for text messages, if there is one.")
    email: str | None
    url: str | None
    chat_url: str | None
    hours: OpenHours | None
    source: str = Field(description="The page the details come from.")
    verified: str = Field(description="The date that source showed (YYYY-MM-DD), or \"odaterad\".")


class OpenSupportLine(OpenRecord):
    organisation: dict[str, str]
    category: Literal["emergency", "extremism", "police", "wellbeing"]
    for_whom: dict[str, str]
    about: dict[str, str] | None
    anonymous: bool | None = Field(description="null when the source does not say.")
    free_of_charge: bool | None


class OpenContact(OpenRecord):
    role: dict[str, str]
    address: dict[str, str] | None


class Publisher(_Out):
    id: str = Field(description="The municipality's id in this kit: lower case, words joined by hyphens.")
    name: str
    website: str
    region: str | None = Field(None, description="The county (län) the municipality is in.")


class SupportLinesDocument(_Out):
    title: str
    publisher: Publisher
    license: str
    updated: str
    support_lines: list[OpenSupportLine]


class ContactsDocument(_Out):
    title: str
    publisher: Publisher
    license: str
    updated: str
    contacts: list[OpenContact]


def _text(value, languages: list[str]) -> dict[str, str] | None:
    return None if value is None else {lang: value.get_text(lang) for lang in languages}


def _hours(hours: Hours | None, languages: list[str]) -> OpenHours | None:
    if hours is None:
        return None
    return OpenHours(
        always=hours.always, closed_on_public_holidays=hours.closed_on_public_holidays,
        periods=[OpenPeriod(days=p.days, opens=p.opens.strftime("%H:%M"), closes=p.closes.strftime("%H:%M"))
                 for p in hours.periods],
        text={lang: hours_text(hours, lang) for lang in languages})


def _phone(phone) -> OpenPhone | None:
    return OpenPhone(display=phone.display, tel=phone.href, e164=phone.e164) if phone else None


def _common(record, languages: list[str]) -> dict:
    return {
        "id": record.id, "name": _text(record.name, languages), "phone": _phone(record.phone),
        "sms": _phone(record.sms), "email": record.email, "url": record.url, "chat_url": record.chat_url,
        "hours": _hours(record.hours, languages),
        "source": record.source,
        "verified": record.verified if isinstance(record.verified, str) else record.verified.isoformat(),
    }


def _line(line: SupportLine, languages: list[str]) -> OpenSupportLine:
    return OpenSupportLine(**_common(line, languages), organisation=_text(line.organisation, languages),
                           category=line.category, for_whom=_text(line.for_whom, languages),
                           about=_text(line.about, languages),
                           anonymous=line.anonymous, free_of_charge=line.free_of_charge)


def _contact(contact: Contact, languages: list[str]) -> OpenContact:
    return OpenContact(**_common(contact, languages), role=_text(contact.role, languages),
                       address=_text(contact.address, languages))


def documents(data: SiteData, updated: date,
              languages: list[str]) -> tuple[SupportLinesDocument, ContactsDocument]:
    """The two documents, with every text in each of the site's languages (its default first)."""
    public = data.for_audience("public")
    municipality = public.municipality
    publisher = Publisher(id=municipality.id, name=municipality.name, website=municipality.website,
                          region=municipality.region)
    head = {"publisher": publisher, "license": municipality.open_data_license, "updated": updated.isoformat()}
    return (SupportLinesDocument(title="Stödlinjer", support_lines=[_line(x, languages) for x in public.support_lines],
                                 **head),
            ContactsDocument(title="Kommunens kontakter", contacts=[_contact(x, languages) for x in public.contacts],
                             **head))


def _json(document: BaseModel, schema_name: str) -> str:
    body = {"$schema": schema_name, **document.model_dump(mode="json")}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _schema(model: type[BaseModel], name: str) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name,
              **model.model_json_schema(mode="serialization")}
    schema["properties"] = {"$schema": {"type": "string"}, **schema["properties"]}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def csv_columns(languages: list[str]) -> list[str]:
    """The columns every CSV starts with: name and hours once per language (name_sv, name_en, …)."""
    return ["id", *(f"name_{lang}" for lang in languages), "phone", "phone_e164", "tel", "sms", "email", "url",
            "chat_url", *(f"hours_{lang}" for lang in languages), "source", "verified"]


# Columns after those, of text in the default language only (organisation_sv …), and of other values
_TEXT_COLUMNS = {"organisation", "for_whom", "role"}


# A spreadsheet reads a cell that starts with one of these as a formula (CSV injection). OWASP's rule: such a
# cell gets a leading ', which Excel and LibreOffice hide and which keeps the text as typed (+46 8 … stays
# +46 8 …, where Excel would otherwise show 46812345678 or an error). The JSON keeps every value as it is:
# it is read by programs, not spreadsheets. spreadsheet_cell / raw_cell turn one into the other.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    """The value as a CSV cell that a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def raw_cell(cell: str) -> str:
    """The value a CSV cell stands for (what the JSON says): spreadsheet_cell undone."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


class _SpreadsheetWriter:
    """csv.writer whose every cell goes through spreadsheet_cell."""

    def __init__(self, buffer):
        self._writer = csv.writer(buffer, lineterminator="\r\n")

    def writerow(self, row: list[str]) -> None:
        self._writer.writerow([spreadsheet_cell(str(cell)) for cell in row])


def _csv(records: list[OpenRecord], extra: list[str], languages: list[str]) -> str:
    buffer = io.StringIO()
    writer = _SpreadsheetWriter(buffer)
    default = languages[0]
    writer.writerow(csv_columns(languages) + [f"{c}_{default}" if c in _TEXT_COLUMNS else c for c in extra])
    for record in records:
        row = [record.id, *(record.name[lang] for lang in languages),
               record.phone.display if record.phone else "", record.phone.e164 or "" if record.phone else "",
               record.phone.tel if record.phone else "", record.sms.display if record.sms else "",
               record.email or "", record.url or "", record.chat_url or "",
               *(record.hours.text[lang] if record.hours else "" for lang in languages),
               record.source, record.verified]
        for column in extra:
            value = getattr(record, column)
            if isinstance(value, dict):
                value = value[default]
            row.append("" if value is None else str(value).lower() if isinstance(value, bool) else str(value))
        writer.writerow(row)
    return buffer.getvalue()


def files(data: SiteData, updated: date, languages: list[str]) -> dict[str, str]:
    """Relative path under the site -> file content, for every open-data file, with text in each of the
    site's languages (macros/text/languages.py › site_languages; its default first)."""
    lines, contacts = documents(data, updated, languages)
    return {
        f"{FOLDER}/stodlinjer.json": _json(lines, "stodlinjer.schema.json"),
        f"{FOLDER}/stodlinjer.schema.json": _schema(SupportLinesDocument, "stodlinjer.schema.json"),
        f"{FOLDER}/stodlinjer.csv": _csv(lines.support_lines, ["organisation", "category", "for_whom",
                                                               "anonymous", "free_of_charge"], languages),
        f"{FOLDER}/kontakter.json": _json(contacts, "kontakter.schema.json"),
        f"{FOLDER}/kontakter.schema.json": _schema(ContactsDocument, "kontakter.schema.json"),
        f"{FOLDER}/kontakter.csv": _csv(contacts.contacts, ["role"], languages),
    }
