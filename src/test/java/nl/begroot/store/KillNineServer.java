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

  /** The person who makes and deletes the copies and reads the state, across all cycles. */
  static final String KEEPER = "kill-nine";

  /** How many writers (ops) of one cycle are signed in. */
  static final int SESSIONS = 1000;

  /** The session token of writer {@code id}: the test derives the same one (its cookie and CSRF token). */
  static String token(String id) {
    return "kill-nine-session-" + id;
  }

  /**
   * Signs in the writers {@code prefix-o0} to {@code prefix-o999} of the next cycle on the real database
   * (each write is made by its own person, so the change log says which write it is): the accounts and
   * their sessions in one transaction, with tokens the test derives ({@link #token}).
   */
  static void signIn(String[] args, String prefix) {
    DatabaseUrl url = null;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--data")) {
        url = DatabaseUrl.h2File(java.nio.file.Path.of(args[i + 1]));
      } else if (args[i].equals("--db")) {
        url = DatabaseUrl.parse(args[i + 1]);
      }
    }
    try (Database db = Database.open(url)) {
      java.time.Instant now = java.time.Instant.now();
      db.jdbi().useTransaction(h -> {
        var accounts = h.prepareBatch("insert into account (id, name, roles, units, member, disabled, created_at, created_by)"
            + " values (:id, :id, 'budgethouder,controller', '', null, false, :now, 'kill-nine')");
        var sessions = h.prepareBatch("insert into web_session (token_hash, account_id, second_factor, created_at, last_seen)"
            + " values (:hash, :id, true, :now, :now)");
        for (int n = 0; n < SESSIONS; n++) {
          String id = prefix + "-o" + n;
          accounts.bind("id", id).bind("now", now).add();
          sessions.bind("hash", AccountStore.hash(token(id))).bind("id", id).bind("now", now).add();
        }
        accounts.execute();
        sessions.execute();
        if (h.createQuery("select count(*) from account where id = :id").bind("id", KEEPER).mapTo(Integer.class).one() == 0) {
          accounts.bind("id", KEEPER).bind("now", now).add();
          sessions.bind("hash", AccountStore.hash(token(KEEPER))).bind("id", KEEPER).bind("now", now).add();
          accounts.execute();
          sessions.execute();
        }
      });
    }
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
    if (go.startsWith("go ")) {
      signIn(args, go.substring(3).strip());
    }
    Main.main(args);
  }
}
