"""Motverka's site code. mkdocs-macros loads this package (module_name: macros) and calls define_env."""


def define_env(env):
    """Register the page macros; the data was validated by the on_config hook before this runs."""
    from .page_macros import register

    register(env)


def on_pre_page_macros(env):
    """Before each page is rendered: escape whatever its `{{ … }}` print that is not already Markup.
    (mkdocs-macros makes its Jinja environment only after define_env, so this cannot go there.)"""
    from .page_macros import escape_output

    env.env.finalize = escape_output
