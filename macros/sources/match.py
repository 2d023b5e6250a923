"""Does a source page still show a fact? Page HTML to text, and matchers for phone numbers, e-mail and hours.

Pages write the same fact in many ways, so each matcher normalises what the page may vary and nothing more:
- a phone number is a sequence of digits with any spacing or dashes between them (020-100 200, 020 100 200,
  020100200), or in international form (+46 20 100 200, +46 (0)20-100 200, 0046 20 100 200). Short numbers
  (112, 1177, 116 111, 114 14, 90101) have no international form. Digits may not run on into other digits,
  so 112 is not found inside 1120 or in a date like 1.12;
- an e-mail address is compared without regard to case, also when written "namn[at]exempel.se";
- an opening period is a range of clock times (09:00–12:00, 9-12, 09.00–12.00, kl. 9–12, 9 till 12).

The text is what a visitor reads (BeautifulSoup, without scripts and styles) plus the addresses of tel: and
mailto: links, which a page may show as "Ring oss".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.contract.fields import parse_phone

# Spaces a page may use inside a number or between times: space, no-break, thin and narrow no-break space.
_SPACES = "\u00a0\u2007\u2009\u202f"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"


def page_text(html: bytes | str, charset: str | None = None) -> str:
    """The visible text of an HTML page and its tel:/mailto: targets, with spaces and dashes made plain.
    charset: what the server declared; without it the page's own <meta charset> (or a guess) decides."""
    from bs4 import BeautifulSoup  # requirements-dev.txt: the watch runs with the dev packages

    soup = BeautifulSoup(html, "html.parser", from_encoding=charset if isinstance(html, bytes) else None)
    for hidden in soup(["script", "style", "noscript", "template"]):
        hidden.decompose()
    links = [link["href"] for link in soup.find_all("a", href=True)
             if link["href"].lower().startswith(("tel:", "mailto:"))]
    return plain_text(" ".join([soup.get_text(" "), *links]))


def plain_text(text: str) -> str:
    text = text.translate({ord(c): " " for c in _SPACES}).translate({ord(c): "-" for c in _DASHES})
    return " ".join(text.split())


# --- Phone numbers -----------------------------------------------------------------------------------------

_SEPARATOR = r"[\s\-./()]{0,3}"   # between two digits of a number: "020-100 200", "020 - 100 200", "(0)"


def _digits_pattern(digits: str) -> str:
    return _SEPARATOR.join(re.escape(d) for d in digits)


def phone_pattern(number: str) -> re.Pattern | None:
    """A pattern that finds the number however the page spaces it; None if it is no phone number at all."""
    try:
        phone = parse_phone(number)
    except ValueError:  # PydanticCustomError: the data check reports it; the watch cannot look for it
        return None
    if phone.e164 is None:  # a short number: only as written, digit by digit
        body = _digits_pattern(re.sub(r"\D", "", phone.display))
        # Not part of a longer number, a date (1.12.2020) or a time (11.20).
        return re.compile(rf"(?<![\d.,:/])(?:tel:)?{body}(?![\d]|[.,:/]\d)")
    national = phone.e164.removeprefix("+46")
    local = _digits_pattern("0" + national)
    international = rf"(?:\+|00){_SEPARATOR}4{_SEPARATOR}6{_SEPARATOR}(?:\(0\){_SEPARATOR})?" + _digits_pattern(
        national)
    return re.compile(rf"(?<![\d+])(?:{international}|{local})(?![\d]|[.,/]\d)")


def has_phone(text: str, number: str) -> bool:
    pattern = phone_pattern(number)
    return bool(pattern and pattern.search(text))


# --- E-mail ------------------------------------------------------------------------------------------------

_AT = re.compile(r"\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\s+at\s+|\s+snabel-a\s+)\s*", re.IGNORECASE)
_DOT = re.compile(r"\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\[\s*punkt\s*\]|\(\s*punkt\s*\))\s*", re.IGNORECASE)


def has_email(text: str, address: str) -> bool:
    text = _DOT.sub(".", _AT.sub("@", text)).lower()
    pattern = rf"(?<![\w.+-]){re.escape(address.strip().lower())}(?![\w-]|\.\w)"
    return re.search(pattern, text) is not None


# --- Opening hours -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    opens: str   # "09:00", as in the data
    closes: str

    def __str__(self) -> str:
        return f"{self.opens}–{self.closes}"


_CLOCK = r"(?:kl\.?\s*)?([01]?\d|2[0-4])(?:[:.]([0-5]\d))?"
_RANGE = re.compile(rf"(?<![\d:.]){_CLOCK}\s*(?:-|till|to|och)\s*{_CLOCK}(?![\d]|[:.]\d)", re.IGNORECASE)


def _minutes(hours: str, minutes: str | None) -> int:
    return (int(hours) * 60 + int(minutes or 0)) % (24 * 60)  # 24:00 is midnight, as 00:00


def time_ranges(text: str) -> set[tuple[int, int]]:
    """Every range of clock times on the page, as minutes after midnight: "kl. 9–12" -> (540, 720)."""
    return {(_minutes(m[1], m[2]), _minutes(m[3], m[4])) for m in _RANGE.finditer(text)}


def has_period(text: str, period: Period, ranges: set[tuple[int, int]] | None = None) -> bool:
    wanted = (_minutes(*period.opens.split(":")), _minutes(*period.closes.split(":")))
    return wanted in (ranges if ranges is not None else time_ranges(text))
