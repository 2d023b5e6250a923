"""MkDocs hook of the staff site only (mkdocs.staff.yml `hooks:`): put the form editor at /redigera/.

The public site never lists this hook, and the hook refuses to run in a build that is not the staff site's, so
the editor (which can propose changes to the repository) is never published. The work is in
macros/outputs/editor.py."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import Abort

from macros import build_state
from macros.outputs.editor import EDITOR_FOLDER, EditorMissing, write_site_editor


def on_post_build(config):
    state = build_state.of(config)
    if not state.staff:
        raise Abort("Formulärredigeraren hör bara till personalens webbplats: ta bort "
                    "macros/engine/staff_editor.py från hooks i den här konfigurationen.")
    try:
        write_site_editor(Path(config.site_dir) / EDITOR_FOLDER, state.root, state.data_dir, state.repository,
                          os.environ.get("REPO_BRANCH"))
    except EditorMissing as missing:
        raise Abort(str(missing)) from None
