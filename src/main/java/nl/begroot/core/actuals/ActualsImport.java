package nl.begroot.core.actuals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.LedgerRule;
import nl.begroot.core.model.Side;

/**
 * The import of realised figures (realisatie), the same for every file format: an adapter (the XAF
 * or CSV reader) hands over each booking line as it reads it, and this class decides: it maps the
 * line's account and cost centre to a unit, side and kind of money by the budget's ledger mapping
 * ({@link LedgerRule}: account and cost centre first, then the account alone), checks its year and
 * period, and adds it to its total in cents. Nothing is kept per line, so a file of millions of
 * lines needs memory only for its totals.
 *
 * <p>All or nothing: {@link #result()} is either every total ({@link Outcome.Imported}) or every
 * problem found ({@link Outcome.Refused}): an unmapped account by number and name, a year the budget
 * does not hold, a period outside 1-13, an adapter's own finding (a malformed amount, a schema
 * error), each with its place in the file.
 *
 * <p>Sign: realised lasten are debit minus credit, realised baten credit minus debit, so that both
 * are positive in the ordinary case (a cost is booked debit, an income credit). No division, no
 * rounding: the file's amounts are whole cents and are added exactly ({@link Math#addExact}).
 */
public final class ActualsImport {
  /** The most problems listed; more are counted. */
  public static final int MAX_PROBLEMS = 50;
  /** Periods 1-12 are the months; 13 is the closing period many Dutch ledgers keep for year-end entries. */
  public static final int MAX_PERIOD = 13;

  /** A period of a year, e.g. 2026/3. */
  public record YearPeriod(int year, int period) implements Comparable<YearPeriod> {
    @Override
    public int compareTo(YearPeriod o) {
      return year != o.year ? Integer.compare(year, o.year) : Integer.compare(period, o.period);
    }

    @Override
    public String toString() {
      return year + "/" + period;
    }
  }

  /** One thing wrong with the file, where ("line 12, column 5" or an element path) and what. */
  public record Problem(String place, String message) {
    @Override
    public String toString() {
      return place == null || place.isEmpty() ? message : place + ": " + message;
    }
  }

  /** What the import comes to. */
  public sealed interface Outcome {
    /** Every total, and the periods the import replaces. */
    record Imported(Realisation realisation) implements Outcome {}

    /** Nothing is imported: every problem (at most {@link #MAX_PROBLEMS}), and how many more there were. */
    record Refused(List<Problem> problems, int more) implements Outcome {}
  }

  private record Target(String unit, Side side, nl.begroot.core.model.MoneyKind money, String thirdParty) {}

  private static final class Unmapped {
    final String account;
    final String name;
    final String costCentre;
    final String firstPlace;
    long lines;

    Unmapped(String account, String name, String costCentre, String firstPlace) {
      this.account = account;
      this.name = name;
      this.costCentre = costCentre;
      this.firstPlace = firstPlace;
    }
  }

  /** Per account, per cost centre: the target's index. */
  private final Map<String, Map<String, Integer>> byAccountAndCentre = new HashMap<>();
  private final Map<String, Integer> byAccount = new HashMap<>();
  private final List<Target> targets = new ArrayList<>();
  private final Set<Integer> years;
  /** The first year of the budget and how many years from it to the last: the totals are an array over them. */
  private final int firstYear;
  private final int yearSpan;
  /** Per target, year (from {@link #firstYear}) and period (0-{@link #MAX_PERIOD}): the total in cents, and whether a line made it. */
  private final long[] totals;
  private final boolean[] touched;
  /** The periods seen, per year and period as in the totals: a line looks here, not in {@link #periods}. */
  private final boolean[] seen;
  private final Set<YearPeriod> periods = new TreeSet<>();
  private final Map<String, Unmapped> unmapped = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private int moreProblems;
  private long lines;
  private long balanceLines;

  /** An import by the ledger mapping of {@code budget} into the years of its version. */
  public ActualsImport(Budget budget) {
    this.years = Set.copyOf(budget.version().years());
    Map<Target, Integer> index = new HashMap<>();
    for (LedgerRule r : budget.ledgerMapping()) {
      Target t = new Target(r.unit(), r.side(), r.money(), r.thirdParty());
      Integer i = index.computeIfAbsent(t, x -> {
        targets.add(x);
        return targets.size() - 1;
      });
      if (r.costCentre() == null) {
        byAccount.put(r.account(), i);
      } else {
        byAccountAndCentre.computeIfAbsent(r.account(), a -> new HashMap<>()).put(r.costCentre(), i);
      }
    }
    int first = years.stream().mapToInt(Integer::intValue).min().orElse(0);
    int last = years.stream().mapToInt(Integer::intValue).max().orElse(-1);
    this.firstYear = first;
    this.yearSpan = last - first + 1;
    this.totals = new long[targets.size() * yearSpan * (MAX_PERIOD + 1)];
    this.touched = new boolean[totals.length];
    this.seen = new boolean[yearSpan * (MAX_PERIOD + 1)];
  }

  /** A line's place: "line 12, column 5 (path)", made only when a problem needs it. */
  static String place(long line, int column, String path) {
    return "line " + line + (column > 0 ? ", column " + column : "") + (path == null || path.isEmpty() ? "" : " (" + path + ")");
  }

  /** A problem the adapter found (a malformed amount, a schema error, a file too large). */
  public void problem(String place, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(place, message));
    } else {
      moreProblems++;
    }
  }

  /** Whether the import is already refused (an adapter may stop reading). */
  public boolean refused() {
    return !problems.isEmpty();
  }

  /** Declares a period the file covers: re-importing replaces it even when it has no lines (an XAF's period list). */
  public void period(int year, int period, String place) {
    if (checkPeriod(year, period, place)) {
      periods.add(new YearPeriod(year, period));
      seen[(year - firstYear) * (MAX_PERIOD + 1) + period] = true;
    }
  }

  private boolean checkPeriod(int year, int period, String place) {
    if (!years.contains(year)) {
      problem(place, "year " + year + " is not a year of this budget (" + years.stream().sorted().toList() + ")");
      return false;
    }
    if (period < 1 || period > MAX_PERIOD) {
      problem(place, "period " + period + " is unknown: a period is 1 to " + MAX_PERIOD);
      return false;
    }
    return true;
  }

  /**
   * One booking line: on {@code account} (named {@code accountName} in the file) and {@code
   * costCentre} (null when the line has none), in {@code period} of {@code year}, {@code debitCents}
   * and {@code creditCents} (one of them usually 0); found at {@code line}, {@code column} (0: not
   * known) and {@code path} (null: none) of the file, which a problem says. A balance-sheet account
   * ({@code balanceSheet}) is no part of the realisation and is passed over. Nothing is allocated for
   * a line that has no problem: a million lines cost no more memory than one.
   */
  public void line(String account, String accountName, String costCentre, boolean balanceSheet, int year, int period,
      long debitCents, long creditCents, long line, int column, String path) {
    lines++;
    if (balanceSheet) {
      balanceLines++;
      return;
    }
    Integer t = null;
    if (costCentre != null) {
      Map<String, Integer> centres = byAccountAndCentre.get(account);
      t = centres == null ? null : centres.get(costCentre);
    }
    if (t == null) {
      t = byAccount.get(account);
    }
    if (t == null) {
      String key = account + '\u0000' + (costCentre == null ? "" : costCentre);
      Unmapped u = unmapped.get(key);
      if (u == null) {
        u = new Unmapped(account, accountName, costCentre, place(line, column, path));
        unmapped.put(key, u);
      }
      u.lines++;
      return;
    }
    int y = year - firstYear;
    int yp = y * (MAX_PERIOD + 1) + period;
    if (y < 0 || y >= yearSpan || period < 0 || period > MAX_PERIOD || !seen[yp]) {
      if (!checkPeriod(year, period, place(line, column, path))) {
        return;
      }
      periods.add(new YearPeriod(year, period));
      seen[yp] = true;
    }
    Target target = targets.get(t);
    long amount = target.side() == Side.LASTEN ? Math.subtractExact(debitCents, creditCents) : Math.subtractExact(creditCents, debitCents);
    int k = t * yearSpan * (MAX_PERIOD + 1) + yp;
    try {
      totals[k] = Math.addExact(totals[k], amount);
      touched[k] = true;
    } catch (ArithmeticException overflow) {
      problem(place(line, column, path), "the amounts of account " + account + " add up to more than a 64-bit number of cents holds");
    }
  }

  /** Lines handed over so far. */
  public long lines() {
    return lines;
  }

  /** The outcome: every total, or every problem (unmapped accounts first by number and name). */
  public Outcome result() {
    List<Problem> all = new ArrayList<>();
    for (Unmapped u : unmapped.values()) {
      all.add(new Problem(u.firstPlace, "account " + u.account + (u.name == null ? "" : " '" + u.name + "'")
          + (u.costCentre == null ? "" : " on cost centre " + u.costCentre)
          + " is not in the ledger mapping (" + u.lines + (u.lines == 1 ? " line" : " lines") + "); map it to a unit, side and money"));
    }
    all.addAll(problems);
    int more = moreProblems;
    if (all.size() > MAX_PROBLEMS) {
      more += all.size() - MAX_PROBLEMS;
      all = new ArrayList<>(all.subList(0, MAX_PROBLEMS));
    }
    if (!all.isEmpty()) {
      return new Outcome.Refused(List.copyOf(all), more);
    }
    List<RealisedAmount> amounts = new ArrayList<>();
    for (int k = 0; k < totals.length; k++) {
      if (touched[k]) {
        Target t = targets.get(k / (yearSpan * (MAX_PERIOD + 1)));
        int year = firstYear + k / (MAX_PERIOD + 1) % yearSpan;
        int period = k % (MAX_PERIOD + 1);
        amounts.add(new RealisedAmount(t.unit(), t.side(), t.money(), t.thirdParty(), year, period, totals[k]));
      }
    }
    amounts.sort(RealisedAmount.ORDER);
    return new Outcome.Imported(new Realisation(List.copyOf(amounts), List.copyOf(periods), lines, balanceLines));
  }
}
