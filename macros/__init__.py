"""Motverka's site code. mkdocs-macros loads this package (module_name: macros) and calls define_env."""


def define_env(env):
    """Register the page macros; the data was validated by the on_config hook before this runs."""
    from .page_macros import register

    register(env)
