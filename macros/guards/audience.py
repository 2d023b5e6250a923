"""Staff-only content stays off the public site: the checks of the sources (called by macros/cli/build.py and
macros/engine/hooks.py).

The public build never holds staff records or staff pages (macros/build_state.py keeps only the public view; the
staff pages live in personal/, outside docs/), and the page macros refuse staff ids on public pages. What
construction cannot see is what a communicator does by hand, which these checks look for in the sources
(macros/guards/leak_guard.py then looks again in the built public site):

- copies a sentence from a staff page (personal/) or from staff data (staff_guidance.yml, an
  `audience: staff` record, a `staff_note`) into a public page or a public record (`source_problems`);
- lets a staff page link an attachment that lies outside personal/, so that it is published with the
  public site (`source_problems`);
- includes a staff page in a public one with {% include "personal/…" %} (`include_problems`);
- links a public page to a staff page, publishing a dead link that shows the staff site's address
  (`link_problems`);
- writes notes in HTML comments, which Markdown copies into the page's HTML source (`without_comments`).

Every problem is a Swedish message that names the file and line. The checks that read staff pages or staff
data (`source_problems`) run in the parent process of `make site` (macros/cli/build.py), never in the public
MkDocs process; the others run in the hooks, which log them as errors, so the strict build fails. Either way
the last good site stays as it was.

Copied text is found word by word (case, punctuation, line breaks and Markdown do not matter): a whole
sentence of at least SENTENCE_WORDS words, or WINDOW consecutive words of one paragraph. Shorter windows
flag stock phrases that public and staff text share by nature ("ring växeln och be att få prata med").
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from macros.contract.models import FILES, Consultation
from macros.contract.yaml_source import read_yaml
from macros.problems import Problem, shown_path

STAFF_FOLDER = "personal"          # personal/ (beside docs/): pages and attachments of the staff site only
STAFF_PDF = "handlingsplan-personal.pdf"
SENTENCE_WORDS = 5
WINDOW = 10
# Data fields that are never prose shown to anyone: identifiers, and notes shown on neither site.
_NOT_PROSE = {"id", "audience", "check_note"}
_STAFF_FILE = "staff_guidance.yml"  # the whole file is internal

_WORD = re.compile(r"[^\W_](?:[^\W_]|\u00ad)*(?:[-'’][^\W_](?:[^\W_]|\u00ad)*)*")  # soft hyphens inside


# --- Text as words ---------------------------------------------------------------------------------------

def _blank(match: re.Match) -> str:
    """The matched text as spaces (line breaks kept), so that offsets and line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group())


_NOT_TEXT = [
    re.compile(r"<!--.*?-->", re.S),                        # notes: not published (without_comments)
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S),   # macro calls: their output comes from data
    re.compile(r"\]\([^)\n]*\)"),                           # link targets: [text](target)
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M),  # reference definitions: [x]: target
    re.compile(r"</?[A-Za-z][^>\n]*>"),                     # HTML tags
    re.compile(r"\{[:#.][^}\n]*\}"),                        # attribute lists: {#id .class}
    re.compile(r"(?:https?://|mailto:|tel:)\S+|[^\s@()<>]+@[^\s@()<>]+\.\w+"),  # addresses
]
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)


def _readable(text: str, markdown_file: bool = False) -> str:
    """The text a reader reads, as the same number of characters: everything else becomes spaces."""
    if markdown_file and (front := _FRONT_MATTER.match(text)):
        # Only the description is read (by search engines and link previews); keys, dates and notes are not.
        kept, reading = [], False
        for line in front.group(0).splitlines(keepends=True):
            if line.startswith("description:"):
                reading = True
                kept.append(" " * len("description:") + line[len("description:"):])
            elif reading and line[:1] in (" ", "\t") and line.strip():
                kept.append(line)
            else:
                reading = False
                kept.append(re.sub(r"[^\n]", " ", line))
        text = "".join(kept) + text[front.end():]
    for pattern in _NOT_TEXT:
        text = pattern.sub(_blank, text)
    return text


_BLOCK_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|#|>|\||:[ \t]|!!!|\?\?\?))|\|")
_ONE_LINE_BLOCK = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|\|).*$", re.M)   # a heading or a table row ends at its line
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")


@dataclass(frozen=True)
class Word:
    word: str        # case-folded
    start: int
    end: int
    block: int       # paragraph, list item, heading, table cell
    sentence: int


def words_of(text: str) -> list[Word]:
    """The words of a (readable) text, each with its place, paragraph and sentence."""
    blocks = {m.start() for m in _BLOCK_BREAK.finditer(text)} | {m.end() for m in _ONE_LINE_BLOCK.finditer(text)}
    block_breaks = sorted(blocks)
    sentence_breaks = sorted(blocks | {m.start() for m in _SENTENCE_END.finditer(text)})
    return [Word(_folded(m.group()), m.start(), m.end(),
                 bisect_right(block_breaks, m.start()), bisect_right(sentence_breaks, m.start()))
            for m in _WORD.finditer(text)]


def folded_words(text: str) -> tuple[str, ...]:
    """The words of a text as words_of gives them, without their places."""
    return tuple(map(_folded, _WORD.findall(text)))


def _folded(word: str) -> str:
    """A word as it is compared: case-folded, soft hyphens removed."""
    return word.replace("\u00ad", "").casefold()


# --- Where texts come from -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Piece:
    """A text and where it stands: a whole Markdown file (line numbers follow its lines) or one data value."""

    text: str
    file: str
    line: int = 1
    markdown_file: bool = False

    def line_at(self, offset: int) -> int:
        return self.line + self.text.count("\n", 0, offset) if self.markdown_file else self.line

    def where(self, offset: int) -> str:
        return f"{self.file} rad {self.line_at(offset)}"


def _is_staff_page(relative: Path | PurePosixPath) -> bool:
    return bool(relative.parts) and relative.parts[0] == STAFF_FOLDER


def source_name(src_uri: str) -> str:
    """Where a page's file is, as messages show it: docs/stodlinjer.md, or personal/vid-oro.md (not in docs/)."""
    return src_uri if _is_staff_page(PurePosixPath(src_uri)) else f"docs/{src_uri}"


def page_sources(docs: Path, root: Path) -> list[tuple[Path, str]]:
    """(file, address in the staff site's tree) of every page: docs/x.md is x.md, personal/y.md is personal/y.md."""
    pages = [(path, path.relative_to(docs).as_posix()) for path in sorted(docs.rglob("*.md"))]
    staff = root / STAFF_FOLDER
    return pages + [(path, path.relative_to(root).as_posix()) for path in sorted(staff.rglob("*.md"))]


def markdown_pieces(docs: Path, root: Path) -> tuple[list[Piece], list[Piece]]:
    """(staff, public): the readable text of every page in personal/, and of every page in docs/."""
    staff, public = [], []
    for path, address in page_sources(docs, root):
        text = _readable(path.read_text("utf-8"), markdown_file=True)
        piece = Piece(text, shown_path(path, root), 1, markdown_file=True)
        (staff if _is_staff_page(Path(address)) else public).append(piece)
    return staff, public


def data_pieces(data_dir: Path, root: Path) -> tuple[list[Piece], list[Piece]]:
    """(staff, public): every text value of the data files, split by who may read it, with its line."""
    staff: list[Piece] = []
    public: list[Piece] = []
    consultation_default = Consultation.model_fields["audience"].default
    for name in FILES:
        path = data_dir / name
        if not path.is_file():
            continue
        doc = read_yaml(path)
        if doc.problems:
            continue  # the data check reports these
        shown = shown_path(path, root)

        def walk(value, where: tuple, internal: bool) -> None:
            if isinstance(value, dict):
                audience = value.get("audience")
                if where == ("municipality", "consultation"):
                    audience = audience or consultation_default
                internal = internal or audience == "staff"
                for key, item in value.items():
                    if key not in _NOT_PROSE:
                        walk(item, where + (key,), internal or key == "staff_note")
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    walk(item, where + (index,), internal)
            elif isinstance(value, str) and len(value.split()) > 1:
                piece = Piece(_readable(value), shown, doc.lines.get(where, 1))
                (staff if internal else public).append(piece)

        walk(doc.data, (), name == _STAFF_FILE)
    return staff, public


# --- Staff text in public text ---------------------------------------------------------------------------

@dataclass
class StaffIndex:
    """Every staff sentence and every window of WINDOW words of a staff paragraph, with where it comes from."""

    sentences: dict[tuple, str]
    windows: dict[tuple, str]

    @classmethod
    def of(cls, pieces: list[Piece]) -> "StaffIndex":
        sentences: dict[tuple, str] = {}
        windows: dict[tuple, str] = {}
        for piece in pieces:
            found = words_of(piece.text)
            for group in _runs(found, "sentence"):
                if len(group) >= SENTENCE_WORDS:
                    sentences.setdefault(tuple(w.word for w in group), piece.where(group[0].start))
            for group in _runs(found, "block"):
                for i in range(len(group) - WINDOW + 1):
                    windows.setdefault(tuple(w.word for w in group[i:i + WINDOW]), piece.where(group[i].start))
        return cls(sentences, windows)

    @property
    def size(self) -> int:
        return len(self.sentences) + len(self.windows)

    @cached_property
    def pairs(self) -> frozenset[tuple[str, str]]:
        """Every two words that follow each other in a staff sentence or window."""
        keys = [*self.sentences, *self.windows]
        return frozenset((key[i], key[i + 1]) for key in keys for i in range(len(key) - 1))

    def may_hold(self, words: tuple[str, ...]) -> bool:
        """Whether words (folded_words) may hold staff text: every sentence and window has five words or more,
        each two of them neighbours in staff text, so a text in which no two neighbours are holds none."""
        return not self.pairs.isdisjoint(zip(words, words[1:]))

    def hits(self, found: list[Word]) -> list[tuple[int, int, str]]:
        """(first word, last word + 1, staff source) for each public sentence or window that staff text has."""
        hits = []
        position = 0
        for group in _runs(found, "sentence"):
            key = tuple(w.word for w in group)
            if key in self.sentences:
                hits.append((position, position + len(group), self.sentences[key]))
            position += len(group)
        for group_start, group in _positions(_runs(found, "block")):
            for i in range(len(group) - WINDOW + 1):
                window = tuple(w.word for w in group[i:i + WINDOW])
                if window in self.windows:
                    hits.append((group_start + i, group_start + i + WINDOW, self.windows[window]))
        return hits


def _positions(groups: list[list[Word]]):
    position = 0
    for group in groups:
        yield position, group
        position += len(group)


def _runs(found: list[Word], attribute: str) -> list[list[Word]]:
    groups: list[list[Word]] = []
    for word in found:
        if groups and getattr(groups[-1][-1], attribute) == getattr(word, attribute):
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def copied_staff_text(staff: list[Piece], public: list[Piece], page_files: set[str]) -> list[Problem]:
    """A problem for every place where public text repeats staff text."""
    index = StaffIndex.of(staff)
    messages: dict[tuple, Problem] = {}
    for piece in public:
        if not index.may_hold(folded_words(piece.text)):
            continue
        found = words_of(piece.text)
        spans: dict[str, list[list[int]]] = {}
        for start, end, source in sorted(index.hits(found)):
            runs = spans.setdefault(source, [])
            if runs and start <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        for source, runs in spans.items():
            for start, end in runs:
                line = piece.line_at(found[start].start)
                key = (piece.file, line, source.split(" rad ")[0])
                if key in messages:
                    continue
                excerpt = " ".join(piece.text[found[start].start:found[end - 1].end].split())
                code = "staff_text_in_public_page" if piece.file in page_files else "staff_text_in_public_data"
                messages[key] = Problem(code, piece.file, line, {"value": excerpt, "source": source})
    return [messages[key] for key in sorted(messages)]


# --- Attachments of staff pages --------------------------------------------------------------------------

_LINK_TARGETS = [
    re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)"),                    # [text](target), ![alt](image)
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.M),     # [x]: target
    re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.I),   # raw HTML
]


def _linked_files(path: Path, address: str) -> list[tuple[str, int]]:
    """(path in the site's tree, line) of every local file a page's Markdown links or embeds."""
    text = path.read_text("utf-8")
    folder = posixpath.dirname(address)
    found = []
    for pattern in _LINK_TARGETS:
        for match in pattern.finditer(text):
            target = match.group(1)
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            resolved = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            if not resolved.startswith("../"):
                found.append((resolved, text.count("\n", 0, match.start()) + 1))
    return found


def site_assets(config) -> set[str]:
    """Files in docs/ that the configuration itself puts on every page (stylesheets, scripts, icons)."""
    scripts = [*(config.get("extra_css") or []), *(config.get("extra_javascript") or [])]
    used = {str(getattr(item, "path", item)) for item in scripts}
    theme = config.get("theme")
    for key in ("favicon", "logo"):
        value = theme.get(key) if theme is not None else None
        if isinstance(value, str):
            used.add(value)
    return used


def attachment_problems(docs: Path, root: Path, used: set[str] = frozenset()) -> list[Problem]:
    """Files that only staff pages link but that lie outside personal/ (in docs/): the public build publishes
    them."""
    public_links: set[str] = set(used)
    staff_links: list[tuple[Path, str, int]] = []
    for path, address in page_sources(docs, root):
        links = _linked_files(path, address)
        if _is_staff_page(Path(address)):
            staff_links += [(path, target, line) for target, line in links]
        else:
            public_links |= {target for target, _ in links}
    problems = []
    for page, target, line in staff_links:
        file = docs / target
        if file.suffix == ".md" or not file.is_file() or _is_staff_page(Path(target)) or target in public_links:
            continue
        problems.append(Problem("staff_attachment_outside", shown_path(page, root), line,
                                {"target": shown_path(file, root)}))
    return list(dict.fromkeys(problems))


def source_problems(root: Path, docs: Path, data_dir: Path, used: set[str] = frozenset()) -> list[Problem]:
    """Everything the public build must refuse that can be seen in the sources alone (see the module doc)."""
    staff_pages, public_pages = markdown_pieces(docs, root)
    staff_data, public_data = data_pieces(data_dir, root)
    pages = {piece.file for piece in public_pages}
    return (copied_staff_text(staff_pages + staff_data, public_pages + public_data, pages)
            + attachment_problems(docs, root, used))


# --- Includes and links on a public page -----------------------------------------------------------------

_TEMPLATE_TAG = re.compile(r"\{%-?\s*(?:include|import|from|extends)\b(.*?)-?%\}", re.S)
_QUOTED = re.compile(r"""(["'])(.*?)\1""")


def _template_name(name: str) -> str:
    return posixpath.normpath(name.replace("\\", "/").lstrip("/"))


def names_staff_page(name: str) -> bool:
    """personal/x.md, ./personal/x.md, ../personal/x.md, PERSONAL/x.md: any spelling that names the staff
    folder. (Jinja cannot find them, since the public build's docs/ has no staff pages; this says why.)"""
    return STAFF_FOLDER in (part.casefold() for part in PurePosixPath(_template_name(name)).parts)


def include_problems(path: Path, docs: Path, root: Path, _seen: set | None = None) -> list[Problem]:
    """{% include "personal/…" %} (or import, from, extends) in a public page, also through an included file.

    mkdocs-macros looks templates up in docs/, so a public page could pull a staff page's text in."""
    seen = _seen if _seen is not None else set()
    if path in seen or not path.is_file():
        return []
    seen.add(path)
    text = path.read_text("utf-8")
    problems = []
    for tag in _TEMPLATE_TAG.finditer(text):
        line = text.count("\n", 0, tag.start()) + 1
        for _, name in _QUOTED.findall(tag.group(1)):
            target = _template_name(name)
            if names_staff_page(name):
                problems.append(Problem("staff_include_in_public", shown_path(path, root), line,
                                        {"value": " ".join(tag.group(0).split())}))
            elif not target.startswith("../"):   # only files of docs/ are read, never what lies beside it
                problems += include_problems(docs / target, docs, root, seen)
    return problems


def without_staff_includes(text: str) -> str:
    """The page's source with every include of a staff page blanked out, so that it is never rendered."""
    def blank(tag: re.Match) -> str:
        names = [name for _, name in _QUOTED.findall(tag.group(1))]
        return _blank(tag) if any(names_staff_page(name) for name in names) else tag.group()

    return _TEMPLATE_TAG.sub(blank, text)


def folder_problems(docs: Path, root: Path) -> list[Problem]:
    """Ways of putting staff pages back into the public build's tree: a docs/personal/ folder, or a symbolic
    link in docs/ (to personal/ or anywhere else: MkDocs and Jinja follow links, the kit needs none)."""
    problems = []
    for path in sorted(docs.iterdir()) if docs.is_dir() else []:
        for found in [path, *(path.rglob("*") if path.is_dir() and not path.is_symlink() else [])]:
            shown = f"{docs.name}/{found.relative_to(docs).as_posix()}"   # the link's own name, not its target
            if found.is_symlink():
                problems.append(Problem("symlink_in_docs", shown, 1, {"path": shown}))
        if path.is_dir() and not path.is_symlink() and path.name.casefold() == STAFF_FOLDER:
            folder = f"{docs.name}/{path.name}/"
            problems.append(Problem("staff_folder_in_docs", folder, 1, {"folder": folder}))
    return problems


_ADDRESS = re.compile(r"""\b(?:href|src|action|data|poster)\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}/")


def staff_slugs(root: Path) -> set[str]:
    """The address of every staff page below personal/: vid-oro for personal/vid-oro.md."""
    folder = root / STAFF_FOLDER
    slugs = set()
    for path in folder.rglob("*.md") if folder.is_dir() else []:
        slug = path.relative_to(folder).with_suffix("").as_posix()
        slug = re.sub(r"(?:^|/)index$", "", re.sub(r"\.[a-z]{2}$", "", slug))
        if slug:
            slugs.add(slug)
    return slugs


def staff_address(href: str, page_url: str, site_url: str | None, slugs: set[str]) -> str | None:
    """The staff address an href on a public page leads to or shows (personal/vid-oro/, the staff PDF)."""
    href = html_lib.unescape(href).strip()
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None                                           # mailto:, tel:, sms:, data:
    written = unquote(parts.path)
    site = urlsplit(site_url or "")
    if parts.netloc and parts.netloc != site.netloc:
        path = ""                                             # another host
    elif parts.netloc:
        prefix = site.path or "/"
        path = written[len(prefix):] if written.startswith(prefix) else written.lstrip("/")
    elif not parts.path:
        return None                                           # #anchor on the same page
    else:
        path = unquote(urlsplit(urljoin("/" + page_url, href)).path).lstrip("/")
    path = _LANGUAGE_FOLDER.sub("", path)
    if path == STAFF_FOLDER or path.startswith(STAFF_FOLDER + "/") or posixpath.basename(path) == STAFF_PDF:
        return path
    # Wherever it leads (an intranet, a mistyped folder), the address still shows a staff page's path.
    for slug in sorted(slugs):
        if re.search(rf"(?:^|/){STAFF_FOLDER}/{re.escape(slug)}(?:[/.#]|$)", written):
            return f"{STAFF_FOLDER}/{slug}/"
    return STAFF_PDF if posixpath.basename(written) == STAFF_PDF else None


def line_with(source: str, needles: list[str]) -> int:
    """The first line of `source` that holds the first of `needles` found anywhere in it; else line 1."""
    lines = source.splitlines()
    for needle in needles:
        for number, line in enumerate(lines, 1):
            if needle and needle in line:
                return number
    return 1


def link_problems(html: str, page_url: str, src_path: str | None, shown: str, site_url: str | None,
                  slugs: set[str]) -> list[Problem]:
    """A problem for every link or embed on a public page that leads to the staff site."""
    source = None          # the page's Markdown, read only to say where a problem is
    problems = []
    for match in _ADDRESS.finditer(html):
        href = match.group(2)
        target = staff_address(href, page_url, site_url, slugs)
        if target is None:
            continue
        if source is None:
            try:
                source = Path(src_path).read_text("utf-8") if src_path else ""
            except OSError:
                source = ""
        slug = target.removeprefix(STAFF_FOLDER + "/").strip("/")
        line = line_with(source, [html_lib.unescape(href), f"{STAFF_FOLDER}/{slug}", slug or STAFF_PDF,
                                 f"{STAFF_FOLDER}/"])
        problems.append(Problem("staff_link_in_public", shown, line, {"target": target}))
    return list(dict.fromkeys(problems))


# --- Notes in HTML comments ------------------------------------------------------------------------------

_COMMENT = re.compile(r"<!--.*?-->", re.S)


def without_comments(html: str, keep: tuple[str, ...] = ()) -> str:
    """The page's HTML without <!-- … --> (communicators' notes), except the placeholders in `keep`."""
    return _COMMENT.sub(lambda m: m.group() if m.group() in keep else "", html)
