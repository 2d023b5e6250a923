"""One problem type: the kit's checks inside MkDocs hand their problems to the command line as data (a problems
file), MkDocs' own words are recognised in one module, and Swedish is made in one place. No build here."""

from __future__ import annotations

import ast
import logging
from pathlib import Path
from types import SimpleNamespace

from macros.cli import build
from macros.engine.mkdocs_log import translate
from macros.problems import PROBLEMS_FILE, Problem, read_problems, report, write_problems

ROOT = Path(__file__).resolve().parents[1]
MISSING = Problem("page_meta_missing", "docs/om-webbplatsen.md", 1,
                  {"field": "last_reviewed_on", "example": "last_reviewed_on: 2026-11-22"})


def test_a_problem_reported_inside_mkdocs_is_written_to_the_problems_file_and_logged(tmp_path, monkeypatch, caplog):
    problems_file = tmp_path / "problems.jsonl"
    monkeypatch.setenv(PROBLEMS_FILE, str(problems_file))
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.motverka"):
        report(MISSING)
        report(Problem("pdf_problem", values={"problem": "No anchor #x"}), logging.WARNING)
    assert read_problems(problems_file) == [MISSING, Problem("pdf_problem", values={"problem": "No anchor #x"})]
    # Logged as well, in Swedish: the strict build fails on it and `make serve` shows it.
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.ERROR, "docs/om-webbplatsen.md:1: Sidan saknar last_reviewed_on i sidhuvudet. Lägg till "
                        "last_reviewed_on: i sidhuvudet (mellan raderna med --- överst), t.ex. last_reviewed_on: "
                        "2026-11-22."),
        (logging.WARNING, "PDF:en: No anchor #x. Be en utvecklare om hjälp. Meddelandet kommer från WeasyPrint, "
                          "som gör PDF:en.")]


def test_the_problems_file_keeps_every_field_and_reads_either_form(tmp_path):
    problem = Problem("invalid_phone", "data/contacts.yml", 14, {"value": "020-100"}, ("contacts", 1, "phone"),
                      (1, "Växeln"))
    write_problems(tmp_path / "list.json", [problem, MISSING])
    assert read_problems(tmp_path / "list.json") == [problem, MISSING]
    assert read_problems(tmp_path / "none.json") == []


def test_the_command_line_takes_the_kits_problems_from_the_file_not_from_the_log():
    """A failed site's problems: the kit's own from the problems file, even when the log does not have them in
    those words; a line in the log that merely looks like the kit's is quoted, never parsed back."""
    failed = build.SiteBuild("mkdocs.yml", Path("site"), Path("site.new"),
                             process=SimpleNamespace(returncode=1), problems=[MISSING],
                             output=("ERROR   -  something else entirely\n"
                                     "ERROR   -  docs/index.md:4: Något som bara ser ut som kitets ord.\n"))
    found = build._build_problems(failed)
    assert found[-1] == MISSING
    assert [p.code for p in found] == ["build_other", "build_other", "page_meta_missing"]
    assert "docs/index.md:4: Något som bara ser ut som kitets ord" in found[1].message()
    assert not failed.ok


def test_a_build_that_exits_well_but_recorded_a_problem_is_not_published():
    done = build.SiteBuild("mkdocs.yml", Path("site"), Path("site.new"), process=SimpleNamespace(returncode=0))
    assert done.ok
    done.problems = [MISSING]
    assert not done.ok


def test_mkdocs_own_words_become_problems_with_catalogue_codes():
    output = ("WARNING -  Doc file 'index.md' contains a link 'saknas.md', but the target is not found among "
              "documentation files.\n"
              "WARNING -  A reference to 'borta.md' is included in the 'nav' configuration, which is not found in "
              "the documentation files.\n")
    found = translate(output, ROOT / "docs")
    assert [(p.code, p.file) for p in found] == [("link_broken", "docs/index.md"), ("nav_missing_page", "mkdocs.yml")]
    assert found[0].values == {"target": "saknas.md"}


# --- Swedish in one place ----------------------------------------------------------------------------------

# The catalogue and the Problem that reads it; nothing else in macros/ turns a code into Swedish text.
TRANSLATORS = {"macros/problems.py", "macros/text/messages.py"}


def swedish_made_outside_the_catalogue(root: Path) -> list[str]:
    """Calls that make a problem's Swedish text, or log one, outside the catalogue: `say(…)`,
    `CATALOGUE[…].format(…)`, and `log.error/warning/critical(…)` (the kit's problems go through report())."""
    found = []
    for path in sorted((root / "macros").rglob("*.py")):
        shown = path.relative_to(root).as_posix()
        if shown in TRANSLATORS:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
            says = name == "say" or (name == "format" and "CATALOGUE" in ast.unparse(function))
            logs = (isinstance(function, ast.Attribute) and name in ("error", "warning", "critical", "exception")
                    and ast.unparse(function.value).split(".")[-1] in ("log", "logger", "logging"))
            if says or logs:
                found.append(f"{shown}:{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_only_the_catalogue_turns_a_problem_into_swedish():
    assert swedish_made_outside_the_catalogue(ROOT) == []


def test_the_one_place_check_finds_a_message_made_elsewhere(tmp_path):
    module = tmp_path / "macros" / "guards" / "extra.py"
    module.parent.mkdir(parents=True)
    module.write_text("from macros.text.messages import say\nimport logging\nlog = logging.getLogger('x')\n\n"
                      "def check(page):\n    log.error(f'{page}:1: ' + say('page_meta_unclosed'))\n", "utf-8")
    assert swedish_made_outside_the_catalogue(tmp_path) == [
        "macros/guards/extra.py:6: log.error(f'{page}:1: ' + say('page_meta_unclosed'))",
        "macros/guards/extra.py:6: say('page_meta_unclosed')"]
