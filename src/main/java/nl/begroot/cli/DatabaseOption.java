package nl.begroot.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the data lives, as {@code serve} takes it: {@code --db} (or {@code $BEGROOT_DB}), else the
 * embedded H2 database in {@code --data}. Shared by {@code backup} and {@code restore}.
 */
final class DatabaseOption {
  @Option(names = "--db", description = "postgresql://user:password@host:port/database, h2:DIRECTORY or a jdbc: URL "
      + "(default: $BEGROOT_DB, else H2 in --data), as for serve")
  String db;

  @Option(names = "--data", defaultValue = "data", description = "directory of the embedded database (default: ${DEFAULT-VALUE}), as for serve")
  Path data;

  /** The database setting, as serve reads it. @throws IllegalArgumentException when it is not understood */
  nl.begroot.store.DatabaseUrl url() {
    String setting = db != null ? db : System.getenv("BEGROOT_DB");
    return setting == null || setting.isBlank() ? nl.begroot.store.DatabaseUrl.h2File(data) : nl.begroot.store.DatabaseUrl.parse(setting);
  }
}
