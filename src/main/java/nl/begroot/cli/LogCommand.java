package nl.begroot.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.begroot.store.AuditLog;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code begroot log}: the log of everything (docs/log.md). */
@Command(mixinStandardHelpOptions = true, name = "log", description = "The log of every change, sign-in and refused request (docs/log.md).",
    subcommands = LogCommand.Verify.class)
final class LogCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.BAD_INPUT;
  }

  /** {@code begroot log verify}: recomputes the hash chain and names the first broken link; exit 0 intact, 1 broken. */
  @Command(mixinStandardHelpOptions = true, name = "verify", description = "Recompute the log's hash chain and name the first entry that "
      + "was changed, removed or inserted. Exit code 0: intact; 1: broken; 2: the database cannot be read.")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Optional<DatabaseUrl> setting = database.url("log verify", err);
      if (setting.isEmpty()) {
        return Main.BAD_INPUT;
      }
      try (Database db = Database.open(setting.get())) {
        AuditLog.Verification v = new AuditLog(db).verify();
        if (v.intact()) {
          spec.commandLine().getOut().println(v.summary());
          return Main.OK;
        }
        err.println("begroot log verify: " + v.summary());
        return Main.FINDINGS;
      } catch (StoreException e) {
        err.println("begroot log verify: " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
  }
}
