/* The signed-in header on a phone: the links fold behind a "Menu" button (styles in
   site.css, below 700 px). Progressive: the button stays hidden without this file, and the
   links then wrap as they always did. */
(function () {
  "use strict";

  var button = document.querySelector(".nav-toggle");
  var header = document.querySelector(".site-header");
  if (!button || !header) {
    return;
  }
  button.hidden = false;
  header.classList.add("has-nav-toggle");

  function setOpen(open) {
    header.classList.toggle("nav-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  button.addEventListener("click", function () {
    setOpen(!header.classList.contains("nav-open"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("nav-open")) {
      setOpen(false);
      button.focus();
    }
  });
})();
