package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing acknowledged is lost when the server is killed (issue 10, durability): {@value #CYCLES}
 * (or {@code -Dbegroot.kill.cycles}) times, a real server ({@code begroot serve} in a child JVM,
 * {@link KillNineServer}) takes mixed writes over HTTP (proposal edits, new proposals, withdraw and
 * reinstate, key changes, copies of a version, deleting a copy) from {@value #WRITERS} writers here at
 * once (each on proposals of its own; writer 0 also changes the key, copies and deletes), which
 * record each 2xx answer, and is killed with SIGKILL at a random moment (up to {@value #WINDOW} ms
 * after its first answer; a longer window lets writes that H2's old settings lose reach the disk
 * before the kill, decision 175). After the kill the next server reopens the database while this
 * JVM opens (and on H2 recovers) the same database (on H2 a copy of the file the killed server left;
 * decision 192) and checks: the state is exactly the acknowledged writes plus those writes in flight
 * whose log entry is there, each whole (its change and its log entry) or not at all; every
 * acknowledged write has its log entry; every version loads and its audit is the same as at the
 * start (the writes are chosen so that they change no figure: new proposals are zero, a key change
 * rewrites "6.80" as "6.8"): the versions written to are loaded and audited after every kill, the
 * others are proved unchanged by a digest of their stored rows (and audited on the first and last
 * check). The next cycle's writers start only when both the server and the check are done.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // the two engines side by side
class KillNineTest {
  static final int CYCLES = 50;
  /** Writers sending at once in each cycle. */
  static final int WRITERS = 4;
  /** The kill comes at a random moment up to this many milliseconds after the cycle's first answer. */
  static final int WINDOW = 1000;
  private static final String CONCEPT = Workspace.CONCEPT;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * The embedded default, {@code --data DIR}, with the settings of decision 94. {@code
   * -Dbegroot.kill.h2=old} runs it on the settings before (H2's default write delay of 500 ms and
   * reused file space), which lose acknowledged writes.
   */
  @Test
  void embeddedDefault(@TempDir Path data) throws Exception {
    if ("old".equals(System.getProperty("begroot.kill.h2"))) {
      String old = "jdbc:h2:file:" + data.resolve("begroot") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
      run("h2-old-settings", DatabaseUrl.parse(old), List.of("serve", "--port", "0", "--db", old), data,
          copy -> DatabaseUrl.parse(old.replace(data.resolve("begroot").toString(), copy.resolve("begroot").toString())));
    } else {
      run("h2", DatabaseUrl.h2File(data), List.of("serve", "--port", "0", "--data", data.toString()), data, DatabaseUrl::h2File);
    }
  }

  @Test
  @ExtendWith(TestDatabases.Available.class)
  void postgres() throws Exception {
    DatabaseUrl url = TestDatabases.freshPostgresDatabase("begroot_kill_" + ProcessHandle.current().pid());
    String setting = url.jdbcUrl().substring("jdbc:".length()).replaceFirst("://",
        "://" + (url.user() == null ? "" : url.user() + (url.password() == null ? "" : ":" + url.password()) + "@"));
    run("postgresql", url, List.of("serve", "--port", "0", "--db", setting), null, null);
  }

  // ---- one run: start, write, kill, reopen, check ----

  /**
   * @param data the embedded database's directory (copied after each kill for the check), or null on PostgreSQL
   * @param copyUrl how the check opens the copy in a directory (the embedded database), or null
   */
  private void run(String engine, DatabaseUrl url, List<String> serveArgs, Path data, java.util.function.Function<Path, DatabaseUrl> copyUrl)
      throws Exception {
    int cycles = Integer.getInteger("begroot.kill.cycles", CYCLES);
    int writers = Integer.getInteger("begroot.kill.writers", WRITERS);
    int window = Integer.getInteger("begroot.kill.window", WINDOW);
    Random random = new Random(Long.getLong("begroot.kill.seed", 20261201L));
    Tally tally = new Tally();
    Map<String, Long> time = new java.util.concurrent.ConcurrentSkipListMap<>();
    Map<String, Long> cpu = new java.util.concurrent.ConcurrentSkipListMap<>();
    long runStart = System.nanoTime();
    long testCpu = testJvmCpu();
    Baseline baseline = new Baseline();
    List<String> problems = new ArrayList<>();
    ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
    java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    List<Child> children = new ArrayList<>(); // each is killed at the end, also when the test fails
    Child next = Child.start(serveArgs);
    children.add(next);
    Database shared = url.isPostgres() ? Database.open(url) : null;
    try {
      // before the first server: the seed it would make, every version loaded and audited, every
      // cycle's writers signed in
      long t0 = System.nanoTime();
      State now = inspect(url, shared, engine, cycles, true, true, baseline, problems, 0, time).state;
      time.merge("check (open the database here, read, audit, the log)", System.nanoTime() - t0, Long::sum);
      Child current = next;
      java.util.concurrent.Future<String> started = pool.submit((java.util.concurrent.Callable<String>) current::go);
      for (int cycle = 0; cycle < cycles; cycle++) {
        long t1 = System.nanoTime();
        String base = started.get();
        long t2 = System.nanoTime();
        time.merge("start (the next server opens the database; beside the check before)", t2 - t1, Long::sum);
        cpu.merge("at its address", current.cpu(), Long::sum);
        next = cycle + 1 < cycles ? Child.start(serveArgs) : null; // its JVM starts while this one works
        if (next != null) {
          children.add(next);
        }
        // write until the kill, which comes at a random moment up to 1 s after the first answer (so
        // that every cycle has acknowledged writes to lose, however slow the machine); several
        // writers at once, each on proposals of its own (writer 0 also changes the key, copies the
        // concept and deletes the copy), so that a kill finds several writes just answered and
        // several in flight
        Child dying = current;
        var fallback = killer.schedule(() -> dying.process.destroyForcibly(), 120, TimeUnit.SECONDS);
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.ScheduledFuture<?>> kill = new java.util.concurrent.atomic.AtomicReference<>();
        int delay = random.nextInt(window);
        Runnable firstAnswer = () -> {
          if (kill.get() == null) {
            synchronized (kill) {
              if (kill.get() == null) {
                kill.set(killer.schedule(() -> {
                  cpu.merge("at the kill", dying.cpu(), Long::sum);
                  dying.process.destroyForcibly();
                }, delay, TimeUnit.MILLISECONDS));
              }
            }
          }
        };
        java.util.concurrent.atomic.AtomicInteger numbers = new java.util.concurrent.atomic.AtomicInteger();
        List<Writer> team = new ArrayList<>();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          Writer writer = new Writer(base, engine + "-c" + cycle, w, numbers, new Random(random.nextLong()), now.copy());
          team.add(writer);
          running.add(pool.submit(() -> {
            writer.writeUntilKilled(firstAnswer);
            return null;
          }));
        }
        AssertionError failed = null;
        for (var f : running) {
          try {
            f.get();
          } catch (java.util.concurrent.ExecutionException e) {
            failed = e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
          }
        }
        long t3 = System.nanoTime();
        time.merge("write until the kill", t3 - t2, Long::sum);
        fallback.cancel(false);
        dying.process.destroyForcibly(); // a writer that failed ends the server too
        if (kill.get() != null) {
          kill.get().get();
        }
        dying.process.waitFor();
        long t4 = System.nanoTime();
        time.merge("wait for the kill to land", t4 - t3, Long::sum);
        if (failed != null) {
          throw failed;
        }
        List<List<Op>> acknowledged = team.stream().map(w -> w.acknowledged).toList();
        List<Op> inFlight = team.stream().map(w -> w.inFlight).filter(Objects::nonNull).toList();
        State expected = now.copy();
        for (List<Op> ops : acknowledged) {
          tally.acknowledged += ops.size();
          for (Op op : ops) {
            expected = op.applyTo(expected);
          }
        }
        // after the kill: the embedded database's file is copied as the killed server left it, the next
        // server opens (and recovers) the file itself while this JVM opens (and recovers) the copy and
        // checks it (on PostgreSQL the next server starts beside the check; it writes nothing before
        // the writers, who wait for the check)
        Path copy = null;
        DatabaseUrl checked = url;
        if (data != null) {
          copy = java.nio.file.Files.createTempDirectory("begroot-kill-check");
          try (var files = java.nio.file.Files.list(data)) {
            for (Path f : (Iterable<Path>) files::iterator) {
              String name = f.getFileName().toString();
              if (name.endsWith(".db") && !name.endsWith(".trace.db")) {
                java.nio.file.Files.copy(f, copy.resolve(name));
              }
            }
          }
          checked = copyUrl.apply(copy);
        }
        time.merge("copy the killed server's file", System.nanoTime() - t4, Long::sum);
        current = next;
        if (current != null) {
          started = pool.submit((java.util.concurrent.Callable<String>) current::go);
        }
        long t5 = System.nanoTime();
        boolean last = cycle + 1 == cycles;
        Seen seen = inspect(checked, shared, engine, cycles, false, last, baseline, problems, cycle + 1, time);
        check(expected, acknowledged, inFlight, seen.state, seen.logged, engine + " cycle " + (cycle + 1), tally, problems);
        now = seen.state;
        if (copy != null) {
          try (var files = java.nio.file.Files.list(copy)) {
            for (Path f : (Iterable<Path>) files::iterator) {
              java.nio.file.Files.delete(f);
            }
          }
          java.nio.file.Files.delete(copy);
        }
        time.merge("check (open the database here, read, audit, the log)", System.nanoTime() - t5, Long::sum);
      }
    } finally {
      killer.shutdownNow();
      pool.shutdownNow();
      children.forEach(c -> c.process.destroyForcibly());
      if (shared != null) {
        shared.close();
      }
    }
    System.out.println("KillNineTest " + engine + " time (s): " + time.entrySet().stream().map(e -> e.getKey() + " "
        + String.format(java.util.Locale.ROOT, "%.1f", e.getValue() / 1e9)).collect(java.util.stream.Collectors.joining(", "))
        + "; in all " + (System.nanoTime() - runStart) / 1_000_000_000
        + "; CPU (s) of the " + cycles + " servers " + cpu.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1_000_000_000)
        .collect(java.util.stream.Collectors.joining(", ")) + ", of the test's JVM (with whatever runs beside this loop) "
        + (testJvmCpu() - testCpu) / 1_000_000_000 + "; class-data archive: " + (Child.archive().isEmpty() ? "none" : "used"));
    String line = "KillNineTest " + engine + ": " + cycles + " kill -9 cycles, " + writers + " writers at once, " + tally.acknowledged
        + " writes acknowledged, " + tally.lost + " lost; writes in flight at the kill: " + tally.inFlightPresent
        + " present whole, " + tally.inFlightAbsent + " absent; versions audited in full " + baseline.audited
        + ", proved unchanged by their stored rows " + baseline.proved;
    System.out.println(line);
    assertThat(problems).as(line).isEmpty();
    assertThat(tally.acknowledged).as("the writers got writes through").isGreaterThan(cycles);
  }

  // ---- the state that the API shows, reduced to what the writes change ----

  /** Versions by name; the concept's proposals (id: title|withdrawn|revision); the key's shares and the concept's revision. */
  static final class State {
    final TreeSet<String> versions;
    final TreeMap<String, String> proposals;
    String key;

    State(TreeSet<String> versions, TreeMap<String, String> proposals, String key) {
      this.versions = versions;
      this.proposals = proposals;
      this.key = key;
    }

    State copy() {
      return new State(new TreeSet<>(versions), new TreeMap<>(proposals), key);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State s && versions.equals(s.versions) && proposals.equals(s.proposals) && key.equals(s.key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(versions, proposals, key);
    }

    String diff(State o) {
      List<String> d = new ArrayList<>();
      if (!versions.equals(o.versions)) {
        d.add("versions " + versions + " / " + o.versions);
      }
      TreeSet<String> ids = new TreeSet<>(proposals.keySet());
      ids.addAll(o.proposals.keySet());
      for (String id : ids) {
        if (!Objects.equals(proposals.get(id), o.proposals.get(id))) {
          d.add("proposal " + id + ": " + proposals.get(id) + " / " + o.proposals.get(id));
        }
      }
      if (!key.equals(o.key)) {
        d.add("key " + key + " / " + o.key);
      }
      return String.join("; ", d);
    }
  }

  /** What the database holds after a kill: the state, and how many log entries of the concept each person has. */
  record Seen(State state, Map<String, Integer> logged) {}

  /**
   * What the first check saw, for the checks after each kill: every version's audit, the versions no
   * writer touches (all but the concept; the writers' copies come later) and the digest of their
   * stored rows, and the last log entry before the writers.
   */
  static final class Baseline {
    final Map<String, String> audits = new TreeMap<>();
    final TreeSet<Long> untouched = new TreeSet<>();
    long logBefore;
    String digest;
    int audited;
    int proved;
  }

  /**
   * Opens the database in this JVM through the product's own {@link Database#open} (on H2 the
   * recovery from the kill, on a copy of the file the killed server left), on the first check seeds
   * it as {@code begroot serve} does on an empty database and signs in every cycle's writers, and
   * reads what the server's API would show: the versions, the concept's proposals and key, and the
   * concept's log. Every version loads and audits as at the start: the versions the writers touch
   * (the concept, their copies) are loaded, computed and audited after every kill (the audit's JSON
   * as the API gives it); every version is, on the first and the last check ({@code full}). The
   * versions no writer touches are proved unchanged after every kill by a digest of their stored rows
   * (and of every row their loading and audit can read: {@link #digest}): a version's load, figures
   * and audit are a deterministic function of those rows, so the same rows load and audit as they
   * did at the start (decision 192). Closes the database again before the next server opens it (an
   * embedded H2 is open in one process at a time).
   */
  private Seen inspect(DatabaseUrl url, Database shared, String engine, int cycles, boolean first, boolean full, Baseline baseline,
      List<String> problems, int cycle, Map<String, Long> time) throws Exception {
    long t = System.nanoTime();
    // PostgreSQL outlives the server that was killed: one pool here for all cycles (each server
    // still opens the database itself); the embedded database's copy is opened here after every
    // kill (the recovery) and closed again
    Database db = shared != null ? shared : Database.open(url);
    try {
      t = lap(time, "check: open", t);
      Workspace workspace = new Workspace(db);
      if (first) {
        nl.begroot.cli.FirstStart.seed(workspace); // what the first server would make
      }
      TreeSet<String> names = new TreeSet<>();
      List<StoredVersion> versions = workspace.versions();
      if (first) {
        versions.stream().filter(v -> !v.slug().equals(CONCEPT)).forEach(v -> baseline.untouched.add(v.id()));
        baseline.logBefore = db.jdbi().withHandle(h -> h.createQuery("select coalesce(max(id), 0) from change_log").mapTo(Long.class).one());
      }
      for (StoredVersion v : versions) {
        names.add(v.name());
        copySlugs.put(v.name(), v.slug()); // also for a copy that was in flight and is there
        if (!full && baseline.untouched.contains(v.id())) {
          continue; // proved unchanged by the digest below
        }
        // every version loads, and audits as it did before (its figures never change here)
        nl.begroot.workspace.Snapshot s = workspace.snapshot(v.slug()).orElseThrow(() -> new AssertionError("version " + v.slug() + " does not load"));
        JsonNode audit = JSON.readTree(nl.begroot.render.JsonRenderer.audit(s.audit()));
        String summary = audit.get("count").asString() + " " + audit.get("summary").toString();
        baseline.audited++;
        // by slug (the GR's concept audits unlike the IPO's); the copies made in flight by their kind
        String before = baseline.audits.putIfAbsent(v.scenario() ? v.kind() : v.slug(), summary);
        if (before != null && !before.equals(summary)) {
          problems.add("cycle " + cycle + ": version " + v.slug() + " audits as " + summary + ", before the kill as " + before);
        }
      }
      t = lap(time, "check: load and audit the versions written to (every version on the first and last check)", t);
      String digest = digest(db, baseline);
      if (first) {
        baseline.digest = digest;
      } else if (!digest.equals(baseline.digest)) {
        problems.add("cycle " + cycle + ": the stored rows of the versions no writer touches changed (digest " + digest + ", at the start "
            + baseline.digest + ")");
      } else if (!full) {
        baseline.proved += baseline.untouched.size();
      }
      t = lap(time, "check: the digest of the versions no writer touches", t);
      nl.begroot.workspace.Snapshot concept = workspace.snapshot(CONCEPT).orElseThrow();
      TreeMap<String, String> proposals = new TreeMap<>();
      for (StoredProposal row : concept.rows()) {
        concept.anyProposal(row.proposalId()).ifPresent(p -> proposals.put(p.id(), p.title() + "|" + row.withdrawn() + "|" + row.revision()));
      }
      var key = concept.budget().key("ipo").orElseThrow();
      Map<String, String> shares = new LinkedHashMap<>();
      key.sharesPercent().forEach((m, v) -> shares.put(m, v.toPlainString()));
      String keyText = JSON.writeValueAsString(shares) + " rev " + concept.version().revision();
      Map<String, Integer> logged = new LinkedHashMap<>();
      for (Change c : workspace.log().entries(AuditLog.Filter.ALL.withVersion(concept.version().id()), null, 1000)) {
        logged.merge(c.actor(), 1, Integer::sum);
      }
      t = lap(time, "check: the concept and its log", t);
      if (first) {
        // every cycle's writers at once (a cycle's server starts while the check of the kill before
        // runs on a copy of the file, so nothing can be added to the file between a kill and the next server)
        List<String> prefixes = new ArrayList<>();
        for (int c = 0; c < cycles; c++) {
          prefixes.add(engine + "-c" + c);
        }
        KillNineServer.signIn(db, prefixes);
        lap(time, "check: sign in", t);
      }
      return new Seen(new State(names, proposals, keyText), logged);
    } finally {
      if (db != shared) {
        db.close();
      }
    }
  }

  /**
   * A SHA-256 over the stored rows of the versions no writer touches ({@code budget_version} and
   * {@code proposal}), the change log up to the last entry before the writers (entries are never
   * changed, decision 94's log guard), and every row of every other table a version's loading or
   * audit can read (organisations, realised figures, Tussenrapportage, annual accounts: all of {@link
   * Backup#TABLES} but the people, whom only the writers' sign-in changes). Every column of every
   * such row, in the backup's order.
   */
  static String digest(Database db, Baseline baseline) throws Exception {
    String ids = baseline.untouched.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    return db.jdbi().<String, Exception>withHandle(h -> {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (Backup.Table table : Backup.TABLES) {
        String where = switch (table.name()) {
          case "budget_version" -> " where id in (" + ids + ")";
          case "proposal" -> " where version_id in (" + ids + ")";
          case "change_log" -> " where id <= " + baseline.logBefore;
          case "account", "account_role", "oidc_identity" -> null;
          default -> "";
        };
        if (where == null) {
          continue;
        }
        sha.update((table.name() + "\n").getBytes(StandardCharsets.UTF_8));
        try (var s = h.getConnection().createStatement();
            var rs = s.executeQuery("select * from " + table.name() + where + " order by " + table.orderBy())) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              String value = rs.getString(i);
              sha.update((value == null ? "\u0000" : value.length() + ":" + value).getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) '\n');
          }
        }
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    });
  }

  private static long lap(Map<String, Long> time, String what, long since) {
    long now = System.nanoTime();
    time.merge(what, now - since, Long::sum);
    return now;
  }

  /**
   * The reopened state must be the state before the cycle with every acknowledged write in it, and
   * with each write that was in flight at the kill either whole (its change and, in the concept,
   * its log entry) or not at all. The writers touch disjoint things (each its own proposals; only
   * writer 0 the key and the versions), so their writes may be applied one writer after another.
   */
  private void check(State expected, List<List<Op>> acknowledged, List<Op> inFlight, State now, Map<String, Integer> logged,
      String where0, Tally tally, List<String> problems) {
    String where = where0 + ": ";
    State withPresent = expected.copy();
    for (Op op : inFlight) {
      boolean present = op.logsInConcept() ? logged.containsKey(op.id) : op.visibleIn(now);
      if (present) {
        tally.inFlightPresent++;
        withPresent = op.applyTo(withPresent);
      } else {
        tally.inFlightAbsent++;
      }
    }
    if (!now.equals(withPresent)) {
      problems.add(where + "the reopened state is not the acknowledged writes plus the writes in flight whose log entry is there ("
          + inFlight + "; a difference means a write lost or half-present): expected / found: " + withPresent.diff(now));
    }
    for (List<Op> ops : acknowledged) {
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        boolean superseded = op.versionName != null && (ops.subList(i + 1, ops.size()).stream().anyMatch(later -> op.versionName.equals(later.versionName))
            || inFlight.stream().anyMatch(f -> op.versionName.equals(f.versionName)));
        boolean lost = op.logsInConcept() ? logged.getOrDefault(op.id, 0) != 1 : !superseded && !op.visibleIn(now);
        if (lost) {
          tally.lost++;
          problems.add(where + "acknowledged write " + op + " is lost (log entries: " + logged.getOrDefault(op.id, 0) + ")");
        }
      }
    }
  }

  // ---- the writer ----

  static final class Tally {
    int acknowledged;
    int lost;
    int inFlightPresent;
    int inFlightAbsent;
  }

  /** One write: what it sends, and what it does to the state when it is there. */
  static final class Op {
    final String id;
    final String kind;
    final String method;
    final String path;
    final String body;
    final BiConsumer<State, JsonNode> effect;
    String versionName;
    JsonNode answer;

    Op(String id, String kind, String method, String path, String body, BiConsumer<State, JsonNode> effect) {
      this.id = id;
      this.kind = kind;
      this.method = method;
      this.path = path;
      this.body = body;
      this.effect = effect;
    }

    void acknowledge(JsonNode answer) {
      this.answer = answer;
    }

    /** The state with this write in it (with the server's answer, or as predicted when there is none). */
    State applyTo(State s) {
      effect.accept(s, answer);
      return s;
    }

    boolean logsInConcept() {
      return !kind.equals("copy") && !kind.equals("delete");
    }

    /** For writes without a log entry in the concept: whether the reopened state shows them. */
    boolean visibleIn(State s) {
      State mine = applyTo(s.copy());
      return mine.versions.equals(s.versions);
    }

    @Override
    public String toString() {
      return kind + " " + id + " (" + method + " " + path + ")";
    }
  }

  final class Writer {
    final String base;
    final String prefix;
    final int number;
    final java.util.concurrent.atomic.AtomicInteger numbers;
    final Random random;
    State model;
    final List<Op> acknowledged = new ArrayList<>();
    Op inFlight;

    Writer(String base, String prefix, int number, java.util.concurrent.atomic.AtomicInteger numbers, Random random, State model) {
      this.base = base;
      this.prefix = prefix;
      this.number = number;
      this.numbers = numbers;
      this.random = random;
      this.model = model;
    }

    /** Writes until the server is gone; the write it was sending then is {@link #inFlight}. */
    void writeUntilKilled(Runnable answered) {
      while (true) {
        Op op = next();
        if (op == null) {
          return; // every signed-in writer of this cycle has written: wait for the kill
        }
        try {
          op.acknowledge(send(op));
        } catch (IOException e) {
          inFlight = op; // the server died under this write: it may be there (whole) or not at all
          return;
        }
        acknowledged.add(op);
        model = op.applyTo(model);
        answered.run();
      }
    }

    Op next() {
      int n = numbers.getAndIncrement();
      if (n >= KillNineServer.SESSIONS) {
        return null;
      }
      String id = prefix + "-o" + n;
      String mine = "1.1-kill-w" + number + "-";
      List<String> own = model.proposals.keySet().stream().filter(p -> p.startsWith(mine)).toList();
      String copy = model.versions.stream().filter(v -> v.startsWith("Kopie ")).findFirst().orElse(null);
      int choice = own.isEmpty() ? 0 : random.nextInt(number == 0 ? 10 : 7); // the key and the versions are writer 0's
      if (choice <= 1) {
        String pid = mine + id.toLowerCase(java.util.Locale.ROOT);
        return new Op(id, "new", "POST", "/api/versions/" + CONCEPT + "/proposals", proposal(pid, "Nieuw " + id, null),
            (s, a) -> s.proposals.put(pid, "Nieuw " + id + "|false|" + (a == null ? 1 : a.get("revision").asInt())));
      }
      String pid = own.get(random.nextInt(own.size()));
      String[] now = model.proposals.get(pid).split("\\|");
      int rev = Integer.parseInt(now[2]);
      if (choice <= 4 && !Boolean.parseBoolean(now[1])) { // a withdrawn proposal is reinstated before it is edited
        String title = "Gewijzigd " + id;
        return new Op(id, "edit", "PUT", "/api/versions/" + CONCEPT + "/proposals/" + pid, proposal(pid, title, rev),
            (s, a) -> s.proposals.put(pid, title + "|" + now[1] + "|" + (a == null ? rev + 1 : a.get("revision").asInt())));
      }
      if (choice <= 6) {
        boolean withdraw = !Boolean.parseBoolean(now[1]);
        return new Op(id, withdraw ? "withdraw" : "reinstate", "POST",
            "/api/versions/" + CONCEPT + "/proposals/" + pid + (withdraw ? "/withdraw" : "/reinstate"), "{\"revision\": " + rev + "}",
            (s, a) -> s.proposals.put(pid, now[0] + "|" + withdraw + "|" + (a == null ? rev + 1 : a.get("revision").asInt())));
      }
      if (choice == 7) {
        // the same shares, written with or without the trailing zero: a real change of the base, no figure moves
        boolean shortForm = model.key.contains("\"6.80\"");
        String gr = shortForm ? "6.8" : "6.80";
        String fl = shortForm ? "5.3" : "5.30";
        int keyRev = Integer.parseInt(model.key.substring(model.key.lastIndexOf(' ') + 1));
        String shares = "{\"GR\":\"" + gr + "\",\"FR\":\"9.49\",\"DR\":\"8.12\",\"OV\":\"9.43\",\"FL\":\"" + fl + "\",\"GE\":\"10.67\","
            + "\"UT\":\"7.78\",\"NH\":\"8.17\",\"ZH\":\"9.16\",\"ZE\":\"5.96\",\"NB\":\"10.89\",\"LI\":\"8.25\"}";
        return new Op(id, "key", "PUT", "/api/versions/" + CONCEPT + "/keys/ipo", "{\"revision\": " + keyRev + ", \"shares_percent\": " + shares + "}",
            (s, a) -> s.key = shares + " rev " + (a == null ? keyRev + 1 : a.get("revision").asInt()));
      }
      if (copy == null) {
        String name = "Kopie " + id;
        Op op = new Op(id, "copy", "POST", "/api/versions", "{\"from\": \"" + CONCEPT + "\", \"name\": \"" + name + "\"}",
            (s, a) -> s.versions.add(name));
        op.versionName = name;
        return op;
      }
      String slug = copySlugs.get(copy);
      Op op = new Op(id, "delete", "DELETE", "/api/versions/" + slug, null, (s, a) -> s.versions.remove(copy));
      op.versionName = copy;
      return op;
    }

    /**
     * A write in the concept is made by its own person (the log tells them apart); copies and their
     * deletion by the one keeper, whose scenarios they are (only a scenario's author deletes it).
     */
    private String token(Op op) {
      return KillNineServer.token(op.logsInConcept() ? op.id : KillNineServer.KEEPER);
    }

    JsonNode send(Op op) throws IOException {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + op.path)).timeout(Duration.ofSeconds(60))
          .header("Cookie", nl.begroot.web.WebServer.SESSION_COOKIE + "=" + token(op))
          .header("X-CSRF-Token", AccountStore.csrfToken(token(op))).header("Content-Type", "application/json");
      b.method(op.method, op.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(op.body));
      HttpResponse<String> r;
      try {
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      if (r.statusCode() / 100 != 2) {
        throw new AssertionError(op + " was answered " + r.statusCode() + ": " + r.body());
      }
      JsonNode answer = r.body().isBlank() ? null : JSON.readTree(r.body());
      if (op.kind.equals("copy")) {
        copySlugs.put(answer.get("name").asString(), answer.get("id").asString());
      }
      return answer;
    }

    private String proposal(String pid, String title, Integer rev) {
      return "{\"id\": \"" + pid + "\", \"unit\": \"1.1\", \"title\": \"" + title + "\", \"side\": \"lasten\", \"nature\": \"recurring\","
          + " \"category\": \"ambition\", \"products\": [\"CB27\"], \"amounts\": {\"2026\": 0, \"2027\": 0, \"2028\": 0, \"2029\": 0,"
          + " \"2030\": 0}, \"explanation\": \"Geschreven door " + title + "\"" + (rev == null ? "" : ", \"revision\": " + rev) + "}";
    }
  }

  private final Map<String, String> copySlugs = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

  /** The CPU time of this JVM so far, in nanoseconds. */
  private static long testJvmCpu() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  // ---- the child JVM ----

  record Child(Process process, BufferedReader out) {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final List<String> VM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static List<String> classPath;
    private static java.util.Optional<Path> archive;

    /**
     * The class-data archive that every child maps instead of loading and verifying the same
     * thousands of classes again (decision 148): made once per test run by a training run of {@link
     * KillNineServer} ({@code -XX:ArchiveClassesAtExit}), on a class path of jars only (CDS archives
     * no class from a directory, so {@code target/classes} and {@code target/test-classes} are packed
     * into jars first). Empty when it cannot be made; the children then start without one, slower.
     */
    static synchronized java.util.Optional<Path> archive() {
      if (archive == null) {
        archive = java.util.Optional.empty();
        try {
          Path dir = java.nio.file.Files.createTempDirectory("begroot-kill-cds");
          classPath = jarsOnly(dir);
          Path jsa = dir.resolve("children.jsa");
          List<String> command = new ArrayList<>(List.of(JAVA, "-cp", String.join(java.io.File.pathSeparator, classPath)));
          command.addAll(VM);
          command.addAll(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", KillNineServer.class.getName(), "train"));
          Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
          if (p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0 && java.nio.file.Files.isRegularFile(jsa)) {
            archive = java.util.Optional.of(jsa);
          } else {
            p.destroyForcibly();
            System.out.println("KillNineTest: no class-data archive (the training run " + (p.isAlive() ? "hung" : "ended with " + p.exitValue()) + ")");
          }
        } catch (IOException | InterruptedException | RuntimeException e) {
          System.out.println("KillNineTest: no class-data archive (" + e + ")");
          classPath = null;
        }
      }
      return archive;
    }

    /** This JVM's class path with every directory packed into a jar of its own in {@code dir}. */
    private static List<String> jarsOnly(Path dir) throws IOException {
      List<String> jars = new ArrayList<>();
      int n = 0;
      List<String> entries = new ArrayList<>();
      String[] given = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
      for (String entry : given) {
        entries.add(entry);
        // a class path given as one jar's manifest (Surefire's booter jar): its entries, which may be directories
        if (given.length == 1 && entry.endsWith(".jar") && java.nio.file.Files.isRegularFile(Path.of(entry))) {
          try (var jar = new java.util.jar.JarFile(entry)) {
            var manifest = jar.getManifest();
            String more = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (more != null && !more.isBlank()) {
              entries.remove(entries.size() - 1);
              for (String u : more.trim().split("\\s+")) {
                entries.add(Path.of(Path.of(entry).getParent().toUri().resolve(u)).toString());
              }
            }
          }
        }
      }
      for (String entry : entries) {
        Path p = Path.of(entry);
        if (!java.nio.file.Files.isDirectory(p)) {
          jars.add(entry);
          continue;
        }
        Path jar = dir.resolve("classes-" + n++ + ".jar");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar)); var files = java.nio.file.Files.walk(p)) {
          for (Path f : (Iterable<Path>) files.sorted()::iterator) {
            String name = p.relativize(f).toString().replace(java.io.File.separatorChar, '/');
            if (name.isEmpty()) {
              continue;
            }
            boolean folder = java.nio.file.Files.isDirectory(f);
            out.putNextEntry(new java.util.jar.JarEntry(folder ? name + "/" : name));
            if (!folder) {
              java.nio.file.Files.copy(f, out);
            }
            out.closeEntry();
          }
        }
        jars.add(jar.toString());
      }
      return jars;
    }

    static Child start(List<String> serveArgs) throws IOException {
      java.util.Optional<Path> jsa = archive();
      List<String> command = new ArrayList<>(List.of(JAVA, "-cp",
          classPath == null ? System.getProperty("java.class.path") : String.join(java.io.File.pathSeparator, classPath)));
      command.addAll(VM);
      jsa.ifPresent(a -> command.add("-XX:SharedArchiveFile=" + a));
      command.add(KillNineServer.class.getName());
      command.addAll(serveArgs);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }

    /** Signs in the writers {@code writers-o*} and the keeper in the database (opened and closed here first), then {@link #go()}. */
    String go(DatabaseUrl url, String writers) throws Exception {
      try (Database db = Database.open(url)) {
        KillNineServer.signIn(db, writers);
      }
      return go();
    }

    /** Waits for the JVM to be up, lets the real server open the database, returns its address. */
    String go() throws Exception {
      StringBuilder seen = new StringBuilder();
      CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.equals("warm")) {
              OutputStream in = process.getOutputStream();
              in.write("go\n".getBytes(StandardCharsets.UTF_8));
              in.flush();
            }
            int at = line.indexOf("http://localhost:");
            if (at >= 0) {
              drain();
              return "http://127.0.0.1:" + line.substring(at + 17, line.indexOf('/', at + 17));
            }
          }
        } catch (IOException e) {
          seen.append(e);
        }
        return null;
      });
      String base;
      try {
        base = address.get(120, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        base = null;
      }
      if (base == null) {
        process.destroyForcibly();
        throw new AssertionError("the server did not start:\n" + seen);
      }
      return base;
    }

    /** The CPU time this child has used so far, in nanoseconds (0 when the system does not say). */
    long cpu() {
      return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Keeps reading the server's output so that it never blocks on a full pipe. */
    private void drain() {
      Thread t = new Thread(() -> {
        try {
          while (out.readLine() != null) {
            // the output is not checked
          }
        } catch (IOException e) {
          // the process is gone
        }
      });
      t.setDaemon(true);
      t.start();
    }
  }
}
