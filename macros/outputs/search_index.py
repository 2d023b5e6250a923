"""One search index per language.

mkdocs-static-i18n builds every language into one site and merges all languages into the root
search/search_index.json, so a Swedish search finds English pages and the other way round (a known issue of
the plugin). After the last language is built, this splits the merged index: Swedish entries stay at the
root, each other language gets <lang>/search/search_index.json with locations relative to its own folder,
and its pages point Material's search at that folder (overrides/main.html, block config).

`make site` builds each language in a process of its own (macros/outputs/editions.py): there the root index
holds only that process's language, and only that language's index is written (`write_only`), in the same
form, so that the merged site has the same indexes as a build of all languages in one process.
"""

from __future__ import annotations

import json
from pathlib import Path

from macros.text.languages import language


def split_by_language(site_dir: Path, languages: list[str], default: str,
                      write_only: str | None = None) -> dict[str, int]:
    """Rewrite the merged index as one index per language (or only `write_only`'s); returns the number of
    entries per language written."""
    path = site_dir / "search" / "search_index.json"
    merged = json.loads(path.read_text("utf-8"))
    others = [lang for lang in languages if lang != default]
    counts = {}
    for lang in languages if write_only is None else [write_only]:
        if lang == default:
            docs = [d for d in merged["docs"] if not d["location"].startswith(tuple(f"{o}/" for o in others))]
            target = path
        else:
            prefix = f"{lang}/"
            docs = [{**d, "location": d["location"][len(prefix):]} for d in merged["docs"]
                    if d["location"].startswith(prefix)]
            target = site_dir / lang / "search" / "search_index.json"
        # The language's stemmer (macros/text/languages.yml › search); without one, plain matching.
        stemmer = language(lang).search
        config = {**merged["config"], "lang": [stemmer] if stemmer else []}
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
                          "utf-8")
        counts[lang] = len(docs)
    return counts
