"""Every mistake a communicator can make in data/ gives a Swedish message naming file, line, record and fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.load import DataErrors, load_site_data
from tests.conftest import TODAY
from tests.support.project import ROOT


def errors_for(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as problem:
        load_site_data(data, today=TODAY, display_root=data.parent)
    return [str(error) for error in problem.value.errors]


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, count), "utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def test_the_real_data_loads():
    site = load_site_data(ROOT / "data", today=TODAY)
    assert {line.id for line in site.support_lines} >= {"nodnummer-112", "orostelefonen", "bris"}
    assert site.municipality.name == "Katrineholms kommun"


def test_an_invalid_phone_number_names_file_line_record_and_fix(data_copy):
    path = data_copy / "support_lines.yml"
    replace(path, "phone: 020-100 200", "phone: 020-100")
    line = line_of(path, "phone: 020-100")
    assert errors_for(data_copy) == [
        f'data/support_lines.yml:{line} › support_lines › nr 2 (Orostelefonen om radikalisering) › phone: '
        '"020-100" är inget giltigt telefonnummer. Skriv numret som det står hos källan, med riktnummer, '
        't.ex. 020-100 200 eller 114 14.']


def test_a_yaml_syntax_error_names_the_line(data_copy):
    path = data_copy / "contacts.yml"
    replace(path, "    name: Katrineholms kommun, växeln", "    name: Katrineholms kommun: växeln")
    [error] = errors_for(data_copy)
    assert error.startswith(f"data/contacts.yml:{line_of(path, 'kommun: växeln')}: Filen går inte att läsa: "
                            "ett kolon står där det inte får stå.")


def test_a_tab_used_for_indentation_is_named(data_copy):
    path = data_copy / "focus_areas.yml"
    replace(path, '    title: {sv: "Metodutveckling"', '\ttitle: {sv: "Metodutveckling"')
    [error] = errors_for(data_copy)
    assert "en tabb används som indrag" in error and error.startswith("data/focus_areas.yml:")


def test_invalid_utf8_names_the_line_and_the_byte(data_copy):
    path = data_copy / "contacts.yml"
    raw = path.read_bytes().replace("Socialtjänsten".encode(), "Socialtj\xe4nsten".encode("latin-1"), 1)
    path.write_bytes(raw)
    line = raw[: raw.index(b"Socialtj\xe4nsten")].count(b"\n") + 1
    assert errors_for(data_copy) == [
        f"data/contacts.yml:{line}: Filen innehåller tecken som inte är UTF-8 (byte 0xE4). Spara filen som UTF-8 "
        "och skriv om tecknen på raden för hand, ofta å, ä eller ö som klistrats in från ett annat program."]


def test_an_empty_file_is_named(data_copy):
    (data_copy / "relatives.yml").write_text("# bara en kommentar\n", "utf-8")
    assert errors_for(data_copy) == [
        "data/relatives.yml:1: Filen är tom. Skriv in uppgifterna igen eller hämta den senaste versionen av "
        "filen från GitHub."]


def test_a_missing_file_and_an_unknown_file_are_both_named(data_copy):
    (data_copy / "plan.yml").rename(data_copy / "planen.yml")
    errors = errors_for(data_copy)
    assert "data/plan.yml:1: Filen saknas." in errors[1] or any(e.startswith("data/plan.yml:1: Filen saknas.")
                                                               for e in errors)
    assert any(e.startswith("data/planen.yml:1: Filen används inte av webbplatsen. Datafilerna heter "
                            "municipality.yml, plan.yml") for e in errors)


def test_a_duplicate_key_names_both_lines(data_copy):
    path = data_copy / "contacts.yml"
    replace(path, "    phone: 0150-570 00\n    email:", "    phone: 0150-570 00\n    phone: 0150-570 01\n    email:")
    first = line_of(path, "phone: 0150-570 00")
    [error] = errors_for(data_copy)
    assert error == (f"data/contacts.yml:{first + 1}: Fältet phone står två gånger i samma post (också på rad "
                     f"{first}). Ta bort det ena, så att fältet bara finns en gång.")


def test_a_duplicate_id_names_both_records(data_copy):
    path = data_copy / "support_lines.yml"
    replace(path, "  - id: mind-sjalvmordslinjen", "  - id: bris")
    first = line_of(path, "  - id: bris")
    second = line_of(path, "  - id: bris") + 1 + path.read_text().splitlines()[first:].index("  - id: bris")
    errors = errors_for(data_copy)
    assert f'data/support_lines.yml:{second} › support_lines › nr 9 (Självmordslinjen) › id: id "bris" används ' \
           f'redan (data/support_lines.yml rad {first}).' in errors[1]
    # The id that disappeared is still referred to by relatives.yml: that is reported too.
    assert '"mind-sjalvmordslinjen" pekar inte på någon stödlinje' in errors[0]


def test_an_unknown_key_suggests_the_right_spelling(data_copy):
    replace(data_copy / "support_lines.yml", "    organisation: Fryshuset", "    organisaton: Fryshuset")
    errors = errors_for(data_copy)
    assert any("nr 5 (Exit) › organisaton: Fältet organisaton finns inte här. Kontrollera stavningen (menade du "
               "organisation?). Fält som går att använda här: about, anonymous, audience, category," in e
               for e in errors)


def test_a_missing_required_field_is_named(data_copy):
    replace(data_copy / "support_lines.yml", "    source: https://www.bris.se/\n", "")
    errors = errors_for(data_copy)
    assert any("nr 8 (Bris) › source: Fältet source saknas. Lägg till source: med ett värde." in e for e in errors)


@pytest.mark.parametrize("old, new, expected", [
    ("    free_of_charge: true\n    source: https://www.bris.se/", "    free_of_charge: ja\n    source: https://www.bris.se/",
     "free_of_charge: Värdet ja ska vara true eller false."),
    ("        - {days: [mon, tue, wed, thu, fri], opens: \"09:00\", closes: \"12:00\"}",
     "        - {days: mon, opens: \"09:00\", closes: \"12:00\"}", "days: Värdet ska vara en lista."),
    ("        - {days: [mon, tue, wed, thu, fri], opens: \"09:00\", closes: \"12:00\"}",
     "        - {days: [monday], opens: \"09:00\", closes: \"12:00\"}",
     'days › nr 1: "monday" är inte ett tillåtet värde. Välj ett av: mon, tue, wed, thu, fri, sat, sun.'),
    ("opens: \"09:00\", closes: \"12:00\"", "opens: \"9\", closes: \"12:00\"",
     'opens: "9" är ingen giltig tid.'),
    ("    category: extremism\n    phone: 020-100 200", "    category: radikalisering\n    phone: 020-100 200",
     'category: "radikalisering" är inte ett tillåtet värde. Välj ett av: emergency, extremism, police, wellbeing.'),
])
def test_a_value_of_the_wrong_type_says_what_to_write(data_copy, old, new, expected):
    replace(data_copy / "support_lines.yml", old, new)
    errors = errors_for(data_copy)
    assert any(expected in e for e in errors), errors


def test_a_foreign_number_and_a_bad_email_are_named(data_copy):
    path = data_copy / "contacts.yml"
    replace(path, "email: kontaktcenter@katrineholm.se", "email: kontaktcenter(at)katrineholm.se")
    replace(data_copy / "support_lines.yml", "phone: 020-50 50 50", "phone: +45 20 10 02 00")
    errors = errors_for(data_copy)
    assert any('email: "kontaktcenter(at)katrineholm.se" är ingen giltig e-postadress.' in e for e in errors)
    assert any('(Kvinnofridslinjen) › phone: "+45 20 10 02 00" är inget svenskt telefonnummer.' in e for e in errors)


def test_a_script_url_is_rejected(data_copy):
    replace(data_copy / "support_lines.yml", "    url: https://exit.fryshuset.se/", "    url: javascript:alert(1)")
    errors = errors_for(data_copy)
    assert any('(Exit) › url: "javascript:alert(1)" är ingen webbadress för besökare (den börjar med javascript:).'
               in e for e in errors)


def test_http_needs_a_reason_and_is_accepted_with_one(data_copy):
    path = data_copy / "support_lines.yml"
    replace(path, "    url: https://exit.fryshuset.se/", "    url: http://exit.fryshuset.se/")
    errors = errors_for(data_copy)
    assert any('(Exit): "http://exit.fryshuset.se/" använder http, utan kryptering.' in e for e in errors)
    replace(path, "    url: http://exit.fryshuset.se/",
            "    url: http://exit.fryshuset.se/\n    http_reason: Webbplatsen saknar https.")
    assert load_site_data(data_copy, today=TODAY).support_line("exit-fryshuset").url.startswith("http://")


def test_an_impossible_date_and_a_future_date_are_named(data_copy):
    replace(data_copy / "support_lines.yml", "verified: 2025-08-20", "verified: 2025-02-30")
    replace(data_copy / "plan.yml", "    - date: 2019-12-18", "    - date: 2031-12-18")
    errors = errors_for(data_copy)
    assert any('(Bris) › verified: "2025-02-30" är inget verifieringsdatum. Skriv det datum som källan visade' in e
               for e in errors)
    assert any("plan › decisions › nr 2 › date: Datumet 2031-12-18 har inte hänt än." in e for e in errors)


def test_an_unknown_reference_lists_the_ids_that_exist(data_copy):
    replace(data_copy / "relatives.yml", "lines: [orostelefonen]", "lines: [orostelefon]")
    [error] = errors_for(data_copy)
    assert 'relatives › steps › nr 2 (Prata med någon om din oro) › lines › nr 1: "orostelefon" pekar inte på ' \
           'någon stödlinje. Kontrollera stavningen. Befintliga id: bris, cve-stodtelefon' in error


def test_a_public_page_element_may_not_point_to_a_staff_record(data_copy):
    replace(data_copy / "municipality.yml", "  switchboard: kommunens-vaxel", "  switchboard: sakerhetschefen-konsultation")
    [error] = errors_for(data_copy)
    assert error.endswith('"sakerhetschefen-konsultation" är intern (audience: staff) men används i publik text. '
                          'Hänvisa till en publik post här, eller markera också den här posten med audience: staff.')


def test_every_error_in_every_file_is_reported_at_once(data_copy):
    replace(data_copy / "support_lines.yml", "phone: 020-100 200", "phone: 020-100")
    replace(data_copy / "contacts.yml", "email: kontaktcenter@katrineholm.se", "email: nej")
    replace(data_copy / "plan.yml", "interval_months: 12", "interval_months: tolv")
    (data_copy / "relatives.yml").write_text("relatives: [\n", "utf-8")
    files = {error.split(":")[0] for error in errors_for(data_copy)}
    assert files == {"data/support_lines.yml", "data/contacts.yml", "data/plan.yml", "data/relatives.yml"}


def test_the_check_command_prints_no_traceback_and_fails(data_copy):
    replace(data_copy / "support_lines.yml", "phone: 020-100 200", "phone: 020-100")
    result = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_copy), "check"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "är inget giltigt telefonnummer" in result.stdout and "1 fel." in result.stdout


def test_in_github_actions_each_error_is_also_an_annotation(data_copy):
    replace(data_copy / "support_lines.yml", "phone: 020-100 200", "phone: 020-100")
    result = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_copy), "check"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": "true"})
    line = line_of(data_copy / "support_lines.yml", "phone: 020-100")
    assert f"::error file={data_copy / 'support_lines.yml'},line={line}," in result.stdout or \
        f"::error file=data/support_lines.yml,line={line}," in result.stdout
    assert "::är inget" not in result.stdout and '::"020-100" är inget giltigt telefonnummer.' in result.stdout


def test_a_comma_inside_braces_gets_its_own_explanation(data_copy):
    path = data_copy / "plan.yml"
    replace(path, 'frequency: {sv: "En gång per år, oftare vid behov."', "frequency: {sv: En gång per år, oftare vid behov.")
    [error] = errors_for(data_copy)
    assert f"data/plan.yml:{line_of(path, 'frequency:')} › plan › follow_up › frequency: Texten \"oftare vid behov.\" " \
           "bröts av vid ett kommatecken. Inom { } avslutar ett kommatecken texten. Sätt citattecken runt texten" in error


def test_a_staff_guidance_file_must_say_it_is_internal(data_copy):
    replace(data_copy / "staff_guidance.yml", "  audience: staff\n", "  audience: public\n")
    [error] = errors_for(data_copy)
    assert 'staff_guidance › audience: "public" är inte ett tillåtet värde. Välj ett av: staff.' in error
