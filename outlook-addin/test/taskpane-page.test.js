"use strict";
// The element ids the browser test drives (and the task pane script uses) exist in taskpane.html.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { DOMParser } = require("@xmldom/xmldom");

test("the task pane has the My details section with the ids the browser test uses", () => {
  const html = fs.readFileSync(path.join(__dirname, "..", "src", "taskpane.html"), "utf8");
  const doc = /** @type {any} */ (new DOMParser().parseFromString(html, "text/html"));

  for (const id of ["my-details", "details-fields", "details-preview", "save-details", "details-status", "status", "preview", "insert"]) {
    assert.ok(doc.getElementById(id), "#" + id);
  }
  assert.equal(doc.getElementById("details-preview").getAttribute("sandbox"), "", "the preview runs no scripts");
  const scripts = Array.from(doc.getElementsByTagName("script")).map((/** @type {any} */ s) => s.getAttribute("src"));
  assert.ok(scripts.indexOf("mydetails.js") > scripts.indexOf("commands.js"));
  assert.ok(scripts.indexOf("taskpane.js") > scripts.indexOf("mydetails.js"));
});
