"""Phone numbers and e-mail addresses as the leak guard finds them in any text (macros/guards/leak_guard.py).

Numbers are compared as E.164 (phonenumbers), so that 070-123 45 67, 0701234567 and +46 70 123 45 67 are one
number; addresses case-folded."""

from __future__ import annotations

import re

import phonenumbers

# What a written phone number may hold between its first and last digit. One string, so that the guard's
# fast reading (macros/guards/leak_scan.py) knows exactly which characters can join two texts into a number.
PHONE_CHARACTERS = r"\d \u00a0\u2009\-\u2010\u2011\u2012\u2013()/."
PHONE_RUN = re.compile(rf"(?<![\w+])\+?\d[{PHONE_CHARACTERS}]{{4,}}\d(?!\d)")
PHONE_CHARACTER = re.compile(rf"[{PHONE_CHARACTERS}]")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def phone_key(text: str) -> str | None:
    """The number as E.164 (+461505700 0…) if the text is a Swedish phone number of 7+ digits, else None.
    Short numbers (112, 114 14) are national and public by nature."""
    digits = re.sub(r"\D", "", text)
    if len(digits) < 7 or re.fullmatch(r"(?:19|20)\d\d[-./]\d\d[-./]\d\d", text.strip()):
        return None   # too short, or a date
    try:
        number = phonenumbers.parse(text, "SE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phones_in(text: str) -> dict[str, str]:
    """E.164 → the number as written, for every phone number in a text."""
    found = {}
    for match in PHONE_RUN.finditer(text):
        written = match.group().strip(" .-/")
        if (key := phone_key(written)) and (written.startswith(("0", "+")) or len(re.sub(r"\D", "", written)) > 8):
            found.setdefault(key, written)
    return found
