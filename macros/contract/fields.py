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

from macros.guards.safe_urls import scheme_of

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2}$"
UNDATED = "odaterad"
Audience = Literal["public", "staff"]
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def catalogue_error(code: str, **values: Any) -> PydanticCustomError:
    """An error for the catalogue. `line=` (where in the file) and `at=` (a field below the one validated)
    are read by load.py to point at the exact place; the other values fill in the message."""
    return PydanticCustomError(code, code, {k: v for k, v in values.items() if v is not None or k == "value"})


def _line_of(value: Any, fragment: str | None = None) -> int | None:
    """The line in the data file of a text read by yaml_source (a SourceText), or of a part of it."""
    if fragment is not None and hasattr(value, "line_of"):
        return value.line_of(fragment)
    return getattr(value, "line", None) or None


def _not_cut_by_comment(value: Any) -> None:
    """`name: Socialtjänsten #1` is read by YAML as "Socialtjänsten" and a comment: say so, do not publish half."""
    comment = getattr(value, "comment", None)
    if comment is not None:
        written = getattr(value, "written", None) or f"{value} #{comment}"
        raise catalogue_error("text_cut_by_comment", value=str(value), written=written, line=_line_of(value))


def today_from(info: ValidationInfo | None) -> date:
    """The date validation treats as today: injected by tests, otherwise the real date."""
    context = info.context if info is not None and info.context else {}
    return context.get("today") or date.today()


# --- Identifiers -------------------------------------------------------------------------------------------

def _id(value: Any) -> str:
    if not isinstance(value, str) or not re.match(ID_PATTERN, value):
        raise catalogue_error("invalid_id", value=value)
    return str(value)


Id = Annotated[str, PlainValidator(_id), WithJsonSchema({
    "type": "string", "pattern": ID_PATTERN,
    "description": "Stabilt id: små bokstäver a–z, siffror och bindestreck. Ändra det inte i efterhand.",
})]


# --- Localized text ----------------------------------------------------------------------------------------

# A Markdown link's target with a scheme: [text](javascript:…) or a reference definition [x]: javascript:…
_MARKDOWN_LINK = re.compile(r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)\s*(([A-Za-z][A-Za-z0-9+.-]*):[^\s>]*)",
                            re.MULTILINE)
_LINK_SCHEMES = ("https", "mailto", "tel")
# An image: ![alt](address), ![alt][ref], or an HTML <img>. The PDF build would fetch it from the web.
_IMAGE = re.compile(r"!\[[^\]]*\]\s*(?:\([^)]*\)?|\[[^\]]*\]?)|<img\b[^>]*>?", re.IGNORECASE)


def _link_target(rest: str) -> str:
    """The link address at the start of rest: up to the ) that closes the link, as Markdown reads it."""
    depth = 0
    for index, char in enumerate(rest):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return rest[:index]
            depth -= 1
    return rest


def _check_markdown(text: str) -> None:
    """Links in a text go only to https, e-mail and phone addresses; a text holds no images."""
    for match in _MARKDOWN_LINK.finditer(text):
        target, scheme = _link_target(match.group(1)), match.group(2)
        if scheme.lower() in _LINK_SCHEMES:
            continue
        if scheme.lower() == "http":
            raise catalogue_error("text_link_http", value=target, line=_line_of(text, target))
        raise catalogue_error("text_link_scheme", value=target, scheme=scheme, line=_line_of(text, target))
    image = _IMAGE.search(text)
    if image:
        raise catalogue_error("text_image", value=image.group(0), line=_line_of(text, image.group(0)))
    _check_rendered_links(text)


def _check_rendered_links(text: str) -> None:
    """Every link the text becomes, read as a browser reads it: the patterns above miss `[x](<java\tscript:…>)`,
    reference links written over several lines and spellings with entities, the rendered HTML does not."""
    import html

    import markdown

    from macros.guards.safe_html import findings

    # As render.md_block and the PDF render it: any HTML shows as text, { cannot open an attribute list.
    rendered = markdown.markdown(html.escape(str(text), quote=False).replace("{", "&#123;"))
    for finding in findings(rendered):
        target = finding.values.get("value", "")
        line = _line_of(text, target) if target else _line_of(text)
        if finding.code == "html_link_http":
            raise catalogue_error("text_link_http", value=target, line=line)
        if finding.code == "html_link_scheme":
            raise catalogue_error("text_link_scheme", value=target, scheme=finding.values["scheme"], line=line)
        if finding.code == "html_other_host":
            raise catalogue_error("text_image", value=target, line=line)


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
        raise catalogue_error("not_text", value=value)
    for lang, text in value.items():
        if isinstance(lang, str) and text is None and (" " in lang.strip() or len(lang) > 5):
            # {sv: En gång per år, oftare vid behov.} parses as a key "oftare vid behov." with no value.
            raise catalogue_error("text_comma_in_braces", value=lang.strip())
        if not isinstance(lang, str) or not re.match(LANG_PATTERN, lang):
            raise catalogue_error("text_bad_language", value=lang)
        if not isinstance(text, str):
            raise catalogue_error("not_text", value=text)
        _not_cut_by_comment(text)
    if "sv" not in value:
        raise catalogue_error("text_missing_sv")
    for text in value.values():
        _check_markdown(text)
    cleaned = {lang: " ".join(text.split()) if "\n" not in text.strip() else text.strip()
               for lang, text in value.items()}
    if not cleaned["sv"]:
        raise catalogue_error("empty_text")
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
        raise catalogue_error("not_text", value=value)
    _not_cut_by_comment(value)
    value = " ".join(value.split())
    if not value:
        raise catalogue_error("empty_text")
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


# Swedish premium-rate ranges ("betalnummer", PTS' numbering plan), refused even where libphonenumber's
# metadata would not know a number in them: 0900, 0939, 0944.
PREMIUM_PREFIXES = ("+46900", "+46939", "+46944")


def _not_a_paid_number(number: phonenumbers.PhoneNumber, display: str) -> None:
    """A help site never publishes a number that costs the caller extra: premium rate (0900, 0939, 0944) or
    shared cost (077), which flat-rate mobile plans often leave out."""
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    kind = phonenumbers.number_type(number)
    if kind == phonenumbers.PhoneNumberType.PREMIUM_RATE or e164.startswith(PREMIUM_PREFIXES):
        raise catalogue_error("phone_premium", value=display)
    if kind == phonenumbers.PhoneNumberType.SHARED_COST:
        raise catalogue_error("phone_shared_cost", value=display)


def parse_phone(value: Any) -> Phone:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise catalogue_error("invalid_phone", value=value)
    display = " ".join(value.split())
    if display.lower().startswith("tel:"):
        # The link is made from the number: written with tel: the prefix would show on the page.
        raise catalogue_error("phone_tel_prefix", value=display, number=display[4:].strip())
    letter = re.search(r"[^\W\d_]", display)
    if letter:
        # libphonenumber reads letters as keypad digits (O -> 6): 020-1OO 200 would dial another number.
        raise catalogue_error("phone_letter", value=display, letter=letter.group(0))
    try:
        number = phonenumbers.parse(display, "SE")
    except phonenumbers.NumberParseException:
        raise catalogue_error("invalid_phone", value=display) from None
    if phonenumbers.region_code_for_number(number) not in ("SE", None) and number.country_code != 46:
        raise catalogue_error("phone_not_swedish", value=display)
    digits = re.sub(r"\D", "", display)
    if not display.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(number, "SE"):
        if shortnumberinfo.expected_cost_for_region(number, "SE") == shortnumberinfo.ShortNumberCost.PREMIUM_RATE:
            raise catalogue_error("phone_premium", value=display)
        return Phone(display, f"tel:{digits}", None)
    _not_a_paid_number(number, display)
    if not phonenumbers.is_valid_number(number):
        raise catalogue_error("invalid_phone", value=display)
    if number.country_code != 46:
        raise catalogue_error("phone_not_swedish", value=display)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(display, f"tel:{e164}", e164)


PhoneNumber = Annotated[Phone, PlainValidator(parse_phone), PlainSerializer(lambda p: p.display),
                        WithJsonSchema({
                            "type": ["string", "integer"], "pattern": r"^\+?[0-9 ()-]+$",
                            "description": "Svenskt telefonnummer som det står hos källan, t.ex. 020-100 200. "
                                           "Bara siffror: skriv 0 (noll), inte bokstaven O. Inga betalnummer "
                                           "(0900, 0939, 0944) och inga 077-nummer.",
                        })]


# --- E-mail and web addresses ------------------------------------------------------------------------------

def _email(value: Any) -> str:
    if not isinstance(value, str):
        raise catalogue_error("invalid_email", value=value)
    try:
        return email_validator.validate_email(value.strip(), check_deliverability=False).normalized
    except email_validator.EmailNotValidError:
        raise catalogue_error("invalid_email", value=value) from None


Email = Annotated[str, PlainValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]


def _url(value: Any) -> str:
    """Only https://: a scheme is read as a browser reads it (safe_urls), so no spelling of javascript: or
    data: passes, and http:// is refused in every data file (visitors' privacy; the issue #15 rule)."""
    if not isinstance(value, str):
        raise catalogue_error("invalid_url", value=value)
    value = value.strip()
    scheme = scheme_of(value)
    if scheme == "http":
        raise catalogue_error("url_http", value=value)
    if scheme and scheme != "https":
        raise catalogue_error("url_scheme", value=value, scheme=scheme)
    parts = urlsplit(value)
    if parts.scheme.lower() != "https" or not parts.netloc or "." not in (parts.hostname or "") \
            or any(c.isspace() or ord(c) < 0x20 or c in "<>\"`" for c in value):
        raise catalogue_error("invalid_url", value=value)
    return value


Url = Annotated[str, PlainValidator(_url), WithJsonSchema({
    "type": "string", "format": "uri", "pattern": "^https://",
    "description": "Hel webbadress som börjar med https://.",
})]


# --- Dates -------------------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            if _ISO_DATE.match(value.strip()):
                # Written right, but no such day: 2023-02-30, 2024-13-01.
                raise catalogue_error("date_not_in_calendar", value=value.strip()) from None
    raise catalogue_error("invalid_date", value=value)


def _past_date(value: Any, info: ValidationInfo) -> date:
    result = _date(value)
    if result > today_from(info):
        raise catalogue_error("date_in_future", value=result.isoformat())
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
        if error.type in ("date_in_future", "date_not_in_calendar"):
            raise
        raise catalogue_error("invalid_verified", value=value) from None


Verified = Annotated[date | str, PlainValidator(_verified), WithJsonSchema({
    "description": "Datumet som källan visade (ÅÅÅÅ-MM-DD), eller odaterad om källan inte visar något datum.",
    "anyOf": [{"type": "string", "format": "date"}, {"const": UNDATED}],
})]


# --- Times of day ------------------------------------------------------------------------------------------

CLOCK_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


def _clock(value: Any) -> time:
    """Only "HH:MM". An unquoted 9 is a number, which pydantic would read as nine seconds past midnight."""
    if isinstance(value, str) and re.match(CLOCK_PATTERN, value.strip()):
        hours, minutes = value.strip().split(":")
        return time(int(hours), int(minutes))
    raise catalogue_error("invalid_time", value=value)


Clock = Annotated[time, PlainValidator(_clock), WithJsonSchema({
    "type": "string", "pattern": CLOCK_PATTERN,
    "description": "Klockslag som TT:MM inom citattecken, t.ex. \"09:00\".",
})]


# --- Yes or no, and whole numbers ------------------------------------------------------------------------

_FLAGS = {"true": True, "false": False, "ja": True, "nej": False}


def _flag(value: Any) -> bool:
    """true/false, or ja/nej, in any case. Not yes/no/on/off/1/0, which pydantic alone would accept."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _FLAGS:
        return _FLAGS[value.strip().lower()]
    raise catalogue_error("not_bool", value=value)


_FLAG_PATTERN = "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Jj][Aa]|[Nn][Ee][Jj])$"  # JSON Schema has no (?i)
Flag = Annotated[bool, PlainValidator(_flag), WithJsonSchema({"anyOf": [
    {"type": "boolean"}, {"type": "string", "pattern": _FLAG_PATTERN}]})]


def whole_number(low: int, high: int):
    """An integer from low to high, with a message that says the range."""

    def validate(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise catalogue_error("not_int", value=value)
        if not low <= value <= high:
            raise catalogue_error("number_range", value=value, low=low, high=high)
        return value

    return Annotated[int, PlainValidator(validate), WithJsonSchema(
        {"type": "integer", "minimum": low, "maximum": high})]
