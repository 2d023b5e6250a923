"""Read a YAML file into plain Python values plus the line number of every value and key.

PyYAML with YAML 1.2-style scalars: only true/false are booleans (so "no" and "on" stay text), times like
21:00 are text rather than sexagesimal numbers, numbers with a leading zero (phone numbers) stay text, and
only ISO dates (2024-03-18) become dates. Problems come back as (line, code, values) tuples, never raised,
so that one run reports every file's problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SAFE_TAGS = {
    _BOOL, _INT, _FLOAT, _TIMESTAMP,
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like implicit typing (see module docstring)."""


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
    ("found unexpected end of stream", "ett citattecken eller en parentes stängs aldrig"),
    ("while scanning a quoted scalar", "ett citattecken stängs aldrig"),
    ("found undefined alias", "ett * hänvisar till något som inte finns"),
    ("found unknown escape character", "ett \\ följs av ett tecken som inte går att använda"),
    ("found character '@' that cannot start any token", "text som börjar med @ måste stå inom citattecken"),
    ("found character '`' that cannot start any token", "text som börjar med ` måste stå inom citattecken"),
    ("found character '%' that cannot start any token", "text som börjar med % måste stå inom citattecken"),
    ("while parsing a flow", "en [ eller { stängs aldrig"),
]


@dataclass
class Problem:
    line: int
    code: str
    values: dict = field(default_factory=dict)


@dataclass
class YamlDocument:
    data: object = None
    # (key or index, ...) path -> 1-based line where that value (for a key: the key) starts
    lines: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)


def read_yaml(path: Path) -> YamlDocument:
    doc = YamlDocument()
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        doc.problems.append(Problem(line, "invalid_utf8", {"byte": f"0x{raw[error.start]:02X}"}))
        return doc
    text = text.removeprefix("\ufeff")
    if not _has_content(text):
        doc.problems.append(Problem(1, "file_empty"))
        return doc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.composer.ComposerError as error:
        if "expected a single document" in str(error):
            mark = error.problem_mark
            doc.problems.append(Problem(mark.line + 1 if mark else 1, "yaml_multiple_documents"))
        else:
            doc.problems.append(_syntax_problem(error))
        return doc
    except yaml.YAMLError as error:
        doc.problems.append(_syntax_problem(error))
        return doc
    finally:
        loader.dispose()
    if node is None:
        doc.problems.append(Problem(1, "file_empty"))
        return doc
    doc.data = _value(loader, node, (), doc)
    return doc


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _syntax_problem(error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 1
    raw = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or error}"
    for needle, words in _PROBLEMS:
        if needle in raw:
            return Problem(line, "yaml_syntax", {"problem": words})
    return Problem(line, "yaml_syntax", {"problem": "raden följer inte YAML-formatet"})


def _value(loader: _Loader, node: yaml.Node, path: tuple, doc: YamlDocument):
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _SAFE_TAGS:
        doc.problems.append(Problem(node.start_mark.line + 1, "yaml_tag", {"tag": node.tag}))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append(Problem(key_line, "yaml_syntax", {"problem": "ett fältnamn är inte text"}))
                continue
            key = key_node.value
            if key in seen:
                doc.problems.append(Problem(key_line, "duplicate_key", {"key": key, "other_line": seen[key]}))
                continue
            seen[key] = key_line
            doc.lines[path + (key,)] = key_line
            result[key] = _value(loader, value_node, path + (key,), doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_value(loader, item, path + (index,), doc) for index, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        # An ISO-looking date that does not exist (2023-02-30): keep the text so validation names it.
        if node.tag == _TIMESTAMP:
            return node.value
        doc.problems.append(Problem(node.start_mark.line + 1, "invalid_value", {"value": node.value}))
        return None
