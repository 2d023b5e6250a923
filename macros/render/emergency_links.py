""""Ring 112" in running text becomes a link that calls 112, on every page (the Lättläst page too).

A person who reads "Ring 112" on a phone should be able to press it, wherever a communicator wrote it in a
page's Markdown. Done on the rendered HTML (macros/engine/hooks.py › on_page_content), so no page needs a macro for
it. Text already inside a link, a heading, code or a script is left alone.
"""

from __future__ import annotations

import re

# "Ring 112" / "ring 112" (Swedish), "Call 112" / "call 112" (English), not part of a longer number.
CALL_112 = re.compile(r"\b(?:[Rr]ing|[Cc]all)\s112\b(?!\s?\d)")
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
