"""Read a YAML file into plain Python values plus the line number of every value and key.

PyYAML with YAML 1.2-style scalars: only true/false are booleans (so "no" and "on" stay text), times like
21:00 are text rather than sexagesimal numbers, numbers with a leading zero (phone numbers) stay text, and
only ISO dates (2024-03-18) become dates. Problems come back as macros.problems.Problem (code, line, values;
the caller adds the file), never raised, so that one run reports every file's problems.

Text values come back as SourceText: a str that remembers its lines (so that a check can point at the line
of a link inside a long text) and any `# comment` that cut an unquoted text short. A key written with no
value (`phone:`) is left out of the data and listed in `empty_keys`, so that validation can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.problems import Problem

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SAFE_TAGS = {
    _BOOL, _INT, _FLOAT, _TIMESTAMP,
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


# Limits that keep a hostile or broken file from exhausting memory or time (issue 15). The real data files
# are a few kilobytes, use no aliases and nest at most six levels deep.
MAX_BYTES = 1_000_000      # 1 MB per data file
MAX_ALIASES = 50           # *name references in one file
MAX_DEPTH = 30             # collections inside collections
MAX_VALUES = 100_000       # values once aliases are filled in ("billion laughs" stops here)


class _Limit(Exception):
    """A file over one of the limits: (line, code, values) for the Problem that reports it."""

    def __init__(self, line: int, code: str, **values):
        super().__init__(code)
        self.problem = Problem(code, line=line, values=values)


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like implicit typing (see module docstring), and a composer that stops at
    MAX_DEPTH nesting levels, at MAX_ALIASES aliases and at an alias to a collection that holds it."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0
        self._open_anchors: list[str] = []

    def compose_node(self, parent, index):
        event = self.peek_event()
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Limit(line, "yaml_too_many_aliases", limit=MAX_ALIASES)
            if event.anchor in self._open_anchors:
                raise _Limit(line, "yaml_recursive_alias", anchor=event.anchor)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Limit(line, "yaml_too_deep", limit=MAX_DEPTH)
        anchor = getattr(event, "anchor", None)
        self._open_anchors.append(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self._open_anchors.pop()
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _INT, _FLOAT, _TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver(_TIMESTAMP, re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789"))

# PyYAML's problems, in the words a communicator can act on.
_PROBLEMS = [
    ("found character '\\t'", "en tabb används som indrag"),
    ("mapping values are not allowed here", "ett kolon står där det inte får stå"),
    ("could not find expected ':'", "ett kolon saknas efter fältnamnet"),
    ("expected <block end>, but found '-'", "ett bindestreck har fel indrag"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("while scanning a quoted scalar", "ett citattecken stängs aldrig"),
    ("found unexpected end of stream", "ett citattecken eller en parentes stängs aldrig"),
    ("found undefined alias", "ett * hänvisar till något som inte finns"),
    ("found unknown escape character", "ett \\ följs av ett tecken som inte går att använda"),
    ("found character '@' that cannot start any token", "text som börjar med @ måste stå inom citattecken"),
    ("found character '`' that cannot start any token", "text som börjar med ` måste stå inom citattecken"),
    ("found character '%' that cannot start any token", "text som börjar med % måste stå inom citattecken"),
    ("while parsing a flow", "en [ eller { stängs aldrig"),
]


class SourceText(str):
    """A text value from a data file, with where it stood.

    line: the line the value starts on; source: the file's lines the value spans; comment: the text after
    ` #` when an unquoted value was cut short by what YAML reads as a comment; written: that whole line's
    value as typed (the text and the comment together).
    """

    line: int = 0
    source: tuple[str, ...] = ()
    comment: str | None = None
    written: str | None = None

    def line_of(self, fragment: str) -> int:
        """The line in the file where fragment of this text stands (the first line of the value if unsure)."""
        for offset, text in enumerate(self.source):
            if fragment and fragment in text:
                return self.line + offset
        return self.line


@dataclass
class YamlDocument:
    data: object = None
    # (key or index, ...) path -> 1-based line where that value (for a key: the key) starts
    lines: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    # paths of keys written with no value (`phone:`), left out of data, with their line
    empty_keys: dict = field(default_factory=dict)
    source: list = field(default_factory=list)  # the file's lines


def read_yaml(path: Path) -> YamlDocument:
    doc = YamlDocument()
    size = path.stat().st_size
    if size > MAX_BYTES:  # not even read: a file of gigabytes would fill the memory
        doc.problems.append(Problem("yaml_too_large", line=1,
                                    values={"size": _megabytes(size), "limit": _megabytes(MAX_BYTES)}))
        return doc
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        doc.problems.append(Problem("invalid_utf8", line=line, values={"byte": f"0x{raw[error.start]:02X}"}))
        return doc
    text = text.removeprefix("\ufeff")
    doc.source = text.splitlines()
    if not _has_content(text):
        doc.problems.append(Problem("file_empty", line=1))
        return doc
    try:
        loader = _Loader(text)  # the reader checks every character here, before any parsing
    except yaml.reader.ReaderError as error:
        doc.problems.append(_character_problem(error, text))
        return doc
    try:
        node = loader.get_single_node()
    except yaml.composer.ComposerError as error:
        if "expected a single document" in str(error):
            mark = error.problem_mark
            doc.problems.append(Problem("yaml_multiple_documents", line=mark.line + 1 if mark else 1))
        else:
            doc.problems.append(syntax_problem(error, text))
        return doc
    except yaml.reader.ReaderError as error:
        doc.problems.append(_character_problem(error, text))
        return doc
    except yaml.YAMLError as error:
        doc.problems.append(syntax_problem(error, text))
        return doc
    except _Limit as limit:
        doc.problems.append(limit.problem)
        return doc
    except RecursionError:
        doc.problems.append(Problem("yaml_too_deep", line=1, values={"limit": MAX_DEPTH}))
        return doc
    finally:
        loader.dispose()
    if node is None:
        doc.problems.append(Problem("file_empty", line=1))
        return doc
    counter = [0]
    try:
        doc.data = _value(loader, node, (), doc, counter)
    except _Limit as limit:
        doc.problems.append(limit.problem)
        doc.data = None
    return doc


def _character_problem(error: yaml.reader.ReaderError, text: str) -> Problem:
    """A character YAML allows nowhere in a file (U+0007, U+0080–U+009F …), with its line."""
    character = error.character
    char = chr(character) if isinstance(character, int) else str(character)
    line = text[: error.position].count("\n") + 1 if isinstance(error.position, int) else 1
    return Problem("control_character_in_file", line=line, values={"char": _describe(char)})


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",").replace(",0 MB", " MB")


# Characters refused in a text value: C0 and C1 controls except tab and line break, bidirectional embeddings,
# overrides and isolates (they reorder what a reader sees: "Trojan Source"), and the invisible zero-width
# space and byte-order mark, which break search and the matching of numbers. Zero-width joiners stay
# (emoji and some scripts need them).
_REFUSED_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff]")


def _describe(char: str) -> str:
    import unicodedata

    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} ({name or 'styrtecken'})"


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


# Errors whose context mark (where the thing began) is the line to fix, rather than where PyYAML gave up.
_CONTEXT_FIRST = ("while scanning a simple key", "while scanning a quoted scalar", "while parsing a flow")


def syntax_problem(error: yaml.YAMLError, text: str) -> Problem:
    context = getattr(error, "context", "") or ""
    problem = getattr(error, "problem", "") or ""
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    if context_mark and any(context.startswith(c) for c in _CONTEXT_FIRST):
        mark = context_mark
    else:
        mark = problem_mark or context_mark
    line = mark.line + 1 if mark else 1
    quote = _unclosed_quote(text, line)
    if quote:
        return Problem("yaml_syntax", line=quote, values={"problem": "ett citattecken stängs aldrig"})
    if "mapping values are not allowed here" in problem and _indented_more(text.splitlines(), line):
        return Problem("yaml_syntax", line=line,
                       values={"problem": "raden har fler mellanslag i början än raden ovanför"})
    raw = f"{context} {problem or error}"
    for needle, words in _PROBLEMS:
        if needle in raw:
            return Problem("yaml_syntax", line=line, values={"problem": words})
    return Problem("yaml_syntax", line=line, values={"problem": "raden följer inte YAML-formatet"})


def _unclosed_quote(text: str, error_line: int) -> int | None:
    """The line of a quoted text that runs on over several lines up to where the error was found.

    `category: "extremism` has no closing quote, so YAML reads on until the next " several lines further
    down, and fails there for what looks like an indentation problem. A quoted value spanning lines that
    ends at (or just before) the error line is almost certainly the cause.
    """
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line + 1 > error_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and \
                    token.end_mark.line > token.start_mark.line and token.end_mark.line + 1 >= error_line - 1:
                found = token.start_mark.line + 1
    except yaml.YAMLError:
        pass
    return found


def _indented_more(lines: list[str], line: int) -> bool:
    """Whether the line is indented further than the `key: value` line above it (one space too many)."""
    if not 1 <= line <= len(lines):
        return False
    here = lines[line - 1]
    for above in reversed(lines[: line - 1]):
        if above.strip() and not above.lstrip().startswith("#"):
            break
    else:
        return False
    indent = len(here) - len(here.lstrip(" "))
    above_indent = len(above) - len(above.lstrip(" "))
    if above.lstrip().startswith("- "):
        above_indent += 2
    return indent > above_indent and re.match(r"^\s*(?:- )?[^\s#:][^:]*:\s+\S", above) is not None


def _value(loader: _Loader, node: yaml.Node, path: tuple, doc: YamlDocument, counter: list[int]):
    counter[0] += 1
    if counter[0] > MAX_VALUES:
        raise _Limit(node.start_mark.line + 1, "yaml_too_many_values", limit=MAX_VALUES)
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _SAFE_TAGS:
        doc.problems.append(Problem("yaml_tag", line=node.start_mark.line + 1, values={"tag": node.tag}))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append(Problem("yaml_syntax", line=key_line,
                                            values={"problem": "ett fältnamn är inte text"}))
                continue
            key = key_node.value
            _refuse_hidden_characters(key, key_line, path + (key,), doc)
            if key in seen:
                doc.problems.append(Problem("duplicate_key", line=key_line,
                                            values={"key": key, "other_line": seen[key]}))
                continue
            seen[key] = key_line
            doc.lines[path + (key,)] = key_line
            if not node.flow_style and _is_null(value_node):
                # `phone:` with nothing after it. (Inside { } a lone word is left to validation, which can
                # tell a text cut at a comma.)
                doc.empty_keys[path + (key,)] = key_line
                continue
            result[key] = _value(loader, value_node, path + (key,), doc, counter)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_value(loader, item, path + (index,), doc, counter) for index, item in enumerate(node.value)]
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        # An ISO-looking date that does not exist (2023-02-30): keep the text so validation names it.
        if node.tag == _TIMESTAMP:
            return _source_text(node.value, node, doc)
        doc.problems.append(Problem("invalid_value", line=node.start_mark.line + 1, values={"value": node.value}))
        return None
    if isinstance(value, str):
        text = _source_text(value, node, doc)
        _refuse_hidden_characters(text, text.line, path, doc)
        return text
    return value


def _refuse_hidden_characters(text: str, line: int, path: tuple, doc: YamlDocument) -> None:
    """A problem naming the field and the exact line for a control or bidi character in a text."""
    found = _REFUSED_CHARACTERS.search(text)
    if found is None:
        return
    if isinstance(text, SourceText):
        line = text.line_of(found.group(0))  # the value's first line when it was written as an escape (\u202e)
    field = next((str(part) for part in reversed(path) if isinstance(part, str)), "?")
    doc.problems.append(Problem("control_character", line=line,
                                values={"field": field, "char": _describe(found.group(0))}))


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _source_text(value: str, node: yaml.ScalarNode, doc: YamlDocument) -> SourceText:
    text = SourceText(value)
    start, end = node.start_mark, node.end_mark
    # A block scalar (| or >) starts on the line after its indicator.
    text.line = start.line + 1 + (1 if node.style in ("|", ">") else 0)
    last = end.line if end.column > 0 else end.line - 1  # a block scalar ends at the start of the next line
    text.source = tuple(doc.source[text.line - 1: last + 1])
    if node.style is None and end.line < len(doc.source):
        rest = doc.source[end.line][end.column:]
        comment = re.match(r"^\s+#(.*)$", rest)
        if comment:
            text.comment = comment.group(1).strip()
            text.written = doc.source[end.line][start.column:].rstrip() if start.line == end.line else None
    return text
