package nl.begroot.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import nl.begroot.cli.Main;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.web.WebServer;
import nl.begroot.workspace.Workspace;

/**
 * The child process of {@link KillNineTest}: warms up on a private in-memory database (class
 * loading, the pipeline's first computation, the web server), prints {@code warm}, waits for a line
 * on standard input and then runs the real command line, {@code begroot serve ...} with the given
 * arguments, on the real database. The warm-up lets the test start the next server while the
 * current one is being written to and killed, so that a cycle does not wait for a cold JVM (about
 * 6-18 s on a loaded machine); the writes themselves go through the product unchanged.
 */
public final class KillNineServer {
  private KillNineServer() {}

  public static void main(String[] args) throws Exception {
    try (Database warm = Database.open(DatabaseUrl.h2Memory("kill-nine-warm-up"))) {
      Workspace workspace = new Workspace(warm);
      workspace.seedIfEmpty(((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget(), nl.begroot.TestBudgets.actor("warm-up"));
      workspace.snapshot(Workspace.CONCEPT);
      WebServer server = new WebServer(workspace).start("127.0.0.1", 0);
      server.stop();
    }
    System.out.println("warm");
    System.out.flush();
    String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (go == null) {
      System.exit(0); // the test ended without using this one
    }
    Main.main(args);
  }
}
