// Signet's Outlook add-in: event handlers (and helpers the task pane shares).
// Classic Outlook on Windows runs this file alone, without a page: one plain script, no imports, no
// Office.onReady, absolute URLs. Signet serves it with its public base URL filled in.
/* global Office */
"use strict";

/**
 * @typedef {Object} SignetSignature
 * @property {string} type "new" or "reply"
 * @property {boolean} available false when no template applies to the employee
 * @property {string} html
 * @property {string} text
 * @property {string} version
 * @property {string} [reason]
 * @property {{displayName: string, email: string}} [employee]
 */

/** @typedef {{ok: true, signature: SignetSignature} | {ok: false, status: number, reason: string}} SignetAnswer */

var SIGNET_BASE_URL = "__SIGNET_BASE_URL__";
/** How long the handler waits for Signet; Outlook allows event handlers far longer (about 5 minutes on desktop). */
var SIGNET_TIMEOUT_MS = 10000;

/** Signet's base URL; relative when the file is loaded unfilled (tests, or a page on Signet's own origin). */
function signetBaseUrl() {
  return SIGNET_BASE_URL.indexOf("__") === 0 ? "" : SIGNET_BASE_URL;
}

/**
 * Which Signet signature a compose type gets: replies and forwards get the reply signature.
 * @param {string} composeType Office.MailboxEnums.ComposeType value: "newMail", "reply" or "forward"
 * @returns {"new" | "reply"}
 */
function signatureTypeFor(composeType) {
  return composeType === "reply" || composeType === "forward" ? "reply" : "new";
}

/**
 * The compose type of the item; "newMail" where Outlook cannot tell (appointments).
 * @param {any} item Office.context.mailbox.item
 * @returns {Promise<string>}
 */
function getComposeType(item) {
  return new Promise(function (resolve) {
    if (!item || typeof item.getComposeTypeAsync !== "function") {
      resolve("newMail");
      return;
    }
    item.getComposeTypeAsync(function (/** @type {Office.AsyncResult<any>} */ result) {
      resolve(result.status === Office.AsyncResultStatus.Succeeded && result.value ? String(result.value.composeType) : "newMail");
    });
  });
}

/**
 * A Microsoft token for Signet's API, by Office SSO (the manifest's WebApplicationInfo), without any prompt:
 * event handlers cannot show one.
 * @returns {Promise<string>}
 */
function getSignetToken() {
  return Office.auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false, forMSGraphAccess: false });
}

/**
 * Asks Signet for the signature; never throws: a failure is an answer with a reason.
 * @param {"new" | "reply"} type
 * @param {string} token
 * @param {typeof fetch} [fetchImpl]
 * @returns {Promise<SignetAnswer>}
 */
async function fetchSignature(type, token, fetchImpl) {
  var doFetch = fetchImpl || fetch;
  var controller = new AbortController();
  var timer = setTimeout(function () { controller.abort(); }, SIGNET_TIMEOUT_MS);
  try {
    var response = await doFetch(signetBaseUrl() + "/api/v1/me/signature?type=" + type, {
      headers: { Authorization: "Bearer " + token, Accept: "application/json" },
      cache: "no-cache",
      signal: controller.signal
    });
    var body = await response.json().catch(function () { return {}; });
    if (response.ok) {
      return { ok: true, signature: body };
    }
    return { ok: false, status: response.status, reason: body.detail || "Signet answered " + response.status + "." };
  } catch (e) {
    return { ok: false, status: 0, reason: "Signet could not be reached." };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Puts the signature into the item. setSignatureAsync replaces the signature block Outlook tracks, so inserting
 * twice leaves one signature; then Outlook's own signature is switched off for this item.
 * @param {any} item
 * @param {string} html
 * @returns {Promise<void>}
 */
function insertSignature(item, html) {
  return new Promise(function (resolve, reject) {
    item.body.setSignatureAsync(html, { coercionType: Office.CoercionType.Html }, function (/** @type {Office.AsyncResult<void>} */ result) {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(result.error ? result.error.message : "setSignatureAsync failed"));
        return;
      }
      if (typeof item.disableClientSignatureAsync !== "function") {
        resolve();
        return;
      }
      item.disableClientSignatureAsync(function () { resolve(); });
    });
  });
}

/**
 * The whole event: compose type, token, signature, insertion. Leaves the item untouched whenever Signet has
 * nothing to give (unreachable, refused, no template).
 * @param {any} item
 * @param {{getToken?: () => Promise<string>, fetchImpl?: typeof fetch}} [env]
 * @returns {Promise<string>} what happened, for logs and tests
 */
async function applySignetSignature(item, env) {
  var options = env || {};
  var type = signatureTypeFor(await getComposeType(item));
  var token;
  try {
    token = await (options.getToken || getSignetToken)();
  } catch (e) {
    return "no-token";
  }
  var answer = await fetchSignature(type, token, options.fetchImpl);
  if (!answer.ok) {
    return "refused:" + answer.status;
  }
  if (!answer.signature.available) {
    return "none";
  }
  await insertSignature(item, answer.signature.html);
  return "inserted:" + type;
}

/**
 * Runs the work and always completes the event exactly once, within the time limit, whatever happens.
 * @param {{completed: (options?: any) => void}} event
 * @param {{getToken?: () => Promise<string>, fetchImpl?: typeof fetch, timeoutMs?: number}} [env]
 * @returns {Promise<string>}
 */
function handleComposeEvent(event, env) {
  var done = false;
  /** @param {string} outcome */
  function complete(outcome) {
    if (!done) {
      done = true;
      event.completed();
    }
    return outcome;
  }
  /** @type {any} */
  var timer;
  var limit = new Promise(function (resolve) {
    timer = setTimeout(function () { resolve("timeout"); }, (env && env.timeoutMs) || SIGNET_TIMEOUT_MS + 5000);
  });
  var work = Promise.resolve().then(function () { return applySignetSignature(Office.context.mailbox.item, env); })
    .catch(function () { return "failed"; });
  return Promise.race([work, limit]).then(function (outcome) {
    clearTimeout(timer);
    return complete(String(outcome));
  });
}

/** @param {any} event */
function onNewMessageComposeHandler(event) {
  return handleComposeEvent(event);
}

/** @param {any} event */
function onNewAppointmentOrganizerHandler(event) {
  return handleComposeEvent(event);
}

if (typeof Office !== "undefined" && Office.actions && typeof Office.actions.associate === "function") {
  Office.actions.associate("onNewMessageComposeHandler", onNewMessageComposeHandler);
  Office.actions.associate("onNewAppointmentOrganizerHandler", onNewAppointmentOrganizerHandler);
}
