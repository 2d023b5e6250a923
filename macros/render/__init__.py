"""From validated data to page fragments: the page macros, the theme's helpers and their templates."""
