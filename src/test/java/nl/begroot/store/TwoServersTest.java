package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.web.TestServer;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One truth across servers: two Begroot servers (each a workspace with its own cache and a web
 * server) on one database, and writers that change shared proposals and a shared key through the
 * JSON API, each with the revision it read, re-reading and retrying on 409. Each writer owns its own
 * fields (one year of one proposal; one member's share of the key), and every request goes to one of
 * the two servers at random, so a server often writes a version that the other changed a moment ago.
 *
 * <p>Then: every writer's last acknowledged value is the final value of its field (a write that was
 * acknowledged and then undone by a write to another field is a lost update); every entry of the
 * change log changed only the field of the writer it names; every entry's "before" is the previous
 * entry's "after" for the same row; and there is one entry per acknowledged write.
 *
 * <p>On PostgreSQL for a minute (a database of its own, {@code begroot_truth}); on H2 (two
 * workspaces on one in-memory database in this JVM) for 15 seconds. {@code -Dbegroot.twoservers.seconds=N}
 * shortens or lengthens both.
 */
class TwoServersTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String V = Workspace.CONCEPT;
  static final int[] YEARS = {2027, 2028, 2029, 2030};
  static final int PROPOSALS = 4;
  static final String KEY = "ipo";

  @Test
  @ExtendWith(TestDatabases.Available.class)
  void twoServersOnOnePostgresLoseNothing() throws Exception {
    run(TestDatabases.freshPostgresDatabase("begroot_truth"), seconds(60));
  }

  @Test
  void twoWorkspacesOnOneH2LoseNothing() throws Exception {
    run(DatabaseUrl.h2Memory("two-servers-" + System.nanoTime()), seconds(15));
  }

  private static Duration seconds(int dflt) {
    return Duration.ofSeconds(Integer.getInteger("begroot.twoservers.seconds", dflt));
  }

  /** One acknowledged write: who, which row (proposal id or the key), which field (year or member), what value. */
  record Ack(String writer, String target, String field, String value) {}

  private void run(DatabaseUrl url, Duration length) throws Exception {
    try (TestServer a = new TestServer(url); TestServer b = new TestServer(url)) {
      Snapshot start = a.workspace.snapshot(V).orElseThrow();
      Budget budget = start.budget();
      // shared proposals whose amounts can change freely: entered, every year an amount, no breakdown
      List<String> proposals = budget.proposals().stream()
          .filter(p -> p.rule() == Proposal.Rule.ENTERED && p.breakdown() == null && !p.passThrough()
              && java.util.stream.IntStream.range(0, p.amounts().size()).allMatch(y -> p.amounts().kind(y) == Amounts.Kind.AMOUNT))
          .limit(PROPOSALS).map(Proposal::id).toList();
      assertThat(proposals).hasSize(PROPOSALS);
      List<String> members = budget.members().stream().limit(2).map(m -> m.id()).toList();
      Map<String, BigDecimal> startShares = budget.key(KEY).orElseThrow().sharesPercent();

      List<Writer> writers = new ArrayList<>();
      for (int w = 0; w < PROPOSALS * YEARS.length; w++) {
        writers.add(new Writer("schrijver-" + w, proposals.get(w / YEARS.length), String.valueOf(YEARS[w % YEARS.length]), null, w));
      }
      for (int k = 0; k < members.size(); k++) {
        writers.add(new Writer("sleutel-" + k, KEY, members.get(k), startShares.get(members.get(k)), 100 + k));
      }
      for (Writer w : writers) {
        w.who = a.signIn(nl.begroot.TestBudgets.actor(w.name)); // one session in the shared database: good on both servers
      }
      long until = System.nanoTime() + length.toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(writers.size());
      List<Future<?>> done = new ArrayList<>();
      for (Writer w : writers) {
        done.add(pool.submit(() -> {
          w.loop(new TestServer[] {a, b}, until);
          return null;
        }));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS)).isTrue();
      for (Future<?> f : done) {
        f.get();
      }
      List<Ack> acks = new ArrayList<>();
      writers.forEach(w -> acks.addAll(w.acks));
      List<String> failures = new ArrayList<>();
      writers.forEach(w -> failures.addAll(w.failures));
      int conflicts = writers.stream().mapToInt(w -> w.conflicts.get()).sum();

      // the final state, read by a third workspace with no cache
      Database db = Database.open(url);
      try {
        Workspace fresh = new Workspace(db);
        Snapshot end = fresh.snapshot(V).orElseThrow();
        Map<String, String> last = new LinkedHashMap<>();
        for (Ack ack : acks) {
          last.put(ack.target() + "/" + ack.field(), ack.value()); // each writer's acks are in order; a field has one writer
        }
        int lostFinal = 0;
        List<String> lostFields = new ArrayList<>();
        for (Map.Entry<String, String> e : last.entrySet()) {
          String target = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
          String field = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
          String now = target.equals(KEY)
              ? end.budget().key(KEY).orElseThrow().sharesPercent().get(field).stripTrailingZeros().toPlainString()
              : String.valueOf(end.budget().proposal(target).orElseThrow().amounts().cents(end.budget().version().yearIndex(Integer.parseInt(field))));
          if (!now.equals(e.getValue())) {
            lostFinal++;
            lostFields.add(e.getKey() + ": acknowledged " + e.getValue() + ", final " + now);
          }
        }

        // the change log of this run, oldest first
        List<Change> log = new ArrayList<>(fresh.store().changes(end.version().id(), 1_000_000));
        Collections.reverse(log);
        log.removeIf(c -> !c.action().equals("proposal.change") && !c.action().equals("key.change"));
        Map<String, Writer> byName = new HashMap<>();
        writers.forEach(w -> byName.put(w.name, w));
        Map<String, String> previousAfter = new HashMap<>();
        int chainBreaks = 0;
        int blamed = 0;
        List<String> examples = new ArrayList<>();
        Map<String, Integer> entries = new HashMap<>();
        for (Change c : log) {
          String row = c.action().equals("key.change") ? "(base)" : c.target();
          String prev = previousAfter.put(row, c.after());
          if (prev != null && !prev.equals(c.before())) {
            chainBreaks++;
          }
          Writer w = byName.get(c.actor());
          if (w == null) {
            continue;
          }
          entries.merge(w.name, 1, Integer::sum);
          List<String> changed = c.action().equals("key.change") ? changedShares(c.before(), c.after()) : changedYears(c.before(), c.after());
          if (!changed.equals(List.of(w.field))) {
            blamed++; // the entry changed a field its writer never sent (another writer's value undone), or not its own
            if (examples.size() < 5) {
              examples.add(c.actor() + " (" + w.target + "/" + w.field + ") changed " + changed);
            }
          }
        }
        int unlogged = 0;
        for (Writer w : writers) {
          unlogged += Math.abs(w.acks.size() - entries.getOrDefault(w.name, 0));
        }
        String summary = String.format("%s, %d s: %d writes acknowledged, %d conflicts retried, %d failures; lost at the end: %d; "
                + "log entries that changed another writer's field: %d; chain breaks: %d; acks without exactly one entry: %d",
            url.isPostgres() ? "PostgreSQL" : "H2", length.toSeconds(), acks.size(), conflicts, failures.size(), lostFinal, blamed, chainBreaks, unlogged);
        System.out.println("TwoServersTest: " + summary);
        assertThat(failures).as(summary).isEmpty();
        assertThat(acks.size()).as(summary).isGreaterThanOrEqualTo(writers.size());
        assertThat(lostFields).as(summary).isEmpty();
        assertThat(examples).as(summary).isEmpty();
        assertThat(blamed).as(summary).isZero();
        assertThat(chainBreaks).as(summary).isZero();
        assertThat(unlogged).as(summary).isZero();
      } finally {
        db.close();
      }
    }
  }

  /** One writer: owns one field of one row and sets it again and again, each time to a new value. */
  static final class Writer {
    final String name;
    /** The writer's session (its cookie and CSRF token), signed in before the run. */
    nl.begroot.web.TestServer.SignedIn who;
    final String target;
    final String field;
    final BigDecimal startShare;
    final Random random;
    final List<Ack> acks = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final AtomicInteger conflicts = new AtomicInteger();
    int seq;

    Writer(String name, String target, String field, BigDecimal startShare, long seed) {
      this.name = name;
      this.target = target;
      this.field = field;
      this.startShare = startShare;
      this.random = new Random(seed);
    }

    boolean key() {
      return startShare != null;
    }

    /** The next value: cents unique to this writer and write; or a share within 0,09 of the start (the key keeps within 0,5 % of 100). */
    String next() {
      seq++;
      if (key()) {
        return startShare.add(BigDecimal.valueOf((seq % 19) - 9, 2)).stripTrailingZeros().toPlainString();
      }
      return String.valueOf((Long.parseLong(name.substring(name.indexOf('-') + 1)) + 1) * 100_000_000L + seq * 100L);
    }

    void loop(TestServer[] servers, long until) {
      String path = "/api/versions/" + V + (key() ? "/keys/" + target : "/proposals/" + target);
      while (System.nanoTime() < until && failures.size() < 5) {
        String value = next();
        for (int attempt = 0; ; attempt++) {
          TestServer read = servers[random.nextInt(2)];
          HttpResponse<String> got = read.get(path);
          if (got.statusCode() != 200) {
            failures.add(name + ": GET " + got.statusCode() + " " + got.body());
            return;
          }
          int revision = JSON.readTree(got.body()).get("revision").asInt();
          String body = key()
              ? "{\"revision\":" + revision + ",\"shares_percent\":{\"" + field + "\":\"" + value + "\"}}"
              : "{\"revision\":" + revision + ",\"amounts\":{\"" + field + "\":" + value + "}}";
          TestServer write = servers[random.nextInt(2)];
          HttpResponse<String> put = write.send(who.request(write.base() + path)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
          if (put.statusCode() == 200) {
            acks.add(new Ack(name, target, field, value));
            break;
          }
          if (put.statusCode() == 409 && attempt < 200) {
            conflicts.incrementAndGet();
            continue; // someone else wrote first: read again and send the same value on the new revision
          }
          failures.add(name + ": PUT " + put.statusCode() + " " + put.body());
          return;
        }
      }
    }
  }

  private static final Load YAML = new Load(LoadSettings.builder().build());

  /** The years whose amounts differ between two texts of a proposal. */
  @SuppressWarnings("unchecked")
  static List<String> changedYears(String before, String after) {
    Map<Object, Object> a = (Map<Object, Object>) ((Map<String, Object>) ((List<Object>) YAML.loadFromString(before)).get(0)).get("amounts");
    Map<Object, Object> b = (Map<Object, Object>) ((Map<String, Object>) ((List<Object>) YAML.loadFromString(after)).get(0)).get("amounts");
    List<String> changed = new ArrayList<>();
    java.util.Set<Object> years = new java.util.TreeSet<>(java.util.Comparator.comparing(String::valueOf));
    years.addAll(a.keySet());
    years.addAll(b.keySet());
    for (Object y : years) {
      if (!Objects.equals(String.valueOf(a.get(y)), String.valueOf(b.get(y)))) {
        changed.add(String.valueOf(y));
      }
    }
    return changed;
  }

  /** The members whose share of the key differs between two bases (and "(other)" when anything else differs). */
  @SuppressWarnings("unchecked")
  static List<String> changedShares(String before, String after) {
    Map<String, Object> a = (Map<String, Object>) YAML.loadFromString(before);
    Map<String, Object> b = (Map<String, Object>) YAML.loadFromString(after);
    Map<String, Object> ka = key(a);
    Map<String, Object> kb = key(b);
    List<String> changed = new ArrayList<>();
    java.util.Set<String> members = new java.util.TreeSet<>(ka.keySet());
    members.addAll(kb.keySet());
    for (String m : members) {
      if (!Objects.equals(String.valueOf(ka.get(m)), String.valueOf(kb.get(m)))) {
        changed.add(m);
      }
    }
    Map<String, Object> restA = new HashMap<>(a);
    Map<String, Object> restB = new HashMap<>(b);
    restA.remove("keys");
    restB.remove("keys");
    if (!restA.equals(restB)) {
      changed.add("(other)");
    }
    return changed;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> key(Map<String, Object> base) {
    for (Object k : (List<Object>) base.get("keys")) {
      Map<String, Object> m = (Map<String, Object>) k;
      if (KEY.equals(m.get("id"))) {
        Object shares = m.get("shares");
        return shares instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
      }
    }
    return Map.of();
  }
}
