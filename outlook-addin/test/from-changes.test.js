"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { mockOffice, loadCommands, signetAnswering } = require("./office-mock.js");

const OWN = "ada@contoso.example";
const ALIAS = "ada.lovelace@contoso.example";
const SHARED = "sales@contoso.example";
const UNKNOWN = "someone@elsewhere.example";
const COLLEAGUE = "grace@contoso.example";

/** @param {string} html @param {string} version @param {string} address @param {string} kind */
function signature(html, version, address, kind) {
  return { type: "new", available: true, html, text: html, version, from: { address, kind, displayName: address } };
}

/**
 * Signet as the contract describes it: own addresses and the shared mailbox get a signature, an unknown address
 * none, a colleague's address 403 not-your-address.
 * @param {string | null} from
 * @returns {[number, any]}
 */
function signetByFrom(from) {
  switch (from) {
    case OWN: return [200, signature("<p>Ada Lovelace</p>", "v-own", OWN, "own")];
    case ALIAS: return [200, signature("<p>Ada Lovelace (alias)</p>", "v-own", ALIAS, "own")];
    case SHARED: return [200, signature("<p>Contoso Sales</p>", "v-sales", SHARED, "shared-mailbox")];
    case COLLEAGUE: return [403, { type: "https://signet.example/problems/not-your-address", status: 403, detail: "That address belongs to another employee." }];
    default: return [200, { type: "new", available: false, html: "", text: "", version: "none", reason: "Signet knows no signature for this address.",
      from: { address: from, kind: "unknown" } }];
  }
}

/** @param {any} addin @param {"compose" | "from"} which @param {any} [env] */
async function fire(addin, which, env) {
  let completions = 0;
  const handler = which === "compose" ? addin.onNewMessageComposeHandler : addin.onMessageFromChangedHandler;
  const event = { completed: () => completions++ };
  const outcome = env ? await addin.handleComposeEvent(event, env) : await handler(event);
  return { outcome, completions };
}

test("changing From to another own address inserts the signature for that address and reports it", async () => {
  const office = mockOffice({ from: OWN });
  const signet = signetAnswering(0, signetByFrom);
  const addin = loadCommands(office, signet.fetchImpl);
  await fire(addin, "compose");

  office.setFrom(ALIAS);
  const { outcome, completions } = await fire(addin, "from");

  assert.equal(outcome, "inserted:new");
  assert.equal(completions, 1);
  assert.match(signet.calls[1].url, /from=ada\.lovelace%40contoso\.example$/);
  assert.equal(office.context.mailbox.item.body.signature, "<p>Ada Lovelace (alias)</p>");
  assert.equal(signet.reports.length, 2);
  assert.equal(signet.reports[1].body.from, ALIAS);
});

test("changing From to a shared mailbox replaces the employee's signature with the shared mailbox's", async () => {
  const office = mockOffice({ from: OWN });
  const signet = signetAnswering(0, signetByFrom);
  const addin = loadCommands(office, signet.fetchImpl);
  await fire(addin, "compose");

  office.setFrom(SHARED);
  const { outcome, completions } = await fire(addin, "from");

  assert.equal(outcome, "inserted:new");
  assert.equal(completions, 1);
  const body = office.context.mailbox.item.body;
  assert.equal(body.signature, "<p>Contoso Sales</p>");
  assert.equal(body.userText, "Hello,");
  assert.deepEqual(JSON.parse(office.session["signet.signature"]), { version: "v-sales", type: "new", from: SHARED });
});

test("changing From to an unknown address removes Signet's signature and leaves the user's own text alone", async () => {
  const office = mockOffice({ from: OWN, userText: "Dear Bob, see below." });
  const signet = signetAnswering(0, signetByFrom);
  const addin = loadCommands(office, signet.fetchImpl);
  await fire(addin, "compose");

  office.setFrom(UNKNOWN);
  const { outcome, completions } = await fire(addin, "from");

  assert.equal(outcome, "removed:unknown-from");
  assert.equal(completions, 1);
  const body = office.context.mailbox.item.body;
  assert.equal(body.signature, "");
  assert.equal(body.userText, "Dear Bob, see below.");
  assert.equal(office.session["signet.signature"], undefined);
  assert.equal(signet.reports.length, 1, "a removal is not a delivery");
});

test("a signature Signet did not insert is never removed, even for an unknown address", async () => {
  const office = mockOffice({ from: UNKNOWN });
  const addin = loadCommands(office, signetAnswering(0, signetByFrom).fetchImpl);
  office.context.mailbox.item.body.signature = "<p>The user's own Outlook signature</p>";

  const { outcome, completions } = await fire(addin, "from");

  assert.equal(outcome, "unknown-from");
  assert.equal(completions, 1);
  assert.equal(office.context.mailbox.item.body.signature, "<p>The user's own Outlook signature</p>");
  assert.equal(office.context.mailbox.item.body.insertions, 0);
});

test("without session data the add-in cannot know whose signature is in, so it removes nothing", async () => {
  const office = mockOffice({ from: OWN, noSessionData: true });
  const addin = loadCommands(office, signetAnswering(0, signetByFrom).fetchImpl);
  await fire(addin, "compose");

  office.setFrom(UNKNOWN);
  const { outcome } = await fire(addin, "from");

  assert.equal(outcome, "unknown-from");
  assert.equal(office.context.mailbox.item.body.signature, "<p>Ada Lovelace</p>");
});

test("switching From back and forth leaves exactly one signature, the one for the current address", async () => {
  const office = mockOffice({ from: OWN });
  const signet = signetAnswering(0, signetByFrom);
  const addin = loadCommands(office, signet.fetchImpl);
  await fire(addin, "compose");

  for (const address of [SHARED, OWN, UNKNOWN, SHARED, OWN]) {
    office.setFrom(address);
    assert.equal((await fire(addin, "from")).completions, 1);
  }

  const body = office.context.mailbox.item.body;
  assert.equal(body.signature, "<p>Ada Lovelace</p>");
  assert.equal(body.userText, "Hello,");
  assert.deepEqual(JSON.parse(office.session["signet.signature"]), { version: "v-own", type: "new", from: OWN });
});

test("the handler running twice for the same From and signature inserts and reports once", async () => {
  const office = mockOffice({ from: OWN });
  const signet = signetAnswering(0, signetByFrom);
  const addin = loadCommands(office, signet.fetchImpl);

  const first = await fire(addin, "compose");
  const second = await fire(addin, "compose");

  assert.equal(first.outcome, "inserted:new");
  assert.equal(second.outcome, "unchanged");
  assert.equal(second.completions, 1);
  assert.equal(office.context.mailbox.item.body.insertions, 1);
  assert.equal(signet.reports.length, 1);
});

test("another employee's address (403 not-your-address) removes Signet's signature and shows nobody else's", async () => {
  const office = mockOffice({ from: OWN });
  const signet = signetAnswering(0, signetByFrom);
  const addin = loadCommands(office, signet.fetchImpl);
  await fire(addin, "compose");

  office.setFrom(COLLEAGUE);
  const { outcome, completions } = await fire(addin, "from");

  assert.equal(outcome, "removed:not-your-address");
  assert.equal(completions, 1);
  assert.equal(office.context.mailbox.item.body.signature, "");
  assert.equal(signet.reports.length, 1);
});

test("another employee's address when Signet inserted nothing leaves the message untouched", async () => {
  const office = mockOffice({ from: COLLEAGUE });
  const addin = loadCommands(office, signetAnswering(0, signetByFrom).fetchImpl);

  const { outcome, completions } = await fire(addin, "from");

  assert.equal(outcome, "not-your-address");
  assert.equal(completions, 1);
  assert.equal(office.context.mailbox.item.body.insertions, 0);
});

test("when Signet is unreachable after a From change the signature stays as it was and the event completes once", async () => {
  const office = mockOffice({ from: OWN });
  let online = true;
  const signet = signetAnswering(0, signetByFrom);
  const addin = loadCommands(office, /** @type {any} */ (async (/** @type {string} */ url, /** @type {any} */ init) => {
    if (!online) {
      throw new TypeError("Failed to fetch");
    }
    return signet.fetchImpl(url, init);
  }));
  await fire(addin, "compose");

  online = false;
  office.setFrom(SHARED);
  const { outcome, completions } = await fire(addin, "from");

  assert.equal(outcome, "refused:0");
  assert.equal(completions, 1);
  assert.equal(office.context.mailbox.item.body.signature, "<p>Ada Lovelace</p>");
});

test("a Signet slower than the handler's budget completes the event once and leaves the message untouched", async () => {
  const office = mockOffice({ from: OWN });
  /** @type {Function[]} */
  const pending = [];
  const addin = loadCommands(office, () => new Promise((resolve) => pending.push(resolve)));

  const { outcome, completions } = await fire(addin, "from", { timeoutMs: 30 });
  pending.forEach((resolve) => resolve({ ok: true, status: 200, json: async () => signetByFrom(SHARED)[1] }));
  await new Promise((resolve) => setTimeout(resolve, 20));

  assert.equal(outcome, "timeout");
  assert.equal(completions, 1);
  assert.equal(office.context.mailbox.item.body.insertions, 0, "nothing is inserted after the event completed");
});

test("an appointment, which has no From field, asks Signet without a from parameter", async () => {
  const office = mockOffice({ from: null, composeType: null });
  const signet = signetAnswering(200, signature("<p>Ada</p>", "v1", OWN, "own"));
  const addin = loadCommands(office, signet.fetchImpl);

  const { outcome } = await fire(addin, "compose");

  assert.equal(outcome, "inserted:new");
  assert.match(signet.calls[0].url, /\?type=new$/);
  assert.equal(signet.reports[0].body.from, null);
});
