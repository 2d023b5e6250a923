"""What a page's content may hold: an allow-list, checked on the HTML that Markdown and the macros produced.

The check reads the rendered HTML of each page (on_page_content), so it sees every route at once: Markdown
links and reference links, autolinks, raw HTML, attribute lists and text from data. It refuses
- elements that run code, embed another document or send the visitor elsewhere: <script>, <iframe>,
  <object>, <embed>, <form>, <base>, <meta http-equiv="refresh"> and the like;
- inline event handlers (every attribute starting with on);
- addresses in any URL-bearing attribute whose scheme, read as a browser reads it (safe_urls), is not
  https:, mailto:, tel: or one on the site itself; http: is refused with its own message;
- anything the browser would fetch from another host (src, srcset, poster, <link href>, CSS url(), …):
  the site never contacts another host.
The kit's own scripts are in the theme templates (overrides/ and Material's), which are not page content.
Each finding carries the texts to look for in the page's Markdown, so that the message names its line.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from macros.guards.audience import STAFF_FOLDER, source_name
from macros.guards.safe_urls import link_problem, other_host, scheme_of
from macros.problems import Problem

# Schemes that run code when a browser follows or loads them, refused in every attribute, not only in the
# attributes known to hold an address.
SCRIPT_SCHEMES = {"javascript", "vbscript", "livescript", "mocha"}

# Elements that run code, embed another document or replace the page: never in content. Also the elements
# a browser reads as raw text (noscript, xmp, …), where html.parser and a browser disagree about where the
# element ends ("<noscript><p title='</noscript><img onerror=…>'>"), and SVG animations, which can set an
# href to javascript: (<animate attributeName="href" values="javascript:…">).
REFUSED_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base",
                    "portal", "fencedframe", "noscript", "noembed", "noframes", "xmp", "plaintext", "listing",
                    "textarea", "title", "template", "animate", "set", "animatemotion", "animatetransform",
                    "handler", "listener"}
# Attributes that hold an address the browser fetches by itself, without a click.
_FETCHED = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "ping", "codebase",
            "archive", "classid", "manifest", "imagesrcset"}
# Attributes that hold an address followed on a click or submit.
_FOLLOWED = {"href", "xlink:href", "action", "formaction", "cite", "longdesc", "icon", "profile", "usemap"}
# Elements whose href is fetched by itself rather than followed (a stylesheet, an SVG image or sprite).
_HREF_FETCHED = {"link", "image", "use", "feimage", "script"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE | re.DOTALL)
_RAW_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")


@dataclass
class Finding:
    """One thing a page may not hold: a message code of the catalogue, its values, and texts to find it by."""

    code: str
    values: dict = field(default_factory=dict)
    needles: list[str] = field(default_factory=list)


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        raw_tag = self.get_starttag_text() or f"<{tag}"
        raw = {name.lower(): value.strip("\"'") for name, value in _RAW_ATTRIBUTE.findall(raw_tag)}
        tag_needles = [f"<{tag}", f"<{tag.upper()}"]
        if tag in REFUSED_ELEMENTS:
            self.findings.append(Finding("html_element", {"tag": tag}, tag_needles))
        if tag == "meta" and any(name == "http-equiv" and (value or "").strip().lower() == "refresh"
                                 for name, value in attrs):
            self.findings.append(Finding("html_meta_refresh", {}, ["http-equiv", *tag_needles]))
        if tag == "style":
            self._in_style = True
        for name, value in attrs:
            value = value or ""
            needles = [raw.get(name, value), value, f"{name}=", *tag_needles]
            if name.startswith("on"):
                self.findings.append(Finding("html_event_handler", {"attr": name, "tag": tag}, needles))
                continue
            if name == "style":
                self._css(value, needles)
                continue
            fetched = name in _FETCHED or (name in ("href", "xlink:href") and tag in _HREF_FETCHED)
            if not fetched and name not in _FOLLOWED:
                # Any other attribute may still be read as an address by some element or a future
                # browser (MathML href, a custom element's script): a script scheme is refused everywhere.
                if scheme_of(value) in SCRIPT_SCHEMES:
                    self.findings.append(Finding("html_link_scheme",
                                                 {"value": _shown(value), "scheme": scheme_of(value)}, needles))
                continue
            addresses = _srcset(value) if name.endswith("srcset") else [value]
            for address in addresses:
                # Only the address itself: `href=` or `<a` would point at some other line of the page.
                self._address(address, fetched, [address, raw.get(name, value), value])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._in_style = False

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            markup = re.search(r"<[a-zA-Z/!][^<>]*>?", data)  # markup in <style>: in <svg> a browser parses it
            if markup:
                self.findings.append(Finding("html_element", {"tag": "style"}, [markup.group(0), "<style"]))
            self._css(data, ["<style"])

    def _address(self, address: str, fetched: bool, needles: list[str]) -> None:
        problem = link_problem(address)
        if problem is not None:
            kind, scheme = problem
            if kind == "http" and not fetched:
                self.findings.append(Finding("html_link_http", {"value": _shown(address)}, needles))
                return
            if kind == "scheme":
                self.findings.append(Finding("html_link_scheme", {"value": _shown(address), "scheme": scheme},
                                             needles))
                return
        if fetched:
            host = other_host(address)
            if host is not None:
                self.findings.append(Finding("html_other_host", {"value": _shown(address), "host": host}, needles))

    def _css(self, css: str, needles: list[str]) -> None:
        for address in css_addresses(css):
            self._address(address, True, [address, "url(", *needles])


def css_addresses(css: str) -> list[str]:
    """Every address a style would fetch: url(…), @import "…", image-set("…"), read by a CSS tokenizer
    (tinycss2, WeasyPrint's), so that escapes such as u\\rl( are read as a browser reads them."""
    import tinycss2

    found: list[str] = []

    def walk(tokens, in_url_function: bool = False) -> None:
        previous = None
        for token in tokens:
            kind = token.type
            if kind == "url":
                found.append(token.value)
            elif kind == "string" and (in_url_function or (previous is not None and previous.type == "at-keyword"
                                                            and previous.lower_value == "import")):
                found.append(token.value)
            elif kind == "function":
                walk(token.arguments, token.lower_name in ("url", "src", "image-set", "-webkit-image-set"))
            elif kind in ("() block", "[] block", "{} block"):
                walk(token.content, in_url_function)
            if kind not in ("whitespace", "comment"):
                previous = token

    walk(tinycss2.parse_component_value_list(css))
    # What a tokenizer would not call a URL but an old browser might: keep the plain pattern as well.
    found += [m.group(2) if m.group(2) is not None else m.group(4) for m in _CSS_URL.finditer(css)]
    return list(dict.fromkeys(address for address in found if address is not None))


def _srcset(value: str) -> list[str]:
    """The addresses in a srcset: candidates separated by commas, each an address and a size."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def findings(html: str) -> list[Finding]:
    """Everything in a page's content (or a fragment) that the allow-list does not allow."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.findings


def line_of(source: str, finding: Finding) -> int:
    """The line of the page's Markdown that holds the finding (the first needle found), else line 1."""
    for needle in finding.needles:
        needle = needle.strip()
        at = source.find(needle) if needle else -1
        if at >= 0:  # a needle may span lines: an address broken over two lines
            return source.count("\n", 0, at) + 1
    return 1


def _shown(value: str) -> str:
    """An address as the message shows it: on one line, with its hidden characters visible."""
    return value.strip().replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def page_problems(html: str, src_path: str | None, shown: str) -> list[Problem]:
    """A problem, with the page's file and line, for each finding in a page's rendered content."""
    found = findings(html)
    if not found:
        return []
    try:
        source = open(src_path, encoding="utf-8").read() if src_path else ""
    except OSError:
        source = ""
    return [Problem(finding.code, shown, line_of(source, finding), finding.values) for finding in found]


# Front matter that Material prints into the page as it is (its templates do not autoescape).
PRINTED_META = ("title", "description", "author", "subtitle", "status")


def escape_page_texts(page) -> None:
    """A page's title and printed front matter are text, which the theme prints unescaped in <title>, <meta
    name="description">, the header, the menu and the search index: `title: <img onerror=…>` ran script,
    `description: '"><script>…'` left its attribute, and `# Tom &lt;b&gt;` became a tag. As Markup they
    print escaped exactly once everywhere (overrides/main.html prints <title> without Material's striptags,
    which would undo the escaping)."""
    from markupsafe import Markup, escape

    for key in PRINTED_META:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key])       # plain text from the front matter
    if "title" in vars(page):
        page.title = escape(page.title)                    # plain text from the menu (mkdocs.yml nav)
    elif "title" in page.meta:
        page.title = page.meta["title"]
    elif getattr(page, "_title_from_render", None):
        page.title = Markup(page._title_from_render)       # the first heading: already HTML, tags stripped
    elif page.title is not None:
        page.title = escape(page.title)                    # made from the file name


# The kit's own scripts: the only JavaScript files docs/ may hold (a script anywhere else runs on the site's
# address as soon as someone opens it).
KIT_SCRIPTS = "assets/javascripts/"
_MARKUP_FILES = (".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt")
_SCRIPT_FILES = (".js", ".mjs", ".cjs", ".wasm", ".swf")


def file_problems(files, docs_dir: str) -> list[Problem]:
    """A problem for every file in docs/ besides the pages that could run script or fetch from another host
    when opened: an HTML or SVG file is checked like a page's content, a stylesheet like a style, and a
    script outside assets/javascripts/ is refused."""
    from pathlib import Path

    problems = []
    for file in files:
        source = getattr(file, "abs_src_path", None)
        uri = file.src_uri
        # Files of docs/ and of the staff pages' folder beside it (the staff site's attachments).
        folders = [Path(docs_dir).resolve(), Path(docs_dir).resolve().parent / STAFF_FOLDER]
        if not source or file.is_documentation_page() or not any(Path(source).is_relative_to(f) for f in folders):
            continue
        shown = source_name(uri)
        suffix = Path(uri).suffix.lower()
        if suffix in _SCRIPT_FILES and not uri.startswith(KIT_SCRIPTS):
            problems.append(Problem("script_file", shown, 1, {"file": shown}))
            continue
        if suffix not in _MARKUP_FILES + (".css",):
            continue
        try:
            raw = Path(source).read_bytes()
            if suffix == ".svgz":   # compressed SVG: read it as the browser will, unpacked
                raw = gzip.decompress(raw)
            text = raw.decode("utf-8", errors="replace")
        except (OSError, EOFError, gzip.BadGzipFile):
            continue
        if suffix == ".css":
            checker = _Checker()
            checker._css(text, [])
            found = checker.findings
        else:  # a whole document: its <title> is where a title belongs
            found = [f for f in findings(text) if f.values.get("tag") != "title" or f.code != "html_element"]
        problems += [Problem(f.code, shown, line_of(text, f), f.values) for f in found]
    return problems
