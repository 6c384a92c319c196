package nl.begroot.core.cycle;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a proposal stands: concept → ingediend (submitted for approval) → goedgekeurd or afgewezen
 * (with a reason). Nobody approves their own proposal; only approved proposals count in a version
 * that is submitted. Stored by its {@link #code()}.
 */
public enum ProposalStatus {
  CONCEPT,
  INGEDIEND,
  GOEDGEKEURD,
  AFGEWEZEN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ProposalStatus> of(String code) {
    for (ProposalStatus s : values()) {
      if (s.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
