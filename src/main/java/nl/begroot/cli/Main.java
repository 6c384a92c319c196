package nl.begroot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code begroot} command line. Exit codes: 0 fine, 1 the audit found inconsistencies in the document or errors, 2 bad input. */
@Command(
    name = "begroot",
    mixinStandardHelpOptions = true,
    version = "Begroot 0.1.0",
    description = "Begroot: meerjarenbegrotingen berekenen, controleren en verklaren. Computes, checks and explains multi-year budgets.",
    subcommands = {ServeCommand.class, ValidateCommand.class, ComputeCommand.class, ExplainCommand.class, AuditCommand.class,
        BenchCommand.class, PublishCommand.class, ImportProposalsCommand.class, ImportActualsCommand.class, BackupCommand.class, RestoreCommand.class, UsersCommand.class, LogCommand.class,
        NextFrameCommand.class},
    footer = {"", "Without FILE, the built-in Conceptbegroting 2027 of the Vereniging IPO is used.",
        "Exit codes: 0 fine, 1 the audit found inconsistencies in the document or errors, 2 bad input."})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      err.println("begroot: internal error: " + ex + " (set BEGROOT_DEBUG=1 for details; please report it)");
      if (System.getenv("BEGROOT_DEBUG") != null) {
        ex.printStackTrace(err);
      }
      return INTERNAL;
    });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError oom) {
      // a last resort: files are limited so that reading fits in 512 MB (docs/format.md), but a budget can be made
      // in memory (bench) or computed in a smaller heap
      err.println("begroot: out of memory: this budget needs more memory than Java was given; run with more "
          + "(BEGROOT_JAVA_OPTS=-Xmx2g ./begroot ...) or a smaller budget");
      code = INTERNAL;
    }
    out.flush();
    err.flush();
    return code;
  }
}
