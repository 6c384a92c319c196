package nl.begroot.publish;

import java.util.Locale;
import java.util.Optional;

/** What {@code begroot publish} can write. */
public enum Format {
  HTML,
  PDF,
  XLSX,
  FDP,
  STATEMENTS;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Format> of(String id) {
    for (Format f : values()) {
      if (f.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
