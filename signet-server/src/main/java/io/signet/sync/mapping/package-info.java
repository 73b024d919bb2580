/**
 * The data mapping: pure values and functions, exposed so that the console can build a mapping from form
 * fields.
 */
@org.springframework.modulith.NamedInterface("mapping")
package io.signet.sync.mapping;
