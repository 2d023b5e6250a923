"""`make preview`: the public site as a folder that opens by double-clicking index.html (macros/outputs/preview.py)."""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from macros.build_state import ROOT
from macros.cli.build import SITES, Dataset, build_sites
from macros.problems import shown_path
from macros.outputs.preview import openable


def preview(dataset: Dataset, site: Path | None = None, out: Path | None = None, stream=sys.stdout) -> int:
    """Build the public site (or take one already built, as CI does) and write its openable copy."""
    target = (out or dataset.out_dir / "preview").resolve()
    if site is not None:
        if not (site / "index.html").is_file():
            print(f"Det finns ingen byggd webbplats i {site}/. Kör make site först.", file=stream)
            return 1
        openable(site, target)
    else:
        with tempfile.TemporaryDirectory(prefix="motverka-preview-") as folder:
            said = io.StringIO()
            print("Bygger den publika webbplatsen för förhandsversionen …", file=stream, flush=True)
            if build_sites(Dataset(dataset.data_dir, Path(folder)), sites=SITES[:1], stream=said) != 0:
                print(said.getvalue().replace("`make site`", "`make preview`"), end="", file=stream)
                return 1
            openable(Path(folder) / "site", target)
    shown = shown_path(target, ROOT)
    print(f"Förhandsversionen finns i {shown}/. Öppna {shown}/index.html (dubbelklicka på filen): alla sidor och "
          "länkar fungerar utan webbserver, utom sökningen.", file=stream)
    return 0
