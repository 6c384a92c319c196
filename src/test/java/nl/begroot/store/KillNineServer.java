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
 * The child process of {@link KillNineTest}: the real command line, {@code begroot serve ...} with
 * the given arguments, on the real database, started when the test says so. The JVM is started
 * ahead (while the test writes to and kills the server before it), prints {@code warm} once it is
 * up, and waits for a line on standard input before it runs {@code serve}; everything after that is
 * the product unchanged. The test signs in this cycle's writers in the database itself before it
 * says go ({@link #signIn}).
 *
 * <p>{@code KillNineServer train} is the one run that the test makes first to record which classes a
 * server loads, for the class-data archive its children share (decision 148): it seeds an
 * in-memory database, computes the concept, starts the web server, asks it a few things, reads
 * the command line's options, and exits normally (the archive is written at exit).
 */
public final class KillNineServer {
  private KillNineServer() {}

  /** The person who makes and deletes the copies and reads the state, across all cycles. */
  static final String KEEPER = "kill-nine";

  /** How many writers (ops) of one cycle are signed in (a cycle uses a few dozen; a writer that finds none left waits for the kill). */
  static final int SESSIONS = 100;

  /** The session token of writer {@code id}: the test derives the same one (its cookie and CSRF token). */
  static String token(String id) {
    return "kill-nine-session-" + id;
  }

  /**
   * Signs in the writers {@code prefix-o0} to {@code prefix-o399} of the next cycle (each write is
   * made by its own person, so the change log says which write it is), and the keeper once: the
   * accounts and their sessions in one transaction, with tokens the test derives ({@link #token}).
   */
  static void signIn(Database db, String prefix) {
    signIn(db, java.util.List.of(prefix), java.time.Instant.now());
  }

  /**
   * Signs in the writers of every cycle at once ({@link KillNineTest} before its first server). A
   * session ends after {@link AccountStore#IDLE} without a request, and a cycle's writers send their
   * first request only in their cycle: their sessions are made as last seen a few hours ahead, so
   * that they live through a long run on a slow machine (within {@link AccountStore#ABSOLUTE}).
   */
  static void signIn(Database db, java.util.List<String> prefixes) {
    signIn(db, prefixes, java.time.Instant.now().plus(AccountStore.ABSOLUTE).minus(AccountStore.IDLE).minus(java.time.Duration.ofHours(1)));
  }

  private static void signIn(Database db, java.util.List<String> prefixes, java.time.Instant seen) {
    java.time.Instant now = java.time.Instant.now();
    db.jdbi().useTransaction(h -> {
      var accounts = h.prepareBatch("insert into account (id, name, roles, units, member, disabled, created_at, created_by)"
          + " values (:id, :id, 'budgethouder,controller', '', null, false, :now, 'kill-nine')");
      var sessions = h.prepareBatch("insert into web_session (token_hash, account_id, second_factor, created_at, last_seen)"
          + " values (:hash, :id, true, :now, :seen)");
      for (String prefix : prefixes) {
        for (int n = 0; n < SESSIONS; n++) {
          String id = prefix + "-o" + n;
          accounts.bind("id", id).bind("now", now).add();
          sessions.bind("hash", AccountStore.hash(token(id))).bind("id", id).bind("now", now).bind("seen", seen).add();
        }
      }
      accounts.execute();
      sessions.execute();
      if (h.createQuery("select count(*) from account where id = :id").bind("id", KEEPER).mapTo(Integer.class).one() == 0) {
        accounts.bind("id", KEEPER).bind("now", now).add();
        sessions.bind("hash", AccountStore.hash(token(KEEPER))).bind("id", KEEPER).bind("now", now).bind("seen", seen).add();
        accounts.execute();
        sessions.execute();
      }
    });
  }

  /** The training run for the class-data archive (see the class). */
  static void train() throws Exception {
    try (Database warm = Database.open(DatabaseUrl.h2Memory("kill-nine-train"))) {
      Workspace workspace = new Workspace(warm);
      workspace.seedIfEmpty(((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget(), nl.begroot.TestBudgets.actor("warm-up"));
      signIn(warm, "train");
      workspace.snapshot(Workspace.CONCEPT).orElseThrow().audit();
      WebServer server = new WebServer(workspace).start("127.0.0.1", 0);
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      String token = token("train-o0");
      for (String path : new String[] {"/api/health", "/api/versions", "/api/versions/" + Workspace.CONCEPT + "/proposals",
          "/api/versions/" + Workspace.CONCEPT + "/keys/ipo"}) {
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).header("Cookie", WebServer.SESSION_COOKIE + "=" + token)
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      }
      http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/versions/" + Workspace.CONCEPT + "/proposals"))
          .header("Cookie", WebServer.SESSION_COOKIE + "=" + token).header("X-CSRF-Token", AccountStore.csrfToken(token))
          .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"id\": \"1.1-train\", \"unit\": \"1.1\","
              + " \"title\": \"Training\", \"side\": \"lasten\", \"nature\": \"recurring\", \"category\": \"ambition\", \"products\": [\"CB27\"],"
              + " \"amounts\": {\"2027\": 0}, \"explanation\": \"Training\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      server.stop();
    }
    Main.run(new String[] {"serve", "--help"}, new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()),
        new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()));
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("train")) {
      train();
      System.exit(0);
    }
    if (args.length > 0 && args[0].equals("--warm-up")) {
      // warm up on an in-memory database first (BackupBesideServerTest: its writes race the backups from the first moment)
      args = java.util.Arrays.copyOfRange(args, 1, args.length);
      try (Database warm = Database.open(DatabaseUrl.h2Memory("kill-nine-warm-up"))) {
        Workspace workspace = new Workspace(warm);
        workspace.seedIfEmpty(((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget(), nl.begroot.TestBudgets.actor("warm-up"));
        workspace.snapshot(Workspace.CONCEPT);
        new WebServer(workspace).start("127.0.0.1", 0).stop();
      }
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
