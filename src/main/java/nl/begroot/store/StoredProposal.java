package nl.begroot.store;

import java.time.Instant;
import nl.begroot.core.cycle.ProposalStatus;

/**
 * A proposal's row: its text in the core's format, its revision, and who changed it last; its
 * status in the cycle, its author ({@code createdBy}), and who reviewed it, when and why (a
 * rejection's reason).
 */
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
    String updatedBy,
    ProposalStatus status,
    String reviewer,
    String reviewReason,
    Instant reviewedAt) {

  /** Who wrote the proposal (nobody approves their own). */
  public String author() {
    return createdBy;
  }
}
