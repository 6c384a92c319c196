package nl.begroot.core.cycle;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an official version stands in the cycle: concept → ingediend (submitted for adoption) →
 * vastgesteld (adopted: immutable for everyone) → optionally gepubliceerd (public). A scenario stays
 * concept. Stored by its {@link #code()}.
 */
public enum VersionStatus {
  CONCEPT,
  INGEDIEND,
  VASTGESTELD,
  GEPUBLICEERD;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Adopted (and perhaps published): nothing in it may change any more. */
  public boolean adopted() {
    return this == VASTGESTELD || this == GEPUBLICEERD;
  }

  public static Optional<VersionStatus> of(String code) {
    for (VersionStatus s : values()) {
      if (s.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
