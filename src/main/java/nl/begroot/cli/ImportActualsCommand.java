package nl.begroot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.begroot.core.access.Actor;
import nl.begroot.core.actuals.Realisation;
import nl.begroot.format.XafReader;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.StoreException;
import nl.begroot.workspace.ActualsImports;
import nl.begroot.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code begroot import-actuals FILE}: realised figures from an XAF 3.2 auditfile or the CSV (docs/actuals.md), with a progress bar. */
@Command(name = "import-actuals", mixinStandardHelpOptions = true,
    description = "Import realised figures (realisatie) from an XML Auditfile Financieel 3.2 (.xaf, .xml) or the CSV (.csv, docs/actuals.md)"
        + " into the database 'serve' uses, by the ledger mapping of a version. All or nothing; the periods in the file are replaced.")
final class ImportActualsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

  @Parameters(index = "0", description = "the file: .xaf or .xml (XAF 3.2) or .csv")
  Path file;

  @Option(names = "--budget", paramLabel = "SLUG",
      description = "the budget version whose ledger mapping is used (default: the organisation's concept, " + Workspace.CONCEPT + " for the IPO)")
  String version;

  @Option(names = {"--org", "--organisation"}, paramLabel = "SLUG",
      description = "the organisation whose realised figures these are (default: the first); --budget must be one of its versions")
  String organisation;

  @Option(names = "--format", description = "xaf or csv (default: by the file name)")
  String format;

  @Option(names = "--no-progress", description = "no progress bar")
  boolean noProgress;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ActualsImports.Format f = format == null ? ActualsImports.Format.ofFileName(file.toString())
        : "xaf".equalsIgnoreCase(format) ? ActualsImports.Format.XAF : "csv".equalsIgnoreCase(format) ? ActualsImports.Format.CSV : null;
    if (f == null) {
      err.println("begroot import-actuals: say --format xaf or --format csv (the file name " + file.getFileName() + " does not say it)");
      return Main.BAD_INPUT;
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      err.println("begroot import-actuals: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
      return Main.BAD_INPUT;
    }
    if (size > XafReader.MAX_BYTES) {
      err.println("begroot import-actuals: " + file + " is larger than 1 GiB (the limit); nothing is imported");
      return Main.BAD_INPUT;
    }
    Optional<DatabaseUrl> setting = database.url("import-actuals", err);
    if (setting.isEmpty()) {
      return Main.BAD_INPUT;
    }
    try (Database db = Database.open(setting.get()); InputStream in = Files.newInputStream(file)) {
      Workspace workspace = new Workspace(db);
      Optional<String> org = UsersCommand.organisation("import-actuals", workspace, organisation, err);
      if (org.isEmpty()) {
        return Main.BAD_INPUT;
      }
      String chosen = workspace.organisationOr(org.get());
      String version = this.version != null ? this.version : workspace.conceptOf(chosen).orElse(Workspace.CONCEPT);
      var stored = workspace.version(version);
      if (stored.isPresent() && !stored.get().organisation().equals(chosen) && organisation != null) {
        err.println("begroot import-actuals: the version '" + version + "' belongs to the organisation '" + stored.get().organisation()
            + "', not to '" + chosen + "'");
        return Main.BAD_INPUT;
      }
      long start = System.nanoTime();
      ProgressBar bar = noProgress ? null : new ProgressBar(err, size);
      ActualsImports.Result r = workspace.actuals().importFile(version, file.getFileName().toString(), f, in, XafReader.MAX_BYTES,
          Actor.system("console"), bar == null ? null : bar::show);
      if (bar != null) {
        bar.done();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (r instanceof ActualsImports.Result.NotFound) {
        err.println("begroot import-actuals: there is no version '" + version + "'");
        return Main.BAD_INPUT;
      }
      if (r instanceof ActualsImports.Result.Refused refused) {
        err.println("begroot import-actuals: " + file.getFileName() + " is not imported (nothing is):");
        refused.problems().forEach(p -> err.println("  " + p));
        if (refused.more() > 0) {
          err.println("  ... and " + refused.more() + " more");
        }
        return Main.BAD_INPUT;
      }
      Realisation done = ((ActualsImports.Result.Imported) r).realisation();
      out.printf("Imported %s: %d lines (%d on balance-sheet accounts, passed over), %d totals, periods %s; %.1f s%n",
          file.getFileName(), done.lines(), done.balanceLines(), done.amounts().size(), done.periods(), seconds);
      return Main.OK;
    } catch (StoreException e) {
      String m = e.getMessage();
      if (!setting.get().isPostgres() && m.contains("already in use")) {
        m = "the embedded database in " + database.data + " is open in another process (a running 'begroot serve'?); stop it first,"
            + " or upload the file on the running server's page /v/" + version + "/realisatie. " + m;
      }
      err.println("begroot import-actuals: " + m);
      return Main.BAD_INPUT;
    } catch (IOException e) {
      err.println("begroot import-actuals: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
      return Main.BAD_INPUT;
    } catch (nl.begroot.core.access.Access.Denied e) {
      err.println("begroot import-actuals: " + e.decision().reasonEn());
      return Main.BAD_INPUT;
    }
  }

  /** A one-line bar on the error stream, drawn anew as the percentage read grows: {@code [##########....................]  35%  68.2 / 195.0 MB}. */
  static final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long total;
    private int shown = -1;

    ProgressBar(PrintWriter err, long total) {
      this.err = err;
      this.total = Math.max(1, total);
    }

    void show(long bytes) {
      int percent = (int) Math.min(100, bytes * 100 / total); // rounds down
      if (percent == shown) {
        return;
      }
      shown = percent;
      int filled = percent * WIDTH / 100;
      err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format(java.util.Locale.ROOT, "%3d%%  %.1f / %.1f MB",
          percent, Math.min(bytes, total) / 1048576.0, total / 1048576.0));
      err.flush();
    }

    void done() {
      show(total);
      err.println();
      err.flush();
    }
  }
}
