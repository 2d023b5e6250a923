"""The MkDocs glue, all of it: hooks, the staff site's pages, and what MkDocs' own log says
(mkdocs_log.py). The rest of macros/ does not import MkDocs."""
