/**
 * Import rules and department assignment: pure values and functions, exposed so that the console can build
 * them from form fields.
 */
@org.springframework.modulith.NamedInterface("rules")
package io.signet.sync.rules;
