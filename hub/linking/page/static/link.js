// The linking form's checks while typing: the schema's own constraints on every field, and for the
// fields that are not secrets, the connector's preview (the host the hub will call, values that can
// never be right). Secrets never leave this page before submit. Without JavaScript the form still
// works: the server checks everything again.
(function () {
  "use strict";
  var form = document.getElementById("link-form");
  var summary = document.getElementById("error-summary");
  if (summary && !summary.hidden) {
    summary.focus();
  }
  if (!form) {
    return;
  }
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[data-title]"));
  var touched = {};
  var previewIssues = {};
  // Errors the server found on the last submit stay until the admin changes that field.
  var fromServer = {};
  inputs.forEach(function (input) {
    if (input.getAttribute("aria-invalid") === "true") {
      fromServer[input.name] = true;
    }
  });
  var timer = null;

  function byName(name) {
    return form.querySelector('input[name="' + name + '"]');
  }

  function localIssue(input) {
    var value = input.dataset.secret ? input.value : input.value.trim();
    var d = input.dataset;
    if (!value.trim()) {
      return d.required ? "is required. " + (document.getElementById("help-" + input.name).textContent || "") : "";
    }
    if (d.minLength && value.length < Number(d.minLength)) {
      return "is too short (at least " + d.minLength + " characters).";
    }
    if (d.maxLength && value.length > Number(d.maxLength)) {
      return "is too long (at most " + d.maxLength + " characters).";
    }
    if (d.pattern) {
      var re;
      try {
        re = new RegExp(d.pattern, "u");
      } catch (e) {
        re = null; // a pattern this browser cannot read: the server checks it
      }
      if (re && !re.test(value)) {
        return "does not look right" + (d.example ? ": expected something like " + d.example : "") + ".";
      }
    }
    return "";
  }

  function show(input, message) {
    var box = document.getElementById("error-" + input.name);
    box.textContent = message ? input.dataset.title + " " + message : "";
    if (message) {
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
    input.parentElement.classList.toggle("has-error", Boolean(message));
  }

  function check(input) {
    // The connector's own words (from the preview) beat the generic "does not look right".
    var local = localIssue(input);
    var message = local ? previewIssues[input.name] || local : previewIssues[input.name] || "";
    if (!message && fromServer[input.name]) {
      return "";
    }
    show(input, message);
    return message;
  }

  function publicValues() {
    var values = {};
    inputs.forEach(function (input) {
      if (!input.dataset.secret) {
        values[input.name] = input.value;
      }
    });
    return values;
  }

  function preview() {
    var request = new XMLHttpRequest();
    request.open("POST", form.dataset.preview);
    request.setRequestHeader("Content-Type", "application/json");
    request.setRequestHeader("X-CSRF-Token", form.dataset.csrf);
    request.onload = function () {
      if (request.status !== 200) {
        return;
      }
      var answer = JSON.parse(request.responseText);
      previewIssues = {};
      answer.errors.forEach(function (issue) {
        previewIssues[issue.field] = issue.message + " " + issue.fix;
      });
      inputs.forEach(function (input) {
        var note = document.getElementById("note-" + input.name);
        var text = answer.notes[input.name];
        note.textContent = "";
        if (text) {
          note.appendChild(document.createTextNode("Will connect to: "));
          var strong = document.createElement("strong");
          strong.textContent = text;
          note.appendChild(strong);
        }
        if (!input.dataset.secret && (touched[input.name] || input.value.trim() || previewIssues[input.name])) {
          check(input);
        }
      });
    };
    request.send(JSON.stringify({ values: publicValues() }));
  }

  inputs.forEach(function (input) {
    input.addEventListener("input", function () {
      delete fromServer[input.name];
      if (touched[input.name]) {
        check(input);
      }
      if (!input.dataset.secret) {
        window.clearTimeout(timer);
        timer = window.setTimeout(preview, 250);
      }
    });
    input.addEventListener("blur", function () {
      if (input.value) {
        touched[input.name] = true;
      }
      if (touched[input.name]) {
        check(input);
      }
    });
  });

  form.addEventListener("submit", function (event) {
    var problems = [];
    inputs.forEach(function (input) {
      touched[input.name] = true;
      var message = check(input);
      if (message) {
        problems.push([input, message]);
      }
    });
    if (!problems.length) {
      return;
    }
    event.preventDefault();
    summary.textContent = "";
    var title = document.createElement("h2");
    title.textContent = problems.length === 1 ? "One value needs fixing" : problems.length + " values need fixing";
    summary.appendChild(title);
    var list = document.createElement("ul");
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + problem[0].id;
      link.textContent = problem[0].dataset.title + " " + problem[1];
      link.addEventListener("click", function (e) {
        e.preventDefault();
        problem[0].focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.appendChild(list);
    summary.hidden = false;
    summary.focus();
  });

  if (inputs.some(function (input) { return !input.dataset.secret && input.value.trim(); })) {
    preview();
  }
})();
