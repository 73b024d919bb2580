"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { mockOffice, loadCommands, signetAnswering } = require("./office-mock.js");

const SIGNATURE = { type: "new", available: true, html: "<p>Ada Lovelace</p>", text: "Ada", version: "v1",
  from: { address: "ada@contoso.example", kind: "own" } };
const MOBILE_LIMIT_MS = 60000;

for (const platform of ["iOS", "Android"]) {
  test(`on ${platform} a new message gets the signature and the delivery report names the platform`, async () => {
    const office = mockOffice({ platform, version: "4.2502.0" });
    const signet = signetAnswering(200, SIGNATURE);
    const addin = loadCommands(office, signet.fetchImpl);
    let completions = 0;

    const outcome = await addin.onNewMessageComposeHandler({ completed: () => completions++ });

    assert.equal(outcome, "inserted:new");
    assert.equal(completions, 1);
    assert.equal(office.context.mailbox.item.body.signature, SIGNATURE.html);
    assert.deepEqual(signet.reports[0].body.client, { platform, version: "4.2502.0" });
    assert.equal(addin.onMobile(), true);
  });

  test(`on ${platform} a client without disableClientSignatureAsync still gets the signature`, async () => {
    const office = mockOffice({ platform, noDisableClientSignature: true });
    const addin = loadCommands(office, signetAnswering(200, SIGNATURE).fetchImpl);
    let completions = 0;

    const outcome = await addin.onNewMessageComposeHandler({ completed: () => completions++ });

    assert.equal(outcome, "inserted:new");
    assert.equal(completions, 1);
    assert.equal(office.context.mailbox.item.body.signature, SIGNATURE.html);
  });
}

test("the handler's own budget, with Signet's timeout and the report's, stays well inside the 60 s mobile limit", () => {
  const addin = loadCommands(mockOffice({ platform: "Android" }), signetAnswering(200, SIGNATURE).fetchImpl);

  const worstCase = addin.SIGNET_TIMEOUT_MS + 5000;

  assert.ok(worstCase + addin.REPORT_BUDGET_MS < MOBILE_LIMIT_MS / 2, "budget " + worstCase + " ms");
  assert.ok(addin.REPORT_BUDGET_MS <= 2000);
});

test("on mobile a Signet that never answers cannot hold the event: it completes once, the message untouched", async () => {
  const office = mockOffice({ platform: "iOS" });
  const addin = loadCommands(office, () => new Promise(() => {}));
  let completions = 0;

  const outcome = await addin.handleComposeEvent({ completed: () => completions++ }, { timeoutMs: 40 });

  assert.equal(outcome, "timeout");
  assert.equal(completions, 1);
  assert.equal(office.context.mailbox.item.body.insertions, 0);
});

test("on mobile, offline (fetch rejects) completes the event once without touching the message", async () => {
  const office = mockOffice({ platform: "Android" });
  const addin = loadCommands(office, async () => { throw new TypeError("Network request failed"); });
  let completions = 0;

  const outcome = await addin.onNewMessageComposeHandler({ completed: () => completions++ });

  assert.equal(outcome, "refused:0");
  assert.equal(completions, 1);
  assert.equal(office.context.mailbox.item.body.insertions, 0);
});

test("a desktop or web client is not mobile", () => {
  for (const platform of ["OfficeOnline", "PC", "Mac"]) {
    assert.equal(loadCommands(mockOffice({ platform }), async () => ({})).onMobile(), false);
  }
});
