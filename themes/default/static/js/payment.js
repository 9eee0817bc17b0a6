/* Copy buttons (the buy page's UPI details, a new API or worker token) and the receipt's
   print button. Progressive: both buttons
   are hidden in the markup (templates/buy.html, templates/payment.html) and shown only
   here, where they can work; without this file the UPI ID and reference are still there
   to select, and the browser's own print still prints the receipt. */
(function () {
  "use strict";

  /* The words come from the page, in its language: the status line carries them as
     data-copied, data-copy-failed (the button's label for a moment) and
     data-copied-status, data-copy-failed-status (what a screen reader hears). A word the
     page does not give is simply not said. */
  var status = document.querySelector("[data-copy-status]");

  function word(name) {
    return status ? status.getAttribute(name) || "" : "";
  }

  function say(text) {
    if (status && text) {
      status.textContent = text;
    }
  }

  /* Older browsers and plain-http pages lack the async clipboard: select the text in a
     scratch field and copy that. */
  function copyByHand(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (e) {
      done = false;
    }
    document.body.removeChild(field);
    return done;
  }

  function copied(button, ok) {
    var label = button.firstChild;
    var before = label.nodeValue;
    var now = word(ok ? "data-copied" : "data-copy-failed");
    if (now) {
      label.nodeValue = now;
    }
    // The copied text is not repeated: it may be a secret (an API token).
    say(word(ok ? "data-copied-status" : "data-copy-failed-status"));
    window.setTimeout(function () {
      label.nodeValue = before;
    }, 2000);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { copied(button, true); },
          function () { copied(button, copyByHand(text)); }
        );
      } else {
        copied(button, copyByHand(text));
      }
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
