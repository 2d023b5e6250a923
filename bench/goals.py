"""The goals of issues 7 and 19, each as a check on the results of one bench run (bench/run.py)."""

from __future__ import annotations

from dataclasses import dataclass

WEIGHT_RATIO = 0.6          # first-view bytes at most 0.6x default Material's, page by page (issue 19)
INITIAL_WINDOW = 14 * 1024  # help (the first support line's tel: link) within the first TCP window
LH_PERFORMANCE = 100        # Lighthouse mobile; accessibility, best practices and SEO must be 100 too
PAINTS = ("first-contentful-paint", "largest-contentful-paint")   # no later than default Material's
GROWTH_FACTOR = 50          # 50x the content in at most 50x the time
THOUSAND_PAGES = 1000
THOUSAND_SECONDS = 15.0
RELOAD_SECONDS = 2.0


@dataclass
class Verdict:
    goal: str
    figure: str
    passed: bool | None         # None: not measured in this run

    @property
    def word(self) -> str:
        return {True: "PASS", False: "FAIL", None: "not measured"}[self.passed]


def _all(values) -> bool | None:
    values = list(values)
    return all(values) if values else None


def seconds(shown: str) -> float | None:
    """A Lighthouse metric as it displays it ("1.2 s", "850 ms") in seconds."""
    number, _, unit = (shown or "").replace(",", "").partition(" ")
    try:
        return float(number) / (1000 if unit == "ms" else 1)
    except ValueError:
        return None


def _paints(r: dict) -> Verdict:
    """First and largest contentful paint of every page type, ours against default Material's, Lighthouse
    mobile, same run (as Lighthouse displays them: to a tenth of a second)."""
    table = r.get("lighthouse", {})
    late, compared = [], 0
    for key, forms in table.get("ours", {}).items():
        ours = (forms.get("mobile") or {}).get("metrics") or {}
        theirs = ((table.get("baseline", {}).get(key) or {}).get("mobile") or {}).get("metrics") or {}
        for metric in PAINTS:
            a, b = seconds(ours.get(metric)), seconds(theirs.get(metric))
            if a is None or b is None:
                continue
            compared += 1
            if a > b:
                late.append(f"{key} {metric.split('-')[0]} {a:.1f} s > {b:.1f} s")
    figure = ("; ".join(late) if late else f"all {compared} no later") if compared else "-"
    return Verdict("Lighthouse mobile: first and largest contentful paint no later than default Material's, "
                   "every page type", figure, (not late) if compared else None)


def _make_site_today(r: dict, before: dict | None) -> Verdict:
    now = r.get("build", {}).get("make_site")
    then = (before or {}).get("build", {}).get("make_site")
    goal = "make site of today's content no slower than before (median)"
    if not now:
        return Verdict(goal, "-", None)
    if not then:
        return Verdict(goal, f"{now['median']:.1f} s (no before run to compare)", None)
    return Verdict(goal, f"{now['median']:.1f} s (before {then['median']:.1f} s)",
                   now["median"] <= then["median"])


def verdicts(r: dict, before: dict | None = None) -> list[Verdict]:
    found = []
    weight = r.get("weight", {})
    ratios = {key: view["bytes"] / weight["baseline"][key]["bytes"]
              for key, view in weight.get("ours", {}).items() if weight["baseline"].get(key, {}).get("bytes")}
    worst = max(ratios.items(), key=lambda kv: kv[1]) if ratios else None
    found.append(Verdict(f"First-view bytes at most {WEIGHT_RATIO}x default Material's, every page type",
                         f"worst {worst[1]:.2f}x ({worst[0]})" if worst else "-",
                         _all(v <= WEIGHT_RATIO for v in ratios.values())))

    helps = r.get("help", {}).get("ours", [])
    content = next((h for h in helps if "content" in h["label"]), None)
    found.append(Verdict(f"Help (first support line's tel: link) within the first {INITIAL_WINDOW // 1024} KB",
                         f"{content['total']:,} B" if content else ("no tel: link found" if helps else "-"),
                         content["total"] <= INITIAL_WINDOW if content else (None if not helps else False)))

    mobile = [(key, forms["mobile"]) for key, forms in r.get("lighthouse", {}).get("ours", {}).items()
              if forms.get("mobile") and not forms["mobile"].get("error")]
    lowest = {c: min((s["scores"][c], k) for k, s in mobile) for c in
              ("performance", "accessibility", "best-practices", "seo")} if mobile else {}
    found.append(Verdict(f"Lighthouse mobile: performance >= {LH_PERFORMANCE}, every page type",
                         f"lowest {lowest['performance'][0]} ({lowest['performance'][1]})" if lowest else "-",
                         lowest["performance"][0] >= LH_PERFORMANCE if lowest else None))
    for category in ("accessibility", "best-practices", "seo"):
        found.append(Verdict(f"Lighthouse mobile: {category} 100, every page type",
                             f"lowest {lowest[category][0]} ({lowest[category][1]})" if lowest else "-",
                             lowest[category][0] == 100 if lowest else None))
    found.append(_paints(r))

    build = r.get("build", {})
    one = build.get("make_site")
    fifty = next((b for b in build.get("scaled", []) if b["factor"] == GROWTH_FACTOR), None)
    if one and fifty:
        ratio = fifty["median"] / one["median"]
        found.append(Verdict(f"{GROWTH_FACTOR}x the content in at most {GROWTH_FACTOR}x the time (make site)",
                             f"{ratio:.1f}x ({one['median']:.1f} s -> {fifty['median']:.1f} s)",
                             ratio <= GROWTH_FACTOR))
    else:
        found.append(Verdict(f"{GROWTH_FACTOR}x the content in at most {GROWTH_FACTOR}x the time", "-", None))
    thousand = build.get("thousand")
    found.append(Verdict(f"A {THOUSAND_PAGES}-page site builds (make site) in under {THOUSAND_SECONDS:.0f} s",
                         f"{thousand['median']:.1f} s for {thousand['public_html_pages']} public pages"
                         if thousand else "-", thousand["median"] < THOUSAND_SECONDS if thousand else None))
    found.append(_make_site_today(r, before))

    reload_times = r.get("serve_reload") or []
    if reload_times:
        median = sorted(reload_times)[len(reload_times) // 2]
        found.append(Verdict(f"A data edit visible in make serve within {RELOAD_SECONDS:.0f} s (median)",
                             f"{median:.2f} s", median <= RELOAD_SECONDS))
    else:
        found.append(Verdict(f"A data edit visible in make serve within {RELOAD_SECONDS:.0f} s", "-", None))
    return found
