package nl.begroot.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.StoreException;
import nl.begroot.web.WebServer;
import nl.begroot.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "serve", description = "Start the web application (http://localhost:8080) on an embedded H2 database in" + " "
    + "./data (filled with the built-in IPO budget on first start), or on PostgreSQL with --db.")
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all)")
  String host;

  @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

  @Option(names = "--trusted-proxy", split = ",", description = "address of a reverse proxy whose X-Forwarded-For and"
      + " X-Forwarded-Proto are believed (repeat or comma-separate; default: $BEGROOT_TRUSTED_PROXY, else none)")
  java.util.List<String> trustedProxies;

  /**
   * Prints the first administrator's one-time password: on the first start only (the database keeps
   * only its hash, so it cannot be printed again; a lost one is replaced with 'begroot users reset').
   */
  static boolean firstStart(Workspace workspace, PrintWriter out, String base) {
    Optional<String> created = workspace.people().firstStart();
    if (created.isEmpty()) {
      return false;
    }
    String password = created.get();
    String admin = nl.begroot.workspace.People.FIRST_ADMIN;
    out.println();
    out.println("Eerste start: de beheerder is aangemaakt. Meld u aan op " + base + "/aanmelden als '" + admin
        + "' met dit eenmalige wachtwoord (het wordt niet nog eens getoond):");
    out.println("    " + password);
    out.println("Daarna kiest u een eigen wachtwoord en stelt u de tweede factor (TOTP) in. Kwijt? 'begroot users reset " + admin
        + "' (met de server gestopt).");
    out.println("First start: the administrator was created; sign in as '" + admin + "' with the one-time password above (shown this once).");
    out.println();
    out.flush();
    return true;
  }

  private java.util.List<String> proxies() {
    if (trustedProxies != null && !trustedProxies.isEmpty()) {
      return trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
    String env = System.getenv("BEGROOT_TRUSTED_PROXY");
    return env == null ? java.util.List.of() : java.util.Arrays.stream(env.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  @CommandLine.Mixin OidcOptions oidc = new OidcOptions();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("begroot serve: --port must be between 0 and 65535, not " + port);
      return Main.BAD_INPUT;
    }
    Optional<DatabaseUrl> setting = database.url("serve", err);
    if (setting.isEmpty()) {
      return Main.BAD_INPUT;
    }
    Optional<nl.begroot.oidc.OidcSettings> oidcSettings = oidc.settings("serve", err);
    if (oidcSettings == null) {
      return Main.BAD_INPUT;
    }
    DatabaseUrl url = setting.get();
    Database db;
    try {
      db = Database.open(url);
    } catch (StoreException e) {
      err.println("begroot serve: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    Workspace workspace = new Workspace(db);
    FirstStart.seed(workspace).forEach(p -> err.println("begroot serve: " + p));
    workspace.snapshot(Workspace.CONCEPT); // compute once before the first visitor
    // on the embedded database, whose file only this process can open, 'begroot backup' asks this
    // server for the backup, with the token it leaves in the data directory (decision 104)
    Optional<java.nio.file.Path> dataDir = url.h2Directory();
    String token = ServeFile.newToken();
    WebServer server;
    try {
      WebServer web = new WebServer(workspace, new nl.begroot.web.Clients(java.util.Set.copyOf(proxies())), oidcSettings.orElse(null),
          oidcSettings.isEmpty() ? null : new nl.begroot.store.OidcIdentities(db, workspace.people().accounts()));
      if (dataDir.isPresent()) {
        web.offerBackup(workspace, token);
      }
      server = web.start(host, port);
    } catch (RuntimeException e) {
      db.close();
      err.println("begroot serve: cannot listen on " + host + ":" + port + " (" + Database.rootMessage(e) + "); is another program using it? Try --port.");
      return Main.BAD_INPUT;
    }
    String shown = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
    out.println("Begroot draait op http://" + shown + ":" + server.port() + "/  (database: " + url.display() + "; stoppen met Ctrl+C)");
    firstStart(workspace, out, "http://" + shown + ":" + server.port());
    oidcSettings.ifPresent(o -> out.println("Aanmelden via de identiteitsprovider: " + o.issuer() + " (client " + o.clientId()
        + ", rollen uit claim " + o.rolesClaim() + "): http://" + shown + ":" + server.port() + "/aanmelden/oidc"));
    out.flush();
    ServeFile.Info info = null;
    if (dataDir.isPresent()) {
      String reach = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
      info = new ServeFile.Info("http://" + (reach.contains(":") ? "[" + reach + "]" : reach) + ":" + server.port(), token,
          ProcessHandle.current().pid());
      try {
        ServeFile.write(dataDir.get(), info);
      } catch (java.io.IOException e) {
        err.println("begroot serve: cannot write " + dataDir.get().resolve(ServeFile.NAME) + " (" + Database.rootMessage(e)
            + "); 'begroot backup' cannot reach this server while it runs");
        err.flush();
        info = null;
      }
    }
    ServeFile.Info written = info;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (written != null) {
        ServeFile.remove(dataDir.get(), written);
      }
      server.stop();
      db.close();
      stopped.countDown();
    }));
    stopped.await();
    return Main.OK;
  }
}
