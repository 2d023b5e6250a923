"""Every exception the browser checks accept, in one place, each with its reason.

An exception is allowed only for axe's best-practice rules (never for a WCAG A or AA rule: those are fixed at
the source) and for layout details that lose no content. A test checks that each axe exception names a real
best-practice rule and gives a reason; an exception that no longer matches anything should be removed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AxeException:
    rule: str                   # axe rule id, e.g. "region"
    selector: str               # the finding's element must contain this in its CSS selector ("" = any element)
    reason: str                 # why the finding is acceptable, for the next person to judge

    def matches(self, finding) -> bool:
        return finding.rule == self.rule and self.selector in finding.target


# axe best-practice findings we accept. Empty is the goal: today every finding is fixed at the source.
AXE: list[AxeException] = []


@dataclass(frozen=True)
class ClippedText:
    selector: str               # CSS selector of the element whose text may be cut off on a narrow screen
    reason: str


# Text that may be shortened with an ellipsis on a narrow screen, because the same text is shown in full
# elsewhere on every page (WCAG 1.4.10 asks that no information is lost, not that every copy is whole).
# Without this entry the reflow test reports, on every page at 320 px: text cut off: span.md-ellipsis.
CLIPPED_TEXT: list[ClippedText] = [
    ClippedText(".md-header__topic .md-ellipsis",
                "The header repeats the site's name and the page's title with an ellipsis when the line is full. "
                "Both are shown in full on the same page: the site's name at the top of the menu, the page's "
                "title as its heading (h1)."),
]


# What the sites may store in a visitor's browser (cookies, localStorage, sessionStorage, IndexedDB, caches),
# as key -> the words the page "Om webbplatsen" uses for it. Material for MkDocs stores preferences only for
# features this kit does not turn on (colour palette toggle, content tabs, dismissable announcements, version
# selector, repository facts), and the quick exit and keyboard scripts store nothing: so nothing is stored.
# Add a key here only together with its plain-Swedish explanation on docs/om-webbplatsen.md.
STORAGE: dict[str, str] = {}
# What docs/om-webbplatsen.md must say while STORAGE is empty (and must not say once it is not).
NOTHING_STORED = "Webbplatsen sparar ingenting i din webbläsare"


@dataclass(frozen=True)
class HtmlException:
    message: str                # the Nu Html Checker's message, exactly
    elements: tuple[str, ...]   # the element's start tag as the checker highlights it, exactly, one of these
    reason: str

    def matches(self, finding) -> bool:
        return finding.message == self.message and finding.element in self.elements


# Errors of the Nu Html Checker (tests/test_html_valid.py, WCAG 2.1 4.1.1 Parsing) we accept. Each names one
# message on exact elements: the same message anywhere else still fails. A test fails when one matches nothing.
HTML: list[HtmlException] = [
    HtmlException(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
        "or “week”.",
        ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
         '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'),
        "Material's base.html writes these two hidden checkboxes, which open the menu and the search, at the "
        "top of every page. autocomplete=\"off\" stops Firefox from restoring their state on Back, which would "
        "reopen the menu or the search over the page a visitor returns to. Browsers do honour it on a checkbox; "
        "only the specification limits it to text-like inputs. No content, name or role is affected, and the "
        "markup still parses to one unambiguous tree, which is what 4.1.1 asks."),
]
