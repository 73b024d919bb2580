"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { validateUnifiedManifest, fill } = require("./unified-manifest.js");

const VALUES = {
  BASE_URL: "https://signet.example.com", ORIGIN: "https://signet.example.com", HOST: "signet.example.com",
  CLIENT_ID: "0a1b2c3d-1111-4222-8333-944455556666",
  API_RESOURCE: "api://signet.example.com/0a1b2c3d-1111-4222-8333-944455556666",
  ADDIN_ID: "3f6d2a9e-5b1c-4e8f-9a7d-2c4b6e8f0a1d", DISPLAY_NAME: "Signet signatures", PROVIDER_NAME: "Signet",
  VERSION: "1.0.0", VERSION_XML: "1.0.0.0"
};

/** @param {string} name */
function template(name) {
  return fs.readFileSync(path.join(__dirname, "..", "manifest", name), "utf8");
}

test("the unified manifest, filled for a deployment, validates against Microsoft's schema for its version", () => {
  const manifest = JSON.parse(fill(template("manifest.json"), VALUES));

  const result = validateUnifiedManifest(manifest);

  assert.deepEqual(result.errors, []);
  assert.equal(result.valid, true);
});

test("the schema check catches a broken manifest", () => {
  const manifest = JSON.parse(fill(template("manifest.json"), VALUES));
  manifest.extensions[0].runtimes[0].lifetime = "forever";
  delete manifest.icons;

  const result = validateUnifiedManifest(manifest);

  assert.equal(result.valid, false);
  assert.ok(result.errors.some((e) => e.includes("lifetime") || e.includes("enum")));
});

test("every launch event's action is an executeFunction action of the event runtime, with page and script", () => {
  const manifest = JSON.parse(fill(template("manifest.json"), VALUES));
  const extension = manifest.extensions[0];
  const runtime = extension.runtimes.find((/** @type {any} */ r) => r.id === "signet-events");
  const actions = runtime.actions.filter((/** @type {any} */ a) => a.type === "executeFunction").map((/** @type {any} */ a) => a.id);

  const events = extension.autoRunEvents.flatMap((/** @type {any} */ e) => e.events);

  assert.deepEqual([...new Set(events.map((/** @type {any} */ e) => e.type))].sort(),
    ["messageFromChanged", "newAppointmentOrganizerCreated", "newMessageComposeCreated"]);
  for (const event of events) {
    assert.ok(actions.includes(event.actionId), event.actionId + " is not an action of the runtime");
  }
  assert.equal(runtime.code.page, "https://signet.example.com/addin/commands.html");
  assert.equal(runtime.code.script, "https://signet.example.com/addin/commands.js");
});

test("the handler names the manifests use are the functions commands.js registers", () => {
  const script = fs.readFileSync(path.join(__dirname, "..", "src", "commands.js"), "utf8");
  const xml = template("manifest.xml");
  const json = JSON.parse(fill(template("manifest.json"), VALUES));

  const xmlNames = [...xml.matchAll(/FunctionName="([^"]+)"/g)].map((m) => m[1]).sort();
  const jsonNames = json.extensions[0].autoRunEvents.flatMap((/** @type {any} */ e) => e.events)
    .map((/** @type {any} */ e) => e.actionId);

  assert.deepEqual([...new Set(xmlNames)].sort(), [...new Set(jsonNames)].sort());
  for (const name of new Set(xmlNames)) {
    assert.match(script, new RegExp(`Office\\.actions\\.associate\\("${name}", ${name}\\)`));
  }
});

test("no placeholder is left unfilled, and a missing value is an error rather than an empty string", () => {
  for (const name of ["manifest.xml", "manifest.json"]) {
    assert.doesNotMatch(fill(template(name), VALUES), /\{\{|\}\}/);
  }
  assert.throws(() => fill(template("manifest.json"), /** @type {any} */ ({ ...VALUES, CLIENT_ID: undefined })), /no value|undefined/);
});
