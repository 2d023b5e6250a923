// Keyboard access to Material's header buttons (squidfunk/mkdocs-material#4101). On a narrow screen, or at
// 200 % zoom, the menu and search buttons are <label>s for hidden checkboxes: a mouse can press them, a
// keyboard cannot even reach them. Here each becomes a real <button> (same look, a name, its state), which
// Enter and Space press. An opened menu takes the focus; Escape, or tabbing out of it, closes it and focus
// goes back to the menu button. A sub-menu's back arrow is reachable too. Without JavaScript the labels stay
// as they are. What the keyboard must not reach while hidden is hidden in motverka.css. Checked by
// tests/browser/test_keyboard.py.
(function () {
  "use strict";
  var names = document.currentScript ? document.currentScript.dataset : {};
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var search = document.querySelector(".md-search__input");
  var menuButton = null;

  function setExpanded() {
    if (menuButton) {
      menuButton.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    }
  }

  function closeMenu(returnFocus) {
    drawer.checked = false;
    setExpanded();
    if (returnFocus) {
      menuButton.focus();
    }
  }

  function asButton(label, name, press) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-mv-for", label.htmlFor);
    button.setAttribute("aria-label", name || "");
    button.innerHTML = label.innerHTML;
    button.addEventListener("click", press);
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
    return button;
  }

  var menuLabel = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  if (drawer && menuLabel) {
    menuButton = asButton(menuLabel, names.menu, function (event) {
      drawer.click();
      setExpanded();
      var first = drawer.checked && sidebar && sidebar.querySelector("a[href]");
      if (first && event.detail === 0) {
        first.focus(); // opened from the keyboard: continue in the menu
      }
    });
    setExpanded();
    drawer.addEventListener("change", setExpanded);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        closeMenu(true);
      }
    });
    // The quick exit floats above the open menu (motverka.css): focusing it, as a tap does, must not close
    // the menu, or the button would move back into the header under the finger before the tap completes.
    document.addEventListener("focusin", function (event) {
      if (drawer.checked && event.target !== menuButton && !(sidebar && sidebar.contains(event.target)) &&
          !event.target.closest("[data-mv-exit]")) {
        closeMenu(false);
      }
    });
  }

  // A sub-menu's title is its "back" arrow: let Tab reach it (Material presses a focused label on Enter, and
  // lazy-material.js does until Material's bundle has loaded), and when it closes the sub-menu, put focus back
  // on the entry that opened it.
  document.querySelectorAll(".md-nav--primary .md-nav__item > .md-nav > .md-nav__title[for]").forEach(function (title) {
    var toggle = document.getElementById(title.htmlFor);
    var opener = document.getElementById(title.htmlFor + "_label");
    title.setAttribute("tabindex", "0");
    if (toggle && opener) {
      toggle.addEventListener("change", function () {
        if (!toggle.checked && document.activeElement === title) {
          opener.focus();
        }
      });
    }
  });

  var searchLabel = document.querySelector('.md-header label.md-header__button[for="__search"]');
  if (search && searchLabel) {
    var searchToggle = document.getElementById("__search");
    asButton(searchLabel, names.search, function () {
      if (searchToggle && !searchToggle.checked) {
        searchToggle.click(); // what the label does: open the search …
      }
      search.focus(); // … and put the cursor in its field
    });
  }
})();
