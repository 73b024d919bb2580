// Signet's task pane: shows the signature that applies, inserts it again, or switches new/reply.
/* global Office, getComposeType, getFromAddress, writeMark, reportDelivery, signatureTypeFor, getSignetToken, fetchSignature, insertSignature, onMobile,
   detailsHtml, collectValues, changedValues, fieldErrors, saveSummary, loadDetails, previewDetails, saveDetails */
"use strict";

/** @type {SignetSignature | null} */
var currentSignature = null;
/** The From address and token the current signature was fetched with (for the mark and the delivery report). */
var currentFrom = /** @type {string | null} */ (null);
var currentToken = "";

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
  var from = await getFromAddress(Office.context.mailbox.item);
  var answer = await fetchSignature(type, token, undefined, from);
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
  currentFrom = from;
  currentToken = token;
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
    var signature = currentSignature;
    await insertSignature(Office.context.mailbox.item, signature.html);
    showStatus("Inserted. You can edit it in the message before sending.", false);
    await writeMark(Office.context.mailbox.item, { version: signature.version, type: signature.type, from: currentFrom });
    reportDelivery(currentToken, { type: signature.type, signatureVersion: signature.version, from: currentFrom });
  } catch (e) {
    showStatus("Outlook did not take the signature: " + (e instanceof Error ? e.message : String(e)), true);
  }
}

/** @param {"new" | "reply"} type */
function select(type) {
  /** @type {HTMLInputElement} */ (byId("type-" + type)).checked = true;
  return loadSignature(type);
}

// ---- My details -------------------------------------------------------------------------------------------------

/** @type {DetailField[]} */
var detailFields = [];
/** @type {any} */
var previewTimer = null;
var previewRound = 0;

/** @param {string} message @param {boolean} problem */
function showDetailsStatus(message, problem) {
  var status = byId("details-status");
  status.textContent = message;
  status.className = problem ? "problem" : "";
}

/** @param {string} field @returns {HTMLInputElement | null} */
function detailInput(field) {
  return /** @type {HTMLInputElement | null} */ (byId("my-details").querySelector('input[name="' + field + '"]'));
}

/** The editable values as the inputs hold them now. */
function currentDetailValues() {
  return collectValues(detailFields, function (field) {
    var input = detailInput(field);
    return input ? input.value : null;
  });
}

/** @param {Record<string, string>} byField */
function showFieldErrors(byField) {
  detailFields.forEach(function (f) {
    var line = document.getElementById("error-" + f.field);
    if (line) {
      line.textContent = byField[f.field] || "";
    }
  });
}

/** @param {DetailField[]} fields */
function renderDetails(fields) {
  detailFields = fields || [];
  byId("details-fields").innerHTML = detailsHtml(detailFields);
  var editable = detailFields.some(function (f) { return f.editable; });
  /** @type {HTMLButtonElement} */ (byId("save-details")).disabled = !editable;
  byId("details-preview").hidden = !editable;
  byId("details-fields").querySelectorAll("input").forEach(function (input) {
    input.addEventListener("input", schedulePreview);
  });
}

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(refreshPreview, 400);
}

async function refreshPreview() {
  var round = ++previewRound;
  var token;
  try {
    token = await getSignetToken();
  } catch (e) {
    return;
  }
  var answer = await previewDetails(token, currentDetailValues());
  if (round !== previewRound) {
    return;
  }
  if (!answer.ok) {
    var errors = fieldErrors(answer.problem, detailFields);
    showFieldErrors(errors.byField);
    if (errors.general) {
      showDetailsStatus("The preview failed: " + errors.general, true);
    }
    return;
  }
  showFieldErrors({});
  // The values read well again: an earlier "nothing was saved" no longer describes them.
  if (byId("details-status").className === "problem") {
    showDetailsStatus("", false);
  }
  /** @type {HTMLIFrameElement} */ (byId("details-preview")).srcdoc = String(answer.body.html || "");
}

async function loadMyDetails() {
  byId("my-details").hidden = false;
  showDetailsStatus("Loading your details…", false);
  var token;
  try {
    token = await getSignetToken();
  } catch (e) {
    showDetailsStatus("Signet could not sign you in with your Microsoft 365 account.", true);
    return;
  }
  var answer = await loadDetails(token);
  if (!answer.ok) {
    showDetailsStatus(answer.reason, true);
    return;
  }
  renderDetails(answer.body.fields || []);
  showDetailsStatus(detailFields.length === 0 ? "" : "Change a value to see your signature with it; Save keeps it.", false);
  if (detailFields.some(function (f) { return f.editable; })) {
    await refreshPreview();
  }
}

async function saveMyDetails() {
  var changed = changedValues(detailFields, currentDetailValues());
  if (Object.keys(changed).length === 0) {
    showDetailsStatus("Nothing changed.", false);
    return;
  }
  var button = /** @type {HTMLButtonElement} */ (byId("save-details"));
  button.disabled = true;
  showDetailsStatus("Saving…", false);
  try {
    var token = await getSignetToken();
    var answer = await saveDetails(token, changed);
    if (!answer.ok) {
      var errors = fieldErrors(answer.problem, detailFields);
      showFieldErrors(errors.byField);
      showDetailsStatus("Nothing was saved: " + (errors.general || (Object.keys(errors.byField).length > 0
        ? "check the fields marked." : answer.reason)), true);
      return;
    }
    var before = detailFields;
    renderDetails(answer.body.fields || before);
    showDetailsStatus(saveSummary(answer.body, before), false);
    await refreshPreview();
    var selected = /** @type {HTMLInputElement | null} */ (document.querySelector("input[name=type]:checked"));
    await loadSignature(selected && selected.value === "reply" ? "reply" : "new");
  } catch (e) {
    showDetailsStatus("Signet could not sign you in with your Microsoft 365 account.", true);
  } finally {
    button.disabled = !detailFields.some(function (f) { return f.editable; });
  }
}

Office.onReady(async function () {
  byId("insert").addEventListener("click", insertCurrent);
  byId("save-details").addEventListener("click", saveMyDetails);
  if (!onMobile()) {
    loadMyDetails();
  }
  document.querySelectorAll("input[name=type]").forEach(function (input) {
    input.addEventListener("change", function () {
      select(/** @type {HTMLInputElement} */ (input).value === "reply" ? "reply" : "new");
    });
  });
  await select(signatureTypeFor(await getComposeType(Office.context.mailbox.item)));
});
