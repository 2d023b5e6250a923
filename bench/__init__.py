"""`make bench`: the public site against default Material for MkDocs (page weight, Lighthouse, time to help,
build cost, live reload). Run with `python -m bench.run`; writes bench/REPORT.md. Never part of `make test`."""
