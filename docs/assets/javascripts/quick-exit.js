// Quick exit ("Lämna sidan snabbt"): replace this page with a neutral site so that the Back button does not
// return to it (location.replace), from the button or by pressing Shift three times in a row. Without
// JavaScript the button is an ordinary link, which still leaves the page.
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

  button.addEventListener("click", leave);

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
