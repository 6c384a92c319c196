package nl.begroot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
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

  @Option(names = "--db", description = "postgresql://user:password@host:port/database, h2:DIRECTORY or a jdbc: URL "
      + "(default: $BEGROOT_DB, else H2 in --data)")
  String db;

  @Option(names = "--data", defaultValue = "data", description = "directory for the embedded database (default: ${DEFAULT-VALUE})")
  Path data;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("begroot serve: --port must be between 0 and 65535, not " + port);
      return Main.BAD_INPUT;
    }
    String setting = db != null ? db : System.getenv("BEGROOT_DB");
    DatabaseUrl url;
    try {
      url = setting == null || setting.isBlank() ? DatabaseUrl.h2File(data) : DatabaseUrl.parse(setting);
    } catch (IllegalArgumentException e) {
      err.println("begroot serve: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    Database database;
    try {
      database = Database.open(url);
    } catch (StoreException e) {
      err.println("begroot serve: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    Workspace workspace = new Workspace(database);
    LoadResult builtIn = BudgetFiles.loadBuiltIn();
    workspace.seedIfEmpty(((LoadResult.Loaded) builtIn).budget(), "begroot");
    workspace.snapshot(Workspace.CONCEPT); // compute once before the first visitor
    WebServer server;
    try {
      server = new WebServer(workspace).start(host, port);
    } catch (RuntimeException e) {
      database.close();
      err.println("begroot serve: cannot listen on " + host + ":" + port + " (" + Database.rootMessage(e) + "); is another program using it? Try --port.");
      return Main.BAD_INPUT;
    }
    String shown = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
    out.println("Begroot draait op http://" + shown + ":" + server.port() + "/  (database: " + url.display() + "; stoppen met Ctrl+C)");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      database.close();
      stopped.countDown();
    }));
    stopped.await();
    return Main.OK;
  }
}
