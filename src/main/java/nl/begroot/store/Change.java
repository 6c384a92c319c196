package nl.begroot.store;

import java.time.Instant;

/**
 * One entry of the change log: who did what to which part of a version, with before and after. The
 * version's slug and name are those it had when the entry was made, so that the entries of a
 * deleted version stay readable.
 */
public record Change(
    long id, long versionId, String versionSlug, String versionName, Instant at, String actor, String action, String target,
    String before, String after) {}
