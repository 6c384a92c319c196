package nl.begroot.core.midyear;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.begroot.core.actuals.BudgetVsRealised;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureGraph;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Unit;

/**
 * The Tussenrapportage's tables (docs/midyear.md): for {@code year}, per programme and unit, lasten and
 * baten, the budget na wijziging, what was realised up to {@code upToPeriod}, the forecast for the whole
 * year (prognose) and the expected deviation (prognose minus budget na wijziging). The budget sets its
 * frames per programme, so the budget and the deviation are per programme and in total; a unit has its
 * realised figures and its prognose. An overhead view (Bedrijfsvoering), whose frame is inside the other
 * programmes, counts with its proposals only, so that the total is Tabel 1's new frame. A programme's prognose is the sum of its units' and exists only when
 * every unit has one (likewise the total); without it the programme's prognose and deviation are empty.
 *
 * <p>Budget and realised figures come from {@link BudgetVsRealised} (their one owner). The same figures
 * are laid out as a {@link Document} of two tables in thousands ({@link #LASTEN}, {@link #BATEN}) whose
 * totals are sums of their parts, so that the budget's controlled rounding prints them footing
 * ({@link nl.begroot.core.pipeline.Pipeline#round}); the exact rows are here for the API and the checks.
 */
public record MidyearReport(int year, int upToPeriod, List<Row> rows, Row total, Document document) {
  public static final String LASTEN = "tussenrapportage-lasten";
  public static final String BATEN = "tussenrapportage-baten";
  public static final String BUDGET = "begroting";
  public static final String REALISED = "realisatie";
  public static final String FORECAST = "prognose";
  public static final String DEVIATION = "afwijking";

  public MidyearReport {
    rows = List.copyOf(rows);
  }

  /** What a row is. */
  public enum Kind { PROGRAMME, UNIT, TOTAL }

  /** One side of a row in cents; {@code budget} and {@code deviation} null on a unit, {@code forecast} null without one. */
  public record Line(Long budget, long realised, Long forecast) {
    /** Prognose minus budget na wijziging: more lasten or baten than budgeted is positive; null without both. */
    public Long deviation() {
      return budget == null || forecast == null ? null : Math.subtractExact(forecast, budget);
    }
  }

  /** A row: a programme, one of its units, or the total; {@code reason} is a unit's forecast's. */
  public record Row(String id, Kind kind, String programme, String unit, String title, Line lasten, Line baten, String reason) {}

  /** Whether every unit has a prognose (so the total has one). */
  public boolean complete() {
    return total.lasten().forecast() != null;
  }

  /**
   * The units that need a forecast before the report is adopted and have none, or one without a reason
   * (docs/midyear.md, audit): every unit of a programme with a budget na wijziging (lasten or baten not
   * zero), and every unit with realised figures. A programme that is its one unit is its own row.
   */
  public List<Row> missingForecasts() {
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      boolean unit = r.kind() == Kind.UNIT || (r.kind() == Kind.PROGRAMME && r.unit() != null);
      if (!unit) {
        continue;
      }
      Row programme = r.kind() == Kind.PROGRAMME ? r
          : rows.stream().filter(x -> x.kind() == Kind.PROGRAMME && x.programme().equals(r.programme())).findFirst().orElseThrow();
      boolean budgeted = programme.lasten().budget() != 0 || programme.baten().budget() != 0 || r.lasten().realised() != 0
          || r.baten().realised() != 0;
      boolean forecast = r.lasten().forecast() != null && r.reason() != null && !r.reason().isBlank();
      if (budgeted && !forecast) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The report of {@code year} up to and including {@code upToPeriod}, from the budget na wijziging's
   * computation, the organisation's realised amounts and the forecasts by unit.
   *
   * @throws IllegalArgumentException when {@code year} is not one of the budget's years
   */
  public static MidyearReport of(Computation budget, List<RealisedAmount> realised, int year, int upToPeriod, Map<String, Forecast> forecasts) {
    if (!budget.years().contains(year)) {
      throw new IllegalArgumentException("the year " + year + " is not one of the budget's years " + budget.years());
    }
    BudgetVsRealised bvr = BudgetVsRealised.of(budget, realised, year, upToPeriod);
    List<Row> rows = new ArrayList<>();
    long[] sums = new long[4]; // budget lasten, realised lasten, budget baten, realised baten
    long[] forecastSums = new long[2];
    boolean allForecast = true;
    int y = budget.years().indexOf(year);
    for (int pi = 0; pi < budget.budget().programmes().size(); pi++) {
      Programme p = budget.budget().programmes().get(pi);
      BudgetVsRealised.Row pr = bvr.rows().stream().filter(r -> r.unit() == null && p.id().equals(r.programme())).findFirst().orElseThrow();
      List<Row> unitRows = new ArrayList<>();
      long fl = 0;
      long fb = 0;
      boolean programmeForecast = true;
      for (Unit u : p.units()) {
        BudgetVsRealised.Row ur = bvr.rows().stream().filter(r -> u.id().equals(r.unit())).findFirst().orElse(null);
        long rl = ur == null ? 0 : ur.realisedLasten();
        long rb = ur == null ? 0 : ur.realisedBaten();
        Forecast f = forecasts.get(u.id());
        if (f == null) {
          programmeForecast = false;
        } else {
          fl = Math.addExact(fl, f.lastenCents());
          fb = Math.addExact(fb, f.batenCents());
        }
        unitRows.add(new Row("eenheid-" + u.id(), Kind.UNIT, p.id(), u.id(), u.id() + " " + u.title(),
            new Line(null, rl, f == null ? null : f.lastenCents()), new Line(null, rb, f == null ? null : f.batenCents()),
            f == null ? null : f.reason()));
      }
      // an overhead view (Bedrijfsvoering) counts with its proposals only (BudgetVsRealised, the one owner)
      long budgetLasten = pr.budgetLasten();
      long budgetBaten = pr.budgetBaten();
      boolean ownUnits = p.units().size() > 1 || (p.units().size() == 1 && !p.units().get(0).id().equals(p.id()));
      String reason = !ownUnits && p.units().size() == 1 ? unitRows.get(0).reason() : null;
      rows.add(new Row("programma-" + p.id(), Kind.PROGRAMME, p.id(), ownUnits ? null : p.units().isEmpty() ? null : p.units().get(0).id(),
          p.id() + " " + p.title() + (p.overheadView() ? " (alleen voorstellen)" : ""),
          new Line(budgetLasten, pr.realisedLasten(), programmeForecast ? fl : null),
          new Line(budgetBaten, pr.realisedBaten(), programmeForecast ? fb : null), reason));
      if (ownUnits) {
        rows.addAll(unitRows);
      }
      sums[0] = Math.addExact(sums[0], budgetLasten);
      sums[1] = Math.addExact(sums[1], pr.realisedLasten());
      sums[2] = Math.addExact(sums[2], budgetBaten);
      sums[3] = Math.addExact(sums[3], pr.realisedBaten());
      if (programmeForecast) {
        forecastSums[0] = Math.addExact(forecastSums[0], fl);
        forecastSums[1] = Math.addExact(forecastSums[1], fb);
      } else {
        allForecast = false;
      }
    }
    Row total = new Row("totaal", Kind.TOTAL, null, null, "Totaal", new Line(sums[0], sums[1], allForecast ? forecastSums[0] : null),
        new Line(sums[2], sums[3], allForecast ? forecastSums[1] : null), null);
    FigureGraph graph = new FigureGraph();
    Table lasten = table(graph, LASTEN, "Tussenrapportage " + year + ": lasten", rows, total, true, monthName(upToPeriod));
    Table baten = table(graph, BATEN, "Tussenrapportage " + year + ": baten", rows, total, false, monthName(upToPeriod));
    return new MidyearReport(year, upToPeriod, rows, total, new Document(budget, graph, List.of(lasten, baten)));
  }

  private static final String[] MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
      "oktober", "november", "december"};

  /** The Dutch name of month {@code period} (1-12). */
  public static String monthName(int period) {
    return period >= 1 && period <= 12 ? MONTHS[period - 1] : "periode " + period;
  }

  /**
   * One side's table: a programme's realised figure (and prognose) is the sum of its units' where it shows
   * them, a leaf where the programme is its one unit; the deviation is prognose minus budget; the total row
   * sums the programme rows, and its deviation is also checked as total prognose minus total budget.
   */
  private static Table table(FigureGraph g, String id, String title, List<Row> rows, Row total, boolean lastenSide, String month) {
    List<Table.Row> out = new ArrayList<>();
    List<Figure.Term> budgets = new ArrayList<>();
    List<Figure.Term> realised = new ArrayList<>();
    List<Figure.Term> forecasts = new ArrayList<>();
    List<Figure.Term> deviations = new ArrayList<>();
    List<Figure.Term> unitRealised = new ArrayList<>();
    List<Figure.Term> unitForecasts = new ArrayList<>();
    Row openProgramme = null;
    List<Row> ordered = new ArrayList<>(rows);
    ordered.add(null); // closes the last programme
    List<Table.Row> pendingUnits = new ArrayList<>();
    for (Row r : ordered) {
      if (r != null && r.kind() == Kind.UNIT) {
        Line l = lastenSide ? r.lasten() : r.baten();
        String rf = fig(id, r.id(), REALISED);
        g.add(leaf(rf, title + ", " + r.title() + ", realisatie t/m " + month, l.realised(), "gerealiseerd (ingelezen) t/m " + month));
        unitRealised.add(new Figure.Term(1, rf));
        Table.Cell forecastCell = Table.Cell.EMPTY;
        if (l.forecast() != null) {
          String ff = fig(id, r.id(), FORECAST);
          g.add(leaf(ff, title + ", " + r.title() + ", prognose", l.forecast(), "prognose van de eenheid (ingevoerd)"));
          unitForecasts.add(new Figure.Term(1, ff));
          forecastCell = Table.Cell.figure(ff);
        }
        pendingUnits.add(new Table.Row(r.id(), r.title(), Table.Style.LINE,
            List.of(Table.Cell.EMPTY, Table.Cell.figure(rf), forecastCell, Table.Cell.EMPTY)));
        continue;
      }
      if (openProgramme != null) {
        Row p = openProgramme;
        Line l = lastenSide ? p.lasten() : p.baten();
        String bf = fig(id, p.id(), BUDGET);
        g.add(leaf(bf, title + ", " + p.title() + ", begroting na wijziging", l.budget(), "begroting na wijziging"));
        String rf = fig(id, p.id(), REALISED);
        g.add(pendingUnits.isEmpty() ? leaf(rf, title + ", " + p.title() + ", realisatie t/m " + month, l.realised(), "gerealiseerd (ingelezen) t/m " + month)
            : sum(rf, title + ", " + p.title() + ", realisatie t/m " + month, l.realised(), unitRealised, "som van de eenheden"));
        List<Table.Cell> cells = new ArrayList<>(List.of(Table.Cell.figure(bf), Table.Cell.figure(rf), Table.Cell.EMPTY, Table.Cell.EMPTY));
        budgets.add(new Figure.Term(1, bf));
        realised.add(new Figure.Term(1, rf));
        if (l.forecast() != null) {
          String ff = fig(id, p.id(), FORECAST);
          g.add(pendingUnits.isEmpty() ? leaf(ff, title + ", " + p.title() + ", prognose", l.forecast(), "prognose van de eenheid (ingevoerd)")
              : sum(ff, title + ", " + p.title() + ", prognose", l.forecast(), unitForecasts, "som van de eenheden"));
          String df = fig(id, p.id(), DEVIATION);
          g.add(sum(df, title + ", " + p.title() + ", verwachte afwijking", l.deviation(),
              List.of(new Figure.Term(1, ff), new Figure.Term(-1, bf)), "prognose min begroting na wijziging"));
          cells.set(2, Table.Cell.figure(ff));
          cells.set(3, Table.Cell.figure(df));
          forecasts.add(new Figure.Term(1, ff));
          deviations.add(new Figure.Term(1, df));
        }
        out.add(new Table.Row(p.id(), p.title(), pendingUnits.isEmpty() ? Table.Style.LINE : Table.Style.TOTAL, cells));
        out.addAll(pendingUnits);
        pendingUnits.clear();
        unitRealised.clear();
        unitForecasts.clear();
      }
      openProgramme = r;
    }
    Line t = lastenSide ? total.lasten() : total.baten();
    String tb = fig(id, total.id(), BUDGET);
    g.add(sum(tb, title + ", totaal begroting na wijziging", t.budget(), budgets, "som van de programma's"));
    String tr = fig(id, total.id(), REALISED);
    g.add(sum(tr, title + ", totaal realisatie t/m " + month, t.realised(), realised, "som van de programma's"));
    List<Table.Cell> cells = new ArrayList<>(List.of(Table.Cell.figure(tb), Table.Cell.figure(tr), Table.Cell.EMPTY, Table.Cell.EMPTY));
    if (t.forecast() != null) {
      String tf = fig(id, total.id(), FORECAST);
      g.add(sum(tf, title + ", totaal prognose", t.forecast(), forecasts, "som van de programma's"));
      String td = fig(id, total.id(), DEVIATION);
      g.add(sum(td, title + ", totaal verwachte afwijking", t.deviation(), deviations, "som van de programma's"));
      g.addAlternative(td, List.of(new Figure.Term(1, tf), new Figure.Term(-1, tb)));
      cells.set(2, Table.Cell.figure(tf));
      cells.set(3, Table.Cell.figure(td));
    }
    out.add(new Table.Row(total.id(), "Totaal", Table.Style.TOTAL, cells));
    List<Table.Column> columns = List.of(new Table.Column(BUDGET, "Begroting na wijziging"),
        new Table.Column(REALISED, "Realisatie t/m " + month), new Table.Column(FORECAST, "Prognose"),
        new Table.Column(DEVIATION, "Verwachte afwijking"));
    return new Table(id, title, 100_000, columns, out);
  }

  /** The id of a figure of the report: {@code table/row/column}. */
  public static String fig(String table, String row, String column) {
    return table + "/" + row + "/" + column;
  }

  private static Figure leaf(String id, String label, long cents, String what) {
    return new Figure(id, label, cents, Figure.Display.AMOUNT, List.of(), new Origin.Reported(what));
  }

  private static Figure sum(String id, String label, long cents, List<Figure.Term> terms, String rule) {
    return new Figure(id, label, cents, Figure.Display.AMOUNT, List.copyOf(terms), new Origin.Sum(rule));
  }
}
