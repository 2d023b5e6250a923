"""Motverka's site code. mkdocs-macros loads this package (module_name: macros) and calls define_env."""


def define_env(env):
    """Register the page macros; the data was validated by the on_config hook before this runs."""
    from macros.render.page_macros import register

    register(env)


def on_pre_page_macros(env):
    """Before each page is rendered: escape whatever its `{{ … }}` print that is not already Markup.
    (mkdocs-macros makes its Jinja environment only after define_env, so this cannot go there.)"""
    from macros.render.page_macros import escape_output
    from macros.render.sandbox import sandbox

    sandbox(env.env)
    env.env.finalize = escape_output


def on_post_page_macros(env):
    """mkdocs-macros puts an English error report with a Python traceback in place of a page whose macros
    failed (on_error_fail: false, so that every page's errors are reported). The build still fails, in
    strict mode; `make serve` would show the report, so show the reader a Swedish placeholder instead."""
    if env.markdown.lstrip().startswith(("# _Macro Rendering Error_", "# _Macro Syntax Error_")):
        from macros.build_state import of
        from macros.text.messages import ui

        of(env.conf).failed_pages.add(env.page.file.src_uri)
        env.markdown = f'<p class="mv-missing">{ui("macro_failed_preview", "sv")}</p>\n'
