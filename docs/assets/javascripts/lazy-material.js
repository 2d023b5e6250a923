// Material's JavaScript loads on first use. Its bundle (35 KB gzip, half of a page's first view) runs the search,
// sizes the sidebars beside the text on a wide screen and follows the reading position in them, shows the page's
// title in the header after scrolling, and handles a few keys. What a resident needs first (112, the call links,
// the menu, which is a CSS checkbox, the language links, the quick exit) needs none of it. So overrides/main.html
// writes the bundle as an inert <script type="text/plain" data-mv-src>, and this script (deferred) loads it when
// a visitor first
//   - opens, presses or focuses the search (its button or field, the keys f, s or /), or comes from a search
//     result (?h=) or a search link (?q=);
//   - scrolls on a screen wide enough (60em) for Material's sidebars.
// Until then this script does, in a few lines, what Material would do on these pages: the header shows the page's
// title once its heading has scrolled away, and a shadow once the text has; Enter presses a focused menu label;
// n and p (or . and ,) go to the next or previous page; Escape closes the search. (Material also closes the menu
// after a link to a place on the page: the menu of these pages holds none on a screen where it is a drawer.)
// The search index and worker wait too, until search is used, also when the bundle loads for another reason.
// Without JavaScript nothing changes: the page never needed the bundle (tests/test_first_view.py).
(function () {
  "use strict";
  var root = document.documentElement;
  var holder = document.querySelector("script[data-mv-src]");
  var drawer = document.getElementById("__drawer");
  var toggle = document.getElementById("__search");
  var query = document.querySelector(".md-search__input");
  var material = "waiting";           // then "loading", then "running" (or "failed")
  var parsed = document.readyState === "complete";
  document.addEventListener("DOMContentLoaded", function () { parsed = true; });

  function loadMaterial() {
    if (material !== "waiting" || !holder) {
      return;
    }
    material = "loading";
    // Material closes the menu and the search 125 ms after it starts on an address with a #place, as after a
    // link to a place on the page. Started late, it would close the search a visitor has just opened: the
    // #place is left out of the address while the bundle starts, and put back at once.
    var hash = window.location.hash;
    var bare = hash ? window.location.href.slice(0, -hash.length) : "";
    if (hash) {
      history.replaceState(history.state, "", bare);
    }
    var script = document.createElement("script");
    script.src = holder.getAttribute("data-mv-src");
    script.onload = script.onerror = function (event) {
      if (hash && window.location.href === bare) {
        history.replaceState(history.state, "", bare + hash);
      }
      material = event.type === "load" ? "running" : "failed";
      root.classList.remove("mv-waiting");
      // Material starts its page components on DOMContentLoaded, which has passed: hand it the document.
      if (parsed && window.document$) {
        window.document$.next(document);
      }
    };
    document.body.appendChild(script);
  }

  function before() {
    return material !== "running";
  }

  holdSearchBack(loadMaterial);
  handleKeys();
  followScroll();

  // On a wide screen Material sizes the sidebars beside the text and marks where the reader is in them.
  var wide = window.matchMedia("(min-width: 60em)");
  function scrolled() {
    if (wide.matches) {
      loadMaterial();
    }
  }
  window.addEventListener("scroll", scrolled, {passive: true});
  if (window.scrollY > 0) {
    scrolled();
  }

  // Material's keys, until its bundle handles them: only where a visitor is not typing, as Material does.
  function handleKeys() {
    function typing(el) {
      return !!el && ((el.tagName === "INPUT" && el.type !== "radio") || el.tagName === "SELECT" ||
                      el.tagName === "TEXTAREA" || el.isContentEditable);
    }
    window.addEventListener("keydown", function (event) {
      if (!before() || event.metaKey || event.ctrlKey || event.isComposing) {
        return;
      }
      var key = event.key;
      var active = document.activeElement;
      if (toggle && toggle.checked) {
        if (key === "Escape") {
          toggle.click();
          if (query) {
            query.blur();
          }
        }
      } else if (typing(active)) {
        return;
      } else if (key === "Enter" && active instanceof HTMLLabelElement) {
        active.click(); // a sub-menu's label, or its back arrow
      } else if ((key === "f" || key === "s" || key === "/") && query && toggle) {
        event.preventDefault();
        toggle.click(); // opens the search, which loads it
        query.focus();
        query.select();
      } else if (/^[pn,.]$/.test(key)) {
        var link = document.querySelector(key === "p" || key === "," ? "link[rel=prev]" : "link[rel=next]");
        if (link) {
          window.location.href = link.href;
        }
      }
    });
  }

  // The header shows the page's title instead of the site's once the page's heading has gone under it, and a
  // shadow once the page's text has, as Material's header does.
  function followScroll() {
    var header = document.querySelector("[data-md-component=header]");
    var title = document.querySelector("[data-md-component=header-title]");
    var main = document.querySelector("[data-md-component=main]");
    var heading = document.querySelector(".md-content h1");
    var pending = false;
    if (!header) {
      return;
    }
    function place() {
      pending = false;
      if (before()) {
        var height = header.offsetHeight;
        if (main) {
          header.classList.toggle("md-header--shadow", main.getBoundingClientRect().top <= height);
        }
        if (title && heading) {
          var box = heading.getBoundingClientRect();
          title.classList.toggle("md-header__title--active", box.height > 0 && box.bottom <= height);
        }
      }
    }
    function soon() {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(place);
      }
    }
    window.addEventListener("scroll", soon, {passive: true});
    window.addEventListener("resize", soon, {passive: true});
    place();
  }

  // Search: the bundle, the index and the worker wait until a visitor uses the search. Material requests the
  // index as soon as it starts (with XMLHttpRequest) and starts the worker when the index has arrived; both
  // are held back here while search is not wanted.
  function holdSearchBack(onWanted) {
    if (!toggle || !window.Worker || !window.XMLHttpRequest) {
      onWanted(); // nothing to hold back with: Material as it comes
      return;
    }
    // A link from a search result (?h=…) highlights the terms, and a search link (?q=…) opens the search.
    var wanted = /[?&](h|q)=/.test(window.location.search);
    var waiting = [];
    // Tells tests (tests/browser/scripts.py) that search waits to be used rather than loading.
    root.setAttribute("data-mv-search", wanted ? "wanted" : "waiting");

    function want() {
      if (!wanted) {
        wanted = true;
        root.setAttribute("data-mv-search", "wanted");
        waiting.splice(0).forEach(function (run) { run(); });
      }
      onWanted();
    }

    function whenWanted(run) {
      if (wanted) {
        run();
      } else {
        waiting.push(run);
      }
    }

    var open = XMLHttpRequest.prototype.open;
    var send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      this.mvSearchIndex = /\/search\/search_index\.json$/.test(String(url));
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      var request = this;
      var args = arguments;
      if (!request.mvSearchIndex) {
        return send.apply(request, args);
      }
      whenWanted(function () { send.apply(request, args); });
    };

    var RealWorker = window.Worker;
    window.Worker = function (url, options) {
      if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) {
        return new RealWorker(url, options);
      }
      return lateWorker(RealWorker, url, options);
    };

    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        want();
      }
    });
    document.addEventListener("focusin", function (event) {
      if (event.target.closest && event.target.closest("[data-md-component=search]")) {
        want();
      }
    });
    // A press on the search button starts loading a moment before its click opens the search.
    document.addEventListener("pointerdown", function (event) {
      if (event.target.closest && event.target.closest('[for="__search"], [data-mv-for="__search"]')) {
        want();
      }
    });
    if (wanted) {
      onWanted();
    }
  }

  // The search worker, created on the first message Material posts to it (which follows the index's arrival).
  function lateWorker(RealWorker, url, options) {
    var worker = null;
    var listeners = [];
    return {
      addEventListener: function (type, listener, flags) {
        listeners.push([type, listener, flags]);
        if (worker) {
          worker.addEventListener(type, listener, flags);
        }
      },
      removeEventListener: function (type, listener, flags) {
        listeners = listeners.filter(function (item) { return item[0] !== type || item[1] !== listener; });
        if (worker) {
          worker.removeEventListener(type, listener, flags);
        }
      },
      postMessage: function (message, transfer) {
        if (!worker) {
          worker = new RealWorker(url, options);
          listeners.forEach(function (item) { worker.addEventListener(item[0], item[1], item[2]); });
        }
        worker.postMessage(message, transfer);
      },
      terminate: function () {
        if (worker) {
          worker.terminate();
        }
      }
    };
  }
})();
