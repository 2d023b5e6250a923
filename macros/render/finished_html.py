"""Card bodies as finished HTML: rendered once by Jinja, passed through Markdown untouched.

A support line's or a contact's card keeps a Markdown heading (its anchor, its table-of-contents entry and
its PDF bookmark come from the toc extension), but everything under the heading is HTML that needs no
Markdown. Left in the page as HTML inside a `markdown="block"` section, it was read by Python's HTML parser
twice (MkDocs' scan for ids and md_in_html), built into a tree and written out again, for every card of every
page: most of the Markdown time of a 1000-page site (bench/CHANGES.md, issue 19).

So card.html writes the body between two marker comments (`finished`), and `FinishedHtml`, a Markdown
preprocessor that runs before both HTML parsers, moves it into Markdown's stash of raw HTML: Markdown puts
it back unchanged at the very end. The body is written as md_in_html used to write it out (one newline
between block elements), so pages are byte for byte what they were (tests/test_finished_html.py).

Only text from our templates goes between the markers: text from data is escaped, so it can never hold a
marker (`<` is `&lt;`). A body must carry no id, since MkDocs looks for ids to check links before the stash
is filled back in (its anchors would be missed).
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

OPEN = "<!-- motverka:finished-html -->"
CLOSE = "<!-- /motverka:finished-html -->"
_FINISHED = re.compile(rf"^{re.escape(OPEN)}\n(.*?)\n{re.escape(CLOSE)}$", re.M | re.S)
# Whitespace with a line break between two tags: md_in_html wrote one newline there (between block elements;
# the card templates put inline elements on their block's line).
_GAP = re.compile(r">\s*\n\s*<")
_ID = re.compile(r"<[^>]*\sid=", re.I)

# After MkDocs' normalisation (30), before MkDocs' scan for ids (21) and md_in_html's parser (20).
PRIORITY = 25


def finished(body: str) -> Markup:
    """A card's body, rendered by Jinja, marked as finished HTML for the page's Markdown."""
    tight = _GAP.sub(">\n<", str(body).strip())
    if _ID.search(tight):
        raise ValueError("finished HTML carries no id: MkDocs would not see it when it checks anchors")
    return Markup(f"{OPEN}\n{tight}\n{CLOSE}")


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if OPEN not in source:
            return lines
        return _FINISHED.sub(lambda match: self.md.htmlStash.store(match.group(1)), source).split("\n")


class FinishedHtml(Extension):
    """The Markdown extension that keeps finished HTML away from Markdown's parsers."""

    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(_Stash(md), "motverka_finished_html", PRIORITY)
