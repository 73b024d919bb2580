// Validates a unified (JSON) manifest against Microsoft's JSON schema for its manifestVersion, as shipped in
// @microsoft/app-manifest. Usable from tests and from the command line: node test/unified-manifest.js FILE|-
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Ajv = /** @type {any} */ (require("ajv-draft-04"));
const addFormats = /** @type {any} */ (require("ajv-formats"));

/**
 * @param {any} manifest
 * @returns {{valid: boolean, errors: string[], schemaFile: string}}
 */
function validateUnifiedManifest(manifest) {
  const schemaFile = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build", "json-schemas", "teams", "v" + manifest.manifestVersion, "MicrosoftTeams.schema.json");
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid = Boolean(validate(manifest));
  const errors = (validate.errors || []).map((/** @type {any} */ e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  return { valid, errors, schemaFile };
}

/**
 * The manifest templates filled the way Signet fills them (placeholders {{NAME}}).
 * @param {string} template
 * @param {Record<string, string>} values
 */
function fill(template, values) {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name) => {
    if (values[name] === undefined) {
      throw new Error("no value for " + whole);
    }
    return values[name];
  });
}

if (require.main === module) {
  const file = process.argv[2];
  const text = fs.readFileSync(!file || file === "-" ? 0 : file, "utf8");
  const result = validateUnifiedManifest(JSON.parse(text));
  if (!result.valid) {
    console.error("INVALID against " + result.schemaFile + "\n" + result.errors.join("\n"));
    process.exit(1);
  }
  console.log("VALID against " + result.schemaFile);
}

module.exports = { validateUnifiedManifest, fill };
