// Signet's Outlook add-in: event handlers (and helpers the task pane shares).
// Classic Outlook on Windows runs this file alone, without a page: one plain script, no imports, no
// Office.onReady, absolute URLs. Signet serves it with its public base URL filled in.
/* global Office */
"use strict";

/**
 * @typedef {Object} SignetFrom
 * @property {string} address
 * @property {"own" | "shared-mailbox" | "unknown"} kind
 * @property {string} [displayName]
 */

/**
 * @typedef {Object} SignetSignature
 * @property {string} type "new" or "reply"
 * @property {boolean} available false when no template applies to the employee (or to the From address)
 * @property {string} html
 * @property {string} text
 * @property {string} version
 * @property {string} [reason]
 * @property {{displayName: string, email: string}} [employee]
 * @property {SignetFrom} [from] present when the request named a From address
 */

/** @typedef {{ok: true, signature: SignetSignature} | {ok: false, status: number, reason: string, problemType?: string}} SignetAnswer */

/**
 * What the add-in remembers in the item's session data after it inserted a signature: only this tells it later that
 * the signature block is Signet's (Outlook offers no way to read the signature block back).
 * @typedef {{version: string, type: string, from: string | null}} SignetMark
 */

/**
 * Everything the handler takes from outside; tests replace parts of it.
 * @typedef {Object} SignetEnv
 * @property {() => Promise<string>} [getToken]
 * @property {typeof fetch} [fetchImpl]
 * @property {number} [timeoutMs] the whole handler's budget
 * @property {number} [reportBudgetMs] how long the handler waits for the delivery report before completing
 */

var SIGNET_BASE_URL = "__SIGNET_BASE_URL__";
/** How long the handler waits for Signet's signature; well inside Outlook's limits (60 s on mobile, about 5 minutes on desktop). */
var SIGNET_TIMEOUT_MS = 10000;
/** How long the handler waits for the delivery report before it completes the event anyway (the report goes on). */
var REPORT_BUDGET_MS = 1500;
/** The item's session-data key under which the add-in remembers what it inserted. */
var SIGNET_MARK_KEY = "signet.signature";
/** The problem type Signet answers when the From address belongs to another employee. */
var NOT_YOUR_ADDRESS = "/problems/not-your-address";

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
 * The address in the message's From field; null where Outlook has none to give (appointments, failures).
 * @param {any} item
 * @returns {Promise<string | null>}
 */
function getFromAddress(item) {
  return new Promise(function (resolve) {
    if (!item || !item.from || typeof item.from.getAsync !== "function") {
      resolve(null);
      return;
    }
    try {
      item.from.getAsync(function (/** @type {Office.AsyncResult<any>} */ result) {
        var address = result.status === Office.AsyncResultStatus.Succeeded && result.value ? result.value.emailAddress : null;
        resolve(address ? String(address) : null);
      });
    } catch (e) {
      resolve(null);
    }
  });
}

/**
 * Where the add-in runs, for delivery reports: Office.context.diagnostics (Mailbox 1.5) or the mailbox's older
 * diagnostics; "unknown" where neither answers.
 * @returns {{platform: string, version: string}}
 */
function clientInfo() {
  try {
    var diagnostics = /** @type {any} */ (Office.context).diagnostics;
    if (diagnostics && diagnostics.platform) {
      return { platform: String(diagnostics.platform), version: String(diagnostics.version || "unknown") };
    }
    var mailbox = /** @type {any} */ (Office.context.mailbox);
    if (mailbox && mailbox.diagnostics) {
      return { platform: String(mailbox.diagnostics.hostName || "unknown"), version: String(mailbox.diagnostics.hostVersion || "unknown") };
    }
  } catch (e) {
    // fall through: diagnostics are nice to have
  }
  return { platform: "unknown", version: "unknown" };
}

/** True in Outlook on iOS and Android, where there is no task pane and a handler has 60 seconds. */
function onMobile() {
  var platform = clientInfo().platform;
  return platform === "iOS" || platform === "Android";
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
 * @param {string | null} [from] the From address; without it Signet answers the employee's own signature
 * @returns {Promise<SignetAnswer>}
 */
async function fetchSignature(type, token, fetchImpl, from) {
  var doFetch = fetchImpl || fetch;
  var controller = new AbortController();
  var timer = setTimeout(function () { controller.abort(); }, SIGNET_TIMEOUT_MS);
  try {
    var url = signetBaseUrl() + "/api/v1/me/signature?type=" + type + (from ? "&from=" + encodeURIComponent(from) : "");
    var response = await doFetch(url, {
      headers: { Authorization: "Bearer " + token, Accept: "application/json" },
      cache: "no-cache",
      signal: controller.signal
    });
    var body = await response.json().catch(function () { return {}; });
    if (response.ok) {
      return { ok: true, signature: body };
    }
    return { ok: false, status: response.status, reason: body.detail || "Signet answered " + response.status + ".", problemType: body.type };
  } catch (e) {
    return { ok: false, status: 0, reason: "Signet could not be reached." };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Puts the signature into the item. setSignatureAsync replaces the signature block Outlook tracks, so inserting
 * twice leaves one signature; then Outlook's own signature is switched off for this item where the client offers
 * that (documented for mobile too, but guarded: a client without it still gets the signature).
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
      try {
        item.disableClientSignatureAsync(function () { resolve(); });
      } catch (e) {
        resolve();
      }
    });
  });
}

/**
 * Empties the signature block Outlook tracks (setSignatureAsync with an empty string): the text the user typed above
 * it stays. Only called when the add-in's own mark says the block is Signet's.
 * @param {any} item
 * @returns {Promise<void>}
 */
function removeSignature(item) {
  return new Promise(function (resolve, reject) {
    item.body.setSignatureAsync("", { coercionType: Office.CoercionType.Html }, function (/** @type {Office.AsyncResult<void>} */ result) {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(result.error ? result.error.message : "setSignatureAsync failed"));
        return;
      }
      resolve();
    });
  });
}

/**
 * The mark the add-in left in the item's session data (Mailbox 1.11; on mobile among the additionally supported
 * APIs); null when there is none or the client has no session data.
 * @param {any} item
 * @returns {Promise<SignetMark | null>}
 */
function readMark(item) {
  return new Promise(function (resolve) {
    if (!item || !item.sessionData || typeof item.sessionData.getAsync !== "function") {
      resolve(null);
      return;
    }
    try {
      item.sessionData.getAsync(SIGNET_MARK_KEY, function (/** @type {Office.AsyncResult<string>} */ result) {
        if (result.status !== Office.AsyncResultStatus.Succeeded || !result.value) {
          resolve(null);
          return;
        }
        try {
          var mark = JSON.parse(result.value);
          resolve(mark && typeof mark.version === "string" ? mark : null);
        } catch (e) {
          resolve(null);
        }
      });
    } catch (e) {
      resolve(null);
    }
  });
}

/**
 * Remembers (mark) or forgets (null) that the signature block is Signet's. Never fails: without session data the
 * add-in simply knows less (and then never removes a signature).
 * @param {any} item
 * @param {SignetMark | null} mark
 * @returns {Promise<void>}
 */
function writeMark(item, mark) {
  return new Promise(function (resolve) {
    if (!item || !item.sessionData || typeof item.sessionData.setAsync !== "function") {
      resolve();
      return;
    }
    try {
      if (mark) {
        item.sessionData.setAsync(SIGNET_MARK_KEY, JSON.stringify(mark), function () { resolve(); });
      } else {
        item.sessionData.removeAsync(SIGNET_MARK_KEY, function () { resolve(); });
      }
    } catch (e) {
      resolve();
    }
  });
}

/**
 * Tells Signet that a signature was inserted (POST /api/v1/me/deliveries). Never throws and never waits longer than
 * the budget: the request goes on in the background (keepalive) and its outcome changes nothing.
 * @param {string} token
 * @param {{type: string, signatureVersion: string, from: string | null}} delivery
 * @param {typeof fetch} [fetchImpl]
 * @param {number} [budgetMs]
 * @returns {Promise<string>} "reported", "report-failed" or "report-pending"
 */
function reportDelivery(token, delivery, fetchImpl, budgetMs) {
  var doFetch = fetchImpl || fetch;
  /** @type {Promise<string>} */
  var sent;
  try {
    sent = Promise.resolve(doFetch(signetBaseUrl() + "/api/v1/me/deliveries", {
      method: "POST",
      headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" },
      body: JSON.stringify({ channel: "add-in", type: delivery.type, signatureVersion: delivery.signatureVersion,
        from: delivery.from, client: clientInfo() }),
      keepalive: true
    })).then(function (response) { return response && response.ok ? "reported" : "report-failed"; },
      function () { return "report-failed"; });
  } catch (e) {
    sent = Promise.resolve("report-failed");
  }
  /** @type {any} */
  var timer;
  var budget = new Promise(function (resolve) {
    timer = setTimeout(function () { resolve("report-pending"); }, budgetMs === undefined ? REPORT_BUDGET_MS : budgetMs);
  });
  return Promise.race([sent, budget]).then(function (outcome) {
    clearTimeout(timer);
    return String(outcome);
  });
}

/**
 * What to do with Signet's answer, as a value: pure, so every path can be read (and tested) at once.
 * "insert" the signature, "remove" Signet's signature (only if the mark says it is Signet's), "keep" it as it is,
 * or "skip" because the same signature for the same From is already in.
 * @param {SignetAnswer} answer
 * @param {SignetMark | null} mark
 * @param {string | null} from
 * @returns {{action: "insert" | "remove" | "keep" | "skip", why: string}}
 */
function decide(answer, mark, from) {
  if (!answer.ok) {
    if (answer.status === 403 && answer.problemType && answer.problemType.slice(-NOT_YOUR_ADDRESS.length) === NOT_YOUR_ADDRESS) {
      return { action: mark ? "remove" : "keep", why: "not-your-address" };
    }
    return { action: "keep", why: "refused:" + answer.status };
  }
  var signature = answer.signature;
  if (!signature.available) {
    // No signature for this From (unknown address, or no template): Signet's signature of another From must go.
    return { action: mark ? "remove" : "keep", why: signature.from && signature.from.kind === "unknown" ? "unknown-from" : "none" };
  }
  if (mark && mark.version === signature.version && mark.type === signature.type && mark.from === from) {
    return { action: "skip", why: "unchanged" };
  }
  return { action: "insert", why: "inserted:" + signature.type };
}

/**
 * The whole event: compose type, From, token, signature, then insertion (plus delivery report) or removal. Leaves
 * the item untouched whenever Signet has nothing to say about it (unreachable, refused) and never touches a
 * signature the add-in did not insert.
 * @param {any} item
 * @param {SignetEnv} [env]
 * @param {{cancelled: boolean}} [run] set when the handler's time is up: nothing is changed after that
 * @returns {Promise<string>} what happened, for logs and tests
 */
async function applySignetSignature(item, env, run) {
  var options = env || {};
  var state = run || { cancelled: false };
  var type = signatureTypeFor(await getComposeType(item));
  var from = await getFromAddress(item);
  var token;
  try {
    token = await (options.getToken || getSignetToken)();
  } catch (e) {
    return "no-token";
  }
  var answer = await fetchSignature(type, token, options.fetchImpl, from);
  var mark = await readMark(item);
  var decision = decide(answer, mark, from);
  if (state.cancelled) {
    return "timeout";
  }
  if (decision.action === "keep" || decision.action === "skip") {
    return decision.why;
  }
  if (decision.action === "remove") {
    await removeSignature(item);
    await writeMark(item, null);
    return "removed:" + decision.why;
  }
  var signature = /** @type {{ok: true, signature: SignetSignature}} */ (answer).signature;
  await insertSignature(item, signature.html);
  await writeMark(item, { version: signature.version, type: signature.type, from: from });
  if (!state.cancelled) {
    await reportDelivery(token, { type: signature.type, signatureVersion: signature.version, from: from },
      options.fetchImpl, options.reportBudgetMs);
  }
  return decision.why;
}

/**
 * Runs the work and always completes the event exactly once, within the time limit, whatever happens.
 * @param {{completed: (options?: any) => void}} event
 * @param {SignetEnv} [env]
 * @returns {Promise<string>}
 */
function handleComposeEvent(event, env) {
  var done = false;
  var run = { cancelled: false };
  /** @param {string} outcome */
  function complete(outcome) {
    if (!done) {
      done = true;
      try {
        event.completed();
      } catch (e) {
        // Outlook already ended the event (compose window closed); nothing more to do
      }
    }
    return outcome;
  }
  /** @type {any} */
  var timer;
  var limit = new Promise(function (resolve) {
    timer = setTimeout(function () {
      run.cancelled = true;
      resolve("timeout");
    }, (env && env.timeoutMs) || SIGNET_TIMEOUT_MS + 5000);
  });
  var work = Promise.resolve().then(function () { return applySignetSignature(Office.context.mailbox.item, env, run); })
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

/**
 * The From field changed (another own address, a shared mailbox, or any other address): the signature follows it.
 * @param {any} event
 */
function onMessageFromChangedHandler(event) {
  return handleComposeEvent(event);
}

if (typeof Office !== "undefined" && Office.actions && typeof Office.actions.associate === "function") {
  Office.actions.associate("onNewMessageComposeHandler", onNewMessageComposeHandler);
  Office.actions.associate("onNewAppointmentOrganizerHandler", onNewAppointmentOrganizerHandler);
  Office.actions.associate("onMessageFromChangedHandler", onMessageFromChangedHandler);
}
