// Signet's task pane, "My details": the details an admin unlocked for the employee to edit, shown, previewed and
// saved through Signet's API. Plain functions without the DOM (the task pane wires them up), so Node tests run them
// (test/office-mock.js loadScript). A plain script like commands.js: no imports, no exports.
"use strict";

/**
 * @typedef {Object} DetailField
 * @property {string} field the field's name, e.g. "mobilePhone"
 * @property {string} label
 * @property {string | null} value the value in effect
 * @property {"microsoft365" | "self-service" | "manual" | string} source where the value in effect comes from
 * @property {boolean} editable
 * @property {boolean} approval true when a change waits for an admin's approval
 * @property {{value: string, requestedAt: string} | null} [pending] a change waiting for approval
 */

/** @typedef {{ok: true, status: number, body: any} | {ok: false, status: number, reason: string, problem: any}} DetailsAnswer */

var DETAILS_NOTHING_UNLOCKED = "Your admin has not unlocked any details for you to edit.";
/** Field names Signet uses (JSON property names); anything else is not rendered, so it cannot break the markup. */
var DETAIL_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;

/**
 * @param {unknown} text
 * @returns {string} the text safe inside HTML content and double-quoted attributes
 */
function escapeHtml(text) {
  return String(text === null || text === undefined ? "" : text)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * Where a value comes from, in the employee's words.
 * @param {string} source
 */
function sourceLabel(source) {
  switch (source) {
    case "microsoft365": return "From Microsoft 365";
    case "self-service": return "Entered by you";
    case "manual": return "Entered by your admin";
    default: return "Source: " + source;
  }
}

/**
 * The fields the task pane can show: well-formed names only.
 * @param {DetailField[] | undefined | null} fields
 * @returns {DetailField[]}
 */
function shownFields(fields) {
  return (fields || []).filter(function (f) { return f && typeof f.field === "string" && DETAIL_FIELD_NAME.test(f.field); });
}

/**
 * The field list as HTML: per field a label, an input named after the field (disabled when not editable), the
 * value's source, a pending change and an empty error line #error-<field>. Every value is escaped.
 * @param {DetailField[]} fields
 * @returns {string}
 */
function detailsHtml(fields) {
  var shown = shownFields(fields);
  if (shown.length === 0) {
    return '<p class="details-empty">' + escapeHtml(DETAILS_NOTHING_UNLOCKED) + "</p>";
  }
  return shown.map(function (f) {
    var name = escapeHtml(f.field);
    var notes = [sourceLabel(f.source)];
    if (f.approval) {
      notes.push("changes need your admin's approval");
    }
    var pending = f.pending
      ? '<p class="details-pending">Waiting for approval: \u201c' + escapeHtml(f.pending.value) + "\u201d"
        + (f.pending.requestedAt ? " (requested " + escapeHtml(f.pending.requestedAt.slice(0, 10)) + ")" : "") + "</p>"
      : "";
    return '<div class="detail" data-field="' + name + '">'
      + '<label for="detail-' + name + '">' + escapeHtml(f.label || f.field) + "</label>"
      + '<input type="text" id="detail-' + name + '" name="' + name + '" value="' + escapeHtml(f.value)
      + '" aria-describedby="error-' + name + '"' + (f.editable ? "" : " disabled") + ">"
      + '<p class="details-source">' + escapeHtml(notes.join(" \u00b7 ")) + "</p>"
      + pending
      + '<p class="details-error" id="error-' + name + '" role="alert"></p>'
      + "</div>";
  }).join("");
}

/**
 * The values of the editable fields as the inputs hold them.
 * @param {DetailField[]} fields
 * @param {(field: string) => string | null | undefined} read the input's value for a field name
 * @returns {Record<string, string>}
 */
function collectValues(fields, read) {
  /** @type {Record<string, string>} */
  var values = {};
  shownFields(fields).forEach(function (f) {
    if (!f.editable) {
      return;
    }
    var value = read(f.field);
    if (value !== null && value !== undefined) {
      values[f.field] = String(value).trim();
    }
  });
  return values;
}

/**
 * Only what the employee changed: a value equal to the one in effect (or to the one already waiting for approval)
 * is not sent again, so saving twice does not ask the admin twice.
 * @param {DetailField[]} fields
 * @param {Record<string, string>} values
 * @returns {Record<string, string>}
 */
function changedValues(fields, values) {
  /** @type {Record<string, string>} */
  var changed = {};
  shownFields(fields).forEach(function (f) {
    if (!f.editable || !(f.field in values)) {
      return;
    }
    var value = values[f.field];
    var current = f.value === null || f.value === undefined ? "" : String(f.value);
    if (value !== current && !(f.pending && f.pending.value === value)) {
      changed[f.field] = value;
    }
  });
  return changed;
}

/**
 * Signet's problem details (400 with errors[].field) as messages per field; what belongs to no shown field goes into
 * the general message. Field names may come as "values.mobilePhone" (the request body's path).
 * @param {any} problem
 * @param {DetailField[]} fields
 * @returns {{byField: Record<string, string>, general: string | null}}
 */
function fieldErrors(problem, fields) {
  var names = shownFields(fields).map(function (f) { return f.field; });
  /** @type {Record<string, string>} */
  var byField = {};
  /** @type {string[]} */
  var rest = [];
  var errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  errors.forEach(function (/** @type {any} */ e) {
    var name = e && typeof e.field === "string" ? e.field.replace(/^values\./, "") : "";
    var message = e && (e.message || e.detail) ? String(e.message || e.detail) : "is not valid";
    if (names.indexOf(name) >= 0) {
      byField[name] = byField[name] ? byField[name] + "; " + message : message;
    } else {
      rest.push(name ? name + ": " + message : message);
    }
  });
  var general = rest.length > 0 ? rest.join("; ") : (errors.length === 0 && problem && problem.detail ? String(problem.detail) : null);
  return { byField: byField, general: general };
}

/**
 * What a successful save did, in words: applied at once, or sent for approval.
 * @param {{applied?: string[], pending?: string[], fields?: DetailField[]}} result
 * @param {DetailField[]} fields to name the fields by their labels
 */
function saveSummary(result, fields) {
  var all = shownFields(result.fields || []).concat(shownFields(fields));
  /** @param {string} name */
  function label(name) {
    var f = all.find(function (x) { return x.field === name; });
    return f ? f.label || name : name;
  }
  var parts = [];
  if (result.applied && result.applied.length > 0) {
    parts.push("Saved: " + result.applied.map(label).join(", ") + ".");
  }
  if (result.pending && result.pending.length > 0) {
    parts.push("Sent to your admin for approval: " + result.pending.map(label).join(", ") + ".");
  }
  return parts.length > 0 ? parts.join(" ") : "Nothing changed.";
}

/**
 * One call to Signet's "my details" API; never throws.
 * @param {string} method
 * @param {string} path
 * @param {string} token
 * @param {any} body
 * @param {typeof fetch} [fetchImpl]
 * @returns {Promise<DetailsAnswer>}
 */
async function callDetailsApi(method, path, token, body, fetchImpl) {
  var doFetch = fetchImpl || fetch;
  /** @type {Record<string, string>} */
  var headers = { Authorization: "Bearer " + token, Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  try {
    var response = await doFetch(path, { method: method, headers: headers, cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body) });
    var json = await response.json().catch(function () { return {}; });
    if (response.ok) {
      return { ok: true, status: response.status, body: json };
    }
    return { ok: false, status: response.status, reason: json.detail || "Signet answered " + response.status + ".", problem: json };
  } catch (e) {
    return { ok: false, status: 0, reason: "Signet could not be reached.", problem: null };
  }
}

/** @param {string} token @param {typeof fetch} [fetchImpl] */
function loadDetails(token, fetchImpl) {
  return callDetailsApi("GET", "/api/v1/me/details", token, undefined, fetchImpl);
}

/** @param {string} token @param {Record<string, string>} values @param {typeof fetch} [fetchImpl] */
function previewDetails(token, values, fetchImpl) {
  return callDetailsApi("POST", "/api/v1/me/details/preview", token, { type: "new", values: values }, fetchImpl);
}

/** @param {string} token @param {Record<string, string>} values @param {typeof fetch} [fetchImpl] */
function saveDetails(token, values, fetchImpl) {
  return callDetailsApi("PUT", "/api/v1/me/details", token, { values: values }, fetchImpl);
}
