/* Copy buttons (the buy page's UPI details, a new API or worker token) and the receipt's
   print button. Progressive: both buttons
   are hidden in the markup (templates/buy.html, templates/payment.html) and shown only
   here, where they can work; without this file the UPI ID and reference are still there
   to select, and the browser's own print still prints the receipt. Its words come in the
   reader's language from its script tag (data-word-*, templates/macros/copy_script.html). */
(function () {
  "use strict";

  var script = document.currentScript;
  var status = document.querySelector("[data-copy-status]");

  // A word from the script's tag ("" when the page gave none).
  function word(name) {
    return (script && script.getAttribute("data-word-" + name)) || "";
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
    label.nodeValue = word(ok ? "copied" : "copy-failed") || before;
    // The copied text is not repeated: it may be a secret (an API token).
    say(word(ok ? "said-copied" : "said-copy-failed"));
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
