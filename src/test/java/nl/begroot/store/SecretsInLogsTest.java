package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * No user name, password or other setting of the database address reaches the console or the log:
 * {@code begroot serve} is started in a child JVM (everything it prints, log lines included, is
 * captured) with a PostgreSQL address that holds a password twice, in the user information and as a
 * {@code password=} parameter, once against a live server and once against a closed port; a
 * malformed address and the messages of {@code backup} are checked in this JVM.
 */
class SecretsInLogsTest {
  static final String SECRET_1 = "Geheim-wachtwoord-1";
  static final String SECRET_2 = "Geheim-wachtwoord-2";

  /** Output must name neither password, nor the user, nor the address's other settings. */
  static void noSecrets(String output) {
    assertThat(output).doesNotContain(SECRET_1).doesNotContain(SECRET_2).doesNotContain("Geheim")
        .doesNotContainIgnoringCase("password=").doesNotContain("ApplicationName").doesNotContain("geheimegebruiker");
  }

  /** Runs {@code begroot ARGS} in a child JVM until it prints its start line (or ends), then stops it; all it printed. */
  static Result run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "nl.begroot.cli.Main"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("BEGROOT_DB");
    Process p = pb.start();
    StringBuffer out = new StringBuffer();
    Thread reader = new Thread(() -> {
      try (InputStream in = p.getInputStream()) {
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) > 0; ) {
          out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (p.isAlive() && !out.toString().contains("draait op") && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    boolean started = out.toString().contains("draait op");
    if (p.isAlive()) {
      p.destroy(); // SIGTERM: the shutdown hook stops the server and closes the database, which may log too
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    reader.join(10_000);
    return new Result(started, p.exitValue(), out.toString());
  }

  record Result(boolean started, int exit, String output) {}

  @Test
  @ExtendWith(TestDatabases.Available.class)
  void aStartOnPostgresShowsTheHostButNoCredentials(@TempDir Path dir) throws Exception {
    DatabaseUrl db = TestDatabases.freshPostgresDatabase("begroot_secrets");
    // the test server trusts local connections, so the passwords are carried but not needed
    String hostAndDb = db.jdbcUrl().replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
    String user = db.user() == null ? "postgres" : db.user();
    String url = "postgresql://" + user + ":" + SECRET_1 + "@" + hostAndDb + "?password=" + SECRET_2 + "&ApplicationName=begroot";
    Result r = run(List.of("serve", "--port", "0", "--db", url, "--data", dir.toString()));
    assertThat(r.started()).as(r.output()).isTrue();
    assertThat(r.output()).contains("PostgreSQL at " + hostAndDb);
    noSecrets(r.output());
  }

  @Test
  void aFailedStartShowsNoCredentials(@TempDir Path dir) throws Exception {
    String url = "postgresql://geheimegebruiker:" + SECRET_1 + "@127.0.0.1:1/begroot?password=" + SECRET_2 + "&ApplicationName=begroot";
    Result r = run(List.of("serve", "--port", "0", "--db", url, "--data", dir.toString()));
    assertThat(r.started()).isFalse();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("cannot open the database PostgreSQL at 127.0.0.1:1/begroot");
    noSecrets(r.output());
  }

  @Test
  void aMalformedAddressIsRefusedWithoutQuotingIt() {
    for (String url : List.of("postgresql://geheimegebruiker:" + SECRET_1 + " x@host/db", "mysql://geheimegebruiker:" + SECRET_1 + "@host/db")) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = nl.begroot.cli.Main.run(new String[] {"backup", "--db", url, "--out", "/nonexistent/x.zip"}, new PrintWriter(out), new PrintWriter(err));
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains("begroot backup:");
      noSecrets(out + " " + err);
    }
  }

  @Test
  void theDisplayedAddressHasTheKindAndPlaceOnly() {
    assertThat(DatabaseUrl.parse("postgresql://geheimegebruiker:" + SECRET_1 + "@db.example.org:6543/begroot?password=" + SECRET_2
        + "&ApplicationName=x").display()).isEqualTo("PostgreSQL at db.example.org:6543/begroot");
    assertThat(DatabaseUrl.parse("jdbc:postgresql://db.example.org/begroot?user=geheimegebruiker&password=" + SECRET_2).display())
        .isEqualTo("PostgreSQL at db.example.org/begroot");
    assertThat(DatabaseUrl.parse("jdbc:h2:mem:x;PASSWORD=" + SECRET_2).display()).isEqualTo("H2 in memory (x)");
    assertThat(DatabaseUrl.parse("jdbc:mysql://geheimegebruiker:" + SECRET_1 + "@db/begroot;password=" + SECRET_2).display())
        .isEqualTo("mysql at db/begroot");
    assertThat(DatabaseUrl.h2File(Path.of("/srv/begroot/data")).display()).isEqualTo("H2 file /srv/begroot/data/begroot");
    DatabaseUrl pg = DatabaseUrl.parse("postgresql://geheimegebruiker:" + SECRET_1 + "@h/db");
    assertThat(pg.redact("FATAL: password=" + SECRET_2 + " for //geheimegebruiker:" + SECRET_1 + "@h/db; also " + SECRET_1))
        .isEqualTo("FATAL: password=*** for //***@h/db; also ***");
  }

  @Test
  void aBackupOfAnUnreachableDatabaseShowsNoCredentials(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String url = "postgresql://geheimegebruiker:" + SECRET_1 + "@127.0.0.1:1/begroot?password=" + SECRET_2;
    int code = nl.begroot.cli.Main.run(new String[] {"backup", "--db", url, "--out", dir.resolve("b.zip").toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isNotZero();
    assertThat(Files.exists(dir.resolve("b.zip"))).isFalse();
    noSecrets(out + " " + err);
  }
}
