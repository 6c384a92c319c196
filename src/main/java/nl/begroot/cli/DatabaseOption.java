package nl.begroot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import nl.begroot.store.DatabaseUrl;
import picocli.CommandLine.Option;

/**
 * Where the data lives, as {@code serve} takes it: {@code --db} (or {@code $BEGROOT_DB}), else the
 * embedded H2 database in {@code --data}. The one reading of it for {@code serve}, {@code backup} and
 * {@code restore}.
 */
final class DatabaseOption {
  @Option(names = "--db", description = "postgresql://user:password@host:port/database, h2:DIRECTORY or a jdbc: URL "
      + "(default: $BEGROOT_DB, else H2 in --data)")
  String db;

  @Option(names = "--data", defaultValue = "data", description = "directory of the embedded database (default: ${DEFAULT-VALUE})")
  Path data;

  /** The database setting. @throws IllegalArgumentException when it is not understood */
  DatabaseUrl url() {
    String setting = db != null ? db : System.getenv("BEGROOT_DB");
    return setting == null || setting.isBlank() ? DatabaseUrl.h2File(data) : DatabaseUrl.parse(setting);
  }

  /** The database setting, or empty after telling {@code err} why it is not understood. */
  Optional<DatabaseUrl> url(String command, PrintWriter err) {
    try {
      return Optional.of(url());
    } catch (IllegalArgumentException e) {
      err.println("begroot " + command + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
