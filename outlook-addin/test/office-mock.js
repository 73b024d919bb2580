// A mocked Office.js (Microsoft's office-addin-mock) for an Outlook compose item, and a loader that runs the
// add-in's script in a fresh context, as Outlook does.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { OfficeMockObject } = require("office-addin-mock");

/**
 * @typedef {Object} MockOptions
 * @property {string | null} [composeType] null: an item without getComposeTypeAsync (appointments)
 * @property {boolean} [failSignature] Outlook refuses setSignatureAsync
 * @property {string | null} [from] the From address; null: an item without item.from (appointments)
 * @property {string} [platform] Office.context.diagnostics.platform ("OfficeOnline", "PC", "Mac", "iOS", "Android")
 * @property {string} [version] Office.context.diagnostics.version
 * @property {boolean} [noSessionData] a client without item.sessionData (before Mailbox 1.11)
 * @property {boolean} [noDisableClientSignature] a client without disableClientSignatureAsync
 * @property {string} [userText] what the user typed above the signature block
 */

/**
 * @param {MockOptions} [options]
 * @returns {any} the mocked Office namespace; its item records what was inserted, office.setFrom(address) changes
 *   the From field, office.session holds the item's session data
 */
function mockOffice(options) {
  const settings = options || {};
  /** @type {Record<string, Function>} */
  const associated = {};
  const state = { from: settings.from === undefined ? "ada@contoso.example" : settings.from };
  /** @type {Record<string, string>} */
  const session = {};
  /** @type {any} */
  const data = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    actions: {
      /** @param {string} name @param {Function} fn */
      associate: function (name, fn) { associated[name] = fn; }
    },
    auth: {
      getAccessToken: async function () { return "token-from-office-sso"; }
    },
    context: {
      diagnostics: { host: "Outlook", platform: settings.platform || "OfficeOnline", version: settings.version || "16.0.19822.20000" },
      mailbox: {
        item: {
          body: {
            userText: settings.userText === undefined ? "Hello," : settings.userText,
            signature: "",
            coercionType: "",
            insertions: 0,
            /** @param {string} html @param {any} opts @param {Function} callback */
            setSignatureAsync: function (html, opts, callback) {
              if (settings.failSignature) {
                callback({ status: "failed", error: { message: "Item is read-only" } });
                return;
              }
              this.signature = html;
              this.coercionType = opts.coercionType;
              this.insertions++;
              callback({ status: "succeeded" });
            }
          },
          clientSignatureDisabled: false,
          /** @param {Function} callback */
          disableClientSignatureAsync: function (callback) {
            this.clientSignatureDisabled = true;
            callback({ status: "succeeded" });
          }
        }
      }
    }
  };
  const item = data.context.mailbox.item;
  if (state.from !== null) {
    item.from = {
      /** @param {Function} callback */
      getAsync: function (callback) {
        callback({ status: "succeeded", value: { emailAddress: state.from, displayName: "Sender" } });
      }
    };
  }
  if (!settings.noSessionData) {
    item.sessionData = {
      /** @param {string} name @param {Function} callback */
      getAsync: function (name, callback) {
        if (name in session) {
          callback({ status: "succeeded", value: session[name] });
        } else {
          callback({ status: "failed", error: { message: "The key wasn't found." } });
        }
      },
      /** @param {string} name @param {string} value @param {Function} callback */
      setAsync: function (name, value, callback) { session[name] = value; callback({ status: "succeeded" }); },
      /** @param {string} name @param {Function} callback */
      removeAsync: function (name, callback) { delete session[name]; callback({ status: "succeeded" }); }
    };
  }
  if (settings.noDisableClientSignature) {
    delete item.disableClientSignatureAsync;
  }
  if (settings.composeType !== null) {
    data.context.mailbox.item.getComposeTypeAsync = function (/** @type {Function} */ callback) {
      callback({ status: "succeeded", value: { composeType: settings.composeType || "newMail", coercionType: "html" } });
    };
  }
  const office = /** @type {any} */ (new OfficeMockObject(data, /** @type {any} */ ("outlook")));
  office.associatedHandlers = associated;
  office.session = session;
  /** @param {string} address */
  office.setFrom = function (address) { state.from = address; };
  return office;
}

/**
 * Runs src/commands.js with this Office and fetch; answers the script's global functions.
 * @param {any} office
 * @param {Function} fetchImpl
 * @returns {any}
 */
function loadCommands(office, fetchImpl) {
  const context = vm.createContext({ Office: office, fetch: fetchImpl, AbortController, setTimeout, clearTimeout, console });
  const code = fs.readFileSync(path.join(__dirname, "..", "src", "commands.js"), "utf8");
  vm.runInContext(code, context, { filename: "commands.js" });
  return context;
}

/**
 * A fetch that answers like Signet, and records what it was asked. The signature answer may depend on the From
 * address (a function of it); delivery reports get 204 unless told otherwise.
 * @param {number} status
 * @param {any} body a signature answer, or a function (from) => [status, body]
 * @param {{report?: number | "reject" | "hang"}} [options]
 */
function signetAnswering(status, body, options) {
  const reportMode = (options && options.report) || 204;
  /** @type {{url: string, init: any}[]} */
  const calls = [];
  /** @type {{url: string, init: any, body: any}[]} */
  const reports = [];
  /** @param {string} url @param {any} init */
  const fetchImpl = async function (url, init) {
    if (url.endsWith("/api/v1/me/deliveries")) {
      reports.push({ url, init, body: JSON.parse(init.body) });
      if (reportMode === "reject") {
        throw new TypeError("Failed to fetch");
      }
      if (reportMode === "hang") {
        return new Promise(() => {});
      }
      return { ok: reportMode >= 200 && reportMode < 300, status: reportMode, json: async () => ({}) };
    }
    calls.push({ url, init });
    const from = new URL(url, "https://signet.test").searchParams.get("from");
    const [answerStatus, answerBody] = typeof body === "function" ? body(from) : [status, body];
    return { ok: answerStatus >= 200 && answerStatus < 300, status: answerStatus, json: async () => answerBody };
  };
  return { fetchImpl, calls, reports };
}

/**
 * Runs another of the add-in's plain scripts (src/NAME) in a fresh context; answers its global functions.
 * @param {string} name
 * @param {Function} [fetchImpl]
 * @returns {any}
 */
function loadScript(name, fetchImpl) {
  const context = vm.createContext({ fetch: fetchImpl, setTimeout, clearTimeout, console });
  vm.runInContext(fs.readFileSync(path.join(__dirname, "..", "src", name), "utf8"), context, { filename: name });
  return context;
}

module.exports = { mockOffice, loadCommands, loadScript, signetAnswering };
