package nl.begroot.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.begroot.store.Backup;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "backup", description = "Copy everything in the database (versions, proposals, "
    + "keys, the whole change log) to one file, from one consistent moment, also while the server runs (docs/backup.md).")
final class BackupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

  @Option(names = "--out", required = true, description = "the backup file to write (a ZIP; an existing file is replaced only when the backup is complete)")
  Path out;

  /** What asking the running server gave: a backup, or why not (then the database is opened here). */
  private record Asked(Backup.Summary summary, String address, String refusal) {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<DatabaseUrl> setting = database.url("backup", err);
    if (setting.isEmpty()) {
      return Main.BAD_INPUT;
    }
    DatabaseUrl url = setting.get();
    Path target = out.toAbsolutePath();
    if (Files.isDirectory(target) || target.getParent() == null || !Files.isDirectory(target.getParent())) {
      err.println("begroot backup: cannot write " + out + ": " + (Files.isDirectory(target) ? "it is a directory" : "its directory does not exist"));
      return Main.BAD_INPUT;
    }
    // The embedded database is a file that only the process serving it can open: a running server
    // makes the backup itself, from one snapshot, and sends it here (decision 104).
    String refusal = null;
    Optional<ServeFile.Info> server = url.h2Directory().flatMap(ServeFile::read);
    if (server.isPresent()) {
      try {
        Asked asked = askServer(server.get(), target);
        if (asked.summary() != null) {
          report(asked.summary(), " (made by the running server at " + asked.address() + ")");
          return Main.OK;
        }
        refusal = asked.refusal();
      } catch (Backup.RestoreException e) {
        err.println("begroot backup: the backup that the running server at " + server.get().address() + " sent is not whole, nothing was "
            + "written to " + out + ": " + e.getMessage());
        return Main.BAD_INPUT;
      } catch (IOException e) {
        err.println("begroot backup: cannot write " + out + ": " + Database.rootMessage(e));
        return Main.BAD_INPUT;
      }
    }
    try (Database db = Database.open(url)) {
      Backup.Summary s = keep(target, partial -> {
        try (OutputStream o = Files.newOutputStream(partial)) {
          return Backup.write(db, o);
        }
      });
      report(s, "");
      return Main.OK;
    } catch (StoreException e) {
      String m = e.getMessage();
      if (!url.isPostgres() && m.contains("already in use")) {
        m = "the embedded database in " + database.data + " is open in another process (a running 'begroot serve'?)"
            + (refusal != null ? ", which did not give a backup: " + refusal
                : " that left no address for a backup (" + ServeFile.NAME + "); stop it for the backup, or start it with this version of Begroot")
            + " (docs/backup.md). " + m;
      }
      err.println("begroot backup: " + m);
      return Main.BAD_INPUT;
    } catch (IOException e) {
      err.println("begroot backup: cannot write " + out + ": " + Database.rootMessage(e));
      return Main.BAD_INPUT;
    }
  }

  private void report(Backup.Summary s, String how) {
    spec.commandLine().getOut().println("backup " + out + ": " + s.rows().get("budget_version") + " versions, " + s.rows().get("proposal")
        + " proposals, " + s.rows().get("change_log") + " change log entries, " + s.rows().get("account") + " accounts (" + Backup.FORMAT + ", " + s.createdAt() + ")" + how);
  }

  private interface Writing {
    Backup.Summary to(Path partial) throws IOException;
  }

  /** Writes under a temporary name beside the target and renames it when whole: a failed backup never leaves a file that looks complete. */
  private static Backup.Summary keep(Path target, Writing writing) throws IOException {
    Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
    try {
      Backup.Summary s = writing.to(partial);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return s;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Asks the server that {@code info} names for a backup and keeps it in {@code target} once it is
   * checked whole ({@link Backup#check}). No one at the address (a server that was killed left its
   * file) or a refusal: no summary, and the database is opened here.
   */
  private static Asked askServer(ServeFile.Info info, Path target) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(info.address() + "/api/backup")).header("Authorization", "Bearer " + info.token()).GET().build();
    } catch (IllegalArgumentException e) {
      return new Asked(null, info.address(), "its address " + info.address() + " is not understood");
    }
    String[] refused = new String[1];
    Backup.Summary s;
    try {
      s = keep(target, partial -> {
        HttpResponse<Path> r;
        try {
          r = http.send(request, HttpResponse.BodyHandlers.ofFile(partial));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        if (r.statusCode() != 200) {
          String body = new String(Files.readAllBytes(partial), StandardCharsets.UTF_8);
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
          refused[0] = "it answered " + r.statusCode() + (m.find() ? ": " + m.group(1) : "");
          throw new Refused();
        }
        return Backup.check(partial);
      });
    } catch (Refused e) {
      return new Asked(null, info.address(), refused[0]);
    } catch (ConnectException e) {
      return new Asked(null, info.address(), "no one answers at " + info.address());
    }
    return new Asked(s, info.address(), null);
  }

  private static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
