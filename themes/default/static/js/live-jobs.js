/* Live job cards for the Generate and History pages, and the size presets of the
   Generate form. Progressive: the pages work without this file (submit, then reload);
   this only keeps them current. Markup: templates/macros/jobs.html. No words of its own:
   they come in the reader's language from the job's JSON (status_label, queue_label,
   error) and from this script's tag (data-word-*, written by macros/jobs.html). */
(function () {
  "use strict";

  var script = document.currentScript;

  // A word from the script's tag ("" when the page gave none).
  function word(name) {
    return (script && script.getAttribute("data-word-" + name)) || "";
  }

  // A sentence about a job, "{prompt}" in it replaced by the start of its prompt.
  function sentence(name, prompt) {
    return word(name).split("{prompt}").join(shortPrompt(prompt));
  }

  var POLL_MS = 3000;
  // Each stream holds a connection open; over HTTP/1.1 a browser has six per site, so a
  // page with many jobs in progress streams a few and polls for the rest.
  var MAX_STREAMS = 2;
  var openStreams = 0;
  var FINAL = { succeeded: true, failed: true, canceled: true };
  var ACTIVE = { queued: true, running: true };

  /* ---------- Announcements (one polite live region per page) ---------- */

  var announcer = document.querySelector("[data-live-announcer]");
  var announceTimer = null;

  function announce(text) {
    if (!announcer || !text) {
      return;
    }
    // Emptying first makes screen readers repeat an identical message.
    announcer.textContent = "";
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(function () {
      announcer.textContent = text;
    }, 100);
  }

  function shortPrompt(prompt) {
    var text = String(prompt || "").replace(/\s+/g, " ").trim();
    return text.length > 80 ? text.slice(0, 77) + "…" : text;
  }

  /* ---------- Card updates ---------- */

  function fields(card, name) {
    return card.querySelectorAll('[data-field="' + name + '"]');
  }

  function field(card, name) {
    return card.querySelector('[data-field="' + name + '"]');
  }

  function setText(el, text) {
    if (el && el.textContent !== text) {
      el.textContent = text;
    }
  }

  function show(el, visible) {
    if (el) {
      el.hidden = !visible;
    }
  }

  function remove(el) {
    if (el && el.parentNode) {
      el.parentNode.removeChild(el);
    }
  }

  function buildResult(card, job) {
    var result = field(card, "result");
    if (!result || !job.image_url || result.querySelector("img")) {
      return;
    }
    var tile = card.getAttribute("data-variant") === "tile";
    var promptText = String(job.prompt || "");

    var link = document.createElement("a");
    link.className = "job-frame job-image-link";
    link.href = job.image_url;
    var img = document.createElement("img");
    img.src = tile && job.thumb_url ? job.thumb_url : job.image_url;
    img.alt = promptText;
    if (job.width) { img.width = job.width; }
    if (job.height) { img.height = job.height; }
    img.decoding = "async";
    link.appendChild(img);
    result.appendChild(link);

    if (job.download_url) {
      var actions = document.createElement("p");
      actions.className = "job-actions";
      var download = document.createElement("a");
      download.href = job.download_url;
      download.setAttribute("download", "");
      if (tile) {
        // Short on a tile; the whole words for a screen reader.
        download.className = "btn btn-secondary btn-xs";
        var shown = document.createElement("span");
        shown.setAttribute("aria-hidden", "true");
        shown.textContent = word("download");
        download.appendChild(shown);
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = word("download-image");
        download.appendChild(hidden);
      } else {
        download.className = "btn btn-primary btn-sm";
        download.textContent = word("download-image");
      }
      actions.appendChild(download);
      if (!tile) {
        var open = document.createElement("a");
        open.className = "job-open";
        open.href = job.image_url;
        open.textContent = word("open-full");
        actions.appendChild(open);
      }
      result.appendChild(actions);
      if (!tile) {
        result.appendChild(againActions(job));
      }
    }
    remove(field(card, "pending"));
  }

  // "Generate again" (the same prompt and settings, a new seed) and "Use this seed", as
  // templates/macros/jobs.html writes them for a finished card.
  function againActions(job) {
    var box = document.createElement("div");
    box.className = "job-again";
    var token = document.querySelector('input[name="csrf_token"]');
    if (token) {
      var form = document.createElement("form");
      form.method = "post";
      form.action = "/generate";
      form.className = "inline-form";
      var fields = {
        csrf_token: token.value,
        prompt: job.prompt,
        negative_prompt: job.negative_prompt,
        model: job.model,
        width: job.width,
        height: job.height
      };
      Object.keys(fields).forEach(function (name) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = String(fields[name] === undefined || fields[name] === null ? "" : fields[name]);
        form.appendChild(input);
      });
      var again = document.createElement("button");
      again.type = "submit";
      again.className = "btn btn-secondary btn-xs";
      again.textContent = word("again");
      form.appendChild(again);
      box.appendChild(form);
    }
    var seed = document.createElement("a");
    seed.className = "btn btn-secondary btn-xs";
    seed.href = "/generate?job=" + encodeURIComponent(job.id) + "&seed=1";
    seed.textContent = word("use-seed");
    box.appendChild(seed);
    return box;
  }

  // A ComfyUI render's newest frame, fetched again as its progress moves; hidden until one
  // has loaded (the first steps have none).
  function showPreview(card, job, running) {
    var img = field(card, "preview");
    if (!img) {
      return;
    }
    if (!running || !job.preview_url) {
      img.hidden = true;
      return;
    }
    var at = String(job.progress || 0);
    if (img.getAttribute("data-at") === at) {
      return;
    }
    img.setAttribute("data-at", at);
    img.onload = function () {
      img.hidden = false;
    };
    img.onerror = function () {
      img.hidden = true;
    };
    img.src = job.preview_url + "?at=" + encodeURIComponent(at);
  }

  function update(card, job) {
    if (!job || !job.status) {
      return;
    }
    var status = String(job.status);
    var before = card.getAttribute("data-status");
    card.setAttribute("data-status", status);

    // The server says the status in the reader's words; without them the card keeps its own.
    if (job.status_label) {
      var statusEls = fields(card, "status");
      for (var i = 0; i < statusEls.length; i++) {
        setText(statusEls[i], String(job.status_label));
      }
    }

    var running = status === "running";
    show(field(card, "progress-block"), !!ACTIVE[status]);
    setText(field(card, "progress-label"), word(running ? "progress" : "waiting-to-start"));
    var progress = field(card, "progress");
    var percent = Math.max(0, Math.min(100, Math.round((Number(job.progress) || 0) * 100)));
    if (progress) {
      if (running) {
        progress.value = percent;
        progress.textContent = percent + "%";
      } else if (status === "queued") {
        // No value: an indeterminate bar while waiting for a worker.
        progress.removeAttribute("value");
      }
    }
    setText(field(card, "percent"), running ? percent + "%" : "");
    showPreview(card, job, running);

    var queue = field(card, "queue");
    if (status === "queued") {
      if (job.queue_label) {
        setText(queue, String(job.queue_label));
      }
      show(queue, true);
    } else {
      show(queue, false);
    }

    var error = field(card, "error");
    if (status === "failed") {
      setText(error, (job.error || word("error-default")) + " " + word("nothing-charged"));
      show(error, true);
    } else if (status === "canceled") {
      setText(error, word("canceled"));
      show(error, true);
    } else {
      show(error, false);
    }

    if (status === "succeeded") {
      buildResult(card, job);
    }
    if (FINAL[status]) {
      remove(field(card, "cancel"));
    }

    if (FINAL[status] && before !== status) {
      if (status === "succeeded") {
        announce(sentence("said-ready", job.prompt));
      } else if (status === "failed") {
        announce(sentence("said-failed", job.prompt) + " " +
          (job.error ? job.error + " " : "") + word("nothing-charged"));
      } else {
        announce(sentence("said-canceled", job.prompt));
      }
    }
  }

  /* ---------- Watching a job: server-sent events, else polling ---------- */

  function watch(card) {
    var id = card.getAttribute("data-job-id");
    if (!id) {
      return;
    }
    var path = "/jobs/" + encodeURIComponent(id);
    var done = false;
    var received = false;
    var source = null;
    var timer = null;
    var polling = false;

    function closeStream() {
      if (source) {
        source.close();
        source = null;
        openStreams -= 1;
      }
    }

    function stop() {
      done = true;
      closeStream();
      window.clearTimeout(timer);
    }

    function handle(job) {
      if (done || !job) {
        return;
      }
      update(card, job);
      if (FINAL[job.status]) {
        stop();
      }
    }

    function poll() {
      if (done) {
        return;
      }
      if (typeof window.fetch !== "function") {
        return;
      }
      window.fetch(path, {
        headers: { "Accept": "application/json" },
        credentials: "same-origin",
        cache: "no-store"
      }).then(function (response) {
        if (response.status === 401 || response.status === 403 || response.status === 404) {
          // Signed out, or the job is gone: reloading the page shows the truth.
          stop();
          return null;
        }
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      }).then(handle, function () {
        // A network hiccup: try again on the next tick.
      }).then(function () {
        if (!done) {
          timer = window.setTimeout(poll, POLL_MS);
        }
      });
    }

    function startPolling() {
      if (polling || done) {
        return;
      }
      polling = true;
      closeStream();
      poll();
    }

    if (typeof window.EventSource !== "function" || openStreams >= MAX_STREAMS) {
      startPolling();
      return;
    }

    try {
      source = new window.EventSource(path + "/events");
      openStreams += 1;
    } catch (e) {
      startPolling();
      return;
    }

    function onMessage(event) {
      received = true;
      var job;
      try {
        job = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      handle(job);
    }

    source.addEventListener("job", onMessage);
    // The server closes a person's oldest stream when they open too many (several tabs):
    // this page then keeps up by polling.
    source.addEventListener("closed", startPolling);
    // Unnamed events too, in case a proxy or an older server drops the event name.
    source.addEventListener("message", onMessage);
    source.addEventListener("error", function () {
      if (done) {
        return;
      }
      // Before any message the stream is not usable here; after one, the browser
      // reconnects by itself unless it gave up (CLOSED).
      if (!received || !source || source.readyState === 2) {
        startPolling();
      }
    });
  }

  function watchAll() {
    var cards = document.querySelectorAll("[data-job-id]");
    for (var i = 0; i < cards.length; i++) {
      if (ACTIVE[cards[i].getAttribute("data-status")]) {
        watch(cards[i]);
      }
    }
  }

  /* ---------- Size presets on the Generate form ---------- */

  function parsePreset(value) {
    var parts = String(value || "").split("x");
    return parts.length === 2 ? { width: parts[0], height: parts[1] } : null;
  }

  function setupPresets() {
    var form = document.querySelector("[data-generate-form]");
    if (!form) {
      return;
    }
    var width = form.querySelector('input[name="width"]');
    var height = form.querySelector('input[name="height"]');
    var group = form.querySelector("[data-size-presets]");
    var radios = form.querySelectorAll('input[type="radio"][name="preset"]');
    if (!width || !height || !group || !radios.length) {
      return;
    }

    function sync() {
      var w = String(width.value).trim();
      var h = String(height.value).trim();
      for (var i = 0; i < radios.length; i++) {
        var size = parsePreset(radios[i].value);
        radios[i].checked = !!size && size.width === w && size.height === h;
      }
    }

    for (var i = 0; i < radios.length; i++) {
      radios[i].addEventListener("change", function (event) {
        var size = parsePreset(event.target.value);
        if (!event.target.checked || !size) {
          return;
        }
        width.value = size.width;
        height.value = size.height;
        width.removeAttribute("aria-invalid");
        height.removeAttribute("aria-invalid");
      });
    }
    width.addEventListener("input", sync);
    height.addEventListener("input", sync);

    // Without this script the presets could not fill the fields, so they start hidden.
    group.hidden = false;
    sync();
  }

  /* ---------- One submission at a time ---------- */

  function setupSubmit() {
    var form = document.querySelector("[data-generate-form]");
    var button = form && form.querySelector("[data-submit]");
    if (!button) {
      return;
    }
    var label = button.textContent;
    var sending = button.getAttribute("data-sending") || label;
    form.addEventListener("submit", function (event) {
      if (button.getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        return;
      }
      button.setAttribute("aria-disabled", "true");
      button.textContent = sending;
    });
    // Coming back with the Back button restores the page as it was left.
    window.addEventListener("pageshow", function () {
      button.removeAttribute("aria-disabled");
      button.textContent = label;
    });
  }

  function init() {
    setupPresets();
    setupSubmit();
    watchAll();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
