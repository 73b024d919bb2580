/**
 * Signatures: templates (HTML and a plain-text twin with Mustache placeholders), their assignment to the
 * organisation, departments and employees, and rendering them with an employee's directory data.
 * The delivery module renders through {@link io.signet.signature.SignatureRenderer}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signatures")
package io.signet.signature;
