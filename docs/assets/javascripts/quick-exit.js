// Quick exit ("Lämna sidan snabbt"): replace this page with a neutral site, from the button or by pressing
// Shift three times in a row.
//
// location.replace removes only the page it replaces: after visiting three pages, Back would still show the
// second. So the whole visit is kept in ONE history entry: every link to another page of this site (menu,
// search result, a link in the text, even #anchors) opens with location.replace instead of adding an entry.
// Back after the exit then leaves the site entirely. The cost: Back does not go between the site's own pages
// (it leaves the site), which "Så döljer du ditt besök" says. Without JavaScript the button is an ordinary
// link and every page adds an entry, as on any site. Checked by tests/test_quick_exit.py.
(function () {
  "use strict";
  var button = document.querySelector("[data-mv-exit]");
  if (!button) {
    return;
  }
  var target = button.getAttribute("href");
  var shifts = 0;
  var lastShift = 0;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    // Hide the page at once: the next site may take a moment to load.
    document.documentElement.style.visibility = "hidden";
    window.location.replace(target);
  }

  // A click that would add a page of this site to the history: a left click without modifier keys, on a
  // link to this site, that opens in this tab and is not a download.
  function ownLink(event) {
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return null;
    }
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.hasAttribute("download") || link.hasAttribute("data-mv-exit")) {
      return null;
    }
    if (link.target && link.target !== "_self") {
      return null;
    }
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || (url.protocol !== "http:" && url.protocol !== "https:")) {
      return null;
    }
    return url;
  }

  button.addEventListener("click", leave);

  // Bubbling phase, so that Material's own handlers (search, drawer) run first and may cancel the click.
  document.addEventListener("click", function (event) {
    var url = ownLink(event);
    if (url) {
      event.preventDefault();
      window.location.replace(url.href);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      shifts = 0; // typing capitals with Shift must never trigger an exit
      return;
    }
    if (event.repeat) {
      return;
    }
    var now = Date.now();
    shifts = now - lastShift < 2000 ? shifts + 1 : 1;
    lastShift = now;
    if (shifts >= 3) {
      leave();
    }
  });
})();
