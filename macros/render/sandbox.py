"""Page templates run in Jinja's sandbox (a public page's `{{ … }}` cannot walk out of the data it is given).

mkdocs-macros renders pages with a plain Jinja environment, in which `{{ t.__globals__ }}`, `config.plugins`
(the hook modules among them) or a module's functions lead anywhere in the process, including functions that
read files. The sandbox refuses `_`-names and Python internals; on top of that a page may not touch a module,
nor methods that make or read files (MkDocs' File.generated, content_string, read_text…). Pages only call
the kit's macros and read plain values, so nothing a page legitimately does is refused."""

from __future__ import annotations

from types import ModuleType

from jinja2.sandbox import SandboxedEnvironment, safe_range

_FILE_READERS = {"generated", "content_string", "content_bytes", "read_text", "read_bytes", "open",
                 "get_source", "load", "from_string", "get_template", "select_template", "import_module",
                 "copy_file", "write_text", "write_bytes", "abs_src_path", "abs_dest_path"}


class PageSandbox(SandboxedEnvironment):
    def is_safe_attribute(self, obj, attr, value) -> bool:
        return (super().is_safe_attribute(obj, attr, value) and attr not in _FILE_READERS
                and not isinstance(obj, ModuleType) and not isinstance(value, ModuleType))


def sandbox(environment) -> None:
    """Turn mkdocs-macros' environment into a PageSandbox in place (it keeps its loader, filters, globals)."""
    if isinstance(environment, PageSandbox):
        return
    environment.__class__ = PageSandbox
    environment.globals["range"] = safe_range
    environment.binop_table = PageSandbox.default_binop_table.copy()
    environment.unop_table = PageSandbox.default_unop_table.copy()
    if environment.cache is not None:
        environment.cache.clear()   # templates compiled before the switch would not be sandboxed
