"""JavaScript the browser tests run inside a page (Playwright `page.evaluate`), kept in one readable place."""

# Shared helpers, defined once per page: is an element shown, how it looks, how to name it in a failure.
HELPERS = r"""
(() => {
  if (window.__mv) return;
  const shown = el => {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const look = el => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
            s.textDecorationLine, s.borderTopColor, s.borderBottomColor, s.borderBottomWidth].join("|");
  };
  const outlined = el => {
    const s = getComputedStyle(el);
    return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*, 0\)$/.test(s.outlineColor);
  };
  const describe = el => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    const cls = typeof el.className === "string" ? el.className.split(/\s+/).filter(c => c && c !== "focus-visible") : [];
    if (cls.length) name += "." + cls.join(".");
    const href = el.getAttribute("href");
    if (href) name += `[href="${href.length > 60 ? href.slice(0, 57) + "…" : href}"]`;
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ");
    return text ? `${name} "${text.slice(0, 40)}"` : name;
  };
  window.__mv = {shown, look, outlined, describe, before: new Map(), stops: 0, candidates: []};
})();
"""

# Material's search is ready when its result area shows the placeholder instead of "initialising".
SEARCH_READY = r"""
() => {
  const meta = document.querySelector(".md-search-result__meta");
  const config = document.getElementById("__config");
  if (!meta || !config) return true;
  // Search loads on first use (overrides/partials/javascripts/lazy-material.html): until then it has nothing to wait for.
  if (document.documentElement.getAttribute("data-mv-search") === "waiting") return true;
  const placeholder = JSON.parse(config.textContent).translations["search.result.placeholder"];
  return meta.textContent.trim() === placeholder || document.querySelector(".md-search-result__item") !== null;
}
"""

# Before tabbing: remember how every focusable element looks unfocused, and which are shown and should be
# reachable. Returns how many.
INTERACTIVE = r"""
() => {
  const mv = window.__mv;
  const focusable = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, ' +
                    '[tabindex]:not([tabindex="-1"]), [contenteditable="true"], [contenteditable=""]';
  for (const el of document.querySelectorAll(focusable)) {
    mv.before.set(el, mv.look(el));
    if (mv.shown(el) && !el.disabled && !el.closest("[inert]")) mv.candidates.push(el);
  }
  // A <label> for a hidden checkbox that looks and acts like a button (Material's "checkbox hack")
  for (const label of document.querySelectorAll("label[for]")) {
    const control = document.getElementById(label.htmlFor);
    const s = getComputedStyle(label);
    if (control && /^(checkbox|radio)$/.test(control.type) && !mv.shown(control) && mv.shown(label)
        && s.cursor === "pointer" && s.pointerEvents !== "none") mv.candidates.push(label);
  }
  return mv.candidates.length;
}
"""

# After each Tab: where focus is, whether it shows, and whether anything covers it (`again`: measure the
# same stop once more, after the page has had a moment to react to the focus).
FOCUS_STOP = r"""
again => {
  const mv = window.__mv;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (!again) {
    if (el.dataset.mvStop) return {repeat: true, name: mv.describe(el)};
    el.dataset.mvStop = String(++mv.stops);
  }
  const r = el.getBoundingClientRect();
  const before = mv.before.get(el);
  const inView = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  let uncovered = false, cover = "";
  if (inView) {
    const x0 = Math.max(r.left + 2, 0), x1 = Math.min(r.right - 2, innerWidth - 1);
    const y0 = Math.max(r.top + 2, 0), y1 = Math.min(r.bottom - 2, innerHeight - 1);
    const points = [[(x0 + x1) / 2, (y0 + y1) / 2], [x0, y0], [x1, y0], [x0, y1], [x1, y1]];
    uncovered = points.some(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit && (hit === el || el.contains(hit) || hit.contains(el));
    });
    const top = document.elementFromPoint(points[0][0], points[0][1]);
    cover = top ? mv.describe(top) : "";
  }
  return {
    repeat: false,
    name: mv.describe(el),
    skip: el.classList.contains("md-skip"),
    shown: mv.shown(el),
    inView,
    uncovered,
    cover,
    indicator: mv.outlined(el) || (before !== undefined && before !== mv.look(el)),
  };
}
"""

UNREACHED = r"""
() => window.__mv.candidates.filter(el => !el.dataset.mvStop && !el.querySelector("[data-mv-stop]")
                                          && !el.closest("[data-mv-stop]")).map(el => window.__mv.describe(el))
"""

# Skip link: after Enter, the next Tab must land after the link's target, not back in the header.
AFTER_TARGET = r"""
hash => {
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  const el = document.activeElement;
  if (!target) return "the skip link's target " + hash + " does not exist";
  if (!el || el === document.body) return "focus went nowhere";
  if (!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && !target.contains(el))
    return "focus went back to " + window.__mv.describe(el);
  if (el.closest("header, .md-header, .md-sidebar--primary"))
    return "focus went to the header or menu: " + window.__mv.describe(el);
  return "";
}
"""

# The words a visitor can read in the page's content, banner and footer (to compare two window widths).
READABLE_WORDS = r"""
() => [".md-banner", ".md-content", ".md-footer"].flatMap(sel => [...document.querySelectorAll(sel)])
        .flatMap(el => el.innerText.split(/\s+/)).filter(Boolean)
"""

# Reflow (WCAG 1.4.10) and resized text (1.4.4): no sideways scrolling of the page, no text outside the window
# (a data table may scroll inside its own box), no text cut off. `allowed`: CSS selectors whose text may be
# shortened (tests/browser/exceptions.py).
REFLOW = r"""
allowed => {
  const mv = window.__mv;
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1)
    problems.push(`the page scrolls sideways (${doc.scrollWidth} px of content in a ${doc.clientWidth} px window)`);
  const hiddenOnPurpose = el => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if ((s.clip && s.clip !== "auto") || s.clipPath !== "none") return true;
      if (s.overflow !== "visible" && e.clientWidth <= 1) return true;
    }
    return false;
  };
  const inScrollingTable = el => {
    const table = el.closest("table");
    if (!table) return false;
    for (let e = table; e && e !== document.body; e = e.parentElement)
      if (/(auto|scroll)/.test(getComputedStyle(e).overflowX)) return true;
    return false;
  };
  const keptInside = el => {   // a box that hides its overflow and itself fits: text beyond it is cut off, not outside
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      if (!/(hidden|clip)/.test(getComputedStyle(e).overflowX)) continue;
      const r = e.getBoundingClientRect();
      if (r.left >= -1 && r.right <= innerWidth + 1) return true;
    }
    return false;
  };
  const outside = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || outside.has(el) || el.closest("script, style, noscript, template")) continue;
    if (!mv.shown(el) || hiddenOnPurpose(el) || inScrollingTable(el) || keptInside(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if ([...range.getClientRects()].some(r => r.width > 0 && (r.right > innerWidth + 1 || r.left < -1))) {
      outside.add(el);
      problems.push(`text outside the window: ${mv.describe(el)}`);
    }
  }
  for (const el of document.querySelectorAll("body *")) {
    const s = getComputedStyle(el);
    if (!/(hidden|clip)/.test(s.overflowX) && s.textOverflow !== "ellipsis") continue;
    if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth <= 1 || !el.innerText.trim()) continue;
    if (!mv.shown(el) || hiddenOnPurpose(el) || allowed.some(sel => el.matches(sel))) continue;
    if (/(auto|scroll)/.test(s.overflowX)) continue;
    problems.push(`text cut off: ${mv.describe(el)} (${el.scrollWidth} px of text in ${el.clientWidth} px)`);
  }
  return problems;
}
"""

# Two animation frames: Material recomputes its sidebars' heights in a frame after the window is resized.
SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
