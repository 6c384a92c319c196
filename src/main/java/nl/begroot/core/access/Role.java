package nl.begroot.core.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person does in the P&C cycle (docs/glossary.md). A person may have several roles; nobody has
 * a right that none of their roles gives ({@link Access}, deny by default).
 */
public enum Role {
  /** Reads what is shared with the members. */
  LEZER,
  /** Finance staff of one member province: reads, gets its own statement and exports. */
  LID,
  /** Drafts and changes proposals in the programmes or units assigned to them. */
  BUDGETHOUDER,
  /** All proposals, keys and versions; submits a version for adoption; approves proposals. */
  CONTROLLER,
  /** Adopts a budget version on behalf of the general assembly. */
  BESTUUR,
  /** Users and roles; no budget changes. */
  BEHEERDER;

  /** The role's name as people and files write it: "lezer", "budgethouder". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code code} ("controller", any case), if there is one. */
  public static Optional<Role> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Role r : values()) {
      if (r.code().equalsIgnoreCase(code.strip())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
