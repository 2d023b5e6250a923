"""Command line: `python -m macros check|build|preview|schemas|editor|freshness|readability|sources [...]` (the Makefile's targets call these)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.cli.build import ENGINES, Dataset, build_sites, check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Motverka: data, bygge och kontroller.")
    parser.add_argument("--data", default="data", help="datamapp, t.ex. data eller examples/umea")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="kontrollera datafilerna och sidorna")
    build = commands.add_parser("build", help="bygg alla webbplatser och byt in dem om allt lyckas")
    build.add_argument("-v", "--verbose", action="store_true", help="visa hela utskriften från MkDocs")
    build.add_argument("--out", help="mapp att bygga till (standard: bredvid datamappen)")
    build.add_argument("--engine", choices=ENGINES, default=ENGINES[0],
                       help="byggmotorn: mkdocs (standard) eller properdocs, som läser samma mkdocs.yml")
    preview = commands.add_parser("preview", help="bygg en förhandsversion som går att öppna med dubbelklick")
    preview.add_argument("--site", help="en redan byggd publik webbplats att göra förhandsversionen av")
    preview.add_argument("--out", help="mapp för förhandsversionen (standard: preview/ bredvid datamappen)")
    schemas = commands.add_parser("schemas", help="skriv JSON Schema-filerna i schemas/ från modellerna")
    schemas.add_argument("--check", action="store_true", help="kontrollera bara att filerna är aktuella")
    editor = commands.add_parser("editor", help="skriv formulärredigerarens inställningar (editor/) från modellerna")
    editor.add_argument("--check", action="store_true", help="kontrollera bara att filerna är aktuella")
    guides = commands.add_parser("guides", help="skriv guiderna för redaktörer (data/README.md, bidra/)")
    guides.add_argument("--check", action="store_true", help="kontrollera bara att guiderna är aktuella")
    freshness = commands.add_parser("freshness", help="lista uppgifter, planen och sidor som behöver kontrolleras")
    freshness.add_argument("--strict", action="store_true", help="avsluta med fel om något behöver åtgärdas")
    readability = commands.add_parser("readability", help="visa läsbarheten (LIX) för sidorna till invånare")
    readability.add_argument("--site", help="en redan byggd publik webbplats (standard: bygg en ny)")
    sources = commands.add_parser("sources", help="jämför uppgifterna med sidorna i source (nätverk)")
    sources.add_argument("--list", action="store_true", help="lista bara posterna och sidorna, hämta inget")
    sources.add_argument("--markdown", type=Path, help="skriv också rapporten som Markdown till den här filen")
    sources.add_argument("--update-verified", action="store_true",
                         help="flytta verified till i dag på bekräftade poster (verified_by: källbevakningen)")
    sources.add_argument("--timeout", type=float, default=20.0, help="sekunder att vänta på en sida (standard 20)")
    args = parser.parse_args(argv)

    dataset = Dataset.resolve(args.data)
    if args.command == "preview":
        from macros.cli.preview import preview
        return preview(dataset, Path(args.site) if args.site else None, Path(args.out) if args.out else None)
    if getattr(args, "out", None):
        dataset = Dataset(dataset.data_dir, Path(args.out).resolve())
    if args.command == "check":
        return check(dataset)
    if args.command == "build":
        return build_sites(dataset, verbose=args.verbose, engine=args.engine)
    if args.command == "freshness":
        from macros.contract.freshness import main as freshness_report
        return freshness_report(dataset.data_dir, strict=args.strict)
    if args.command == "readability":
        from macros.build_state import limits
        from macros.guards.readability import main as readability_report
        return readability_report(dataset.data_dir, limits(), site=Path(args.site) if args.site else None)
    if args.command == "sources":
        from macros.build_state import ROOT, today
        from macros.render.git_dates import repository_url
        from macros.sources.watch import main as source_watch
        return source_watch(dataset.data_dir, ROOT, today(), timeout=args.timeout, list_only=args.list,
                            markdown=args.markdown, update=args.update_verified, repository=repository_url(ROOT))
    if args.command == "guides":
        from macros.cli.guides import write_guides
        return write_guides(check_only=args.check)
    if args.command == "editor":
        from macros.outputs.editor import write_editor
        return write_editor(check_only=args.check)
    if args.command == "schemas":
        from macros.cli.schemas import write_schemas
        return write_schemas(check_only=args.check)
    return 2


if __name__ == "__main__":
    sys.exit(main())
