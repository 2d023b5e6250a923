"""Nothing staff-only reaches the public outputs: HTML, search indexes, sitemap, open data, JSON-LD, PDF.

The check is shown to bite first: it must find staff text planted in each kind of public file, staff numbers and
addresses in any form, staff sentences taken out of longer fields, and staff text that a communicator copied into
a public page or a public record of a copy of the project (built with the build's own guard switched off, since
that guard would stop the build: tests/test_audience.py).

The real sites are checked for every dataset in DATASETS (tests/conftest.py), each against every staff text its
own data and staff pages have; the checks of the check itself plant Katrineholm's staff text.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.contract.load import load_site_data
from tests.conftest import PUBLISHED_AT, TODAY, data_dir
from tests.support.leaks import (Corpus, page_blocks, page_sentences, pdf_text, staff_addresses, staff_links,
                                 staff_only_strings)
from tests.support.project import ROOT, copy_project, run_build

pytestmark = pytest.mark.build


def data_of(dataset: str, root: Path = ROOT):
    return load_site_data(data_dir(dataset, root), today=TODAY)


def staff_strings(dataset: str, root: Path = ROOT) -> set[str]:
    return staff_only_strings(data_of(dataset, root), root / "docs")


def staff_page_sentences(staff_site: Path, dataset: str = "katrineholm", root: Path = ROOT) -> set[str]:
    data = data_of(dataset, root)
    return set().union(*(page_sentences(page, data, root / "docs")
                         for page in (staff_site / "personal").rglob("index.html")))


def leaks_in(corpus: Corpus, needles: set[str]) -> dict[str, list[str]]:
    return {needle: found for needle in sorted(needles) if (found := corpus.find(needle))}


# --- The real sites ---------------------------------------------------------------------------------------

# Every file of a public site that has text to read (images and fonts have none).
READABLE = {".html", ".json", ".pdf", ".xml", ".gz", ".csv", ".txt", ".js", ".css"}


def test_no_staff_only_string_reaches_any_public_output(built, dataset):
    strings = staff_strings(dataset)
    assert strings, "the staff data should give the check something to look for"
    site = built(dataset) / "site"
    corpus = Corpus.of(site)
    readable = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix in READABLE}
    assert readable and readable <= {name.split(" [")[0] for name in corpus.texts}, "every file is read"
    assert not leaks_in(corpus, strings)


def test_no_staff_page_text_reaches_any_public_output(built, dataset):
    staff_site = built(dataset) / "site-staff"
    data = data_of(dataset)
    for page in (staff_site / "personal").rglob("index.html"):
        assert page_sentences(page, data, ROOT / "docs"), f"{page}: no staff sentence to look for"
    sentences = staff_page_sentences(staff_site, dataset)
    assert not leaks_in(Corpus.of(built(dataset) / "site"), sentences)


def test_no_public_file_shows_or_links_a_staff_address(built, dataset):
    out = built(dataset)
    assert not (out / "site" / "personal").exists()
    addresses = staff_addresses(out / "site-staff")
    pages = {f"personal/{p.stem}" for p in (ROOT / "personal").glob("*.md")
             if p.stem != "index" and "." not in p.stem}
    assert addresses == pages | {"handlingsplan-personal.pdf"}
    assert not leaks_in(Corpus.of(out / "site"), addresses)
    assert not staff_links(out / "site")


def test_the_staff_site_does_show_the_staff_strings(built, dataset):
    """The other half: what must not leak is really there on the staff site (so the check is not vacuous)."""
    strings = staff_strings(dataset)
    corpus = Corpus.of(built(dataset) / "site-staff")
    shown = [s for s in strings if corpus.find(s)]
    assert len(shown) >= 0.9 * len(strings), sorted(set(strings) - set(shown))


# --- What the check looks for ----------------------------------------------------------------------------

def _site(folder: Path, files: dict[str, str]) -> Corpus:
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content, "utf-8")
    return Corpus.of(folder)


def test_staff_prose_is_looked_for_even_where_public_data_and_pages_say_it_too(data_copy, tmp_path):
    """A staff sentence copied into a public record and a public page is still looked for: copy-paste is how
    staff text leaks, so the public sources forgive nothing (they used to)."""
    note = "Beskriv först ärendet utan namn eller personnummer."
    contacts = data_copy / "contacts.yml"
    contacts.write_text(contacts.read_text("utf-8").replace(
        "      sv: Socialtjänsten nås via kommunens växel.\n",
        f"      sv: Socialtjänsten nås via kommunens växel. {note}\n"), "utf-8")
    docs = shutil.copytree(ROOT / "docs", tmp_path / "docs")
    page = docs / "om-webbplatsen.md"
    page.write_text(page.read_text("utf-8") + f"\n{note}\n", "utf-8")
    assert note in staff_only_strings(load_site_data(data_copy, today=TODAY), docs)


def test_a_sentence_taken_out_of_a_longer_staff_field_is_found(tmp_path):
    """The staff note has two sentences; the second alone, in other case and wrapped, is still found."""
    strings = staff_strings("katrineholm")
    corpus = _site(tmp_path / "site", {"a/index.html": "<p>Säkerhetschefen AVGÖR tillsammans med dig\n  hur "
                                                          "uppgifterna ska hanteras.</p>"})
    assert "säkerhetschefen avgör tillsammans med dig hur uppgifterna ska hanteras." in strings
    assert [s for s in strings if corpus.find(s)]


def test_a_short_staff_sentence_is_a_stock_phrase_only_inside_a_longer_public_sentence(tmp_path):
    """"Gäller det ett barn under 18 år?" heads a staff step and begins a public sentence in relatives.yml: a
    shared phrase, not a leak. Standing as a sentence of its own on a public page, it is looked for."""
    title = "Gäller det ett barn under 18 år?"
    assert title not in staff_strings("katrineholm")
    docs = shutil.copytree(ROOT / "docs", tmp_path / "docs")
    page = docs / "om-webbplatsen.md"
    page.write_text(page.read_text("utf-8") + f"\n## {title}\n", "utf-8")
    assert title in staff_only_strings(data_of("katrineholm"), docs)


def test_a_staff_number_and_address_are_found_in_any_form_whatever_their_length(data_copy, tmp_path):
    contacts = data_copy / "contacts.yml"
    contacts.write_text(contacts.read_text("utf-8") + (
        "\n  - id: direktnummer\n    audience: staff\n    name: Direktnummer till jouren\n"
        "    role: Bara för chefer.\n    phone: 0150-488 00\n    email: jour@kh.se\n"
        "    source: https://www.katrineholm.se/\n    verified: odaterad\n"), "utf-8")
    strings = staff_only_strings(load_site_data(data_copy, today=TODAY), ROOT / "docs")
    assert {"0150-488 00", "jour@kh.se"} <= strings  # 11 and 10 characters: a length limit skipped them
    corpus = _site(tmp_path / "site", {
        "digits/index.html": "<p>Ring 015048800</p>",
        "e164.json": json.dumps({"telephone": "+4615048800"}),
        "spaced/index.html": "<p>Ring 0150 - 48 800 dygnet runt</p>",
        "mail/index.html": '<a href="mailto:JOUR@KH.SE">jouren</a>',
        "other/index.html": "<p>Ring 0150-570 00 eller mejla kontaktcenter@kh.se</p>"})
    assert {n.split(" [")[0] for n in corpus.find("0150-488 00")} == {
        "digits/index.html", "e164.json", "spaced/index.html"}
    assert {n.split(" [")[0] for n in corpus.find("jour@kh.se")} == {"mail/index.html"}


def test_a_staff_page_is_read_block_by_block_without_the_cards_of_public_records(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("""<html><head><meta name="description" content="Rutin för rektorer när det brådskar efter
    klockan sexton."></head><body><article>
    <h2>Rektorernas jour på kvällen</h2><p>Ring jouren direkt om det gäller en elev</p>
    <ul><li>Skriv ner vad eleven har sagt</li><li>Berätta det för din närmaste chef</li></ul>
    <table><tr><th>Vem</th><td>Jouren för rektorer dygnet runt</td></tr></table>
    <section class="mv-card"><h3>Socialtjänsten</h3><p>Socialtjänsten tar emot orosanmälningar om barn.</p></section>
    <section class="mv-card"><h3>Jouren</h3><p>Jouren svarar bara rektorer och förskolechefer.</p>
    <p class="mv-card__source">Källa: katrineholm.se (sidan visar inget datum).</p></section>
    </article></body></html>""", "utf-8")
    data = data_of("katrineholm")
    blocks = page_blocks(page, data)
    assert blocks == ["Rektorernas jour på kvällen", "Ring jouren direkt om det gäller en elev",
                      "Skriv ner vad eleven har sagt", "Berätta det för din närmaste chef", "Vem",
                      "Jouren för rektorer dygnet runt", "Jouren", "Jouren svarar bara rektorer och förskolechefer.",
                      "Rutin för rektorer när det brådskar efter klockan sexton."]
    sentences = page_sentences(page, data, ROOT / "docs")
    assert {"Ring jouren direkt om det gäller en elev", "Jouren för rektorer dygnet runt",
            "Rutin för rektorer när det brådskar efter klockan sexton."} <= sentences
    assert not [s for s in sentences if "orosanmälningar" in s or "Källa" in s]


def test_the_pdf_is_read_in_content_order_so_a_table_cell_stays_one_text(tmp_path):
    from weasyprint import HTML

    secret = "Skicka aldrig personuppgifter om ärendet med e-post utan att först prata med säkerhetschefen"
    other = "Ring kommunens växel och be att få prata med socialtjänsten om du är orolig för ett barn i närheten"
    HTML(string=f'<html lang="sv"><body><table style="width:100%"><tr><td style="width:35%">{secret}</td>'
                f'<td>{other}</td></tr></table></body></html>').write_pdf(tmp_path / "plan.pdf")
    text = pdf_text(tmp_path / "plan.pdf")
    assert secret in " ".join(text.split())


def test_an_unreadable_pdf_fails_the_check_instead_of_reading_as_empty(tmp_path):
    (tmp_path / "handlingsplan.pdf").write_bytes(b"not a pdf")
    with pytest.raises(AssertionError, match="pdftotext"):
        Corpus.of(tmp_path)


def test_the_check_finds_staff_text_planted_in_each_kind_of_public_file(built, tmp_path):
    from weasyprint import HTML

    # Built with an address, as published: only then is there a sitemap (tests/test_site_address.py).
    site = shutil.copytree(built("katrineholm", PUBLISHED_AT) / "site", tmp_path / "site")
    secret = "Skicka aldrig personuppgifter om ärendet med e-post. Använd telefon eller ett möte."
    assert secret in staff_strings("katrineholm")
    page = site / "om-webbplatsen" / "index.html"
    page.write_text(page.read_text("utf-8").replace("</article>", f"<p>{secret}</p></article>"), "utf-8")
    for index in (site / "search" / "search_index.json", site / "en" / "search" / "search_index.json"):
        content = json.loads(index.read_text("utf-8"))
        content["docs"][0]["text"] += " " + secret
        index.write_text(json.dumps(content), "utf-8")  # ensure_ascii: å, ä, ö become \\u escapes
    sitemap = site / "sitemap.xml.gz"
    sitemap.write_bytes(gzip.compress(gzip.decompress(sitemap.read_bytes()) + secret.encode()))
    data = site / "oppna-data" / "kontakter.json"
    data.write_text(data.read_text("utf-8").replace('"Kommunens kontakter"', json.dumps(secret, ensure_ascii=False)),
                    "utf-8")
    table = site / "oppna-data" / "kontakter.csv"
    table.write_text(table.read_text("utf-8") + f'direkt,"{secret}"\n', "utf-8")
    not_found = site / "404.html"
    not_found.write_text(not_found.read_text("utf-8").replace("</h1>", f"</h1><p>{secret}</p>", 1), "utf-8")
    start = site / "index.html"
    html = start.read_text("utf-8")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    graph = json.loads(script.group(1).replace("<\\/", "</"))
    graph["@graph"][0]["description"] = secret
    start.write_text(html.replace(script.group(1), json.dumps(graph)), "utf-8")  # escaped: only JSON-LD reads it
    robots = site / "robots.txt"
    robots.write_text(robots.read_text("utf-8") + f"# {secret}\n", "utf-8")
    HTML(string=f'<html lang="sv"><body><table style="width:100%"><tr><td style="width:30%">{secret}</td>'
                f'<td>Kommunens växel kopplar dig vidare till rätt person, dygnet runt och alla dagar.</td></tr>'
                f'</table></body></html>').write_pdf(site / "handlingsplan.pdf")
    found = {name.split(" [")[0] for name in Corpus.of(site).find(secret)}
    assert found == {"om-webbplatsen/index.html", "search/search_index.json", "en/search/search_index.json",
                     "sitemap.xml.gz", "oppna-data/kontakter.json", "oppna-data/kontakter.csv", "404.html",
                     "index.html", "robots.txt", "handlingsplan.pdf"}
    assert "index.html [json-ld]" in Corpus.of(site).find(secret)


# --- Copied by a communicator ----------------------------------------------------------------------------

NO_GUARD = '''

# Switched off by tests/test_leaks.py: this copy is built to show that the leak check finds what the guard stops.
def source_problems(*args, **kwargs):
    return []


def link_problems(*args, **kwargs):
    return []
'''
NO_OUTPUT_GUARD = '''

# Switched off by tests/test_leaks.py, as above: the guard over the built public site (the second line).
def leaks(*args, **kwargs):
    return []
'''
PAGE_SENTENCE = "Säg inte namnet på personen förrän ni har bestämt att det behövs."  # personal/konsultation.md
NOTE_SENTENCE = "Säkerhetschefen avgör tillsammans med dig hur uppgifterna ska hanteras."  # half a staff_note
TABLE_ROW = "Rektorernas jour dygnet runt, alla dagar"
NOTE = "internt: ring rektorernas jour"


@pytest.fixture(scope="module")
def copied(tmp_path_factory):
    """A copy of the project in which a communicator copied staff text into public pages and data, linked a
    staff page from a public one and left notes in HTML comments, built with the build's guard switched off."""
    base = tmp_path_factory.mktemp("copied")
    project = copy_project(base / "project")
    with (project / "macros" / "guards" / "audience.py").open("a", encoding="utf-8") as module:
        module.write(NO_GUARD)
    with (project / "macros" / "guards" / "leak_guard.py").open("a", encoding="utf-8") as module:
        module.write(NO_OUTPUT_GUARD)
    staff_page = project / "personal" / "vid-oro.md"
    staff_page.write_text(staff_page.read_text("utf-8") + (
        f"\n## Interna nummer\n\n| Vem | Nummer |\n|---|---|\n| {TABLE_ROW} | 0150-570 00 |\n"
        f"\n<!-- {NOTE} -->\n\nBlanketten finns [här](bilagor/blankett.txt).\n"), "utf-8")
    (project / "personal" / "bilagor").mkdir()
    (project / "personal" / "bilagor" / "blankett.txt").write_text("Blankett\n", "utf-8")
    page = project / "docs" / "om-webbplatsen.md"
    page.write_text(page.read_text("utf-8") + (
        f"\n{PAGE_SENTENCE}\n\n| Vem | Nummer |\n|---|---|\n| {TABLE_ROW} | 0150-570 00 |\n"
        f"\nPersonal: läs <a href=\"../personal/vid-oro/\">rutinen vid oro</a>.\n\n<!-- {NOTE} -->\n"), "utf-8")
    contacts = project / "data" / "contacts.yml"
    contacts.write_text(contacts.read_text("utf-8").replace(
        "      sv: Socialtjänsten nås via kommunens växel.\n",
        f"      sv: Socialtjänsten nås via kommunens växel. {NOTE_SENTENCE}\n"), "utf-8")
    result = run_build(project, base / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, base / "out"


def test_the_check_finds_staff_text_copied_into_a_public_page_and_public_data(copied):
    project, out = copied
    corpus = Corpus.of(out / "site")
    strings = leaks_in(corpus, staff_strings("katrineholm", project))
    sentences = leaks_in(corpus, staff_page_sentences(out / "site-staff", "katrineholm", project))
    assert {"om-webbplatsen/index.html", "search/search_index.json [values]"} <= set(sentences[PAGE_SENTENCE])
    assert "om-webbplatsen/index.html" in sentences[TABLE_ROW]
    copied_note = [found for needle, found in strings.items() if needle.casefold() == NOTE_SENTENCE.casefold()]
    # A source note is on the sources list of Om webbplatsen (the cards carry one line) and in the PDF's rows.
    assert copied_note and {"om-webbplatsen/index.html", "handlingsplan.pdf [pdf text]"} <= set(copied_note[0])


def test_the_check_finds_a_link_to_a_staff_page(copied):
    project, out = copied
    assert staff_links(out / "site") == {"om-webbplatsen/index.html": ["../personal/vid-oro/"]}
    assert "om-webbplatsen/index.html" in Corpus.of(out / "site").find("personal/vid-oro")


def test_notes_in_html_comments_reach_neither_site_and_the_pdf_size_is_still_shown(copied):
    project, out = copied
    for site in ("site", "site-staff"):
        for page in (out / site).rglob("*.html"):
            assert NOTE not in page.read_text("utf-8"), page
    for site, page in (("site", "handlingsplan"), ("site-staff", "personal/styrning")):
        link = BeautifulSoup((out / site / page / "index.html").read_text("utf-8"), "html.parser")
        assert re.search(r"\(PDF, \d+ kB\)", link.select_one(".mv-pdf-link").get_text()), (site, page)


def test_an_attachment_in_docs_personal_is_on_the_staff_site_only(copied):
    project, out = copied
    assert (out / "site-staff" / "personal" / "bilagor" / "blankett.txt").exists()
    assert not [p for p in (out / "site").rglob("blankett.txt")]
