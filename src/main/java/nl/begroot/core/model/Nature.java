package nl.begroot.core.model;

import java.util.Optional;

/** One-off (incidenteel) or recurring (structureel). */
public enum Nature {
  ONE_OFF("one-off"),
  RECURRING("recurring");

  private final String code;

  Nature(String code) {
    this.code = code;
  }

  /**
   * The one spelling of this nature in the file format, JSON output, the API and forms: {@code
   * one-off} or {@code recurring} (docs/glossary.md, "One spelling per term").
   */
  public String code() {
    return code;
  }

  /** The nature with this {@link #code()}; empty for any other text. */
  public static Optional<Nature> ofCode(String code) {
    for (Nature n : values()) {
      if (n.code.equals(code)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
