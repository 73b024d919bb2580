/**
 * The directory: employees (manual or synced from Microsoft 365) and the departments they belong to.
 * The sync writes here through {@link io.signet.directory.Employees}; signatures read from here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package io.signet.directory;
