"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadScript } = require("./office-mock.js");

const FIELDS = [
  { field: "mobilePhone", label: "Mobile phone", value: "+49 170 1234567", source: "microsoft365", editable: true, approval: false, pending: null },
  { field: "pronouns", label: "Pronouns", value: null, source: "self-service", editable: true, approval: true,
    pending: { value: "she/her", requestedAt: "2026-11-30T09:00:00Z" } },
  { field: "jobTitle", label: "Job title", value: "Engineer", source: "manual", editable: false, approval: false, pending: null }
];

/** @param {Function} [fetchImpl] */
function details(fetchImpl) {
  return loadScript("mydetails.js", fetchImpl);
}

test("each unlocked field is shown with its label, current value, source and an error line of its own", () => {
  const html = details().detailsHtml(FIELDS);

  assert.match(html, /<label for="detail-mobilePhone">Mobile phone<\/label>/);
  assert.match(html, /<input type="text" id="detail-mobilePhone" name="mobilePhone" value="\+49 170 1234567"/);
  assert.match(html, /From Microsoft 365/);
  assert.match(html, /Entered by you · changes need your admin&#39;s approval/);
  assert.match(html, /Entered by your admin/);
  assert.match(html, /<p class="details-error" id="error-mobilePhone" role="alert"><\/p>/);
  assert.match(html, /<p class="details-error" id="error-pronouns"/);
});

test("a change waiting for approval is shown beside the value in effect", () => {
  const html = details().detailsHtml(FIELDS);

  assert.match(html, /name="pronouns" value=""/);
  assert.match(html, /Waiting for approval: “she\/her” \(requested 2026-11-30\)/);
});

test("a field the employee may not edit is shown disabled", () => {
  const html = details().detailsHtml(FIELDS);

  assert.match(html, /name="jobTitle" value="Engineer" aria-describedby="error-jobTitle" disabled>/);
  assert.doesNotMatch(html, /name="mobilePhone"[^>]*disabled/);
});

test("when nothing is unlocked the employee is told so", () => {
  const html = details().detailsHtml([]);

  assert.equal(html, '<p class="details-empty">Your admin has not unlocked any details for you to edit.</p>');
});

test("values, labels and field names from Signet cannot inject markup", () => {
  const html = details().detailsHtml([
    { field: "title", label: "<b>Title</b>", value: '"><script>alert(1)</script>', source: "manual", editable: true, approval: false, pending: null },
    { field: 'x" onfocus="alert(1)', label: "Bad", value: "v", source: "manual", editable: true, approval: false, pending: null }
  ]);

  assert.doesNotMatch(html, /<script>|<b>|onfocus/);
  assert.match(html, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  assert.match(html, /&lt;b&gt;Title&lt;\/b&gt;/);
});

test("the values collected are those of the editable fields, trimmed", () => {
  /** @type {Record<string, string>} */
  const inputs = { mobilePhone: " +49 170 7654321 ", pronouns: "they/them", jobTitle: "Boss" };

  const values = details().collectValues(FIELDS, (/** @type {string} */ name) => inputs[name]);

  assert.deepEqual({ ...values }, { mobilePhone: "+49 170 7654321", pronouns: "they/them" });
});

test("only changed values are saved; a value already waiting for approval is not sent again", () => {
  const changed = details().changedValues(FIELDS, { mobilePhone: "+49 170 1234567", pronouns: "she/her" });
  const changedPhone = details().changedValues(FIELDS, { mobilePhone: "+49 170 0000000", pronouns: "she/her" });

  assert.deepEqual({ ...changed }, {});
  assert.deepEqual({ ...changedPhone }, { mobilePhone: "+49 170 0000000" });
});

test("a 400 problem's errors land next to their fields, also when named by the body path", () => {
  const problem = { type: "/problems/invalid-request", status: 400, detail: "mobilePhone: is not a phone number",
    errors: [{ field: "mobilePhone", message: "is not a phone number" }, { field: "values.pronouns", message: "is too long" }] };

  const errors = details().fieldErrors(problem, FIELDS);

  assert.deepEqual({ ...errors.byField }, { mobilePhone: "is not a phone number", pronouns: "is too long" });
  assert.equal(errors.general, null);
});

test("errors for fields the pane does not show, or a problem without errors, become the general message", () => {
  const addin = details();

  const unknownField = addin.fieldErrors({ errors: [{ field: "department", message: "is locked" }] }, FIELDS);
  const detailOnly = addin.fieldErrors({ status: 403, detail: "You are not among the employees synced from Microsoft 365." }, FIELDS);

  assert.equal(unknownField.general, "department: is locked");
  assert.equal(detailOnly.general, "You are not among the employees synced from Microsoft 365.");
});

test("a save's summary names what was applied and what waits for approval, by label", () => {
  const summary = details().saveSummary({ fields: FIELDS, applied: ["mobilePhone"], pending: ["pronouns"] }, FIELDS);

  assert.equal(summary, "Saved: Mobile phone. Sent to your admin for approval: Pronouns.");
});

test("the details API is called with the bearer token, the documented paths, methods and bodies", async () => {
  /** @type {{url: string, init: any}[]} */
  const calls = [];
  const addin = details(async (/** @type {string} */ url, /** @type {any} */ init) => {
    calls.push({ url, init });
    return { ok: true, status: 200, json: async () => ({ fields: [], html: "<p>x</p>", text: "x" }) };
  });

  await addin.loadDetails("tok");
  await addin.previewDetails("tok", { mobilePhone: "1" });
  await addin.saveDetails("tok", { mobilePhone: "1" });

  assert.deepEqual(calls.map((c) => c.init.method + " " + c.url),
    ["GET /api/v1/me/details", "POST /api/v1/me/details/preview", "PUT /api/v1/me/details"]);
  assert.ok(calls.every((c) => c.init.headers.Authorization === "Bearer tok"));
  assert.equal(calls[0].init.body, undefined);
  assert.deepEqual(JSON.parse(calls[1].init.body), { type: "new", values: { mobilePhone: "1" } });
  assert.deepEqual(JSON.parse(calls[2].init.body), { values: { mobilePhone: "1" } });
});

test("a refused or unreachable details API answers with the problem's detail, never throws", async () => {
  const refused = details(async () => ({ ok: false, status: 403, json: async () => ({ type: "/problems/employee-inactive", detail: "Your employee record is deactivated." }) }));
  const offline = details(async () => { throw new TypeError("Failed to fetch"); });

  const a = await refused.loadDetails("tok");
  const b = await offline.saveDetails("tok", {});

  assert.equal(a.ok, false);
  assert.equal(a.reason, "Your employee record is deactivated.");
  assert.equal(b.ok, false);
  assert.equal(b.status, 0);
  assert.equal(b.reason, "Signet could not be reached.");
});
