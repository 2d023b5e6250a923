"""The PDF's file name and the size its download links show: all that the command line needs of the PDF when it
merges language editions (macros/outputs/editions.py), without loading WeasyPrint (half a second)."""

from __future__ import annotations

import math

from macros.text.messages import ui

FILE_NAMES = {"public": "handlingsplan.pdf", "staff": "handlingsplan-personal.pdf"}
SIZE_MARK = "<!--mv-pdf-size-->"           # in the download link until the PDF exists (document.fill_size)
SIZE_LATER = "[[mv-pdf-size]]"             # instead of the size, in a language edition built at the same time
                                           # as the Swedish one: make site fills it in (macros/outputs/editions.py)
LANG = "sv"                                # the plan is Swedish; other language editions link this PDF


def file_name(audience: str) -> str:
    return FILE_NAMES["staff" if audience == "staff" else "public"]


def size_text(size: int, lang: str = LANG) -> str:
    """312 kB or 1,2 MB: decimal units as file managers show them, with the language's decimal mark."""
    if size < 1_000_000:
        return f"{max(1, math.ceil(size / 1000))} kB"
    value = f"{size / 1_000_000:.1f}"
    return value.replace(".", ui("decimal_mark", lang)) + " MB"


def shown_size(size: int | None, lang: str = LANG) -> str:
    """What the download link says after its name: (PDF, 312 kB), or (PDF) when there is no PDF."""
    return f"(PDF, {size_text(size, lang)})" if size else "(PDF)"
