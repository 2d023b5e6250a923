// Search loads when first used. Material fetches the search index, its worker and lunr's language files as
// soon as a page loads: a quarter of a first view, paid by every visitor although few search (bench/REPORT.md).
// Loaded before Material's bundle, this holds the index request and the worker back until the search field
// gets focus or the search toggle opens. Without JavaScript nothing changes.
(function () {
  "use strict";
  var toggle = document.getElementById("__search");
  if (!toggle || !window.Worker || !window.XMLHttpRequest) {
    return;
  }
  // A link from a search result (?h=…) highlights the terms, which needs the index at once.
  var wanted = /[?&](h|q)=/.test(window.location.search);
  var waiting = [];
  // Tells tests (tests/browser/scripts.py) that search waits to be used rather than loading.
  document.documentElement.setAttribute("data-mv-search", wanted ? "wanted" : "waiting");

  function want() {
    if (!wanted) {
      wanted = true;
      document.documentElement.setAttribute("data-mv-search", "wanted");
      waiting.splice(0).forEach(function (run) { run(); });
    }
  }

  function whenWanted(run) {
    if (wanted) {
      run();
    } else {
      waiting.push(run);
    }
  }

  // The index: Material requests it with XMLHttpRequest; its send() waits until search is wanted.
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

  // The worker: created on the first message Material posts to it, which follows the index's arrival.
  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) {
      return new RealWorker(url, options);
    }
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
  };

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      want();
    }
  });
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-md-component=search]")) {
      want();
    }
  });
})();
