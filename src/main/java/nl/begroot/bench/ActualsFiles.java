package nl.begroot.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import nl.begroot.core.actuals.BudgetVsRealised;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.LedgerRule;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Unit;
import nl.begroot.format.XafWriter;

/**
 * Made-up bookkeeping for the IPO budget: the shipped illustration (realised 2026, the first half of
 * 2027; plausible and consistent with the budget, NOT the association's real figures) and the
 * million-line auditfile of {@code begroot bench import}. Deterministic (a fixed seed).
 *
 * <p>The chart of accounts: a cost centre per unit ({@code KP} + the unit's id) and the accounts
 * 4000 Personeelskosten and 4300 Programmakosten (lasten, own money), 8100 Overige baten (baten,
 * own), 8000 Bijdragen provincies (baten of 4.2, any cost centre), 8500 Bijdrage LVVN via
 * provinciefonds (baten, third-party money), 4900 Afdrachten kassiersfunctie and 8900 Ontvangsten
 * kassiersfunctie (pass-through money), and 1100 Bank (balance sheet: the other side of every booking).
 */
public final class ActualsFiles {
  public static final String BANK = "1100";
  /** The unit of the members' contributions (Bijdragen provincies, account 8000). */
  static final String CONTRIBUTIONS = "4.2";

  private ActualsFiles() {}

  public static List<XafWriter.Account> accounts() {
    return List.of(new XafWriter.Account(BANK, "Bank", true), new XafWriter.Account("4000", "Personeelskosten", false),
        new XafWriter.Account("4300", "Programmakosten", false), new XafWriter.Account("4900", "Afdrachten kassiersfunctie", false),
        new XafWriter.Account("8000", "Bijdragen provincies", false), new XafWriter.Account("8100", "Overige baten", false),
        new XafWriter.Account("8500", "Bijdrage LVVN via provinciefonds", false),
        new XafWriter.Account("8900", "Ontvangsten kassiersfunctie", false));
  }

  static String centre(String unit) {
    return "KP" + unit;
  }

  /** The ledger mapping of this chart of accounts for the units of {@code b}. */
  public static List<LedgerRule> mapping(Budget b) {
    List<LedgerRule> rules = new ArrayList<>();
    rules.add(new LedgerRule("8000", null, "4.2", Side.BATEN, MoneyKind.OWN, null));
    for (Programme p : b.programmes()) {
      for (Unit u : p.units()) {
        String c = centre(u.id());
        rules.add(new LedgerRule("4000", c, u.id(), Side.LASTEN, MoneyKind.OWN, null));
        rules.add(new LedgerRule("4300", c, u.id(), Side.LASTEN, MoneyKind.OWN, null));
        rules.add(new LedgerRule("8100", c, u.id(), Side.BATEN, MoneyKind.OWN, null));
        rules.add(new LedgerRule("8500", c, u.id(), Side.BATEN, MoneyKind.THIRD_PARTY, "LVVN"));
        rules.add(new LedgerRule("4900", c, u.id(), Side.LASTEN, MoneyKind.PASS_THROUGH, null));
        rules.add(new LedgerRule("8900", c, u.id(), Side.BATEN, MoneyKind.PASS_THROUGH, null));
      }
    }
    return rules;
  }

  /** A realised booking of a unit in a month, before it becomes a transaction (CSV rows are these). */
  public record Booking(int year, int period, String account, String accountName, String costCentre, long cents, boolean debit) {}

  /**
   * The illustration's bookings of {@code year}, periods 1 to {@code months}, against the budget the
   * Tussenrapportage and the accounts compare with ({@link BudgetVsRealised}, its one owner: per
   * programme the new frame; an overhead view with its proposals only, booked on its own cost centre,
   * its frame being booked in the programmes that hold it). Per unit its share of the programme's lasten
   * (equal shares, the remainder to the first unit), realised at a made-up rate of 97-102 % of the budget
   * of those months (a fixed seed), 55 % on personnel; own baten likewise at 97-101 %, except in the
   * programme of the members' contributions (unit 4.2): there all its own baten are the contributions,
   * booked on 8000 as budgeted (the members pay what was set), and no unit books 8100. Third-party
   * baten on the programme's first unit as budgeted; pass-through received as budgeted and passed on at
   * 98,5-100 %. Amounts in equal monthly parts (the remainder in the last month); divisions round down.
   */
  public static List<Booking> illustration(Computation c, int year, int months) {
    Budget b = c.budget();
    int y = c.years().indexOf(year);
    BudgetVsRealised budget = BudgetVsRealised.of(c, List.of(), year, months);
    Random random = new Random(20261202L + year);
    List<Booking> out = new ArrayList<>();
    for (int p = 0; p < b.programmes().size(); p++) {
      Programme programme = b.programmes().get(p);
      BudgetVsRealised.Row row = budget.rows().stream().filter(r -> r.unit() == null && r.programme().equals(programme.id())).findFirst()
          .orElseThrow();
      List<Unit> units = programme.units();
      long lasten = row.budgetLasten();
      long thirdPartyBaten = 0;
      for (Proposal line : b.proposals()) {
        if (line.thirdParty() != null && line.side() == Side.BATEN && programme.units().stream().anyMatch(u -> u.id().equals(line.unit()))) {
          int i = b.proposals().indexOf(line);
          thirdPartyBaten += c.line(i).cents(y);
        }
      }
      long baten = row.budgetBaten() - thirdPartyBaten;
      boolean contributions = units.stream().anyMatch(u -> u.id().equals(CONTRIBUTIONS));
      long passThrough = c.passThrough(p, y);
      for (int u = 0; u < units.size(); u++) {
        String unit = units.get(u).id();
        String centre = centre(unit);
        long unitLasten = share(lasten, units.size(), u);
        int rate = 960 + random.nextInt(71); // per mille of the budget
        long realised = unitLasten / 12 * months * rate / 1000;
        long personnel = realised * 55 / 100;
        spread(out, year, months, "4000", "Personeelskosten", centre, personnel, true);
        spread(out, year, months, "4300", "Programmakosten", centre, realised - personnel, true);
        if (baten != 0 && !contributions) {
          long unitBaten = share(baten, units.size(), u) / 12 * months * (970 + random.nextInt(41)) / 1000;
          spread(out, year, months, "8100", "Overige baten", centre, unitBaten, false);
        }
        if (u == 0 && thirdPartyBaten != 0) {
          spread(out, year, months, "8500", "Bijdrage LVVN via provinciefonds", centre, thirdPartyBaten / 12 * months, false);
        }
        if (u == 0 && passThrough != 0) {
          long pt = Math.abs(passThrough) / 12 * months;
          spread(out, year, months, "8900", "Ontvangsten kassiersfunctie", centre, pt, false);
          spread(out, year, months, "4900", "Afdrachten kassiersfunctie", centre, pt * (985 + random.nextInt(16)) / 1000, true);
        }
      }
      if (contributions) {
        spread(out, year, months, "8000", "Bijdragen provincies", null, baten / 12 * months, false);
      }
    }
    return out;
  }

  private static long share(long total, int parts, int index) {
    long each = total / parts; // rounds toward zero; the remainder goes to the first part
    return index == 0 ? total - each * (parts - 1) : each;
  }

  private static void spread(List<Booking> out, int year, int months, String account, String name, String centre, long cents, boolean debit) {
    if (cents == 0) {
      return;
    }
    long each = cents / months; // toward zero; the remainder in the last month
    for (int m = 1; m <= months; m++) {
      long amount = m == months ? cents - each * (months - 1) : each;
      boolean d = amount >= 0 ? debit : !debit;
      out.add(new Booking(year, m, account, name, centre, Math.abs(amount), d));
    }
  }

  /** The bookings as transactions: each booking with its other side on the bank. */
  public static List<XafWriter.Transaction> transactions(List<Booking> bookings) {
    List<XafWriter.Transaction> out = new ArrayList<>();
    int nr = 0;
    for (Booking k : bookings) {
      nr++;
      LocalDate date = LocalDate.of(k.year(), k.period(), 1).plusMonths(1).minusDays(1);
      out.add(new XafWriter.Transaction("T" + nr, k.period(), date, k.accountName(), List.of(
          new XafWriter.Line(k.account(), k.costCentre(), k.cents(), k.debit(), k.accountName()),
          new XafWriter.Line(BANK, null, k.cents(), !k.debit(), "Bank"))));
    }
    return out;
  }

  /** The bookings as the documented CSV (docs/actuals.md). */
  public static void csv(List<Booking> bookings, Writer out) throws IOException {
    out.write(String.join(";", nl.begroot.format.ActualsCsv.HEADER) + "\r\n");
    for (Booking k : bookings) {
      long abs = k.cents();
      out.write(k.year() + ";" + k.period() + ";" + k.account() + ";" + k.accountName() + ";" + (k.costCentre() == null ? "" : k.costCentre())
          + ";" + (abs / 100) + "," + (abs % 100 < 10 ? "0" : "") + (abs % 100) + ";" + (k.debit() ? "D" : "C") + "\r\n");
    }
  }

  /**
   * {@code lines} journal lines of made-up bookings of 2026 on the units of {@code b}, as
   * transactions of four lines (three costs and the bank): walked twice by the writer, made anew
   * each time from the same seed, so nothing is held in memory.
   */
  public static Iterable<XafWriter.Transaction> bulk(Budget b, long lines) {
    List<String> centres = new ArrayList<>();
    for (Programme p : b.programmes()) {
      if (!p.overheadView()) {
        p.units().forEach(u -> centres.add(centre(u.id())));
      }
    }
    long transactions = lines / 4;
    return () -> new Iterator<>() {
      final Random random = new Random(42);
      long n;

      @Override
      public boolean hasNext() {
        return n < transactions;
      }

      @Override
      public XafWriter.Transaction next() {
        n++;
        int period = (int) ((n - 1) * 12 / transactions) + 1;
        List<XafWriter.Line> l = new ArrayList<>(4);
        long sum = 0;
        for (int i = 0; i < 3; i++) {
          long cents = 100 + random.nextInt(1_000_000);
          sum += cents;
          l.add(new XafWriter.Line(i == 2 ? "4300" : "4000", centres.get(random.nextInt(centres.size())), cents, true, "Boeking"));
        }
        l.add(new XafWriter.Line(BANK, null, sum, false, "Bank"));
        return new XafWriter.Transaction("B" + n, period, LocalDate.of(2026, period, 15), "Boeking " + n, l);
      }
    };
  }
}
