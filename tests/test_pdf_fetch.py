"""WeasyPrint reads only files of the site being built (issue 15): no file elsewhere, no network, no data:
URL, no attachment. The fetcher is tried directly with every kind of address, and with WeasyPrint itself."""

from __future__ import annotations

import pytest

from macros.outputs.pdf.fetch import attachments
from macros.outputs.pdf.site_fetcher import SiteOnlyFetcher


@pytest.fixture
def site(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bild.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', "utf-8")
    (tmp_path / "hemlig.txt").write_text("hemligt", "utf-8")
    (docs / "genvag.txt").symlink_to(tmp_path / "hemlig.txt")
    return docs


@pytest.mark.parametrize("address,reason", [
    ("file:///etc/passwd", "outside"),
    ("{docs}/../hemlig.txt", "outside"),
    ("{docs}/genvag.txt", "outside"),              # a symbolic link out of the site
    ("{docs}/finns-inte.png", "missing"),
    ("https://annan.example/bild.png", "network"),
    ("http://127.0.0.1:9/bild.png", "network"),
    ("data:image/svg+xml,<svg/>", "data"),
    ("ftp://annan.example/x", "network"),
])
def test_the_pdf_fetcher_refuses_everything_but_files_of_the_site(site, address, reason):
    fetcher = SiteOnlyFetcher([site])
    url = address.format(docs="file://" + str(site))
    with pytest.raises(ValueError):
        fetcher.fetch(url)
    assert [(r.url, r.reason) for r in fetcher.refused] == [(url, reason)]


def test_the_pdf_fetcher_reads_a_file_of_the_site(site):
    response = SiteOnlyFetcher([site]).fetch((site / "bild.svg").as_uri())
    assert b"<svg" in response.read()
    response.close()


def test_weasyprint_reads_nothing_outside_the_site(site, tmp_path):
    from weasyprint import HTML

    fetcher = SiteOnlyFetcher([site])
    html = (f'<img src="../hemlig.txt"><img src="bild.svg"><img src="https://annan.example/x.png">'
            f'<link rel="stylesheet" href="file:///etc/passwd">')
    HTML(string=html, base_url=str(site) + "/", url_fetcher=fetcher).write_pdf()
    assert sorted(r.reason for r in fetcher.refused) == ["network", "outside", "outside"]


def test_attachments_are_found_in_any_spelling():
    html = '<a rel="attachment" href="a.pdf">a</a><link REL="Stylesheet Attachment" href="b.txt"><a href="c">c</a>'
    assert attachments(html) == ["a.pdf", "b.txt"]
