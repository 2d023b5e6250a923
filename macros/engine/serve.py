"""`make serve` in Swedish: a few lines in the terminal instead of MkDocs' screens of English INFO, and a file
that breaks shown as a Swedish page in the browser, which recovers by itself when the file is fixed.

MkDocs' own live reload leaves the browser waiting for a reload that never comes when a rebuild fails. Here
a failed rebuild writes a page listing the problems in place of every page of the preview and counts as
built, so the browser reloads and shows it; the next good build replaces it. VERBOSE=1 (MOTVERKA_VERBOSE)
keeps MkDocs' own words in the terminal."""

from __future__ import annotations

import html
import logging
import os
import re
from pathlib import Path

_HANDLER = "MotverkaSwedish"


class _Swedish(logging.Handler):
    """MkDocs' log records, in Swedish: problems translated by the build's own translator, progress in a
    few words, the rest left out."""

    def __init__(self, docs: Path, loud: bool):
        super().__init__(logging.INFO)
        self.docs, self.loud = docs, loud
        self.found: list[str] = []   # this build's problems, in Swedish, for the browser's error page
        self.said: set[str] = set()  # what the terminal has been told once in this `make serve`

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:   # noqa: BLE001  a record that cannot be formatted is not worth a crash
            return
        if record.levelno >= logging.WARNING:
            if "An error happened during the rebuild" in text:
                return
            from macros.engine.mkdocs_log import translate

            for problem in translate(f"{record.levelname} -  {text}", self.docs):
                self.found.append(str(problem))
                if not self.loud:
                    print(problem, flush=True)
            return
        if self.loud:
            return
        text = re.sub(r"^\[[\d:]+\] ", "", text)   # the live reload server's time stamp
        if match := re.match(r"Serving on (\S+)", text):
            print(f"Förhandsvisningen finns på {match[1]} . Den uppdateras när du sparar en fil. "
                  "Avsluta med Ctrl+C.", flush=True)
        elif text.startswith("Detected file changes"):
            print("Du sparade en fil: bygger om …", flush=True)
        elif match := re.match(r"Documentation built in ([\d.]+) seconds", text):
            print(f"Klar på {float(match[1]):.1f} s.", flush=True)
        elif text.startswith("Building documentation") and "building" not in self.said:
            self.said.add("building")
            print("Bygger webbplatsen för förhandsvisning …", flush=True)


def on_startup(command: str, docs: Path) -> None:
    """For `mkdocs serve`: MkDocs' terminal output in Swedish (unless MOTVERKA_VERBOSE), problems collected."""
    if command != "serve":
        return
    logger = logging.getLogger("mkdocs")
    if any(h.name == _HANDLER for h in logger.handlers):
        return
    loud = bool(os.environ.get("MOTVERKA_VERBOSE"))
    if not loud:
        for handler in [h for h in logger.handlers if h.name == "MkDocsStreamHandler"]:
            logger.removeHandler(handler)
    handler = _Swedish(docs, loud)
    handler.name = _HANDLER
    logger.addHandler(handler)


def on_serve(server, site_dir: Path):
    """Every rebuild either builds the site or, when it fails, writes the Swedish error page in its place."""
    build = server.builder
    handler = next((h for h in logging.getLogger("mkdocs").handlers if h.name == _HANDLER), None)
    found = handler.found if handler else []

    def build_or_explain():
        found.clear()
        try:
            build()
        except Exception as error:   # noqa: BLE001  whatever stopped the build: MkDocs' Abort, a traceback
            problems = list(dict.fromkeys(found)) or [_last_words(error)]
            write_error_pages(site_dir, problems)
            print(f"Webbläsaren visar {_count(len(problems))}. Rätta filen och spara, så byggs förhandsvisningen "
                  "om av sig själv.", flush=True)

    server.builder = build_or_explain
    return server


def _count(number: int) -> str:
    return "felet" if number == 1 else f"de {number} felen"


def _last_words(error: Exception) -> str:
    """A problem that was not logged (the build stopped on an exception): its own words, in a Swedish frame."""
    from macros.problems import Problem

    text = str(error).strip() or type(error).__name__
    if text.startswith("Webbplatsen byggdes inte"):   # the kit's own Abort: already Swedish
        return text
    return Problem("build_other", values={"problem": text.splitlines()[-1]}).message()


def error_page(problems: list[str]) -> str:
    """One self-contained page, in Swedish, listing what stopped the build."""
    items = "\n".join(f"<li><code>{html.escape(p.split(': ', 1)[0])}</code>: {html.escape(p.split(': ', 1)[1])}</li>"
                      if re.match(r"^[\w./-]+:\d+", p) and ": " in p else f"<li>{html.escape(p)}</li>"
                      for p in problems)
    heading = "Förhandsvisningen kunde inte byggas"
    return f"""<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title>
<style>body{{font:1.05rem/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}
h1{{color:#a4000f}}li{{margin:.6rem 0}}code{{background:#f3f3f3;padding:.1rem .3rem}}</style>
</head>
<body>
<main>
<h1>{heading}</h1>
<p>{'Ett fel' if len(problems) == 1 else f'{len(problems)} fel'} stoppade bygget. Först står filen och raden, sedan
vad som är fel och hur du rättar det:</p>
<ul>
{items}
</ul>
<p>Rätta filen och spara. Sidan laddas om av sig själv när webbplatsen går att bygga igen.</p>
</main>
</body>
</html>
"""


def write_error_pages(site_dir: Path, problems: list[str]) -> None:
    """The error page in place of every page of the preview (and as its start page, if it had none yet)."""
    page = error_page(problems)
    site_dir.mkdir(parents=True, exist_ok=True)
    for path in [*site_dir.rglob("*.html"), site_dir / "index.html"]:
        path.write_text(page, "utf-8")
