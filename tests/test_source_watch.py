"""`make sources`: each public fact is looked for on its source page, and what is not there is reported in
Swedish with its data file and line. Offline: the sources are small pages served on 127.0.0.1
(tests/support/source_pages.py), the records small YAML files written in tmp_path."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from macros.sources import watch as source_watch
from macros.sources.fetch import Fetcher
from macros.sources.match import Period, has_email, has_period, has_phone, page_text
from macros.sources.records import dataset_records
from tests.support.project import ROOT
from tests.support.source_pages import Page, closed_port, pages, self_signed_certificate, silent

TODAY = date(2026, 11, 22)
TIMEOUT = 1.0

ORO = """\
# Stödlinjer för testet. Kommentarerna ska finnas kvar efter --update-verified.
support_lines:
  - id: orostelefonen
    name: {{sv: "Orostelefonen", en: "The worry line"}}
    phone: 020-100 200
    email: orostelefonen@rb.se
    hours:
      periods:
        - {{days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "12:00"}}
    source: {source}
    verified: 2022-11-09 # från upplands-bro.se
"""

GOOD_PAGE = """<html><head><title>Orostelefonen</title><script>var phone = "020-100 200";</script></head>
<body><h1>Frågor och svar om Orostelefonen</h1>
<p>Ring Orostelefonen på <a href="tel:+4620100200">{number}</a>, vardagar {hours}.</p>
<p>Mejla <a href="mailto:orostelefonen@rb.se">{email}</a>.</p></body></html>"""


def good_page(number="020-100 200", hours="kl. 9–12", email="orostelefonen@rb.se", link=True) -> Page:
    body = GOOD_PAGE.format(number=number, hours=hours, email=email)
    if not link:
        body = body.replace('<a href="tel:+4620100200">', "<a>").replace('<a href="mailto:orostelefonen@rb.se">', "<a>")
    return Page(body)


def dataset(tmp_path: Path, support_lines: str, contacts: str = "contacts: []\n") -> Path:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "support_lines.yml").write_text(support_lines, "utf-8")
    (data / "contacts.yml").write_text(contacts, "utf-8")
    return data


def run(tmp_path: Path, data: Path, *, update: bool = False, markdown: Path | None = None,
        timeout: float = TIMEOUT) -> tuple[int, str]:
    out = io.StringIO()
    status = source_watch.main(data, tmp_path, TODAY, timeout=timeout, update=update, markdown=markdown,
                               repository="https://github.com/kommun/motverka", stream=out)
    return status, out.getvalue()


def outcomes(tmp_path: Path, data: Path, timeout: float = TIMEOUT):
    return source_watch.watch(dataset_records(data, tmp_path), Fetcher(timeout=timeout))


# Matching: a fact in any of the ways pages write it -------------------------------------------------------

@pytest.mark.parametrize("written", ["020-100 200", "020 100 200", "+46 20 100 200", "020100200",
                                     "+46 (0)20-100 200", "0046 20 100 200", "020\u2011100\u00a0200",
                                     "020 – 100 200"])
def test_a_number_is_found_however_the_page_spaces_it(written):
    assert has_phone(page_text(f"<p>Ring {written} i dag.</p>"), "020-100 200")


@pytest.mark.parametrize("written", ["020-100 201", "020-100 2000", "1020-100 200", "+46 20 100 20"])
def test_a_different_number_is_not_taken_for_the_published_one(written):
    assert not has_phone(page_text(f"<p>Ring {written} i dag.</p>"), "020-100 200")


@pytest.mark.parametrize("number, page, found", [
    ("112", "Ring 112 om det är akut.", True),
    ("112", "Ring 1120 i dag.", False),
    ("112", "Uppdaterad 1.12.2020.", False),
    ("112", "Öppet 11.20–13.00.", False),
    ("1177", "Ring 1177 Vårdguiden.", True),
    ("1177", "Ring 11770.", False),
    ("116 111", "Ring Bris på 116 111.", True),
    ("116 111", "Ring Bris på 116111.", True),
    ("114 14", "Ring 114 14 och säg tips.", True),
    ("114 14", "Ring 11414.", True),
    ("114 14", "Ring 114 141.", False),
    ("90101", "Ring Självmordslinjen på 90101.", True),
    ("90101", "Ring 90 101.", True),
    ("90101", "Postnummer 901 01 Umeå", True),  # the same digits: a page cannot tell them apart, nor can we
])
def test_short_numbers_are_matched_as_whole_digit_sequences(number, page, found):
    assert has_phone(page_text(f"<p>{page}</p>"), number) is found


@pytest.mark.parametrize("written", ["09:00–12:00", "9-12", "09.00–12.00", "kl. 9–12", "kl 09.00 - 12.00",
                                     "mellan 9 och 12", "9 till 12"])
def test_opening_times_are_found_in_the_usual_forms(written):
    assert has_period(page_text(f"<p>Öppet vardagar {written}.</p>"), Period("09:00", "12:00"))


@pytest.mark.parametrize("written", ["9–15", "10–12", "09:00–12:30", "kl. 8–12"])
def test_other_opening_times_do_not_count(written):
    assert not has_period(page_text(f"<p>Öppet vardagar {written}.</p>"), Period("09:00", "12:00"))


def test_an_email_address_is_found_in_text_a_link_or_written_with_at():
    assert has_email(page_text("<p>Mejla Orostelefonen@RB.se</p>"), "orostelefonen@rb.se")
    assert has_email(page_text('<p><a href="mailto:orostelefonen@rb.se">Mejla oss</a></p>'), "orostelefonen@rb.se")
    assert has_email(page_text("<p>orostelefonen [at] rb.se</p>"), "orostelefonen@rb.se")
    assert not has_email(page_text("<p>info@rb.se</p>"), "orostelefonen@rb.se")
    assert not has_email(page_text("<p>orostelefonen@rb.se.example</p>"), "orostelefonen@rb.se")


# How the two sources of today's featured extremism lines write their facts (stored copies, paraphrased).
RB_PAGE = ("<h2>Frågor och svar</h2><p>Ring oss på 020-100 200. Vi har öppet helgfria vardagar 9–12. "
           "Mejla gärna orostelefonen@rb.se.</p>")
RB_OLD_PAGE = ("<p>Ring 020-100 200. Öppet vardagar 09:00-16:00 (stängt för lunch 12-13), kvällstid "
               "kl 19:00-22.00.</p>")
CVE_PAGE = ("<p>Stödfunktionen nås på 08-527 44 290, klockan 9-15 helgfria vardagar.</p>"
            "<dl><dt>Telefon</dt><dd>08-527 44 290</dd><dt>Öppettider</dt><dd>Måndag-fredag 9.00 - 15.00</dd></dl>")


def test_the_real_sources_ways_of_writing_confirm_their_records():
    rb, cve = page_text(RB_PAGE), page_text(CVE_PAGE)
    assert has_phone(rb, "020-100 200") and has_email(rb, "orostelefonen@rb.se")
    assert has_period(rb, Period("09:00", "12:00"))
    assert has_phone(cve, "08-527 44 290") and has_period(cve, Period("09:00", "15:00"))


def test_the_real_sources_older_hours_and_another_pages_typo_are_not_confirmed():
    assert not has_period(page_text(RB_OLD_PAGE), Period("09:00", "12:00"))  # 09–16 with a lunch break
    assert not has_phone(page_text(CVE_PAGE), "08-527 44 90")  # the number on another CVE page


def test_text_in_scripts_does_not_count_as_shown():
    page = "<html><head><script>var tel = '020-100 200';</script></head><body><p>Ring oss.</p></body></html>"
    assert not has_phone(page_text(page), "020-100 200")


# Against a served page ----------------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["020-100 200", "020 100 200", "+46 20 100 200", "020100200", "+46 (0)20-100 200"])
def test_a_record_is_confirmed_when_its_page_shows_the_number_in_any_format(tmp_path, number):
    with pages({"/oro": good_page(number=number, link=False)}) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        [outcome] = outcomes(tmp_path, data)
    assert outcome.kind == "confirmed", outcome.problems


def test_the_check_fails_on_a_changed_page_before_it_passes_on_the_right_page(tmp_path):
    routes = {"/oro": good_page(number="020-100 300", link=False)}
    with pages(routes) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        status, report = run(tmp_path, data)
        assert status == 1
        assert "data/support_lines.yml:3 Orostelefonen (orostelefonen): numret 020-100 200 hittades inte på källan." \
            in report
        routes["/oro"] = good_page()  # the same record, the page as it should be
        status, report = run(tmp_path, data)
    assert status == 0, report
    assert "data/support_lines.yml:3 Orostelefonen (orostelefonen): bekräftad." in report
    assert "1 bekräftade, 0 behöver kontrolleras" in report


def test_a_removed_number_changed_hours_and_a_removed_email_are_each_reported(tmp_path):
    page = GOOD_PAGE.format(number="", hours="kl. 10–14", email="").replace("tel:+4620100200", "#").replace(
        "mailto:orostelefonen@rb.se", "#")
    with pages({"/oro": Page(page)}) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        status, report = run(tmp_path, data)
    assert status == 1
    assert ("numret 020-100 200 hittades inte på källan; "
            "e-postadressen orostelefonen@rb.se hittades inte på källan; "
            "öppettiderna 09:00–12:00 hittades inte på källan.") in report
    assert f"Källa: {site.url('/oro')}" in report


@pytest.mark.parametrize("status", [404, 410])
def test_a_source_that_is_gone_is_reported_with_its_status(tmp_path, status):
    with pages({"/oro": Page("<p>Borta</p>", status=status)}) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        code, report = run(tmp_path, data)
    assert code == 1
    assert f"Orostelefonen (orostelefonen): källan finns inte längre (HTTP {status})." in report


def test_a_redirect_to_another_host_is_reported_as_moved_and_not_followed(tmp_path):
    with pages({}) as site:
        target = site.url("/ny-sida", host="localhost")
        site.routes["/oro"] = Page("", status=301, headers={"Location": target})
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        code, report = run(tmp_path, data)
    assert code == 1
    assert f"flyttad till en annan webbplats: {target}." in report
    assert "/ny-sida" not in site.paths()


def test_a_redirect_within_the_same_site_is_followed(tmp_path):
    with pages({"/oro": Page("", status=302, headers={"Location": "/oro/"}), "/oro/": good_page()}) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        [outcome] = outcomes(tmp_path, data)
    assert outcome.kind == "confirmed"


def test_a_page_that_never_answers_is_unreachable_within_the_timeout(tmp_path):
    result = {}
    with silent() as base:
        data = dataset(tmp_path, ORO.format(source=f"{base}/oro"))
        # In a thread, so that a watch without a timeout fails this test instead of hanging the run.
        worker = threading.Thread(target=lambda: result.update(zip(("code", "report"), run(tmp_path, data))),
                                  daemon=True)
        started = time.monotonic()
        worker.start()
        worker.join(10)
        elapsed = time.monotonic() - started
    assert not worker.is_alive(), "the watch waited more than 10 s for a page that never answers"
    assert result["code"] == 1
    assert "går inte att nå: inget svar inom 1 sekunder (timeout)." in result["report"]
    assert elapsed < 5


def test_a_slow_page_times_out_even_when_robots_txt_answered(tmp_path):
    with pages({"/oro": Page(good_page().body, delay=3)}) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        [outcome] = outcomes(tmp_path, data, timeout=0.5)
    assert outcome.kind == "unreachable"
    assert "timeout" in outcome.describe()


def test_a_refused_connection_is_unreachable_with_the_reason(tmp_path):
    data = dataset(tmp_path, ORO.format(source=f"http://127.0.0.1:{closed_port()}/oro"))
    code, report = run(tmp_path, data)
    assert code == 1
    assert "går inte att nå: anslutningen nekades (connection refused)." in report


def test_a_host_name_that_does_not_exist_is_unreachable_with_dns_as_the_reason(tmp_path):
    data = dataset(tmp_path, ORO.format(source="https://orostelefonen.invalid/"))  # .invalid never resolves
    code, report = run(tmp_path, data)
    assert code == 1
    assert "går inte att nå: namnet hittades inte (DNS)." in report


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificate")
def test_a_certificate_that_is_not_trusted_is_unreachable_with_tls_as_the_reason(tmp_path):
    with pages({"/oro": good_page()}, certificate=self_signed_certificate(tmp_path)) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        code, report = run(tmp_path, data)
    assert code == 1
    assert "går inte att nå: certifikatet godtogs inte (TLS: self-signed certificate)." in report
    assert site.requests == []  # nothing is asked of a host that cannot prove who it is


def test_an_answer_that_is_not_http_is_unreachable_and_does_not_stop_the_watch(tmp_path):
    with silent(reply=b"HELLO THERE\r\n\r\n") as base:
        data = dataset(tmp_path, ORO.format(source=f"{base}/oro"))
        code, report = run(tmp_path, data)
    assert code == 1
    assert "går inte att nå: svaret gick inte att läsa (BadStatusLine)." in report


def test_a_server_error_is_unreachable_with_its_status(tmp_path):
    with pages({"/oro": Page("fel", status=503)}) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        [outcome] = outcomes(tmp_path, data)
    assert outcome.describe() == "går inte att nå: svarade med HTTP-status 503"


def test_a_source_that_robots_txt_disallows_is_reported_and_not_fetched(tmp_path):
    robots = Page("User-agent: Motverka-kallbevakning\nDisallow: /oro\n", content_type="text/plain")
    with pages({"/robots.txt": robots, "/oro": good_page()}) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        code, report = run(tmp_path, data)
    assert code == 1
    assert "källan får inte hämtas automatiskt (robots.txt)" in report
    assert site.paths() == ["/robots.txt"]


def test_robots_txt_behind_a_redirect_within_the_site_is_obeyed(tmp_path):
    robots = Page("User-agent: *\nDisallow: /oro\n", content_type="text/plain")
    moved = Page("", status=301, headers={"Location": "/ny/robots.txt"})
    with pages({"/robots.txt": moved, "/ny/robots.txt": robots, "/oro": good_page()}) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        [outcome] = outcomes(tmp_path, data)
    assert outcome.kind == "disallowed"
    assert "/oro" not in site.paths()


def test_robots_txt_for_other_robots_does_not_stop_the_watch(tmp_path):
    robots = Page("User-agent: GPTBot\nDisallow: /\n", content_type="text/plain")
    with pages({"/robots.txt": robots, "/oro": good_page()}) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        [outcome] = outcomes(tmp_path, data)
    assert outcome.kind == "confirmed"


def test_each_address_is_fetched_once_one_at_a_time_with_the_kits_user_agent(tmp_path):
    lines = "support_lines:\n" + "".join(
        f"  - id: linje-{n}\n    name: Linje {n}\n    phone: \"112\"\n    source: {{url}}/sida-{n % 3}\n"
        f"    verified: 2025-01-01\n" for n in range(6))
    routes = {f"/sida-{n}": Page("<p>Ring 112.</p>", delay=0.2) for n in range(3)}
    with pages(routes) as site:
        data = dataset(tmp_path, lines.replace("{url}", site.base))
        code, _ = run(tmp_path, data)
    assert code == 0
    assert sorted(site.paths()) == ["/robots.txt", "/sida-0", "/sida-1", "/sida-2"]
    assert site.most_at_once == 1
    assert {request["agent"] for request in site.requests} == \
        {"Motverka-kallbevakning/1 (+https://github.com/kommun/motverka)"}


def test_staff_records_and_records_without_a_source_are_not_checked(tmp_path):
    lines = ORO.format(source="{url}/oro") + (
        "  - id: intern\n    audience: staff\n    name: Intern linje\n    phone: 08-123 456 78\n"
        "    source: {url}/intern\n    verified: 2025-01-01\n"
        "  - id: utan-kalla\n    name: Utan källa\n    phone: \"112\"\n    verified: odaterad\n")
    with pages({"/oro": good_page()}) as site:
        data = dataset(tmp_path, lines.replace("{url}", site.base))
        status, report = run(tmp_path, data)
    assert status == 0, report
    assert "/intern" not in site.paths()
    assert "intern" not in report and "utan-kalla" not in report


def test_a_record_with_nothing_to_compare_is_listed_but_not_a_failure(tmp_path):
    lines = ("support_lines:\n  - id: sapo\n    name: Säpo\n    url: {url}/\n    source: {url}/\n"
             "    verified: odaterad\n")
    with pages({"/": Page("<p>Välkommen</p>")}) as site:
        data = dataset(tmp_path, lines.replace("{url}", site.base))
        status, report = run(tmp_path, data, update=True)
    assert status == 0
    assert ("Säpo (sapo): källan svarar, men posten har inget nummer, e-post eller öppettider att jämföra."
            in report)
    assert "verified: odaterad" in (data / "support_lines.yml").read_text("utf-8")  # nothing was confirmed


def test_a_page_in_windows_1252_is_read_right(tmp_path):
    body = "<p>Öppet måndag–fredag kl. 9–12. Ring 020–100 200.</p>".encode("cp1252")
    page = Page(content_type="text/html; charset=windows-1252")
    with pages({"/oro": page}) as site:
        page.raw = body
        lines = ORO.format(source=site.url("/oro")).replace("    email: orostelefonen@rb.se\n", "")
        data = dataset(tmp_path, lines)
        [outcome] = outcomes(tmp_path, data)
    assert outcome.kind == "confirmed", outcome.problems


# Datasets and the national registry ------------------------------------------------------------------------

def test_the_national_registry_and_the_datasets_own_records_are_checked_with_their_own_files(tmp_path):
    with pages({"/oro": good_page(), "/vaxel": Page("<p>Växeln: 0150-570 00</p>")}) as site:
        (tmp_path / "national").mkdir()
        (tmp_path / "national" / "support_lines.yml").write_text(ORO.format(source=site.url("/oro")), "utf-8")
        contacts = ("contacts:\n  - id: vaxeln\n    name: Växeln\n    phone: 0150-570 00\n"
                    f"    source: {site.url('/vaxel')}\n    verified: odaterad\n")
        data = dataset(tmp_path, "featured: [orostelefonen]\nsupport_lines: []\n", contacts)
        status, report = run(tmp_path, data)
    assert status == 0, report
    assert "national/support_lines.yml:3 Orostelefonen (orostelefonen): bekräftad." in report
    assert "data/contacts.yml:2 Växeln (vaxeln): bekräftad." in report


def test_a_dataset_without_support_lines_still_works(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    status, report = run(tmp_path, data)
    assert status == 0
    assert "0 uppgifter kontrollerade" in report


@pytest.mark.parametrize("folder", ["data", "examples/umea", "tests/fixtures/minimal"])
def test_list_shows_what_each_dataset_would_check_without_fetching(folder):
    result = subprocess.run([sys.executable, "-m", "macros", "--data", folder, "sources", "--list"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "poster med källa" in result.stdout
    assert "nummer: 112" in result.stdout


# Updating verified dates and the Markdown report ----------------------------------------------------------

def test_update_verified_moves_confirmed_dates_and_keeps_comments_and_layout(tmp_path):
    bad = ORO.format(source="{url}/bad").replace("id: orostelefonen", "id: gammal").replace(
        "verified: 2022-11-09 # från upplands-bro.se", "verified: 2021-01-01")
    lines = ORO.format(source="{url}/oro") + "\n" + bad.split("support_lines:\n", 1)[1]
    with pages({"/oro": good_page(), "/bad": Page("<p>Stängd</p>")}) as site:
        data = dataset(tmp_path, lines.replace("{url}", site.base))
        before = (data / "support_lines.yml").read_text("utf-8")
        status, report = run(tmp_path, data, update=True)
    after = (data / "support_lines.yml").read_text("utf-8")
    assert status == 1
    assert "verified flyttades till 2026-11-22 (verified_by: källbevakningen) på 1 bekräftad post." in report
    expected = before.replace("    verified: 2022-11-09 # från upplands-bro.se\n",
                              "    verified: 2026-11-22 # från upplands-bro.se\n    verified_by: källbevakningen\n")
    assert after == expected  # the unconfirmed record, the comments and the rest are untouched


def test_update_verified_replaces_an_earlier_verified_by(tmp_path):
    lines = ORO.format(source="{url}/oro").replace(
        "verified: 2022-11-09 # från upplands-bro.se",
        "verified_by: Anna på kommunikationsenheten\n    verified: 2022-11-09")
    with pages({"/oro": good_page()}) as site:
        data = dataset(tmp_path, lines.replace("{url}", site.base))
        run(tmp_path, data, update=True)
    after = (data / "support_lines.yml").read_text("utf-8")
    assert "    verified_by: källbevakningen\n    verified: 2026-11-22\n" in after
    assert after.count("verified_by") == 1


def test_the_markdown_report_lists_what_needs_a_human_with_file_and_line(tmp_path):
    routes = {"/oro": Page("<p>Orostelefonen har avslutat sin verksamhet.</p>")}
    with pages(routes) as site:
        data = dataset(tmp_path, ORO.format(source=site.url("/oro")))
        markdown = tmp_path / "rapport.md"
        run(tmp_path, data, markdown=markdown)
    text = markdown.read_text("utf-8")
    assert text.startswith("**Sammanfattning: 1 uppgifter kontrollerade mot 1 sidor: 0 bekräftade, 1 behöver")
    assert "- [ ] `data/support_lines.yml:3` **Orostelefonen** (`orostelefonen`): numret 020-100 200 hittades" in text
    assert f"Källa: <{site.url('/oro')}>" in text
