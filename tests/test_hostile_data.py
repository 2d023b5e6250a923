"""Hostile or careless input in data/ is refused with a Swedish message naming file, line and field (issue 15).

Every test runs over each dataset (Katrineholm, Umeå, the minimal Minby): a copy of its data folder is
changed as a careless or hostile editor would, and loading it must fail with the message, never a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.contract.load import DataErrors, load_site_data
from tests.conftest import TODAY, data_dir
from tests.support.edit_data import set_field
from tests.support.project import ROOT


@pytest.fixture
def data(dataset, tmp_path) -> Path:
    """A writable copy of the dataset's data folder, at tmp/data."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(dataset), target)
    return target


def errors_for(folder: Path) -> list[str]:
    with pytest.raises(DataErrors) as problem:
        load_site_data(folder, today=TODAY, display_root=folder.parent)
    return [str(error) for error in problem.value.errors]


# --- Links that run script, and http ---------------------------------------------------------------------

SCRIPT_ADDRESSES = {
    "plain": '"javascript:alert(1)"',
    "mixed case": '"JaVaScRiPt:alert(1)"',
    "leading space and tab": '"  \\tjavascript:alert(1)"',
    "tab inside": '"java\\tscript:alert(1)"',
    "line break inside": '"java\\nscript:alert(1)"',
    "data": '"data:text/html,<script>alert(1)</script>"',
    "vbscript": '"vbscript:msgbox(1)"',
    "entity": '"&#106;avascript:alert(1)"',
    "url-encoded": '"java%73cript:alert(1)"',
}


@pytest.mark.parametrize("spelling", list(SCRIPT_ADDRESSES))
def test_a_script_address_in_a_url_field_is_refused_however_it_is_written(data, spelling):
    line = set_field(data / "municipality.yml", "website", SCRIPT_ADDRESSES[spelling])
    errors = errors_for(data)
    assert any(e.startswith(f"data/municipality.yml:{line} › municipality › website: ") for e in errors), errors


def test_http_is_refused_in_every_url_field(data):
    line = set_field(data / "municipality.yml", "website", "http://www.exempel.se/")
    errors = errors_for(data)
    assert f'data/municipality.yml:{line} › municipality › website: "http://www.exempel.se/" använder http, ' \
           "utan kryptering. Skriv adressen med https://." in "\n".join(errors), errors


MARKDOWN_LINKS = {
    "line break inside the address": "[Läs mer](javas\\ncript:alert(1))",
    "reference link over two lines": "[Läs mer][a]\\n\\n[a]:\\n  VBScript:msgbox(1)",
    "data link": "[Läs mer](DATA:text/html,x)",
}


@pytest.mark.parametrize("route", list(MARKDOWN_LINKS))
def test_a_script_link_in_markdown_text_is_refused(data, route):
    line = set_field(data / "focus_areas.yml", "body", f'"Text. {MARKDOWN_LINKS[route]}"')
    errors = errors_for(data)
    assert any(e.startswith(f"data/focus_areas.yml:{line} › focus_areas › nr 1") and "går inte att använda" in e
               for e in errors), errors


def test_an_http_link_in_markdown_text_is_refused(data):
    line = set_field(data / "focus_areas.yml", "body", '"Läs [mer](http://www.exempel.se/)."')
    errors = errors_for(data)
    assert any(e.startswith(f"data/focus_areas.yml:{line} ›") and "använder http, utan kryptering" in e
               for e in errors), errors


# --- Numbers that cost the caller ------------------------------------------------------------------------

@pytest.mark.parametrize("number,words", [
    ("0900-123 45 67", "är ett betalnummer"),
    ("0939-12 34 56", "är ett betalnummer"),
    ("0944-12 34 56", "är ett betalnummer"),
    ("+46 900 123 45 67", "är ett betalnummer"),
    ("118 118", "är ett betalnummer"),
    ("0771-123 456", "är ett 077-nummer (delad kostnad)"),
])
def test_a_premium_rate_or_shared_cost_number_is_refused_with_the_reason(data, number, words):
    line = set_field(data / "contacts.yml", "phone", f'"{number}"')
    errors = errors_for(data)
    assert any(e.startswith(f"data/contacts.yml:{line} › contacts › nr 1") and f'› phone: "{number}" {words}' in e
               for e in errors), errors


# --- Control characters ----------------------------------------------------------------------------------

@pytest.mark.parametrize("written,char", [
    ('"Växeln\\u202Eabc"', "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ('"Växeln\\u200B"', "U+200B (ZERO WIDTH SPACE)"),
    ('"Växeln\\a"', "U+0007"),
    ('"Växeln\\x9B"', "U+009B"),
    ("Växeln \u2067abc", "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
])
def test_a_control_character_names_file_line_and_field(data, written, char):
    line = set_field(data / "contacts.yml", "role", written)
    errors = errors_for(data)
    assert any(e.startswith(f"data/contacts.yml:{line}: Fältet role innehåller tecknet {char}") for e in errors), \
        errors


def test_a_raw_control_character_in_the_file_names_its_line(data):
    path = data / "contacts.yml"
    line = set_field(path, "role", "Växeln\x07")
    errors = errors_for(data)
    assert any(e.startswith(f"data/contacts.yml:{line}: Raden innehåller tecknet U+0007") for e in errors), errors


# --- YAML that would exhaust memory or time --------------------------------------------------------------

def _laughs(levels: int, width: int) -> str:
    names = [f"l{n}" for n in range(levels + 1)]
    text = f"x: &{names[0]} [{', '.join(['lol'] * width)}]\n"
    for previous, name in zip(names, names[1:]):
        text += f"{name}: &{name} [{', '.join(['*' + previous] * width)}]\n"
    return text


BOMBS = {
    "billion laughs": (_laughs(9, 9), "fler än 50 hänvisningar med *"),
    "laughs under the alias limit": (_laughs(7, 6), "när hänvisningarna med * fylls i"),
    "recursive alias": ("contacts: &a\n  - *a\n", "pekar på den post som den själv står i"),
    "deep nesting": ("contacts: " + "[" * 20000 + "]" * 20000 + "\n", "fler än 30 nivåer inuti varandra"),
    "very large file": ("contacts:\n" + "# fyllnad\n" * 100_010, "En datafil får vara högst 1 MB"),  # > 1 MB
}


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_yaml_that_would_exhaust_memory_or_time_is_refused_quickly(data, bomb):
    text, words = BOMBS[bomb]
    (data / "contacts.yml").write_text(text, "utf-8")
    start = time.monotonic()
    errors = errors_for(data)
    assert time.monotonic() - start < 3
    assert any(e.startswith("data/contacts.yml:") and words in e for e in errors), errors


def test_a_yaml_bomb_stops_make_check_with_a_swedish_message_and_no_traceback(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    (target / "contacts.yml").write_text(_laughs(9, 9), "utf-8")
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "macros", "--data", str(target), "check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=30)
    assert time.monotonic() - start < 10
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "contacts.yml:" in result.stdout and "hänvisningar med *" in result.stdout, result.stdout
