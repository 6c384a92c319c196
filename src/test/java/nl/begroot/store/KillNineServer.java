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

  /**
   * Writes need a signed-in person, and the test tells its writes apart by who made them: each line
   * "account ID" on standard input makes a controller and budget holder named ID in the server's
   * database and answers "session ID TOKEN" (a real session of the real store) on standard output.
   */
  private static void signIns(String[] args) {
    DatabaseUrl url = null;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--data")) {
        url = DatabaseUrl.h2File(java.nio.file.Path.of(args[i + 1]));
      } else if (args[i].equals("--db")) {
        url = DatabaseUrl.parse(args[i + 1]);
      }
    }
    DatabaseUrl where = url;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Thread t = new Thread(() -> {
      Database db = null;
      try {
        for (String line; (line = in.readLine()) != null; ) {
          if (!line.startsWith("account ")) {
            continue;
          }
          if (db == null) {
            db = Database.open(where); // the same database the server has open (H2: the same engine in this JVM)
          }
          String id = line.substring(8).strip();
          var accounts = new nl.begroot.store.AccountStore(db);
          accounts.create(new nl.begroot.store.AccountStore.Account(id, id, java.util.Set.of(nl.begroot.core.access.Role.CONTROLLER,
              nl.begroot.core.access.Role.BUDGETHOUDER), java.util.Set.of(), null, false), "kill-nine");
          String token = accounts.startSession(id, false).orElseThrow();
          synchronized (System.out) {
            System.out.println("session " + id + " " + token);
            System.out.flush();
          }
        }
      } catch (java.io.IOException e) {
        // the test is gone
      }
    });
    t.setDaemon(true);
    t.start();
  }

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
    signIns(args);
    Main.main(args);
  }
}
