""""Ring 112" in running text becomes a link that calls 112, on every page (the Lättläst page too).

A person who reads "Ring 112" on a phone should be able to press it, wherever a communicator wrote it in a
page's Markdown. Done on the rendered HTML (macros/engine/hooks.py › on_page_content), so no page needs a macro for
it. Text already inside a link, a heading, code or a script is left alone.
"""

from __future__ import annotations

import re

from macros.text.languages import all_labels


def _calls() -> str:
    """The words before 112 in each language's "Ring 112" (emergency_call in macros/text/<code>.yml), with a
    capital or small first letter: Ring|ring, Call|call, …"""
    found = []
    for labels in all_labels().values():
        words = labels.get("emergency_call", "").replace("112", "").strip()
        if words:
            first = f"[{words[0].upper()}{words[0].lower()}]" if words[0].upper() != words[0].lower() else words[0]
            found.append(first + r"\s".join(re.escape(w) for w in words[1:].split(" ")))
    return "|".join(dict.fromkeys(found))


# "Ring 112" / "ring 112" (Swedish), "Call 112" / "call 112" (English), …, not part of a longer number.
CALL_112 = re.compile(rf"\b(?:{_calls()})\s112\b(?!\s?\d)")
# What must be left alone: these elements as a whole, and every other tag.
_SKIP = re.compile(r"<(a|h[1-6]|code|pre|script|style|textarea|button|label)\b.*?</\1\s*>|<[^>]*>",
                   re.IGNORECASE | re.DOTALL)


def _link(match: re.Match) -> str:
    return f'<a href="tel:112">{match.group(0)}</a>'


def link_calls_to_112(html: str) -> str:
    """The page's HTML with every "Ring 112" / "Call 112" in running text as a tel:112 link."""
    parts, last = [], 0
    for skipped in _SKIP.finditer(html):
        parts.append(CALL_112.sub(_link, html[last:skipped.start()]))
        parts.append(skipped.group(0))
        last = skipped.end()
    parts.append(CALL_112.sub(_link, html[last:]))
    return "".join(parts)
