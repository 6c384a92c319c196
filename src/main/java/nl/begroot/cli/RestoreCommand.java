package nl.begroot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.begroot.store.Backup;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "restore", description = "Bring a backup back into an empty database (H2 or "
    + "PostgreSQL, from either), with the same addresses, ids and change log; a damaged file restores nothing (docs/backup.md).")
final class RestoreCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

  @Parameters(paramLabel = "FILE", description = "the backup file (made by begroot backup)")
  Path file;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<DatabaseUrl> setting = database.url("restore", err);
    if (setting.isEmpty()) {
      return Main.BAD_INPUT;
    }
    DatabaseUrl url = setting.get();
    if (!java.nio.file.Files.isRegularFile(file)) {
      err.println("begroot restore: " + file + " does not exist or is not a file");
      return Main.BAD_INPUT;
    }
    try (Database db = Database.open(url)) {
      Backup.Summary s = Backup.restore(db, file);
      spec.commandLine().getOut().println("restored " + file + " into " + url.display() + ": " + s.rows().get("budget_version")
          + " versions, " + s.rows().get("proposal") + " proposals, " + s.rows().get("change_log") + " change log entries, " + s.rows().get("account") + " accounts (backup of "
          + s.createdAt() + ")");
      // the restored log's chain, checked at once (docs/log.md): a backup of a tampered log says so here
      spec.commandLine().getOut().println(new nl.begroot.store.AuditLog(db).verify().summary());
      return Main.OK;
    } catch (Backup.RestoreException e) {
      err.println("begroot restore: nothing restored: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (StoreException e) {
      err.println("begroot restore: " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }
}
