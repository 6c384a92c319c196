package nl.begroot.store;

import java.time.Instant;

/** One entry of the change log: who did what to which part of a version, with before and after. */
public record Change(
    long id, long versionId, Instant at, String actor, String action, String target, String before, String after) {}
