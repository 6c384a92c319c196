package nl.begroot.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.begroot.core.engine.AnnexLayout;
import nl.begroot.core.engine.Cells;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.money.Allocation;

/**
 * {@code begroot bench peers}: the same generated cells in DuckDB (in-process), H2 (in-process) and
 * PostgreSQL (when one answers), the same rollup per programme and year and the same split of each
 * annex column's saldo over the members by its key, in SQL ({@code src/main/resources/bench/peers}),
 * timed in one run beside Begroot's full recomputation and a plain sum over a flat {@code long[]} of
 * all cells (the physical baseline). Every engine's answer is checked against Begroot's figures,
 * cent by cent, before its time counts.
 *
 * <p>The peer engines are not in the runtime jar: their JDBC drivers are found on the class path when
 * present (the Maven profile {@code peers} puts DuckDB there; H2 and PostgreSQL's drivers are
 * Begroot's own store drivers). A peer that is missing is reported as skipped.
 */
public final class PeersBench {
  private PeersBench() {}

  /** A peer: its name, JDBC URL, user and the file of its split SQL. */
  record Peer(String name, String url, String user, String splitSql) {}

  public static void run(long cellCount, long seed, int rounds, String postgresUrl, PrintWriter out) {
    Budget budget = BudgetGenerator.generate(seed, Bench.size(cellCount));
    Cells cells = Cells.of(budget);
    Computation c = Engine.compute(cells);
    int years = c.yearCount();
    long[] engine = new long[rounds];
    long[] engineSplits = new long[rounds];
    long[] flat = new long[rounds];
    long[] change = new long[rounds];
    long[] changeSplits = new long[rounds];
    long[] flatCells = Bench.flatCells(budget, c);
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    Bench.Edit warm = Bench.Edit.random(budget, random);
    nl.begroot.core.validate.BudgetValidator.requireValid(warm.after());
    Bench.warmChange(c, cells, warm, seed + 1);
    long check = 0;
    for (int r = -2; r < rounds; r++) {
      long t0 = System.nanoTime();
      Computation again = Engine.compute(cells);
      long t1 = System.nanoTime();
      check += Bench.readSplits(again); // every member split made: the SQL's split
      long t1s = System.nanoTime();
      long s = Bench.flatSum(flatCells, years);
      long t2 = System.nanoTime();
      Bench.Edit edit = Bench.Edit.random(budget, random);
      nl.begroot.core.validate.BudgetValidator.requireValid(edit.after()); // validated before, as the workspace does
      Computation changed = Engine.change(again, edit.after(), edit.index());
      long deferred = Bench.changeNanos(again, edit, Bench.CHANGE_REPEATS);
      long withSplits = Bench.changeNanos(again, edit, Bench.CHANGE_REPEATS, true);
      check += again.balancing(0) + s + changed.balancing(0);
      if (r >= 0) {
        engine[r] = t1 - t0;
        engineSplits[r] = t1s - t0;
        flat[r] = t2 - t1s;
        change[r] = deferred;
        changeSplits[r] = withSplits;
      }
    }
    double engineMs = Bench.median(engine) / 1e6;
    double fullMs = Bench.median(engineSplits) / 1e6;
    double flatMs = Bench.median(flat) / 1e6;
    out.printf(Locale.ROOT, "begroot bench peers: %d cells (%d lines x %d years, %d members), seed %d, median of %d rounds%n",
        cells.cellCount(), budget.proposals().size(), years, budget.members().size(), seed, rounds);
    out.printf(Locale.ROOT, "%-52s %10s %14s%n", "same cells, same run", "ms", "Begroot is x");
    out.printf(Locale.ROOT, "%-52s %10.1f %14s%n", "Begroot Engine.compute + every member split made", fullMs, "1");
    out.printf(Locale.ROOT, "%-52s %10.1f %14.2f%n", "Begroot Engine.compute (splits made when read)", engineMs, engineMs / fullMs);
    out.printf(Locale.ROOT, "%-52s %10.1f %14.2f  (share of the flat sum's speed: %.2f)%n", "plain sum over a flat long[] of all cells", flatMs,
        flatMs / fullMs, flatMs / engineMs);
    double changeMs = Bench.median(change) / 1e6;
    double changeSplitsMs = Bench.median(changeSplits) / 1e6;
    out.printf(Locale.ROOT, "%-52s %10.3f %14.5f  (Engine.compute %.0f x its time)%n", "one proposal changed (splits made when read)", changeMs,
        changeMs / fullMs, engineMs / changeMs);
    out.printf(Locale.ROOT, "%-52s %10.3f %14.5f  (compute + every split %.0f x its time)%n", "one proposal changed + every member split read",
        changeSplitsMs, changeSplitsMs / fullMs, fullMs / changeSplitsMs);
    Path csv = null;
    Path h2 = null;
    try {
      csv = writeCells(budget, c);
      h2 = Files.createTempDirectory("begroot-peers-h2-");
      for (Peer peer : peers(postgresUrl, h2)) {
        Outcome result = runPeer(peer, csv, budget, c, rounds);
        String name = peer.name() + " rollup + split (SQL)";
        if (result.skipped() != null) {
          out.printf(Locale.ROOT, "%-52s %10s %14s  %s%n", name, "-", "-", result.skipped());
        } else if (Double.isNaN(result.splitMs())) {
          out.printf(Locale.ROOT, "%-52s %10s %14s  (the split stopped after %d s; the rollup alone, totals checked: %.1f ms, %.2f x)%n",
              name, "> " + SPLIT_TIMEOUT_SECONDS * 1000, "> " + Math.round(SPLIT_TIMEOUT_SECONDS * 1000 / fullMs), SPLIT_TIMEOUT_SECONDS,
              result.rollupMs(), result.rollupMs() / fullMs);
        } else {
          double ms = result.rollupMs() + result.splitMs();
          out.printf(Locale.ROOT, "%-52s %10.1f %14.2f  (rollup %.1f + split %.1f ms; totals checked against Begroot's)%n", name, ms,
              ms / fullMs, result.rollupMs(), result.splitMs());
        }
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        if (csv != null) {
          Files.deleteIfExists(csv);
        }
        if (h2 != null) {
          try (var files = Files.walk(h2)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(f);
            }
          }
        }
      } catch (IOException ignored) {
        // temporary files
      }
    }
    out.printf(Locale.ROOT, "(\"Begroot is x\": the time over Begroot's compute with every member split made, the work the SQL does; a peer's split stopped after %d s counts as that long)%n", SPLIT_TIMEOUT_SECONDS);
    if (check == 42) {
      out.println();
    }
  }

  /**
   * The peers. H2 is a file database in {@code h2Dir}, as Begroot itself runs it (in memory its rows of
   * 10^7 cells outgrew a 15 GB heap) with a page cache of 2 GB (its default of 16 MB reads every page
   * from the file again on each pass), and without its result cache: it would otherwise answer every
   * timed round from the warm-up's result.
   */
  static List<Peer> peers(String postgresUrl, Path h2Dir) {
    List<Peer> peers = new ArrayList<>();
    peers.add(new Peer("DuckDB", "jdbc:duckdb:", null, "split-duckdb.sql"));
    peers.add(new Peer("H2", "jdbc:h2:file:" + h2Dir.resolve("peers").toAbsolutePath() + ";OPTIMIZE_REUSE_RESULTS=FALSE;CACHE_SIZE=2097152", "sa", "split-h2.sql"));
    peers.add(new Peer("PostgreSQL", postgresUrl, "postgres", "split.sql"));
    return peers;
  }

  /** How long one split query may run before a peer's split is reported as stopped (its rollup still counts). */
  static final int SPLIT_TIMEOUT_SECONDS = 600;

  /** A peer's median times of the rollup and the split in ms (the split NaN when it stopped), or why it was skipped. */
  record Outcome(double rollupMs, double splitMs, String skipped) {
    static Outcome skipped(String why) {
      return new Outcome(Double.NaN, Double.NaN, "skipped: " + why);
    }
  }

  /** Loads, runs both queries a warm-up time and {@code rounds} times, checks the answers, and times each query. */
  static Outcome runPeer(Peer peer, Path csv, Budget budget, Computation c, int rounds) {
    if (peer.url() == null) {
      return Outcome.skipped("no server (set --postgres or run .ci/postgres start)");
    }
    try (Connection db = DriverManager.getConnection(peer.url(), peer.user(), "")) {
      try (Statement s = db.createStatement()) {
        if (peer.name().equals("PostgreSQL")) { // a schema of its own in a shared server
          s.execute("CREATE SCHEMA IF NOT EXISTS begroot_peers");
          s.execute("SET search_path TO begroot_peers");
        }
        s.execute("DROP TABLE IF EXISTS cells");
        s.execute("DROP TABLE IF EXISTS member_keys");
        for (String statement : sql("schema.sql").split(";")) {
          if (!statement.isBlank()) {
            s.execute(statement);
          }
        }
      }
      load(peer, db, csv);
      loadKeys(db, budget);
      String rollup = sql("rollup.sql");
      String split = sql(peer.splitSql());
      long[] rollupTimes = new long[rounds];
      long[] splitTimes = new long[rounds];
      boolean splitStopped = false;
      for (int r = -1; r < rounds; r++) {
        long t0 = System.nanoTime();
        long[][][] totals = rollup(db, rollup, c);
        long t1 = System.nanoTime();
        long[][][] members = null;
        if (!splitStopped) {
          try {
            members = split(db, split, budget);
          } catch (SQLException e) {
            if (!(e instanceof java.sql.SQLTimeoutException) && !"57014".equals(e.getSQLState())) { // 57014: cancelled (PostgreSQL, H2)
              throw e;
            }
            splitStopped = true;
          }
        }
        long t2 = System.nanoTime();
        if (r < 0) {
          checkRollup(peer, totals, c);
          if (members != null) {
            checkSplit(peer, members, budget, c);
          }
        } else {
          rollupTimes[r] = t1 - t0;
          splitTimes[r] = t2 - t1;
        }
      }
      try (Statement s = db.createStatement()) {
        if (peer.name().equals("PostgreSQL")) {
          s.execute("DROP SCHEMA begroot_peers CASCADE");
        } else {
          s.execute("DROP TABLE cells");
          s.execute("DROP TABLE member_keys");
        }
      }
      return new Outcome(Bench.median(rollupTimes) / 1e6, splitStopped ? Double.NaN : Bench.median(splitTimes) / 1e6, null);
    } catch (SQLException e) {
      return Outcome.skipped(e.getMessage().lines().findFirst().orElse("no connection"));
    }
  }

  private static void load(Peer peer, Connection db, Path csv) throws SQLException {
    String file = csv.toAbsolutePath().toString().replace("'", "''");
    try (Statement s = db.createStatement()) {
      switch (peer.name()) {
        case "DuckDB" -> s.execute("INSERT INTO cells SELECT * FROM read_csv('" + file + "', header = false, "
            + "columns = {'line_no': 'INTEGER', 'programme': 'INTEGER', 'side': 'INTEGER', 'col': 'INTEGER', 'yr': 'INTEGER', 'cents': 'BIGINT'})");
        case "H2" -> s.execute("INSERT INTO cells SELECT CAST(C1 AS INT), CAST(C2 AS INT), CAST(C3 AS INT), CAST(C4 AS INT), CAST(C5 AS INT), "
            + "CAST(C6 AS BIGINT) FROM CSVREAD('" + file + "', 'C1,C2,C3,C4,C5,C6', 'charset=UTF-8')");
        default -> {
          try (Reader reader = Files.newBufferedReader(csv)) {
            db.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY cells FROM STDIN WITH (FORMAT csv)", reader);
          } catch (IOException e) {
            throw new SQLException(e);
          }
          s.execute("ANALYZE cells");
        }
      }
    }
  }

  private static void loadKeys(Connection db, Budget budget) throws SQLException {
    Annex annex = budget.annex();
    try (var insert = db.prepareStatement("INSERT INTO member_keys VALUES (?, ?, ?)")) {
      for (int col = 0; col < annex.columns().size(); col++) {
        BigInteger[] weights = weights(budget, col);
        if (weights == null) {
          continue;
        }
        for (int m = 0; m < weights.length; m++) {
          insert.setInt(1, col);
          insert.setInt(2, m);
          insert.setLong(3, weights[m].longValueExact());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** The key weights of a leaf column, or null for a sum column. */
  static BigInteger[] weights(Budget budget, int col) {
    Annex.Column column = budget.annex().columns().get(col);
    if (column.isSum()) {
      return null;
    }
    DistributionKey key = budget.key(column.keyId() != null ? column.keyId() : budget.annex().keyId()).orElseThrow();
    return key.weights(budget.members());
  }

  private static long[][][] rollup(Connection db, String sql, Computation c) throws SQLException {
    int programmes = c.budget().programmes().size();
    long[][][] totals = new long[2][programmes][c.yearCount()];
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        totals[rs.getInt(2)][rs.getInt(1)][rs.getInt(3)] = rs.getLong(4);
      }
    }
    return totals;
  }

  private static long[][][] split(Connection db, String sql, Budget budget) throws SQLException {
    long[][][] members = new long[budget.annex().columns().size()][budget.version().years().size()][budget.members().size()];
    try (Statement s = db.createStatement()) {
      s.setQueryTimeout(SPLIT_TIMEOUT_SECONDS);
      ResultSet rs = s.executeQuery(sql);
      while (rs.next()) {
        members[rs.getInt(1)][rs.getInt(2)][rs.getInt(3)] = rs.getLong(4);
      }
    }
    return members;
  }

  private static void checkRollup(Peer peer, long[][][] totals, Computation c) {
    for (int p = 0; p < totals[0].length; p++) {
      for (int y = 0; y < c.yearCount(); y++) {
        if (totals[0][p][y] != c.changeLasten(p, y) || totals[1][p][y] != c.changeBaten(p, y)) {
          throw new IllegalStateException(peer.name() + ": the rollup of programme " + p + ", year " + y + " differs from Begroot's: "
              + totals[0][p][y] + "/" + totals[1][p][y] + " against " + c.changeLasten(p, y) + "/" + c.changeBaten(p, y));
        }
      }
    }
  }

  /** Each leaf column's saldo ({@code AnnexFigures.parts}) split by its key as Begroot splits it. */
  private static void checkSplit(Peer peer, long[][][] members, Budget budget, Computation c) {
    for (int col = 0; col < members.length; col++) {
      BigInteger[] weights = weights(budget, col);
      if (weights == null) {
        continue;
      }
      for (int y = 0; y < c.yearCount(); y++) {
        long[] expected = Allocation.allocate(c.annex().parts(col, y), weights);
        if (!Arrays.equals(expected, members[col][y])) {
          throw new IllegalStateException(peer.name() + ": the split of column " + col + ", year " + y + " differs from Begroot's");
        }
      }
    }
  }

  /** Every line's cells (computed lines with their computed amounts) as CSV: line, programme, side, col, year, cents. */
  private static Path writeCells(Budget budget, Computation c) throws IOException {
    Path file = Files.createTempFile("begroot-peers-", ".csv");
    AnnexLayout.Resolver resolver = new AnnexLayout.Resolver(budget);
    int[] columns = AnnexLayout.columnOfProposals(budget);
    List<Proposal> proposals = budget.proposals();
    int years = c.yearCount();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      StringBuilder line = new StringBuilder(64);
      for (int i = 0; i < proposals.size(); i++) {
        Proposal p = proposals.get(i);
        int programme = resolver.programme(resolver.unit(p));
        int side = p.side() == Side.LASTEN ? 0 : 1;
        int col = Math.max(columns[i], -1);
        long[] cents = c.line(i).centsArray();
        for (int y = 0; y < years; y++) {
          line.setLength(0);
          line.append(i).append(',').append(programme).append(',').append(side).append(',').append(col).append(',').append(y).append(',')
              .append(cents[y]).append('\n');
          w.append(line);
        }
      }
    }
    return file;
  }

  private static String sql(String name) {
    try (InputStream in = PeersBench.class.getResourceAsStream("/bench/peers/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource bench/peers/" + name);
      }
      // without the comment lines (the files explain themselves; the drivers need only the statements)
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.strip().startsWith("--"))
          .collect(java.util.stream.Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
