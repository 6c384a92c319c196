package nl.begroot.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.begroot.core.Invariants;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.format.BudgetWriter;
import nl.begroot.store.Change;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A seeded simulation: several clients (threads) at once drive random operations through the
 * {@link Workspace}'s public methods (create, edit, withdraw, reinstate a proposal, change a key,
 * copy into a scenario, import a budget file, delete a version) and keep a reference model of their
 * own: what each proposal's amounts and state and each key's shares should be, which versions exist
 * and what the change log should say. After every operation the stored version must equal the model,
 * its balancing item must be what the model's inputs give (lasten minus baten of the active entered
 * lines), every printed table must foot, and the newest change log entry must be the operation just
 * done (action, target, actor) with one entry more than before.
 *
 * <p>Each client works on versions of its own, so its sequence of operations and results depends
 * only on the seed and its number, whatever the threads' interleaving: a failure prints seed, client
 * and operation index, and {@code -Dbegroot.sim.seed=S -Dbegroot.sim.client=C -Dbegroot.sim.from=I}
 * replays that client alone, checking from operation I on ({@code -Dbegroot.sim.ops=N} sets the
 * operations per client).
 */
class WorkspaceSimulationTest {
  static final long[] SEEDS = {11, 23, 37, 41, 59};
  static final int CLIENTS = 4;
  static final int OPS = Integer.getInteger("begroot.sim.ops", 500);
  static final BudgetGenerator.Size SIZE = new BudgetGenerator.Size(10, 2, 2, 2, 2, 1);
  static final AtomicInteger DB = new AtomicInteger();

  @Test
  void randomOperationsFromSeveralClientsKeepTheStoreEqualToTheModel() throws Exception {
    String replaySeed = System.getProperty("begroot.sim.seed");
    AtomicInteger total = new AtomicInteger();
    long started = System.nanoTime();
    if (replaySeed != null) {
      int client = Integer.getInteger("begroot.sim.client", 0);
      int from = Integer.getInteger("begroot.sim.from", 0);
      try (Database db = Database.open(DatabaseUrl.h2Memory("sim-replay-" + DB.incrementAndGet()))) {
        new Client(new Workspace(db), Long.parseLong(replaySeed), client, from).run(total);
      }
      System.out.printf(Locale.ROOT, "WorkspaceSimulationTest: replayed %d operations in %.1f s%n", total.get(), (System.nanoTime() - started) / 1e9);
      return;
    }
    for (long seed : SEEDS) {
      try (Database db = Database.open(DatabaseUrl.h2Memory("sim-" + DB.incrementAndGet()))) {
        Workspace w = new Workspace(db);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          Client client = new Client(w, seed, c, 0);
          clients.add(pool.submit(() -> {
            client.run(total);
            return null;
          }));
        }
        pool.shutdown();
        for (Future<?> f : clients) {
          try {
            f.get();
          } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
          }
        }
        checkLogChains(w);
      }
    }
    System.out.printf(Locale.ROOT, "WorkspaceSimulationTest: %d operations (%d seeds x %d clients x %d) in %.1f s%n",
        total.get(), SEEDS.length, CLIENTS, OPS, (System.nanoTime() - started) / 1e9);
    Assertions.assertTrue(total.get() >= 10_000 || OPS < 500, "at least 10.000 operations per run, not " + total.get());
  }

  /** Across the whole log: each edit's "before" is the "after" of the entry before it for the same proposal. */
  static void checkLogChains(Workspace w) {
    for (StoredVersion v : w.versions()) {
      List<Change> log = new ArrayList<>(w.store().changes(v.id(), Integer.MAX_VALUE));
      java.util.Collections.reverse(log);
      Map<String, String> after = new java.util.HashMap<>();
      for (Change c : log) {
        if (!c.action().startsWith("proposal.")) {
          continue;
        }
        String known = after.get(c.target());
        if (known != null && c.before() != null && !known.equals(c.before())) {
          Assertions.fail("change log of " + v.slug() + ": entry " + c.id() + " (" + c.action() + " " + c.target()
              + ") starts from a text that is not the previous entry's result");
        }
        if (c.after() != null) {
          after.put(c.target(), c.after());
        }
      }
    }
  }

  /** What a proposal should be: its amounts in cents per year, its side, whether it is withdrawn and editable by the simulation. */
  static final class P {
    long[] cents;
    final Side side;
    boolean withdrawn;
    final boolean simple; // entered, not pass-through, no pm, no breakdown: the simulation edits and withdraws it

    P(long[] cents, Side side, boolean withdrawn, boolean simple) {
      this.cents = cents;
      this.side = side;
      this.withdrawn = withdrawn;
      this.simple = simple;
    }

    P copy() {
      return new P(cents.clone(), side, withdrawn, simple);
    }
  }

  /** What a version should be. */
  static final class V {
    final String slug;
    final String basedOn;
    final Map<String, P> proposals = new LinkedHashMap<>();
    final Map<String, Map<String, BigDecimal>> keys = new TreeMap<>();
    final List<Integer> years;
    final Proposal template; // an editable proposal whose unit, category and products new ones take
    long[] otherLines; // lasten minus baten of the lines the simulation does not touch, from the file
    int logEntries;

    V(String slug, String basedOn, List<Integer> years, Proposal template) {
      this.slug = slug;
      this.basedOn = basedOn;
      this.years = years;
      this.template = template;
    }

    V copy(String slug) {
      V v = new V(slug, this.slug, years, template);
      proposals.forEach((k, p) -> v.proposals.put(k, p.copy()));
      keys.forEach((k, s) -> v.keys.put(k, new TreeMap<>(s)));
      v.otherLines = otherLines.clone();
      v.logEntries = 1;
      return v;
    }

    /** The balancing item the model's inputs give: lasten minus baten of every active entered line. */
    long expectedBalancing(int y) {
      long sum = otherLines[y];
      for (P p : proposals.values()) {
        if (p.simple && !p.withdrawn) {
          sum += p.side == Side.LASTEN ? p.cents[y] : -p.cents[y];
        }
      }
      return sum;
    }
  }

  static boolean simple(Proposal p) {
    return p.rule() == Proposal.Rule.ENTERED && !p.passThrough() && !p.amounts().anyPm() && p.breakdown() == null;
  }

  /** One client: a seeded sequence of operations on versions of its own, checked against its model. */
  static final class Client {
    final Workspace w;
    final long seed;
    final int number;
    final int checkFrom;
    final SplittableRandom random;
    final String actor;
    final List<V> versions = new ArrayList<>();
    int op;
    int made;
    String doing = "";

    Client(Workspace w, long seed, int number, int checkFrom) {
      this.w = w;
      this.seed = seed;
      this.number = number;
      this.checkFrom = checkFrom;
      this.random = new SplittableRandom(seed * 1000 + number);
      this.actor = "client-" + number;
    }

    void run(AtomicInteger total) {
      try {
        importVersion();
        for (op = 1; op < OPS; op++) {
          step();
          total.incrementAndGet();
        }
        total.incrementAndGet(); // the first import
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("simulation failed at seed " + seed + ", client " + number + ", operation " + op + " (" + doing
            + "): " + e.getMessage() + "\n  replay: mvn test -Dtest=WorkspaceSimulationTest -Dbegroot.sim.seed=" + seed
            + " -Dbegroot.sim.client=" + number + " -Dbegroot.sim.from=" + op, e);
      }
    }

    boolean checking() {
      return op >= checkFrom;
    }

    void step() {
      V v = versions.get(random.nextInt(versions.size()));
      int dice = random.nextInt(100);
      if (dice < 30) {
        edit(v);
      } else if (dice < 50) {
        toggle(v);
      } else if (dice < 62) {
        create(v);
      } else if (dice < 74) {
        key(v);
      } else if (dice < 84 && versions.size() < 6) {
        copy(v);
      } else if (dice < 90 && versions.size() < 6) {
        importVersion();
      } else if (dice < 97 && versions.size() > 1) {
        delete(v);
      } else {
        edit(v);
      }
    }

    String name(String what) {
      return "c" + number + " " + what + " " + (++made);
    }

    void importVersion() {
      long budgetSeed = random.nextLong();
      String name = name("import");
      doing = "import " + name;
      Budget b = BudgetGenerator.generate(budgetSeed, SIZE);
      Workspace.ImportResult r = w.importFile(name, "sim.yaml", BudgetWriter.write(b), nl.begroot.TestBudgets.actor(actor));
      if (r.slug() == null) {
        throw new AssertionError("import refused: " + r.problems() + " " + r.error());
      }
      Proposal template = b.proposals().stream().filter(WorkspaceSimulationTest::simple).findFirst().orElseThrow();
      V v = new V(r.slug(), null, b.version().years(), template);
      v.otherLines = new long[b.version().years().size()];
      for (Proposal p : b.proposals()) {
        v.proposals.put(p.id(), new P(p.amounts().centsArray(), p.side(), false, simple(p)));
        if (!simple(p) && p.rule() == Proposal.Rule.ENTERED && !p.passThrough()) {
          for (int y = 0; y < v.otherLines.length; y++) {
            v.otherLines[y] += p.amounts().isPm(y) ? 0 : p.saldoSign() * p.amounts().cents(y);
          }
        }
      }
      for (DistributionKey k : b.keys()) {
        v.keys.put(k.id(), new TreeMap<>(k.sharesPercent()));
      }
      v.logEntries = 1;
      versions.add(v);
      check(v, "version.import", r.slug());
    }

    void edit(V v) {
      List<String> ids = ids(v, false);
      if (ids.isEmpty()) {
        create(v);
        return;
      }
      String id = ids.get(random.nextInt(ids.size()));
      P p = v.proposals.get(id);
      Map<Integer, String> amounts = new TreeMap<>();
      long[] cents = p.cents.clone();
      for (int y = 0; y < v.years.size(); y++) {
        if (random.nextInt(3) == 0) {
          long euros = random.nextLong(-50_000, 500_000);
          amounts.put(v.years.get(y), Long.toString(euros));
          cents[y] = euros * 100;
        }
      }
      if (amounts.isEmpty()) {
        long euros = random.nextLong(0, 300_000);
        amounts.put(v.years.get(0), Long.toString(euros));
        cents[0] = euros * 100;
      }
      doing = "edit " + id + " in " + v.slug + " to " + amounts;
      EditResult r = w.changeProposal(v.slug, id, revision(v, id), new ProposalDraft(null, null, null, null, null, null, null, amounts, null), nl.begroot.TestBudgets.actor(actor));
      expectSaved(r);
      p.cents = cents;
      v.logEntries++;
      check(v, "proposal.change", id);
    }

    void toggle(V v) {
      List<String> ids = ids(v, true);
      String id = ids.get(random.nextInt(ids.size()));
      P p = v.proposals.get(id);
      boolean withdraw = !p.withdrawn;
      doing = (withdraw ? "withdraw " : "reinstate ") + id + " in " + v.slug;
      EditResult r = w.setWithdrawn(v.slug, id, revision(v, id), withdraw, nl.begroot.TestBudgets.actor(actor));
      if (withdraw && r instanceof EditResult.Invalid inv && inv.errors().get(0).en().startsWith("Cannot withdraw")) {
        // a text quotes it (the generator's narratives may): refused, and nothing changed
        check(v, null, null);
        return;
      }
      expectSaved(r);
      p.withdrawn = withdraw;
      v.logEntries++;
      check(v, withdraw ? "proposal.withdraw" : "proposal.reinstate", id);
    }

    void create(V v) {
      String id = "sim-" + number + "-" + (++made);
      Proposal t = v.template;
      // the template's side: a programme may take lasten only (the overhead view)
      Side side = t.side();
      Map<Integer, String> amounts = new TreeMap<>();
      long[] cents = new long[v.years.size()];
      for (int y = 0; y < cents.length; y++) {
        long euros = random.nextLong(-20_000, 200_000);
        amounts.put(v.years.get(y), Long.toString(euros));
        cents[y] = euros * 100;
      }
      doing = "create " + id + " in " + v.slug;
      EditResult r = w.createProposal(v.slug, new ProposalDraft(id, t.unit(), "Voorstel " + id, side.name().toLowerCase(Locale.ROOT),
          t.nature().code(), t.category(), t.products(), amounts, null), nl.begroot.TestBudgets.actor(actor));
      expectSaved(r);
      v.proposals.put(id, new P(cents, side, false, true));
      v.logEntries++;
      check(v, "proposal.create", id);
    }

    void key(V v) {
      List<String> keyIds = new ArrayList<>(v.keys.keySet());
      String keyId = keyIds.get(random.nextInt(keyIds.size()));
      Map<String, BigDecimal> shares = v.keys.get(keyId);
      List<String> members = new ArrayList<>(shares.keySet());
      String from = members.get(random.nextInt(members.size()));
      String to = members.get(random.nextInt(members.size()));
      BigDecimal step = new BigDecimal("0.25");
      if (from.equals(to) || shares.get(from).compareTo(step) < 0) {
        edit(v);
        return;
      }
      Map<String, String> typed = new LinkedHashMap<>();
      BigDecimal a = shares.get(from).subtract(step);
      BigDecimal b = shares.get(to).add(step);
      typed.put(from, a.toPlainString().replace('.', ','));
      typed.put(to, b.toPlainString().replace('.', ','));
      doing = "key " + keyId + " in " + v.slug + ": " + typed;
      EditResult r = w.changeKey(v.slug, keyId, typed, w.version(v.slug).orElseThrow().revision(), nl.begroot.TestBudgets.actor(actor));
      expectSaved(r);
      shares.put(from, a);
      shares.put(to, b);
      v.logEntries++;
      check(v, "key.change", keyId);
    }

    void copy(V v) {
      String name = name("scenario");
      doing = "copy " + v.slug + " as " + name;
      EditResult r = w.copy(v.slug, name, nl.begroot.TestBudgets.actor(actor));
      expectSaved(r);
      V copy = v.copy(((EditResult.Saved) r).id());
      versions.add(copy);
      check(copy, "version.copy", copy.slug);
    }

    void delete(V v) {
      doing = "delete " + v.slug;
      long id = w.version(v.slug).orElseThrow().id();
      boolean hasCopies = versions.stream().anyMatch(o -> v.slug.equals(o.basedOn));
      EditResult r = w.delete(v.slug, nl.begroot.TestBudgets.actor(actor));
      if (hasCopies) {
        if (!(r instanceof EditResult.Invalid)) {
          throw new AssertionError("a version others are based on was deleted: " + r);
        }
        check(v, null, null);
        return;
      }
      expectSaved(r);
      versions.remove(v);
      if (w.version(v.slug).isPresent()) {
        throw new AssertionError(v.slug + " is still there after its deletion");
      }
      List<Change> log = w.store().changes(id, 2);
      Change last = log.get(0);
      if (!last.action().equals("version.delete") || !last.actor().equals(actor) || !v.slug.equals(last.versionSlug())) {
        throw new AssertionError("the deletion is not the last log entry of " + v.slug + ": " + last);
      }
      if (w.store().changes(id, Integer.MAX_VALUE).size() != v.logEntries + 1) {
        throw new AssertionError("the log of the deleted " + v.slug + " lost entries");
      }
    }

    List<String> ids(V v, boolean withWithdrawn) {
      List<String> ids = new ArrayList<>();
      v.proposals.forEach((id, p) -> {
        if (p.simple && (withWithdrawn || !p.withdrawn)) {
          ids.add(id);
        }
      });
      return ids;
    }

    int revision(V v, String id) {
      return w.snapshot(v.slug).orElseThrow().row(id).orElseThrow().revision();
    }

    static void expectSaved(EditResult r) {
      if (!(r instanceof EditResult.Saved)) {
        throw new AssertionError("expected the write to be saved, got " + r);
      }
    }

    /** The stored version equals the model, balances as the model says, foots, and its newest log entry is this operation. */
    void check(V v, String action, String target) {
      if (!checking()) {
        return;
      }
      Snapshot s = w.snapshot(v.slug).orElseThrow(() -> new AssertionError("version " + v.slug + " is missing"));
      Budget b = s.budget();
      if (s.rows().size() != v.proposals.size()) {
        throw new AssertionError(v.slug + ": " + s.rows().size() + " proposals stored, the model has " + v.proposals.size());
      }
      for (var e : v.proposals.entrySet()) {
        StoredProposal row = s.row(e.getKey()).orElseThrow(() -> new AssertionError(v.slug + ": proposal " + e.getKey() + " is missing"));
        P p = e.getValue();
        if (row.withdrawn() != p.withdrawn) {
          throw new AssertionError(v.slug + "/" + e.getKey() + ": withdrawn is " + row.withdrawn() + ", the model says " + p.withdrawn);
        }
        Proposal stored = s.anyProposal(e.getKey()).orElseThrow();
        if (!java.util.Arrays.equals(stored.amounts().centsArray(), p.cents) || stored.side() != p.side) {
          throw new AssertionError(v.slug + "/" + e.getKey() + ": stored " + stored.side() + " " + java.util.Arrays.toString(stored.amounts().centsArray())
              + ", the model says " + p.side + " " + java.util.Arrays.toString(p.cents));
        }
        if (b.proposal(e.getKey()).isPresent() == p.withdrawn) {
          throw new AssertionError(v.slug + "/" + e.getKey() + ": in the budget is " + !p.withdrawn + ", the model says otherwise");
        }
      }
      v.keys.forEach((keyId, shares) -> {
        Map<String, BigDecimal> stored = b.key(keyId).orElseThrow().sharesPercent();
        shares.forEach((m, share) -> {
          if (stored.get(m) == null || stored.get(m).compareTo(share) != 0) {
            throw new AssertionError(v.slug + ": key " + keyId + " gives " + m + " " + stored.get(m) + ", the model says " + share);
          }
        });
      });
      var computation = s.document().computation();
      for (int y = 0; y < v.years.size(); y++) {
        if (computation.balancing(y) != v.expectedBalancing(y)) {
          throw new AssertionError(v.slug + ": the balancing item of " + v.years.get(y) + " is " + computation.balancing(y)
              + " cents; lasten minus baten of the model's lines is " + v.expectedBalancing(y));
        }
      }
      foots(s);
      List<Change> log = w.changes(s, v.logEntries + 1);
      if (log.size() != v.logEntries) {
        throw new AssertionError(v.slug + ": " + log.size() + " log entries, the model counts " + v.logEntries);
      }
      if (action != null) {
        Change last = log.get(0);
        if (!last.action().equals(action) || !target.equals(last.target()) || !actor.equals(last.actor()) || !v.slug.equals(last.versionSlug())) {
          throw new AssertionError(v.slug + ": the newest log entry is " + last.action() + " " + last.target() + " by " + last.actor()
              + ", not " + action + " " + target + " by " + actor);
        }
      }
    }

    /** Every printed figure within 1 of its exact value, every printed total the sum of its printed parts (the core tests' invariants). */
    static void foots(Snapshot s) {
      List<String> problems = new ArrayList<>();
      Invariants.checkFooting(s.document(), s.printed(), problems);
      if (!problems.isEmpty()) {
        throw new AssertionError(s.version().slug() + ": " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
      }
    }
  }
}
