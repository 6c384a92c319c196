package nl.begroot.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import nl.begroot.store.Backup;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "backup", description = "Copy everything in the database (versions, proposals, "
    + "keys, the whole change log) to one file, from one consistent moment, also while the server runs (docs/backup.md).")
final class BackupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

  @Option(names = "--out", required = true, description = "the backup file to write (a ZIP; an existing file is replaced only when the backup is complete)")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<DatabaseUrl> setting = database.url("backup", err);
    if (setting.isEmpty()) {
      return Main.BAD_INPUT;
    }
    DatabaseUrl url = setting.get();
    Path target = out.toAbsolutePath();
    if (Files.isDirectory(target) || target.getParent() == null || !Files.isDirectory(target.getParent())) {
      err.println("begroot backup: cannot write " + out + ": " + (Files.isDirectory(target) ? "it is a directory" : "its directory does not exist"));
      return Main.BAD_INPUT;
    }
    try (Database db = Database.open(url)) {
      Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
      Backup.Summary s;
      try {
        try (OutputStream o = Files.newOutputStream(partial)) {
          s = Backup.write(db, o);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      spec.commandLine().getOut().println("backup " + out + ": " + s.rows().get("budget_version") + " versions, " + s.rows().get("proposal")
          + " proposals, " + s.rows().get("change_log") + " change log entries (" + Backup.FORMAT + ", " + s.createdAt() + ")");
      return Main.OK;
    } catch (StoreException e) {
      String m = e.getMessage();
      if (!url.isPostgres() && m.contains("already in use")) {
        m = "the embedded database in " + database.data + " is open in another process (a running 'begroot serve'?); "
            + "the embedded database is one process's file: stop the server for the backup, or run on PostgreSQL "
            + "(docs/backup.md). " + m;
      }
      err.println("begroot backup: " + m);
      return Main.BAD_INPUT;
    } catch (IOException e) {
      err.println("begroot backup: cannot write " + out + ": " + Database.rootMessage(e));
      return Main.BAD_INPUT;
    }
  }
}
