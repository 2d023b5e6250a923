"""The allow-list for page content, tried with the spellings browsers accept (macros/guards/safe_urls.py,
macros/guards/safe_html.py). The build tests (test_hostile_pages.py) show the same checks on real pages."""

from __future__ import annotations

import pytest

from macros.guards.safe_html import findings
from macros.guards.safe_urls import link_problem

SCRIPT_SPELLINGS = ["javascript:alert(1)", " JavaScript:alert(1)", "\tjava\nscript:alert(1)",
                    "java\r\nscript:alert(1)", "&#106;avascript:alert(1)", "jav&#x09;ascript:alert(1)",
                    "javascript&colon;alert(1)", "&#0000106avascript:alert(1)", "\x01javascript:alert(1)",
                    "java%73cript:alert(1)", "DATA:text/html,x", "vbscript:msgbox(1)", "&NewLine;javascript:x"]


@pytest.mark.parametrize("address", SCRIPT_SPELLINGS)
def test_every_spelling_of_a_script_address_is_refused(address):
    assert link_problem(address) is not None and link_problem(address)[0] == "scheme"


@pytest.mark.parametrize("address", ["https://www.1177.se/", "mailto:a@b.se", "tel:+4620100200", "sms:+4672000",
                                     "../stodlinjer/", "#bris", "bilder/karta.png", "?q=1", "//annan.example/"])
def test_addresses_a_page_needs_are_allowed(address):
    assert link_problem(address) is None


@pytest.mark.parametrize("html,code", [
    ('<a href="  jav&#x09;ascript:alert(1)">x</a>', "html_link_scheme"),
    ("<IMG SRC=javascript:alert(1)>", "html_link_scheme"),
    ('<math><a xlink:href="javascript:alert(1)">x</a></math>', "html_link_scheme"),
    ('<button formaction="javascript:alert(1)">x</button>', "html_link_scheme"),
    ("<img/src=x onerror=alert(1)>", "html_event_handler"),
    ("<svg/onload=alert(1)>", "html_event_handler"),
    ("<details open ontoggle=alert(1)>", "html_event_handler"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "html_element"),
    ('<svg><a><animate attributeName=href values=javascript:alert(1) /></a></svg>', "html_element"),
    ("<svg><style><img src=x onerror=alert(1)></style></svg>", "html_element"),
    ('<meta http-equiv="Refresh" content="0;url=https://annan.example/">', "html_meta_refresh"),
    ('<div style="background:u\\rl(https://annan.example/a.png)">', "html_other_host"),
    ("<p style=\"background-image: image-set('https://annan.example/a.png' 1x)\">", "html_other_host"),
    ('<style>@import "https://annan.example/a.css";</style>', "html_other_host"),
    ('<img srcset="bild.png 1x, https://annan.example/b.png 2x" alt="">', "html_other_host"),
    ('<math href="java&#x0A;script:alert(1)"><mi>x</mi></math>', "html_link_scheme"),    # an unlisted attribute
    ('<x-knapp to=" VBScript:msgbox(1)">x</x-knapp>', "html_link_scheme"),
    ('<a href="http://www.exempel.se/">x</a>', "html_link_http"),
    ('<img src="http://www.exempel.se/a.png" alt="">', "html_other_host"),
])
def test_content_that_could_run_script_or_fetch_elsewhere_is_found(html, code):
    assert code in [finding.code for finding in findings(html)]


def test_what_the_kit_itself_writes_into_pages_is_allowed():
    html = ('<p><a href="tel:+4620100200">020-100 200</a> <a href="mailto:a@b.se">a@b.se</a> '
            '<a href="https://www.1177.se/">1177</a> <a href="sms:+4672000">72 000</a></p>'
            '<img src="../assets/bild.png" alt=""><p style="color: red">x</p><a href="#bris">Bris</a>')
    assert findings(html) == []


class _File:
    """The three things file_problems reads of MkDocs' File."""

    def __init__(self, docs, uri):
        self.abs_src_path, self.src_uri = str(docs / uri), uri

    def is_documentation_page(self) -> bool:
        return False


def test_a_compressed_svg_beside_the_pages_is_read_unpacked(tmp_path):
    import gzip

    from macros.guards.safe_html import file_problems
    svg = b'<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n'
    (tmp_path / "bild.svgz").write_bytes(gzip.compress(svg))
    (tmp_path / "ren.svgz").write_bytes(gzip.compress(b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'))
    problems = [str(p) for p in file_problems([_File(tmp_path, "bild.svgz"), _File(tmp_path, "ren.svgz")],
                                              str(tmp_path))]
    assert len(problems) == 1 and problems[0].startswith("docs/bild.svgz:") and "<script>" in problems[0]


def test_an_attachment_of_the_staff_pages_is_checked_and_named_where_it_lies(tmp_path):
    from macros.guards.safe_html import file_problems
    docs, staff = tmp_path / "docs", tmp_path / "personal" / "bilagor"
    docs.mkdir()
    staff.mkdir(parents=True)
    (staff / "blankett.html").write_text("<!doctype html>\n<p>Blankett</p>\n<script>alert(1)</script>\n", "utf-8")

    class StaffFile(_File):
        def __init__(self):
            self.abs_src_path, self.src_uri = str(staff / "blankett.html"), "personal/bilagor/blankett.html"

    [problem] = [str(p) for p in file_problems([StaffFile()], str(docs))]
    assert problem.startswith("personal/bilagor/blankett.html:3:") and "<script>" in problem
