package nl.begroot.store;

import java.time.Instant;

/** A proposal's row: its text in the core's format, its revision, and who changed it last. */
public record StoredProposal(
    long versionId,
    String proposalId,
    int position,
    String unitId,
    String title,
    String bodyYaml,
    boolean withdrawn,
    int revision,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
