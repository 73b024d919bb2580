// A mocked Office.js (Microsoft's office-addin-mock) for an Outlook compose item, and a loader that runs the
// add-in's script in a fresh context, as Outlook does.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { OfficeMockObject } = require("office-addin-mock");

/**
 * @param {{composeType?: string | null, failSignature?: boolean}} [options]
 * @returns {any} the mocked Office namespace; its item records what was inserted
 */
function mockOffice(options) {
  const settings = options || {};
  /** @type {Record<string, Function>} */
  const associated = {};
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
      mailbox: {
        item: {
          body: {
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
  if (settings.composeType !== null) {
    data.context.mailbox.item.getComposeTypeAsync = function (/** @type {Function} */ callback) {
      callback({ status: "succeeded", value: { composeType: settings.composeType || "newMail", coercionType: "html" } });
    };
  }
  const office = /** @type {any} */ (new OfficeMockObject(data, /** @type {any} */ ("outlook")));
  office.associatedHandlers = associated;
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
 * A fetch that answers like Signet, and records what it was asked.
 * @param {number} status
 * @param {any} body
 */
function signetAnswering(status, body) {
  /** @type {{url: string, init: any}[]} */
  const calls = [];
  /** @param {string} url @param {any} init */
  const fetchImpl = async function (url, init) {
    calls.push({ url, init });
    return { ok: status >= 200 && status < 300, status, json: async () => body };
  };
  return { fetchImpl, calls };
}

module.exports = { mockOffice, loadCommands, signetAnswering };
