"""The command line (`python -m macros …`, called by the Makefile): check, build, schemas, guides."""
