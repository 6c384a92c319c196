package nl.begroot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/**
 * Golden files: expected output kept in {@code src/test/resources/golden} and compared as text.
 *
 * <p>{@code -Dbegroot.golden.update=true} rewrites a golden file with what the code now produces and
 * then fails the test anyway, saying whether the file changed: an update can never pass unseen (in
 * CI, or left on by accident), it is always a diff that a person reviews ({@code git diff
 * src/test/resources/golden}) and commits, after which the run without the switch passes.
 */
public final class Golden {
  /** The switch that rewrites the golden files (and fails the run). */
  public static final String UPDATE = "begroot.golden.update";
  public static final Path DIRECTORY = Path.of("src/test/resources/golden");

  private Golden() {}

  /** Fails unless {@code actual} equals the golden file {@code name}; with the switch, rewrites it and fails. */
  public static void assertMatches(String name, String actual) {
    Path golden = DIRECTORY.resolve(name);
    try {
      if (Boolean.getBoolean(UPDATE)) {
        String before = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : null;
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        Assertions.fail(before != null && before.equals(actual)
            ? "golden file " + golden + " unchanged; -D" + UPDATE + " always fails the run: run again without it"
            : "golden file " + golden + (before == null ? " written" : " rewritten")
                + ": review the change (git diff " + DIRECTORY + "), commit it, and run again without -D" + UPDATE);
      }
      assertThat(golden).as("golden file %s (write it with -D%s=true and review it)", golden, UPDATE).exists();
      assertThat(actual).as("output against the golden file %s", golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
