"""`make freshness`: old verified dates, an expired plan and overdue page reviews are listed in Swedish;
--strict turns them into a failing exit status for the publishing workflow. Every support line on the site
says when it was last checked.

The tests of the report's wording use Katrineholm's data (its dates are known); the report itself, the plan
notice and the cards on the site are checked for every dataset in DATASETS (tests/conftest.py)."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest

from macros.contract import freshness
from macros.contract.load import load_site_data
from macros.contract.models import NATIONAL_FILE
from tests.conftest import TODAY, data_dir, registry_of
from tests.support.html import pages, soup
from tests.support.project import ROOT


def report_for(data_dir: Path, docs: Path = ROOT / "docs", today: date = TODAY, months: int = 12):
    registry = registry_of(data_dir) if registry_of(data_dir).exists() else ROOT / NATIONAL_FILE
    data = load_site_data(data_dir, today=today, registry=registry)
    return freshness.check(data, data_dir, docs, today, months, display_root=data_dir.parent, registry=registry)


def make_everything_fresh(data_dir: Path) -> None:
    """Verified dates a month old, the plan valid until further notice and followed up last month."""
    for path in (registry_of(data_dir), data_dir / "contacts.yml"):
        source = re.sub(r"verified: \S+", "verified: 2026-10-01", path.read_text("utf-8"))
        path.write_text(re.sub(r"\n    check_note: .*", "", source), "utf-8")
    plan = data_dir / "plan.yml"
    source = re.sub(r"  valid_until: \S+\n", "", plan.read_text("utf-8"))
    plan.write_text(source.replace("    interval_months: 12", "    interval_months: 12\n    last_done: 2026-10-01"),
                    "utf-8")


def test_the_report_lists_old_support_lines_with_their_source_and_check_note():
    """The national registry: Orostelefonen's and Kvinnofridslinjen's verified dates."""
    report = report_for(ROOT / "data")
    stale = {record.id: record for record in report.stale}
    assert "orostelefonen" in stale and stale["orostelefonen"].verified == date(2022, 11, 9)
    assert "kvinnofridslinjen" in stale                      # 2023-02-07: 46 months before TODAY
    assert "bris" not in stale                               # 2026-12-02
    text = freshness.render(report, "data")
    line = next(n for n, text_line in enumerate((ROOT / NATIONAL_FILE).read_text("utf-8").splitlines(), 1)
                if text_line == "  - id: orostelefonen")
    assert f"Orostelefonen om radikalisering (orostelefonen), national/support_lines.yml rad {line}" in text
    assert "Kontrollerad 9 november 2022, för 48 månader sedan." in text
    assert "Att kontrollera: Inget nyare än november 2022 hittades." in text


def test_the_limit_comes_from_the_settings():
    """Kvinnofridslinjen was verified 46 months before TODAY."""
    assert "kvinnofridslinjen" not in {record.id for record in report_for(ROOT / "data", months=48).stale}


def test_undated_records_are_listed_as_reminders_not_as_failures(data_copy):
    make_everything_fresh(data_copy)
    (data_copy / "contacts.yml").write_text(
        (data_copy / "contacts.yml").read_text("utf-8").replace("verified: 2026-10-01", "verified: odaterad", 1), "utf-8")
    report = report_for(data_copy)
    assert [record.id for record in report.undated] == ["kommunens-vaxel"]
    assert not report.needs_action


def test_an_expired_plan_and_an_overdue_follow_up_are_in_the_report():
    """Katrineholm only: its plan's validity ended on 30 June 2020."""
    report = report_for(ROOT / "data")
    assert report.plan == ["Planens giltighetstid gick ut 30 juni 2020. Kommunen har inte beslutat om en ny plan "
                           "som publicerats här.",
                           "Planen skulle ha följts upp senast 18 december 2020. Ingen senare uppföljning finns "
                           "registrerad."]


def test_a_page_past_its_review_date_is_in_the_report(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "personal").mkdir()
    (docs / "aktuell.md").write_text("---\nlast_reviewed_on: 2026-11-01\nreview_in: 6 months\n---\n# A\n", "utf-8")
    (tmp_path / "personal" / "gammal.md").write_text(
        "---\nlast_reviewed_on: 2025-01-15\nreview_in: 6 months\n---\n# B\n", "utf-8")
    report = freshness.check(load_site_data(ROOT / "data", today=TODAY), ROOT / "data", docs, TODAY, 12, tmp_path)
    assert report.pages == [freshness.OverduePage("personal/gammal.md", date(2025, 7, 15))]
    assert "personal/gammal.md: skulle ha granskats senast 15 juli 2025" in freshness.render(report, "data")


def test_every_page_of_the_kit_is_reviewed_in_time(dataset):
    assert report_for(data_dir(dataset)).pages == []


@pytest.mark.build
def test_the_plan_page_shows_what_the_report_says_about_the_plan(dataset, dataset_site):
    """The notice on the plan page and the report come from the same dates: both or neither, in the same words."""
    report = report_for(data_dir(dataset))
    notices = [" ".join(n.get_text(" ").split())
               for n in soup(dataset_site / "handlingsplan" / "index.html").select("article .mv-notice")]
    assert bool(notices) == bool(report.plan)
    for sentence in report.plan:
        assert any(sentence in notice for notice in notices), sentence


def test_the_report_reads_every_dataset_and_ends_with_a_summary(dataset, monkeypatch):
    monkeypatch.setenv("MOTVERKA_TODAY", TODAY.isoformat())
    out = io.StringIO()
    assert freshness.main(data_dir(dataset), strict=False, stream=out) == 0
    assert "Sammanfattning:" in out.getvalue()


def test_strict_mode_fails_only_when_something_needs_action(data_copy, monkeypatch):
    """Katrineholm's data needs action (an expired plan); a copy made fresh does not."""
    monkeypatch.setenv("MOTVERKA_TODAY", TODAY.isoformat())
    out = io.StringIO()
    assert freshness.main(ROOT / "data", strict=False, stream=out) == 0
    assert freshness.main(ROOT / "data", strict=True, stream=out) == 1
    assert "Strikt läge" in out.getvalue()
    make_everything_fresh(data_copy)
    out = io.StringIO()
    assert freshness.main(data_copy, strict=True, stream=out, registry=registry_of(data_copy)) == 0, out.getvalue()
    assert "Sammanfattning: allt är kontrollerat i tid." in out.getvalue()


@pytest.mark.build
def test_every_support_line_card_on_every_public_page_says_when_it_was_checked(dataset_site):
    for page in pages(dataset_site):
        for card in soup(page).select(".mv-card--line"):
            source = card.select_one(".mv-card__source")
            assert source is not None, f"{page}: {card.select_one('h2, h3, h4')}"
            assert re.search(r"Kontrollerad \d+ \w+ \d{4}|visar inget datum|Checked \d+ \w+ \d{4}|shows no date",
                             source.get_text()), f"{page}: {source.get_text()}"
