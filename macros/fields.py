"""Value types of the data contract: ids, localized text, phone numbers, e-mail, URLs, dates.

Each type validates with a maintained library where one exists (phonenumbers, email-validator, urllib) and
fails with a PydanticCustomError whose type is a code of the message catalogue (messages.py), so that every
failure can be told to a communicator in Swedish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import email_validator
import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import PlainSerializer, PlainValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2}$"
UNDATED = "odaterad"
Audience = Literal["public", "staff"]
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _fail(code: str, **values: Any) -> PydanticCustomError:
    return PydanticCustomError(code, code, values)


def today_from(info: ValidationInfo | None) -> date:
    """The date validation treats as today: injected by tests, otherwise the real date."""
    context = info.context if info is not None and info.context else {}
    return context.get("today") or date.today()


# --- Identifiers -------------------------------------------------------------------------------------------

def _id(value: Any) -> str:
    if not isinstance(value, str) or not re.match(ID_PATTERN, value):
        raise _fail("invalid_id", value=value)
    return value


Id = Annotated[str, PlainValidator(_id), WithJsonSchema({
    "type": "string", "pattern": ID_PATTERN,
    "description": "Stabilt id: små bokstäver a–z, siffror och bindestreck. Ändra det inte i efterhand.",
})]


# --- Localized text ----------------------------------------------------------------------------------------

# A Markdown link's target scheme: [text](javascript:…) or a reference definition [x]: javascript:…
_MARKDOWN_LINK_SCHEME = re.compile(r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)\s*([A-Za-z][A-Za-z0-9+.-]*):", re.MULTILINE)


class Text(dict):
    """Text a visitor reads: Swedish always, other languages optional ({'sv': …, 'en': …})."""

    def get_text(self, lang: str = "sv") -> str:
        return self.get(lang) or self["sv"]

    def __str__(self) -> str:
        return self["sv"]

    def strings(self) -> list[str]:
        return list(self.values())


def _text(value: Any) -> Text:
    if isinstance(value, str):
        value = {"sv": value}
    if not isinstance(value, dict):
        raise _fail("not_text", value=value)
    for lang, text in value.items():
        if isinstance(lang, str) and text is None and (" " in lang.strip() or len(lang) > 5):
            # {sv: En gång per år, oftare vid behov.} parses as a key "oftare vid behov." with no value.
            raise _fail("text_comma_in_braces", value=lang.strip())
        if not isinstance(lang, str) or not re.match(LANG_PATTERN, lang):
            raise _fail("text_bad_language", value=lang)
        if not isinstance(text, str):
            raise _fail("not_text", value=text)
    if "sv" not in value:
        raise _fail("text_missing_sv")
    for text in value.values():
        for scheme in _MARKDOWN_LINK_SCHEME.findall(text):
            if scheme.lower() not in ("http", "https", "mailto", "tel"):
                raise _fail("url_scheme", value=text, scheme=scheme)
    cleaned = {lang: " ".join(text.split()) if "\n" not in text.strip() else text.strip()
               for lang, text in value.items()}
    if not cleaned["sv"]:
        raise _fail("empty_text")
    return Text(cleaned)


LocalText = Annotated[Text, PlainValidator(_text), PlainSerializer(dict), WithJsonSchema({
    "description": "Text på svenska, eller sv: och en: (engelska) på varsin rad.",
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "object", "required": ["sv"], "additionalProperties": False,
         "patternProperties": {LANG_PATTERN: {"type": "string", "minLength": 1}}},
    ],
})]


def _plain(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("not_text", value=value)
    value = " ".join(value.split())
    if not value:
        raise _fail("empty_text")
    return value


Plain = Annotated[str, PlainValidator(_plain), WithJsonSchema({"type": "string", "minLength": 1})]


# --- Phone numbers -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Phone:
    """A Swedish number as written by the source, and the href that dials it."""

    display: str
    href: str        # tel:+4620100200, or tel:112 for short numbers (which have no E.164 form)
    e164: str | None  # None for short numbers

    def __str__(self) -> str:
        return self.display


def parse_phone(value: Any) -> Phone:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise _fail("invalid_phone", value=value)
    display = " ".join(value.split())
    try:
        number = phonenumbers.parse(display, "SE")
    except phonenumbers.NumberParseException:
        raise _fail("invalid_phone", value=display) from None
    if phonenumbers.region_code_for_number(number) not in ("SE", None) and number.country_code != 46:
        raise _fail("phone_not_swedish", value=display)
    digits = re.sub(r"\D", "", display)
    if not display.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(number, "SE"):
        return Phone(display, f"tel:{digits}", None)
    if not phonenumbers.is_valid_number(number):
        raise _fail("invalid_phone", value=display)
    if number.country_code != 46:
        raise _fail("phone_not_swedish", value=display)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(display, f"tel:{e164}", e164)


PhoneNumber = Annotated[Phone, PlainValidator(parse_phone), PlainSerializer(lambda p: p.display),
                        WithJsonSchema({
                            "type": ["string", "integer"],
                            "description": "Svenskt telefonnummer som det står hos källan, t.ex. 020-100 200.",
                        })]


# --- E-mail and web addresses ------------------------------------------------------------------------------

def _email(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("invalid_email", value=value)
    try:
        return email_validator.validate_email(value.strip(), check_deliverability=False).normalized
    except email_validator.EmailNotValidError:
        raise _fail("invalid_email", value=value) from None


Email = Annotated[str, PlainValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]


def _url(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("invalid_url", value=value)
    value = value.strip()
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme and scheme not in ("http", "https"):
        raise _fail("url_scheme", value=value, scheme=scheme)
    if not scheme or not parts.netloc or "." not in parts.hostname or any(c.isspace() for c in value):
        raise _fail("invalid_url", value=value)
    return value


Url = Annotated[str, PlainValidator(_url), WithJsonSchema({
    "type": "string", "format": "uri", "pattern": "^https?://",
    "description": "Hel webbadress som börjar med https://. http:// kräver http_reason på samma post.",
})]


# --- Dates -------------------------------------------------------------------------------------------------

def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail("invalid_date", value=value)


def _past_date(value: Any, info: ValidationInfo) -> date:
    result = _date(value)
    if result > today_from(info):
        raise _fail("date_in_future", value=result.isoformat())
    return result


_DATE_SCHEMA = {"type": "string", "format": "date", "description": "Datum som ÅÅÅÅ-MM-DD."}
AnyDate = Annotated[date, PlainValidator(_date), WithJsonSchema(_DATE_SCHEMA)]
PastDate = Annotated[date, PlainValidator(_past_date), WithJsonSchema(
    {**_DATE_SCHEMA, "description": "Datum som ÅÅÅÅ-MM-DD, inte i framtiden."})]


def _verified(value: Any, info: ValidationInfo) -> date | str:
    if value == UNDATED:
        return UNDATED
    try:
        return _past_date(value, info)
    except PydanticCustomError as error:
        if error.type == "date_in_future":
            raise
        raise _fail("invalid_verified", value=value) from None


Verified = Annotated[date | str, PlainValidator(_verified), WithJsonSchema({
    "description": "Datumet som källan visade (ÅÅÅÅ-MM-DD), eller odaterad om källan inte visar något datum.",
    "anyOf": [{"type": "string", "format": "date"}, {"const": UNDATED}],
})]


# --- Times of day ------------------------------------------------------------------------------------------

Clock = Annotated[time, WithJsonSchema({
    "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
    "description": "Klockslag som TT:MM inom citattecken, t.ex. \"09:00\".",
})]
