"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { mockOffice, loadCommands, signetAnswering } = require("./office-mock.js");

const SIGNATURE = { type: "reply", available: true, html: "<p>-- Ada</p>", text: "-- Ada", version: "7f3a",
  from: { address: "ada@contoso.example", kind: "own" } };

/** @param {any} addin @param {any} [env] */
async function compose(addin, env) {
  let completions = 0;
  const outcome = await addin.handleComposeEvent({ completed: () => completions++ }, env);
  return { outcome, completions };
}

test("after an insertion the add-in reports the delivery with channel, type, version, From and client", async () => {
  const office = mockOffice({ composeType: "reply", platform: "PC", version: "16.0.19822.20000" });
  const signet = signetAnswering(200, SIGNATURE);
  const addin = loadCommands(office, signet.fetchImpl);

  await compose(addin);

  assert.equal(signet.reports.length, 1);
  const report = signet.reports[0];
  assert.match(report.url, /\/api\/v1\/me\/deliveries$/);
  assert.equal(report.init.method, "POST");
  assert.equal(report.init.headers.Authorization, "Bearer token-from-office-sso");
  assert.equal(report.init.headers["Content-Type"], "application/json");
  assert.deepEqual(report.body, { channel: "add-in", type: "reply", signatureVersion: "7f3a", from: "ada@contoso.example",
    client: { platform: "PC", version: "16.0.19822.20000" } });
});

test("nothing inserted means nothing reported: no template, refused, unreachable, no token", async () => {
  const cases = [
    signetAnswering(200, { type: "new", available: false, html: "", text: "", version: "n", reason: "No template" }),
    signetAnswering(403, { type: "/problems/employee-not-synced", detail: "not synced" }),
    signetAnswering(503, {})
  ];
  for (const signet of cases) {
    const addin = loadCommands(mockOffice(), signet.fetchImpl);
    await compose(addin);
    assert.equal(signet.reports.length, 0);
  }
  const signet = signetAnswering(200, SIGNATURE);
  await compose(loadCommands(mockOffice(), signet.fetchImpl), { getToken: async () => { throw { code: 13003 }; } });
  assert.equal(signet.reports.length, 0);
});

test("when Outlook refuses the signature nothing is reported", async () => {
  const signet = signetAnswering(200, SIGNATURE);
  const { outcome } = await compose(loadCommands(mockOffice({ failSignature: true }), signet.fetchImpl));

  assert.equal(outcome, "failed");
  assert.equal(signet.reports.length, 0);
});

for (const report of [/** @type {const} */ ("reject"), 500, 401]) {
  test(`a failing delivery report (${report}) does not affect the insertion or the completion`, async () => {
    const office = mockOffice();
    const signet = signetAnswering(200, SIGNATURE, { report });
    const addin = loadCommands(office, signet.fetchImpl);

    const { outcome, completions } = await compose(addin);

    assert.equal(outcome, "inserted:reply");
    assert.equal(completions, 1);
    assert.equal(office.context.mailbox.item.body.signature, SIGNATURE.html);
    assert.equal(signet.reports.length, 1);
  });
}

test("a delivery report that hangs delays completion by its short budget only", async () => {
  const office = mockOffice();
  const signet = signetAnswering(200, SIGNATURE, { report: "hang" });
  const addin = loadCommands(office, signet.fetchImpl);

  const started = Date.now();
  const { outcome, completions } = await compose(addin, { reportBudgetMs: 50 });

  assert.equal(outcome, "inserted:reply");
  assert.equal(completions, 1);
  assert.ok(Date.now() - started < 1000);
});

test("the report is sent with keepalive, so it may finish after the event completed", async () => {
  const signet = signetAnswering(200, SIGNATURE);
  await compose(loadCommands(mockOffice(), signet.fetchImpl));

  assert.equal(signet.reports[0].init.keepalive, true);
});
