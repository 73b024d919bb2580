"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { mockOffice, loadCommands, signetAnswering } = require("./office-mock.js");

const SIGNATURE = { type: "new", available: true, html: "<table><tr><td>Ada Lovelace</td></tr></table>", text: "Ada", version: "v1" };

/** @param {any} office @param {any} addin @param {any} [env] */
async function compose(office, addin, env) {
  let completions = 0;
  const outcome = await addin.handleComposeEvent({ completed: () => completions++ }, env);
  return { outcome, completions };
}

test("a new message gets the new-message signature, as HTML, and Outlook's own signature is switched off", async () => {
  const office = mockOffice({ composeType: "newMail" });
  const signet = signetAnswering(200, SIGNATURE);
  const addin = loadCommands(office, signet.fetchImpl);

  const { outcome, completions } = await compose(office, addin);

  assert.equal(outcome, "inserted:new");
  assert.equal(completions, 1);
  assert.match(signet.calls[0].url, /\/api\/v1\/me\/signature\?type=new&from=ada%40contoso\.example$/);
  assert.equal(signet.calls[0].init.headers.Authorization, "Bearer token-from-office-sso");
  const item = office.context.mailbox.item;
  assert.equal(item.body.signature, SIGNATURE.html);
  assert.equal(item.body.coercionType, "html");
  assert.equal(item.clientSignatureDisabled, true);
});

for (const composeType of ["reply", "forward"]) {
  test(`a ${composeType} asks Signet for the reply signature`, async () => {
    const office = mockOffice({ composeType });
    const signet = signetAnswering(200, { ...SIGNATURE, type: "reply" });
    const addin = loadCommands(office, signet.fetchImpl);

    const { outcome } = await compose(office, addin);

    assert.equal(outcome, "inserted:reply");
    assert.match(signet.calls[0].url, /type=reply&/);
  });
}

test("an appointment, which has no compose type, gets the new-message signature", async () => {
  const office = mockOffice({ composeType: null });
  const signet = signetAnswering(200, SIGNATURE);
  const addin = loadCommands(office, signet.fetchImpl);

  assert.equal((await compose(office, addin)).outcome, "inserted:new");
});

test("when Signet cannot be reached the message is left untouched and the event still completes", async () => {
  const office = mockOffice();
  const addin = loadCommands(office, async () => { throw new TypeError("Failed to fetch"); });

  const { outcome, completions } = await compose(office, addin);

  assert.equal(outcome, "refused:0");
  assert.equal(completions, 1);
  assert.equal(office.context.mailbox.item.body.signature, "");
  assert.equal(office.context.mailbox.item.clientSignatureDisabled, false);
});

test("when Signet refuses (not synced) the message is left untouched and the event completes", async () => {
  const office = mockOffice();
  const signet = signetAnswering(403, { type: "/problems/employee-not-synced", detail: "You are not among…" });
  const addin = loadCommands(office, signet.fetchImpl);

  const { outcome, completions } = await compose(office, addin);

  assert.equal(outcome, "refused:403");
  assert.equal(completions, 1);
  assert.equal(office.context.mailbox.item.body.signature, "");
});

test("when no template applies nothing is inserted and Outlook's own signature stays on", async () => {
  const office = mockOffice();
  const signet = signetAnswering(200, { type: "new", available: false, html: "", text: "", version: "n", reason: "No template" });
  const addin = loadCommands(office, signet.fetchImpl);

  assert.equal((await compose(office, addin)).outcome, "none");
  assert.equal(office.context.mailbox.item.clientSignatureDisabled, false);
});

test("when SSO gives no token the event completes without asking Signet", async () => {
  const office = mockOffice();
  const signet = signetAnswering(200, SIGNATURE);
  const addin = loadCommands(office, signet.fetchImpl);

  const { outcome, completions } = await compose(office, addin, { getToken: async () => { throw { code: 13003 }; } });

  assert.equal(outcome, "no-token");
  assert.equal(completions, 1);
  assert.equal(signet.calls.length, 0);
});

test("when Outlook refuses the signature the event still completes once", async () => {
  const office = mockOffice({ failSignature: true });
  const addin = loadCommands(office, signetAnswering(200, SIGNATURE).fetchImpl);

  const { outcome, completions } = await compose(office, addin);

  assert.equal(outcome, "failed");
  assert.equal(completions, 1);
});

test("a Signet that never answers cannot hold the event past the add-in's time limit", async () => {
  const office = mockOffice();
  const addin = loadCommands(office, () => new Promise(() => {}));

  const started = Date.now();
  const { outcome, completions } = await compose(office, addin, { timeoutMs: 50 });

  assert.equal(outcome, "timeout");
  assert.equal(completions, 1);
  assert.ok(Date.now() - started < 5000);
});

test("inserting twice replaces the signature instead of adding a second one", async () => {
  const office = mockOffice({ noSessionData: true });
  const addin = loadCommands(office, signetAnswering(200, SIGNATURE).fetchImpl);

  await compose(office, addin);
  await compose(office, addin);

  assert.equal(office.context.mailbox.item.body.insertions, 2);
  assert.equal(office.context.mailbox.item.body.signature, SIGNATURE.html);
});

test("both launch-event handlers are registered under the names the manifests use", () => {
  const office = mockOffice();
  loadCommands(office, signetAnswering(200, SIGNATURE).fetchImpl);

  assert.deepEqual(Object.keys(office.associatedHandlers).sort(),
    ["onMessageFromChangedHandler", "onNewAppointmentOrganizerHandler", "onNewMessageComposeHandler"]);
});
