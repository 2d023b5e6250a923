"""One national registry: the national support lines live once, in national/support_lines.yml. Every
municipality gets them without copying, chooses what its start page features, may hide a line with a reason,
and cannot edit a national fact locally. A line is featured only when it is trusted (checked within the
limit, no open question); a line in doubt carries a visible notice on its card."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.contract.load import DataErrors, load_site_data
from macros.contract.models import NATIONAL_FILE
from tests.conftest import DATASETS, TODAY, data_dir, registry_of, site_data
from tests.support.html import soup
from tests.support.project import ROOT

NATIONAL_IDS = {"nodnummer-112", "orostelefonen", "polisen-tips", "sakerhetspolisen", "exit-fryshuset",
                "cve-stodtelefon", "vardguiden-1177", "bris", "mind-sjalvmordslinjen", "kvinnofridslinjen",
                "jourhavande-medmanniska"}


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def errors_for(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as problem:
        load_site_data(data, today=TODAY, display_root=data.parent, registry=registry_of(data))
    return [str(error) for error in problem.value.errors]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


LOCAL_LINE = """
support_lines:
  - id: {id}
    name: Lokala stödlinjen
    organisation: Kommunen
    category: wellbeing
    phone: {phone}
    hours: {{always: true}}
    for_whom: Alla i kommunen.
    source: https://www.katrineholm.se/
    verified: 2026-11-30
"""


# --- One registry, no copies -------------------------------------------------------------------------------

def test_each_national_number_is_written_in_exactly_one_data_file():
    registry = site_data("minimal").support_lines
    data_files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.yml", "*.yaml"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.split()
    data_files = [f for f in data_files if not f.startswith((".github/", "mkdocs")) and "/" in f]
    for line in registry:
        if not line.phone or line.id not in NATIONAL_IDS:
            continue
        holders = [f for f in data_files if f"phone: {line.phone.display}" in (ROOT / f).read_text("utf-8")
                   or f'phone: "{line.phone.display}"' in (ROOT / f).read_text("utf-8")]
        assert holders == [NATIONAL_FILE], (line.id, holders)


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_every_dataset_gets_the_national_lines_without_a_copy(dataset):
    data = site_data(dataset)
    assert NATIONAL_IDS <= {line.id for line in data.support_lines} | {h.id for h in data.hidden}
    assert data.national_ids == NATIONAL_IDS
    local = data_dir(dataset) / "support_lines.yml"
    written = local.read_text("utf-8") if local.exists() else ""
    for id in NATIONAL_IDS:
        assert f"- id: {id}" not in written, (dataset, id)


def test_a_municipality_without_a_support_lines_file_gets_every_national_line():
    assert not (data_dir("minimal") / "support_lines.yml").exists()
    data = site_data("minimal")
    assert {line.id for line in data.support_lines} == NATIONAL_IDS
    assert data.featured == [] and data.featured_lines(TODAY, 12) == []


def test_a_local_line_is_added_after_the_national_ones(data_copy):
    append(data_copy / "support_lines.yml", LOCAL_LINE.format(id="lokala-linjen", phone="0150-570 99"))
    data = load_site_data(data_copy, today=TODAY, registry=registry_of(data_copy))
    assert data.support_lines[-1].id == "lokala-linjen"
    assert "lokala-linjen" not in data.national_ids


# --- A national fact is never edited locally -------------------------------------------------------------

def test_a_local_line_with_a_national_id_is_an_error_that_says_to_fix_the_registry(data_copy):
    path = data_copy / "support_lines.yml"
    append(path, LOCAL_LINE.format(id="orostelefonen", phone="020-100 300"))
    [error] = errors_for(data_copy)
    assert error.startswith(f"data/support_lines.yml:{line_of(path, '- id: orostelefonen')} › support_lines › nr 1 "
                            "(Lokala stödlinjen) › id: ")
    assert '"orostelefonen" är en nationell linje. Den finns redan i national/support_lines.yml' in error
    assert "rätta det i national/support_lines.yml, så blir det rätt för alla kommuner" in error


def test_a_national_number_copied_under_another_id_is_an_error(data_copy):
    path = data_copy / "support_lines.yml"
    append(path, LOCAL_LINE.format(id="var-orostelefon", phone="020 100 200"))
    [error] = errors_for(data_copy)
    assert error.startswith(f"data/support_lines.yml:{line_of(path, 'phone: 020 100 200')} › support_lines › nr 1 "
                            '(Lokala stödlinjen) › phone: "020 100 200" finns redan på den nationella linjen '
                            '"orostelefonen" i national/support_lines.yml.')


@pytest.mark.parametrize("field, value", [("sms", "020-100 200"), ("email", "Orostelefonen@rb.se")])
def test_a_national_sms_number_or_address_copied_under_another_id_is_an_error(data_copy, field, value):
    path = data_copy / "support_lines.yml"
    append(path, LOCAL_LINE.format(id="var-orostelefon", phone="0150-570 99") + f"    {field}: {value}\n")
    [error] = errors_for(data_copy)
    assert f"› support_lines › nr 1 (Lokala stödlinjen) › {field}: \"{value}\" finns redan på den nationella " \
           'linjen "orostelefonen"' in error


# --- Hiding a national line ------------------------------------------------------------------------------

def test_a_hidden_national_line_is_left_out_and_make_check_shows_the_reason(data_copy):
    path = data_copy / "support_lines.yml"
    append(path, "hidden:\n  - id: jourhavande-medmanniska\n    reason: Kommunen hänvisar till en egen nattjour.\n")
    data = load_site_data(data_copy, today=TODAY, registry=registry_of(data_copy))
    assert "jourhavande-medmanniska" not in {line.id for line in data.support_lines}
    result = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_copy), "check"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "MOTVERKA_TODAY": TODAY.isoformat()})
    assert result.returncode == 0, result.stdout
    assert (f"support_lines.yml:{line_of(path, '- id: jourhavande-medmanniska')} › hidden › nr 1 "
            "(jourhavande-medmanniska): Den nationella linjen visas inte. Skäl: Kommunen hänvisar till en egen "
            "nattjour.") in result.stdout


@pytest.mark.parametrize("hidden, expected", [
    ("  - id: jourhavande-medmanniska\n", "reason"),
    ("  - id: nodnummer-112\n    reason: Vi vill inte.\n", "är numret för nödsituationer och kan inte döljas"),
    ("  - id: orostelefon\n    reason: Stängd.\n", '"orostelefon" är ingen nationell linje, så den kan inte döljas'),
    ("  - id: orostelefonen\n    reason: Stängd.\n", '"orostelefonen" är dold (hidden i data/support_lines.yml) '
                                                   'men används här.'),
])
def test_hiding_a_line_needs_a_reason_and_a_national_line_nobody_refers_to(data_copy, hidden, expected):
    append(data_copy / "support_lines.yml", "hidden:\n" + hidden)
    errors = errors_for(data_copy)
    assert any(expected in error for error in errors), errors


# --- What may be featured ----------------------------------------------------------------------------------

def test_orostelefonen_is_not_featured_and_a_line_verified_this_month_takes_its_place():
    for dataset in ("katrineholm", "umea"):
        data = site_data(dataset)
        assert data.featured[0] == "orostelefonen"
        featured = data.featured_lines(TODAY, 12)
        assert "orostelefonen" not in [line.id for line in featured]
        assert featured and all(line.verified_date and line.verified_date.year == TODAY.year
                                and line.verified_date.month == TODAY.month for line in featured), featured


def test_a_line_with_an_open_question_is_not_featured_even_when_recent(data_copy):
    registry = registry_of(data_copy)
    text = registry.read_text("utf-8")
    bris = text.index("  - id: bris")
    registry.write_text(text[:bris] + text[bris:].replace("    verified: 2026-12-02\n",
                                                          "    verified: 2026-12-02\n    check_note: Stämmer tiderna?\n", 1),
                        "utf-8")
    data = load_site_data(data_copy, today=TODAY, registry=registry)
    assert [line.id for line in data.featured_lines(TODAY, 12)] == ["mind-sjalvmordslinjen"]


def test_the_next_trusted_line_in_the_municipalitys_order_takes_the_place(data_copy):
    path = data_copy / "support_lines.yml"
    path.write_text("featured: [orostelefonen, cve-stodtelefon, bris]\nfeatured_places: 1\n", "utf-8")
    data = load_site_data(data_copy, today=TODAY, registry=registry_of(data_copy))
    assert [line.id for line in data.featured_lines(TODAY, 12)] == ["cve-stodtelefon"]
    assert [line.id for line in data.featured_lines(date_after(months=13), 12)] == []


def date_after(months: int):
    from macros.contract.dates import add_months
    return add_months(TODAY, months)


def test_make_check_names_file_and_line_of_each_chosen_line_that_is_not_featured():
    path = ROOT / "data/support_lines.yml"
    result = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "MOTVERKA_TODAY": TODAY.isoformat()})
    assert result.returncode == 0
    out = result.stdout
    assert (f"data/support_lines.yml:{line_of(path, '  - orostelefonen')} › featured › nr 1 (orostelefonen): "
            "Orostelefonen om radikalisering visas inte överst på startsidan. Den kontrollerades senast "
            "9 november 2022, för mer än 12 månader sedan.") in out
    assert "Den har en öppen fråga (check_note): Inget nyare än november 2022 hittades." in out
    assert "Startsidan visar överst: Bris, Självmordslinjen." in out


def test_a_featured_id_that_does_not_exist_or_is_repeated_is_an_error(data_copy):
    (data_copy / "support_lines.yml").write_text("featured: [bris, orostelefon, bris]\n", "utf-8")
    errors = errors_for(data_copy)
    assert any('featured › nr 2: "orostelefon" pekar inte på någon stödlinje' in e for e in errors), errors
    assert any('featured › nr 3: "bris" står redan tidigare i listan featured.' in e for e in errors), errors


# --- What residents see -------------------------------------------------------------------------------------

@pytest.mark.build
def test_the_start_page_features_only_trusted_lines(dataset_site, dataset_data):
    page = soup(dataset_site / "index.html")
    calls = {a["href"] for a in page.select("article .mv-card--line a.mv-call")}
    trusted = {line.phone.href for line in dataset_data.featured_lines(TODAY, 12) if line.phone}
    assert calls == trusted
    assert "tel:+4620100200" not in calls                     # Orostelefonen
    assert page.select_one('a[href="tel:112"]') is not None   # 112 stays in the emergency bar


@pytest.mark.build
def test_a_line_in_doubt_shows_a_visible_notice_and_short_provenance(dataset_site):
    page = soup(dataset_site / "stodlinjer/index.html")
    card = page.select_one("#orostelefonen").find_parent("section")
    notice = card.select_one(".mv-notice--stale")
    assert notice is not None and notice.get_text(" ", strip=True).startswith("Uppgiften kan vara inaktuell.")
    assert card.select_one(".mv-card__source").get_text(" ", strip=True) == \
        "Kontrollerad 9 november 2022 · raddabarnen.se"
    emergency = page.select_one("#nodnummer-112").find_parent("section")
    assert emergency.select_one(".mv-notice") is None


@pytest.mark.build
def test_the_full_source_notes_are_on_the_about_page(dataset_site):
    text = soup(dataset_site / "om-webbplatsen/index.html").select_one(".mv-sources").get_text(" ", strip=True)
    assert "Datumet kommer från upplands-bro.se" in text
    assert "Stödtelefonen öppnade 3 april 2018." in text


@pytest.mark.build
def test_structured_data_leaves_out_lines_in_doubt(dataset_site):
    script = soup(dataset_site / "index.html").select_one('script[type="application/ld+json"]')
    body = json.dumps(json.loads(script.string), ensure_ascii=False)
    assert "+4620100200" not in body          # Orostelefonen
    assert "https://www.bris.se/" in body      # Bris, verified this month


def test_a_missing_registry_is_named_as_the_kits_file_not_the_municipalitys(data_copy):
    registry_of(data_copy).unlink()
    with pytest.raises(DataErrors) as problem:
        load_site_data(data_copy, today=TODAY, display_root=data_copy.parent, registry=registry_of(data_copy))
    [error] = [str(e) for e in problem.value.errors]
    assert error.startswith("national/support_lines.yml:1: Registret över de nationella stödlinjerna saknas. "
                            "Filen hör till verktyget, inte till kommunens data.")


def test_a_local_short_number_is_not_taken_for_a_copy_of_another_short_number(data_copy):
    append(data_copy / "support_lines.yml", LOCAL_LINE.format(id="sjalvmordslinje-lokal", phone="116 123"))
    data = load_site_data(data_copy, today=TODAY, registry=registry_of(data_copy))
    assert data.support_lines[-1].phone.display == "116 123"


def test_a_municipal_contact_may_not_republish_a_national_number(data_copy):
    path = data_copy / "contacts.yml"
    path.write_text(path.read_text("utf-8").replace("phone: 0150-570 00", "phone: 020-100 200", 1), "utf-8")
    [error] = errors_for(data_copy)
    assert error.startswith(f"data/contacts.yml:{line_of(path, 'phone: 020-100 200')} › contacts › nr 1 ")
    assert '› phone: "020-100 200" finns redan på den nationella linjen "orostelefonen"' in error
