"""The bench's verdicts for issue 19's goals (bench/goals.py), on made-up results: each goal must be able to
fail. Nothing is timed here; `make bench` measures."""

from bench.goals import verdicts


def _lighthouse(ours_fcp: str, base_fcp: str, ours_lcp: str = "1.2 s", base_lcp: str = "1.4 s") -> dict:
    def scores(fcp, lcp):
        return {"mobile": {"scores": dict.fromkeys(("performance", "accessibility", "best-practices", "seo"), 100),
                           "metrics": {"first-contentful-paint": fcp, "largest-contentful-paint": lcp}}}
    return {"ours": {"start": scores(ours_fcp, ours_lcp)}, "baseline": {"start": scores(base_fcp, base_lcp)}}


def _verdict(results: dict, start: str, before: dict | None = None):
    return next(v for v in verdicts(results, before) if v.goal.startswith(start))


def test_a_page_that_paints_later_than_default_material_fails():
    assert _verdict({"lighthouse": _lighthouse("1.2 s", "1.2 s")}, "Lighthouse mobile: first").passed is True
    late = _verdict({"lighthouse": _lighthouse("1.3 s", "1.2 s")}, "Lighthouse mobile: first")
    assert late.passed is False and "start first 1.3 s > 1.2 s" in late.figure
    assert _verdict({"lighthouse": _lighthouse("900 ms", "1.2 s", "1.5 s")}, "Lighthouse mobile: first").passed is False


def test_first_view_must_be_at_most_six_tenths_of_default_material():
    weight = {"ours": {"start": {"bytes": 61}}, "baseline": {"start": {"bytes": 100}}}
    assert _verdict({"weight": weight}, "First-view").passed is False
    weight["ours"]["start"]["bytes"] = 60
    assert _verdict({"weight": weight}, "First-view").passed is True


def test_performance_99_is_no_longer_enough():
    lighthouse = _lighthouse("1.0 s", "1.2 s")
    lighthouse["ours"]["start"]["mobile"]["scores"]["performance"] = 99
    assert _verdict({"lighthouse": lighthouse}, "Lighthouse mobile: performance").passed is False


def test_make_site_of_todays_content_must_be_no_slower_than_before():
    before = {"build": {"make_site": {"median": 5.0}}}
    assert _verdict({"build": {"make_site": {"median": 5.2}}}, "make site of today", before).passed is False
    assert _verdict({"build": {"make_site": {"median": 4.1}}}, "make site of today", before).passed is True
    assert _verdict({"build": {"make_site": {"median": 4.1}}}, "make site of today").passed is None
