"""Every mistake a communicator can make in data/ gives a Swedish message naming file, line, record and fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.contract.load import DataErrors, load_site_data
from tests.conftest import TODAY, registry_of
from tests.support.project import ROOT


def errors_for(data: Path) -> list[str]:
    registry = registry_of(data)
    with pytest.raises(DataErrors) as problem:
        load_site_data(data, today=TODAY, display_root=data.parent, registry=registry if registry.exists() else None)
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
    path = registry_of(data_copy)
    replace(path, "phone: 020-100 200", "phone: 020-100")
    line = line_of(path, "phone: 020-100")
    assert errors_for(data_copy) == [
        f'national/support_lines.yml:{line} › support_lines › nr 2 (Orostelefonen om radikalisering) › phone: '
        '"020-100" är inget giltigt telefonnummer. Skriv numret som det står hos källan, med riktnummer, '
        't.ex. 020-100 200 eller 114 14.']


def test_a_yaml_syntax_error_names_the_line(data_copy):
    path = data_copy / "contacts.yml"
    replace(path, "    email: kontaktcenter@katrineholm.se", "    email: kontaktcenter: katrineholm.se")
    [error] = errors_for(data_copy)
    assert error.startswith(f"data/contacts.yml:{line_of(path, 'kontaktcenter: katrineholm')}: Filen går inte att läsa: "
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
        "och skriv om tecknen på raden för hand, ofta å, ä eller ö som klistrats in från ett annat program. "
        "Med andra ord: filen är sparad med fel teckenkodning. I VS Code: klicka på kodningen längst ner till "
        "höger, välj \"Spara med kodning\" och sedan UTF-8. I GitHubs redigerare: radera tecknen på raden och "
        "skriv eller klistra in texten igen."]


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
    path = registry_of(data_copy)
    replace(path, "  - id: mind-sjalvmordslinjen", "  - id: bris")
    first = line_of(path, "  - id: bris")
    second = line_of(path, "  - id: bris") + 1 + path.read_text().splitlines()[first:].index("  - id: bris")
    errors = errors_for(data_copy)
    assert f'national/support_lines.yml:{second} › support_lines › nr 9 (Självmordslinjen) › id: id "bris" används ' \
           f'redan (national/support_lines.yml rad {first}).' in "\n".join(errors)
    # The id that disappeared is still referred to by relatives.yml: that is reported too.
    assert '"mind-sjalvmordslinjen" pekar inte på någon stödlinje' in errors[0]


def test_an_unknown_key_suggests_the_right_spelling(data_copy):
    replace(registry_of(data_copy), "    organisation: Fryshuset", "    organisaton: Fryshuset")
    errors = errors_for(data_copy)
    assert any("nr 5 (Exit) › organisaton: Fältet organisaton finns inte här. Kontrollera stavningen (menade du "
               "organisation?). Fält som går att använda här: about, anonymous, audience, category," in e
               for e in errors)


def test_a_missing_required_field_is_named(data_copy):
    replace(registry_of(data_copy), "    source: https://www.bris.se/\n", "")
    errors = errors_for(data_copy)
    assert any("nr 8 (Bris) › source: Fältet source saknas. Lägg till source: med ett värde." in e for e in errors)


@pytest.mark.parametrize("old, new, expected", [
    ("    free_of_charge: true\n    source: https://www.bris.se/", "    free_of_charge: yes\n    source: https://www.bris.se/",
     "free_of_charge: Värdet yes ska vara true eller false. Skriv true eller false (ja och nej går också bra). "
     "Vet du inte, till exempel om anonymous när källan inte säger något: ta bort raden."),
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
    replace(registry_of(data_copy), old, new)
    errors = errors_for(data_copy)
    assert any(expected in e for e in errors), errors


def test_a_foreign_number_and_a_bad_email_are_named(data_copy):
    path = data_copy / "contacts.yml"
    replace(path, "email: kontaktcenter@katrineholm.se", "email: kontaktcenter(at)katrineholm.se")
    replace(registry_of(data_copy), "phone: 020-50 50 50", "phone: +45 20 10 02 00")
    errors = errors_for(data_copy)
    assert any('email: "kontaktcenter(at)katrineholm.se" är ingen giltig e-postadress.' in e for e in errors)
    assert any('(Kvinnofridslinjen) › phone: "+45 20 10 02 00" är inget svenskt telefonnummer.' in e for e in errors)


def test_a_script_url_is_rejected(data_copy):
    replace(registry_of(data_copy), "    url: https://exit.fryshuset.se/", "    url: javascript:alert(1)")
    errors = errors_for(data_copy)
    assert any('(Exit) › url: "javascript:alert(1)" är ingen webbadress för besökare (den börjar med javascript:).'
               in e for e in errors)


def test_http_is_refused_even_with_a_reason(data_copy):
    path = registry_of(data_copy)
    replace(path, "    url: https://exit.fryshuset.se/",
            "    url: http://exit.fryshuset.se/\n    http_reason: Webbplatsen saknar https.")
    errors = errors_for(data_copy)
    assert any(e.startswith(f"national/support_lines.yml:{line_of(path, 'url: http://exit')} › support_lines › nr 5 "
                            '(Exit) › url: "http://exit.fryshuset.se/" använder http, utan kryptering.')
               for e in errors), errors
    # The old escape hatch is gone: every address in every data file is https.
    assert any("http_reason: Fältet http_reason finns inte här." in e for e in errors), errors


def test_an_impossible_date_and_a_future_date_are_named(data_copy):
    replace(registry_of(data_copy), "verified: 2026-12-02", "verified: 2025-02-30")
    replace(data_copy / "plan.yml", "    - date: 2019-12-18", "    - date: 2031-12-18")
    errors = errors_for(data_copy)
    assert any("(CVE:s stödtelefon för yrkesverksamma) › verified: Datumet 2025-02-30 finns inte i kalendern. Kontrollera månaden och dagen" in e
               for e in errors), errors
    assert any("plan › decisions › nr 2 › date: Datumet 2031-12-18 ligger i framtiden." in e for e in errors)


def test_an_unknown_reference_lists_the_ids_that_exist(data_copy):
    replace(data_copy / "relatives.yml", "lines: [orostelefonen]", "lines: [orostelefon]")
    [error] = errors_for(data_copy)
    assert 'relatives › steps › nr 2 (Prata med någon om din oro) › lines › nr 1: "orostelefon" pekar inte på ' \
           'någon stödlinje. Kontrollera stavningen. Befintliga id: bris, cve-stodtelefon' in error


def test_a_public_page_element_may_not_point_to_a_staff_record(data_copy):
    replace(data_copy / "municipality.yml", "  switchboard: kommunens-vaxel", "  switchboard: sakerhetschefen-konsultation")
    [error] = errors_for(data_copy)
    # The switchboard is shown to everyone: marking it staff is no way out, so the advice is to pick another.
    assert error.endswith('switchboard: "sakerhetschefen-konsultation" är intern (audience: staff), men switchboard '
                          'visas alltid för alla. Välj en kontakt i contacts.yml som inte har audience: staff, för '
                          'kommunens växel.')


def test_a_public_step_pointing_to_a_staff_contact_may_be_marked_staff_instead(data_copy):
    replace(data_copy / "relatives.yml", "contacts: [socialtjansten, kommunens-vaxel]",
            "contacts: [sakerhetschefen-konsultation, kommunens-vaxel]")
    [error] = errors_for(data_copy)
    assert error.endswith('"sakerhetschefen-konsultation" är intern (audience: staff) men används i publik text. '
                          'Hänvisa till en publik post här, eller markera också den här posten med audience: staff.')


def test_every_error_in_every_file_is_reported_at_once(data_copy):
    replace(registry_of(data_copy), "phone: 020-100 200", "phone: 020-100")
    replace(data_copy / "contacts.yml", "email: kontaktcenter@katrineholm.se", "email: nej")
    replace(data_copy / "plan.yml", "interval_months: 12", "interval_months: tolv")
    (data_copy / "relatives.yml").write_text("relatives: [\n", "utf-8")
    files = {error.split(":")[0] for error in errors_for(data_copy)}
    assert files == {"national/support_lines.yml", "data/contacts.yml", "data/plan.yml", "data/relatives.yml"}


def test_the_check_command_prints_no_traceback_and_fails(data_copy):
    replace(data_copy / "contacts.yml", "phone: 0150-570 00", "phone: 0150-570")
    result = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_copy), "check"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "är inget giltigt telefonnummer" in result.stdout and "1 fel." in result.stdout


def test_in_github_actions_each_error_is_also_an_annotation(data_copy):
    replace(data_copy / "contacts.yml", "phone: 0150-570 00", "phone: 0150-570")
    result = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_copy), "check"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": "true"})
    line = line_of(data_copy / "contacts.yml", "phone: 0150-570")
    assert f"::error file={data_copy / 'contacts.yml'},line={line}," in result.stdout
    assert "::är inget" not in result.stdout and '::"0150-570" är inget giltigt telefonnummer.' in result.stdout


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


# --- Times, phone numbers, dates and numbers --------------------------------------------------------------

def test_an_unquoted_hour_is_rejected_rather_than_read_as_seconds(data_copy):
    path = registry_of(data_copy)
    replace(path, 'opens: "09:00", closes: "15:00"', "opens: 9, closes: 17")
    line = line_of(path, "opens: 9, closes: 17")
    errors = errors_for(data_copy)
    assert f'national/support_lines.yml:{line} › support_lines › nr 6 (CVE:s stödtelefon för yrkesverksamma) › hours › ' \
           'periods › nr 1 › opens: "9" är ingen giltig tid. Skriv tiden som TT:MM inom citattecken, med två ' \
           'siffror för timmen, t.ex. "09:00" eller "17:30".' in errors
    assert any('› closes: "17" är ingen giltig tid.' in e for e in errors)


def test_a_letter_o_in_a_phone_number_is_named_rather_than_dialled_as_six(data_copy):
    path = registry_of(data_copy)
    replace(path, "phone: 020-100 200", "phone: 020-1OO 200")
    assert errors_for(data_copy) == [
        f"national/support_lines.yml:{line_of(path, '020-1OO')} › support_lines › nr 2 (Orostelefonen om radikalisering) "
        '› phone: "020-1OO 200" innehåller bokstaven O. Ett telefonnummer har bara siffror, mellanslag, bindestreck '
        "och + först. Kontrollera särskilt att det står siffran 0 (noll) och inte bokstaven O."]


def test_a_phone_number_written_with_tel_is_rejected(data_copy):
    replace(registry_of(data_copy), "phone: 020-100 200", "phone: tel:020100200")
    [error] = errors_for(data_copy)
    assert error.endswith('phone: "tel:020100200" börjar med tel:. Skriv bara numret, t.ex. 020100200. Länken som '
                          "ringer upp skapas automatiskt.")


def test_a_date_that_is_not_in_the_calendar_says_so(data_copy):
    path = data_copy / "plan.yml"
    replace(path, "  valid_until: 2020-06-30", "  valid_until: 2023-02-30")
    assert errors_for(data_copy) == [
        f"data/plan.yml:{line_of(path, 'valid_until: 2023')} › plan › valid_until: Datumet 2023-02-30 finns inte i "
        "kalendern. Kontrollera månaden och dagen: ÅÅÅÅ-MM-DD, med månad 01–12 och en dag som finns i månaden "
        "(februari har 28 dagar, 29 vid skottår)."]


@pytest.mark.parametrize("file, old, new, expected", [
    ("plan.yml", "interval_months: 12", "interval_months: 0",
     "plan › follow_up › interval_months: Talet 0 går inte att använda här. Skriv ett heltal från 1 till 120."),
    ("accessibility.yml", "feedback_days: 10", "feedback_days: 0",
     "accessibility › feedback_days: Talet 0 går inte att använda här. Skriv ett heltal från 1 till 60."),
])
def test_a_number_out_of_range_says_the_allowed_range(data_copy, file, old, new, expected):
    replace(data_copy / file, old, new)
    [error] = errors_for(data_copy)
    assert error.endswith(expected), error


@pytest.mark.parametrize("old, new, expected", [
    ("    category: extremism\n    phone: 020-100 200", "    category: [extremism]\n    phone: 020-100 200",
     "› category: Här ska det stå ett enda värde, men det står en lista med flera värden. Skriv ett värde direkt "
     "efter kolonet, utan [ ] och utan rader som börjar med bindestreck."),
    ('    name: {sv: "Orostelefonen om radikalisering", en: "The worry line about radicalisation"}',
     "    name: [Orostelefonen]", "› name: Här ska det stå ett enda värde, men det står en lista med flera värden."),
    ("    phone: 020-100 200", "    phone: {nummer: 020-100 200}",
     "› phone: Här ska det stå ett enda värde, men det står en grupp av fält."),
])
def test_a_list_where_one_value_belongs_is_described_in_words_not_python(data_copy, old, new, expected):
    replace(registry_of(data_copy), old, new)
    errors = errors_for(data_copy)
    assert any(expected in e for e in errors), errors
    assert not any("['" in e or "{'" in e for e in errors), errors


# --- Booleans and field names -----------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "1"])
def test_yes_no_on_off_are_not_booleans(data_copy, written):
    replace(registry_of(data_copy), "    anonymous: true\n    source: https://www.jourhavande",
            f"    anonymous: {written}\n    source: https://www.jourhavande")
    [error] = errors_for(data_copy)
    assert f"(Jourhavande medmänniska) › anonymous: Värdet {written} ska vara true eller false." in error


def test_ja_and_nej_are_accepted_as_true_and_false_in_any_case(data_copy):
    path = registry_of(data_copy)
    replace(path, "    anonymous: true\n    source: https://www.jourhavande",
            "    anonymous: Ja\n    source: https://www.jourhavande")
    replace(path, "      closed_on_public_holidays: true", "      closed_on_public_holidays: nej")
    site = load_site_data(data_copy, today=TODAY, registry=registry_of(data_copy))
    assert site.support_line("jourhavande-medmanniska").anonymous is True
    assert site.support_line("cve-stodtelefon").hours.closed_on_public_holidays is False


@pytest.mark.parametrize("swedish, english, old", [
    ("telefon", "phone", "    phone: 020-100 200"),
    ("namn", "name", '    name: {sv: "Orostelefonen om radikalisering", en: "The worry line about radicalisation"}'),
    ("epost", "email", "    email: orostelefonen@rb.se"),
    ("webbplats", "url", "    url: https://www.raddabarnen.se/"),
    ("öppettider", "hours", "    hours:\n      periods:\n        - {days: [mon, tue, wed, thu, fri], opens: \"09:00\", "
                            "closes: \"12:00\"}"),
    ("källa", "source", "    source: https://www.raddabarnen.se/"),
    ("kontrollerad", "verified", "    verified: 2022-11-09"),
])
def test_a_swedish_field_name_suggests_the_english_one(data_copy, swedish, english, old):
    replace(registry_of(data_copy), old, old.replace(old.strip().split(":")[0], swedish, 1))
    errors = errors_for(data_copy)
    assert any(f"› {swedish}: Fältet {swedish} finns inte här. Kontrollera stavningen (menade du {english}?)." in e
               for e in errors), errors


# --- Keys with no value -----------------------------------------------------------------------------------

@pytest.mark.parametrize("old, key, label", [
    ("    phone: 020-100 200", "phone", "Orostelefonen om radikalisering"),
    ("    email: orostelefonen@rb.se", "email", "Orostelefonen om radikalisering"),
    ('    name: {sv: "Orostelefonen om radikalisering", en: "The worry line about radicalisation"}', "name",
     "orostelefonen"),
    ("    verified: 2022-11-09", "verified", "Orostelefonen om radikalisering"),
])
def test_a_key_with_no_value_is_reported_on_its_line(data_copy, old, key, label):
    path = registry_of(data_copy)
    replace(path, old, f"    {key}:")
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if text == f"    {key}:")
    # Only this error: not also "name saknas" or "None ska vara text".
    assert errors_for(data_copy) == [
        f"national/support_lines.yml:{line} › support_lines › nr 2 ({label}) › {key}: Fältet "
        f"{key} har inget värde. Skriv värdet efter kolonet, eller ta bort raden om uppgiften inte finns."]


def test_hours_with_no_value_is_reported(data_copy):
    path = registry_of(data_copy)
    replace(path, '    hours:\n      periods:\n        - {days: [mon, tue, wed, thu, fri], opens: "09:00", '
                  'closes: "12:00"}\n', "    hours:\n")
    [error] = errors_for(data_copy)
    line = path.read_text("utf-8").splitlines().index("    hours:") + 1
    assert error.startswith(f"national/support_lines.yml:{line} › support_lines › nr 2 "
                            "(Orostelefonen om radikalisering) › hours: Fältet hours har inget värde.")


# --- All errors in one run --------------------------------------------------------------------------------

def test_references_are_checked_even_when_another_file_is_broken(data_copy):
    replace(data_copy / "plan.yml", "interval_months: 12", "interval_months: tolv")
    path = data_copy / "municipality.yml"
    replace(path, "  switchboard: kommunens-vaxel", "  switchboard: nope")
    errors = errors_for(data_copy)
    assert any(e.startswith("data/plan.yml:") for e in errors)
    assert any(e.startswith(f'data/municipality.yml:{line_of(path, "switchboard: nope")} › municipality › '
                            'switchboard: "nope" pekar inte på någon kontakt.') for e in errors), errors


def test_a_reference_into_a_file_with_errors_of_its_own_is_still_checked(data_copy):
    replace(registry_of(data_copy), "phone: 020-100 200", "phone: 020-100")
    path = data_copy / "relatives.yml"
    replace(path, "lines: [polisen-tips]", "lines: [polisen-tipz]")
    errors = errors_for(data_copy)
    assert any(e.startswith(f"data/relatives.yml:{line_of(path, 'polisen-tipz')} › relatives › steps › nr 4 ")
               and '"polisen-tipz" pekar inte på någon stödlinje.' in e for e in errors), errors


def test_an_empty_item_in_a_list_is_reported_without_python_words(data_copy):
    path = data_copy / "plan.yml"
    replace(path, '      - {sv: "att planen följs", en: "that the plan is followed"}', "      -")
    assert errors_for(data_copy) == [
        f"data/plan.yml:{line_of(path, '      -')} › plan › owner › duties › nr 1: En punkt i listan har inget "
        "värde. Skriv värdet efter bindestrecket, eller ta bort raden."]


def test_references_to_a_broken_file_are_not_reported_as_unknown(data_copy):
    replace(data_copy / "contacts.yml", "email: kontaktcenter@katrineholm.se", "email: nej")
    errors = errors_for(data_copy)
    assert len(errors) == 1 and "email" in errors[0] and "pekar inte på" not in errors[0]


# --- YAML syntax errors point at the cause ----------------------------------------------------------------

def _syntax_error(data: Path, file: str, old: str, new: str) -> str:
    replace(registry_of(data) if file == "support_lines.yml" else data / file, old, new)
    [error] = errors_for(data)
    return error


def test_a_missing_colon_is_reported_on_its_own_line(data_copy):
    error = _syntax_error(data_copy, "support_lines.yml", "    email: orostelefonen@rb.se",
                          "    email orostelefonen@rb.se")
    line = line_of(registry_of(data_copy), "email orostelefonen")
    assert error.startswith(f"national/support_lines.yml:{line}: Filen går inte att läsa: ett kolon saknas efter "
                            "fältnamnet."), error


def test_an_unclosed_quote_is_reported_where_it_opens(data_copy):
    path = registry_of(data_copy)
    error = _syntax_error(data_copy, "support_lines.yml", "    category: extremism\n    phone: 020-100 200",
                          '    category: "extremism\n    phone: 020-100 200')
    line = line_of(path, 'category: "extremism')
    assert error.startswith(f"national/support_lines.yml:{line}: Filen går inte att läsa: ett citattecken stängs "
                            "aldrig."), error


def test_an_unclosed_quote_at_the_end_of_the_file_is_reported_where_it_opens(data_copy):
    path = registry_of(data_copy)
    path.write_text(path.read_text("utf-8") + '    check_note: "Kontrollera\n', "utf-8")
    [error] = errors_for(data_copy)
    line = line_of(path, 'check_note: "Kontrollera')
    assert error.startswith(f"national/support_lines.yml:{line}: Filen går inte att läsa: ett citattecken stängs "
                            "aldrig."), error


def test_an_unclosed_bracket_is_reported_where_it_opens(data_copy):
    path = registry_of(data_copy)
    error = _syntax_error(data_copy, "support_lines.yml", "    category: extremism\n    phone: 020-100 200",
                          "    category: [extremism\n    phone: 020-100 200")
    assert error.startswith(f"national/support_lines.yml:{line_of(path, 'category: [extremism')}: Filen går inte att "
                            "läsa: en [ eller { stängs aldrig."), error


def test_one_space_too_many_at_the_start_of_a_line_is_named(data_copy):
    path = registry_of(data_copy)
    error = _syntax_error(data_copy, "support_lines.yml", "    phone: 020-100 200", "     phone: 020-100 200")
    assert error.startswith(f"national/support_lines.yml:{line_of(path, 'phone: 020-100 200')}: Filen går inte att "
                            "läsa: raden har fler mellanslag i början än raden ovanför."), error


# --- Comments that cut text -------------------------------------------------------------------------------

def test_a_hash_after_unquoted_text_asks_for_quotes(data_copy):
    path = data_copy / "contacts.yml"
    replace(path, '    name: {sv: "Socialtjänsten", en: "Social services"}', "    name: Socialtjänsten #1")
    assert errors_for(data_copy) == [
        f"data/contacts.yml:{line_of(path, 'Socialtjänsten #1')} › contacts › nr 2 (Socialtjänsten) › name: "
        "Texten slutar vid #: "
        'bara "Socialtjänsten" kommer med. Det som står efter mellanslag och # räknas som en kommentar och visas '
        'inte. Sätt citattecken runt hela texten, t.ex. "Socialtjänsten #1", eller flytta kommentaren till en '
        "egen rad."]


def test_comments_on_their_own_lines_and_after_true_a_date_or_an_id_stay_allowed(data_copy):
    path = registry_of(data_copy)
    replace(path, "    anonymous: true\n", "    # Källan säger det tydligt.\n    anonymous: true  # se källan\n")
    replace(path, "    verified: 2023-02-07", "    verified: 2023-02-07  # datumet på sidan")
    replace(path, "  - id: jourhavande-medmanniska", "  - id: jourhavande-medmanniska  # natten")
    replace(path, "    name: Jourhavande medmänniska", '    name: "Jourhavande medmänniska #1"  # quoted: kept whole')
    site = load_site_data(data_copy, today=TODAY, registry=registry_of(data_copy))
    assert site.support_line("jourhavande-medmanniska").anonymous is True
    assert str(site.support_line("jourhavande-medmanniska").name) == "Jourhavande medmänniska #1"


# --- Record-level checks name the field -------------------------------------------------------------------

def test_validity_in_the_wrong_order_points_at_valid_until(data_copy):
    path = data_copy / "plan.yml"
    replace(path, "  valid_until: 2020-06-30", "  valid_until: 2015-06-30")
    assert errors_for(data_copy) == [
        f"data/plan.yml:{line_of(path, 'valid_until: 2015')} › plan › valid_until: Giltighetstiden slutar "
        "(2015-06-30) innan den börjar (2016-01-18). Byt plats på datumen eller rätta det som är fel."]


def test_opening_and_closing_at_the_same_time_points_at_closes(data_copy):
    path = registry_of(data_copy)
    # Written over two lines, so that the line of closes differs from the line of the period.
    replace(path, 'opens: "09:00", closes: "15:00"}', 'opens: "09:00",\n           closes: "09:00"}')
    errors = errors_for(data_copy)
    line = line_of(path, 'closes: "09:00"}')
    assert any(e.startswith(f"national/support_lines.yml:{line} › support_lines › nr 6 "
                            "(CVE:s stödtelefon för yrkesverksamma) › hours › periods › nr 1 › closes: Öppnar och "
                            "stänger samma tid (09:00).") for e in errors), errors


# --- Opening hours ----------------------------------------------------------------------------------------

def test_closing_before_opening_in_the_day_is_taken_for_swapped_times(data_copy):
    replace(registry_of(data_copy), 'opens: "09:00", closes: "15:00"', 'opens: "12:00", closes: "09:00"')
    [error] = errors_for(data_copy)
    assert error.endswith('periods › nr 1 › closes: Stänger (09:00) före öppnar (12:00). Har tiderna bytt plats? '
                          'Över natten går bara när det öppnar 15:00 eller senare och stänger senast 12:00, t.ex. '
                          'opens: "21:00", closes: "06:00". Öppet till midnatt: skriv closes: "00:00".'), error


def test_a_night_span_and_open_until_midnight_are_accepted(data_copy):
    path = registry_of(data_copy)
    replace(path, 'opens: "09:00", closes: "15:00"', 'opens: "08:00", closes: "00:00"')
    site = load_site_data(data_copy, today=TODAY, registry=registry_of(data_copy))
    [until_midnight] = site.support_line("cve-stodtelefon").hours.periods
    [night] = site.support_line("jourhavande-medmanniska").hours.periods
    assert until_midnight.overnight and night.overnight and night.opens.hour == 21 and night.closes.hour == 6


def test_a_day_written_twice_is_rejected(data_copy):
    replace(registry_of(data_copy), "{days: [mon, tue, wed, thu, fri], opens: \"09:00\", closes: \"15:00\"}",
            "{days: [mon, mon], opens: \"09:00\", closes: \"15:00\"}")
    [error] = errors_for(data_copy)
    assert error.endswith("hours › periods › nr 1 › days › nr 2: Dagen mon står två gånger i samma period. Skriv "
                          "varje dag en gång. Har dagen två öppettider: skriv en period till för dem."), error


# --- Links and images in texts ----------------------------------------------------------------------------

def test_a_bad_link_in_a_long_text_is_reported_on_its_own_line_and_quoted_alone(data_copy):
    path = data_copy / "focus_areas.yml"
    replace(path, "Det civila samhället är också en viktig del.",
            "Det civila samhället är också en viktig del.\n\n        Läs [mer](javascript:alert(1)) om det.")
    assert errors_for(data_copy) == [
        f"data/focus_areas.yml:{line_of(path, 'javascript:')} › focus_areas › nr 1 (Samverkan med andra aktörer) › "
        'body: Länken "javascript:alert(1)" i texten går inte att använda (den börjar med javascript:). Länka bara '
        "till adresser som börjar med https://, mailto: eller tel:."]


def test_an_image_in_a_data_text_is_rejected_in_swedish(data_copy):
    path = data_copy / "focus_areas.yml"
    replace(path, "Det civila samhället är också en viktig del.",
            "Det civila samhället är också en viktig del.\n\n        ![Logotyp](https://exempel.se/logo.png)")
    [error] = errors_for(data_copy)
    assert error.startswith(f"data/focus_areas.yml:{line_of(path, '![Logotyp]')} › focus_areas › nr 1 (Samverkan med "
                            'andra aktörer) › body: Texten innehåller en bild: "![Logotyp](https://exempel.se/logo.png)". '
                            "Ta bort bilden."), error


def test_an_unknown_line_for_professionals_is_named_with_its_line(data_copy):
    path = data_copy / "staff_guidance.yml"
    replace(path, "professional_lines: [cve-stodtelefon]", "professional_lines: [cve-stodtelefonen]")
    [error] = errors_for(data_copy)
    assert error.startswith(f"data/staff_guidance.yml:{line_of(path, 'cve-stodtelefonen')} › staff_guidance › "
                            'professional_lines › nr 1: "cve-stodtelefonen" pekar inte på någon stödlinje.'), error
