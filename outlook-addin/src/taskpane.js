// Signet's task pane: shows the signature that applies, inserts it again, or switches new/reply.
/* global Office, getComposeType, signatureTypeFor, getSignetToken, fetchSignature, insertSignature */
"use strict";

/** @type {SignetSignature | null} */
var currentSignature = null;

/** @param {string} id @returns {HTMLElement} */
function byId(id) {
  var element = document.getElementById(id);
  if (!element) {
    throw new Error("missing #" + id);
  }
  return element;
}

/** @param {string} message @param {boolean} problem */
function showStatus(message, problem) {
  var status = byId("status");
  status.textContent = message;
  status.className = problem ? "problem" : "";
}

/** @param {"new" | "reply"} type */
async function loadSignature(type) {
  currentSignature = null;
  /** @type {HTMLButtonElement} */ (byId("insert")).disabled = true;
  byId("preview").hidden = true;
  showStatus("Loading your signature from Signet…", false);
  var token;
  try {
    token = await getSignetToken();
  } catch (e) {
    showStatus("Signet could not sign you in with your Microsoft 365 account"
      + (e && typeof e === "object" && "code" in e ? " (Office error " + e.code + ")" : "") + ".", true);
    return;
  }
  var answer = await fetchSignature(type, token);
  if (!answer.ok) {
    showStatus(answer.reason, true);
    return;
  }
  var signature = answer.signature;
  if (signature.employee) {
    byId("who").textContent = signature.employee.displayName + " · " + signature.employee.email;
  }
  if (!signature.available) {
    showStatus(signature.reason || "No signature applies to you.", true);
    return;
  }
  currentSignature = signature;
  var preview = /** @type {HTMLIFrameElement} */ (byId("preview"));
  preview.srcdoc = signature.html;
  preview.hidden = false;
  /** @type {HTMLButtonElement} */ (byId("insert")).disabled = false;
  showStatus(type === "reply" ? "Your reply and forward signature:" : "Your new-message signature:", false);
}

async function insertCurrent() {
  if (!currentSignature) {
    return;
  }
  try {
    await insertSignature(Office.context.mailbox.item, currentSignature.html);
    showStatus("Inserted. You can edit it in the message before sending.", false);
  } catch (e) {
    showStatus("Outlook did not take the signature: " + (e instanceof Error ? e.message : String(e)), true);
  }
}

/** @param {"new" | "reply"} type */
function select(type) {
  /** @type {HTMLInputElement} */ (byId("type-" + type)).checked = true;
  return loadSignature(type);
}

Office.onReady(async function () {
  byId("insert").addEventListener("click", insertCurrent);
  document.querySelectorAll("input[name=type]").forEach(function (input) {
    input.addEventListener("change", function () {
      select(/** @type {HTMLInputElement} */ (input).value === "reply" ? "reply" : "new");
    });
  });
  await select(signatureTypeFor(await getComposeType(Office.context.mailbox.item)));
});
