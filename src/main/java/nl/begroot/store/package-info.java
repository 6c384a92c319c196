/**
 * Storage: budget versions, their proposals and a change log in H2 (embedded, the default) or
 * PostgreSQL, through JDBI with plain SQL; the schema is migrated by Flyway at start-up. A
 * version's content is kept in the core's file format, so loading it goes through the same reader
 * (and validation) as a file. Every write names who made it and when; proposals and a version's
 * base carry a revision for optimistic locking; every write to a version is one transaction that
 * locks the version's row and changes the rows it read there ({@link nl.begroot.store.VersionStore#write}).
 */
package nl.begroot.store;
