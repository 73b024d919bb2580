/**
 * Database plumbing every feature shares: driver settings that make JDBC batches cheap on PostgreSQL, and
 * refreshing a table's planner statistics after a bulk load.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package io.signet.database;
