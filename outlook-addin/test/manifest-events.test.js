"use strict";
// The mobile and From-changed declarations of both manifests, element by element (XML: Microsoft's XSD files are in
// no package reachable here) and by Microsoft's JSON schema plus the form factors and requirement sets (unified).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { DOMParser } = require("@xmldom/xmldom");
const { validateUnifiedManifest, fill } = require("./unified-manifest.js");

const VALUES = {
  BASE_URL: "https://signet.example.com", ORIGIN: "https://signet.example.com", HOST: "signet.example.com",
  CLIENT_ID: "0a1b2c3d-1111-4222-8333-944455556666",
  API_RESOURCE: "api://signet.example.com/0a1b2c3d-1111-4222-8333-944455556666",
  ADDIN_ID: "3f6d2a9e-5b1c-4e8f-9a7d-2c4b6e8f0a1d", DISPLAY_NAME: "Signet signatures", PROVIDER_NAME: "Signet",
  VERSION: "1.0.0", VERSION_XML: "1.0.0.0"
};
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const OVERRIDES_1_1 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

/** @param {string} name */
function template(name) {
  return fs.readFileSync(path.join(__dirname, "..", "manifest", name), "utf8");
}

/** @returns {any} the filled XML manifest as a DOM document */
function xmlManifest() {
  return new DOMParser().parseFromString(fill(template("manifest.xml"), VALUES), "text/xml");
}

/** @param {any} parent @param {string} name @returns {any[]} the element children of parent with this local name */
function children(parent, name) {
  return Array.from(parent.childNodes).filter((/** @type {any} */ n) => n.nodeType === 1 && n.localName === name);
}

/** @param {any} parent @param {string} name @returns {any} the only such child */
function only(parent, name) {
  const found = children(parent, name);
  assert.equal(found.length, 1, `one <${name}> in <${parent.localName}>, found ${found.length}`);
  return found[0];
}

/** @param {any} doc @returns {any} the MailHost inside VersionOverridesV1_1 */
function mailHost(doc) {
  const outer = only(doc.documentElement, "VersionOverrides");
  const inner = only(outer, "VersionOverrides");
  assert.equal(inner.namespaceURI, OVERRIDES_1_1);
  assert.equal(inner.getAttributeNS(XSI, "type"), "VersionOverridesV1_1");
  const host = only(only(inner, "Hosts"), "Host");
  assert.equal(host.getAttributeNS(XSI, "type"), "MailHost");
  return host;
}

/** @param {any} formFactor @returns {any} its LaunchEvent extension point */
function launchEventPoint(formFactor) {
  const points = children(formFactor, "ExtensionPoint").filter((p) => p.getAttributeNS(XSI, "type") === "LaunchEvent");
  assert.equal(points.length, 1);
  return points[0];
}

/** @param {any} point @returns {Record<string, string>} event type → function name */
function launchEvents(point) {
  /** @type {Record<string, string>} */
  const events = {};
  for (const event of children(only(point, "LaunchEvents"), "LaunchEvent")) {
    events[event.getAttribute("Type")] = event.getAttribute("FunctionName");
  }
  return events;
}

/** @param {any} doc @param {string} resid @returns {string} the URL a resid names */
function url(doc, resid) {
  const urls = Array.from(doc.getElementsByTagNameNS(BT, "Url")).filter((/** @type {any} */ u) => u.getAttribute("id") === resid);
  assert.equal(urls.length, 1, "one bt:Url " + resid);
  return urls[0].getAttribute("DefaultValue");
}

test("the XML manifest parses as well-formed XML with the root a MailApp", () => {
  /** @type {string[]} */
  const errors = [];
  /** @type {any} */
  const doc = new DOMParser({ onError: (/** @type {string} */ level, /** @type {string} */ message) => { errors.push(level + ": " + message); } })
    .parseFromString(fill(template("manifest.xml"), VALUES), "text/xml");

  assert.deepEqual(errors, []);
  assert.equal(doc.documentElement.localName, "OfficeApp");
  assert.equal(doc.documentElement.getAttributeNS(XSI, "type"), "MailApp");
});

test("the XML manifest declares the mobile form factor with a launch event for new messages and From changes", () => {
  const doc = xmlManifest();
  const host = mailHost(doc);

  const mobile = only(host, "MobileFormFactor");
  const point = launchEventPoint(mobile);

  assert.deepEqual(launchEvents(point), {
    OnNewMessageCompose: "onNewMessageComposeHandler",
    OnMessageFromChanged: "onMessageFromChangedHandler"
  });
  assert.equal(url(doc, only(point, "SourceLocation").getAttribute("resid")), "https://signet.example.com/addin/commands.html");
  assert.equal(children(mobile, "ExtensionPoint").length, 1, "no task pane or command surface on mobile");
});

test("the mobile form factor comes after the desktop one and the runtime it uses is declared", () => {
  const doc = xmlManifest();
  const host = mailHost(doc);

  const order = Array.from(host.childNodes).filter((/** @type {any} */ n) => n.nodeType === 1).map((/** @type {any} */ n) => n.localName);
  const runtime = only(only(host, "Runtimes"), "Runtime");

  assert.deepEqual(order, ["Runtimes", "DesktopFormFactor", "MobileFormFactor"]);
  assert.equal(runtime.getAttribute("resid"), only(launchEventPoint(only(host, "MobileFormFactor")), "SourceLocation").getAttribute("resid"));
  assert.equal(url(doc, only(runtime, "Override").getAttribute("resid")), "https://signet.example.com/addin/commands.js");
});

test("the XML manifest's desktop launch events include From changes beside new messages and appointments", () => {
  const host = mailHost(xmlManifest());

  assert.deepEqual(launchEvents(launchEventPoint(only(host, "DesktopFormFactor"))), {
    OnNewMessageCompose: "onNewMessageComposeHandler",
    OnNewAppointmentOrganizer: "onNewAppointmentOrganizerHandler",
    OnMessageFromChanged: "onMessageFromChangedHandler"
  });
});

test("the XML overrides require Mailbox 1.5, the highest set Outlook on iOS and Android supports", () => {
  const doc = xmlManifest();
  const inner = only(only(doc.documentElement, "VersionOverrides"), "VersionOverrides");

  const sets = only(only(inner, "Requirements"), "Sets");
  const set = only(sets, "Set");

  assert.equal(sets.namespaceURI, BT);
  assert.equal(sets.getAttribute("DefaultMinVersion"), "1.5");
  assert.equal(set.getAttribute("Name"), "Mailbox");
  assert.equal(set.hasAttribute("MinVersion"), false, "no per-set override above 1.5");
});

test("the XML manifest keeps read/write item permission and activates on messages being composed", () => {
  const doc = xmlManifest();

  const permissions = only(doc.documentElement, "Permissions").textContent;
  const rules = children(only(doc.documentElement, "Rule"), "Rule").map((r) => r.getAttribute("ItemType") + "/" + r.getAttribute("FormType"));

  assert.ok(["ReadWriteItem", "ReadWriteMailbox"].includes(permissions));
  assert.ok(rules.includes("Message/Edit"));
});

test("the unified manifest declares mobile launch events under Mailbox 1.5 and desktop ones under 1.10 and 1.13", () => {
  const manifest = JSON.parse(fill(template("manifest.json"), VALUES));
  const extension = manifest.extensions[0];

  const byFormFactor = (/** @type {string} */ formFactor) => extension.autoRunEvents
    .filter((/** @type {any} */ group) => (group.requirements.formFactors || ["desktop", "mobile"]).includes(formFactor))
    .flatMap((/** @type {any} */ group) => group.events.map((/** @type {any} */ e) => e.type + "@" + group.requirements.capabilities[0].minVersion))
    .sort();

  assert.deepEqual(validateUnifiedManifest(manifest).errors, []);
  assert.deepEqual(byFormFactor("mobile"), ["messageFromChanged@1.5", "newMessageComposeCreated@1.5"]);
  assert.deepEqual(byFormFactor("desktop"), ["messageFromChanged@1.13", "newAppointmentOrganizerCreated@1.10", "newMessageComposeCreated@1.10"]);
  assert.equal(extension.requirements.capabilities[0].minVersion, "1.5", "the extension itself must not exclude mobile");
});

test("in the unified manifest the task pane and its button are for desktop only", () => {
  const extension = JSON.parse(fill(template("manifest.json"), VALUES)).extensions[0];

  const taskPane = extension.runtimes.find((/** @type {any} */ r) => r.id === "signet-taskpane");

  assert.deepEqual(taskPane.requirements.formFactors, ["desktop"]);
  for (const ribbon of extension.ribbons) {
    assert.deepEqual(ribbon.requirements.formFactors, ["desktop"]);
  }
});

test("the schema check rejects a form factor Microsoft does not define", () => {
  const manifest = JSON.parse(fill(template("manifest.json"), VALUES));
  manifest.extensions[0].autoRunEvents[2].requirements.formFactors = ["phone"];

  assert.equal(validateUnifiedManifest(manifest).valid, false);
});
