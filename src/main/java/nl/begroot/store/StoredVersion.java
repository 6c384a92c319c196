package nl.begroot.store;

import java.time.Instant;

/** A budget version's row: who made it, from what, and its revision and stamp. */
public record StoredVersion(
    long id,
    String slug,
    String name,
    String kind,
    Long basedOn,
    String baseYaml,
    int revision,
    long stamp,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
