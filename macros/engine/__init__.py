"""The MkDocs glue, all of it: hooks and the staff site's pages. The rest of macros/ does not import MkDocs."""
