package nl.begroot.core.accounts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.actuals.BudgetVsRealised;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.engine.AnnexLayout;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureGraph;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Unit;
import nl.begroot.core.money.Allocation;

/**
 * The annual accounts (jaarrekening) of one year, computed exactly in cents from the budget after
 * amendments ({@code computation}, its column {@code year}) and the realised figures of that year (all
 * periods). The one owner of the accounts' figures: the pages, the API, the audit and the open data take
 * them from here.
 *
 * <ul>
 *   <li><b>Realisatie</b> per programme (budget, realised, deviation; lasten and baten) and per unit
 *       (realised; the budget sets frames per programme). The budget of a programme is what it adds to
 *       the totals (Tabel 1): frame plus changes; an overhead view's frame is inside the other
 *       programmes' frames and only its changes count. Pass-through money is apart.
 *   <li><b>Deviations</b> per programme and side: realised minus budget; the {@link Threshold} says which
 *       need an explanation.
 *   <li><b>Result</b>: realised baten minus realised lasten, against the budgeted result; the deviation
 *       is settled: per annex column the deviation of its programmes (an overhead view's deviation split
 *       over the columns by its spread), less what the appropriation adds to the reserves charged to that
 *       column, plus what it withdraws; each column's amount split over the members by the column's key
 *       with {@link Allocation} (largest remainder: the parts add up to the column exactly). Positive: the
 *       members get it back; negative: they pay it.
 *   <li><b>Pass-through</b> (kassiersfunctie): received minus passed on, split by the annex's key.
 * </ul>
 *
 * <p>Every figure is also a {@link Figure} of one {@link Document} (its tables: realisatie, resultaat,
 * reserves, resultaatbestemming, afrekening, kassiersfunctie) so that it prints in thousands through
 * the pipeline's controlled rounding, every table footing.
 */
public record AnnualAccounts(
    int year,
    Threshold threshold,
    List<ProgrammeLine> programmes,
    BudgetVsRealised realisation,
    List<Deviation> deviations,
    Result result,
    List<Reserve> reserves,
    List<SettledColumn> columns,
    List<MemberSettlement> members,
    long settled,
    PassThrough passThrough,
    Document document) {

  /** Table ids. */
  public static final String REALISATIE = "jr-realisatie";
  public static final String RESULTAAT = "jr-resultaat";
  public static final String RESERVES = "jr-reserves";
  public static final String BESTEMMING = "jr-resultaatbestemming";
  public static final String AFREKENING = "jr-afrekening";
  public static final String KASSIERSFUNCTIE = "jr-kassiersfunctie";

  /** A programme's budget after amendments and realisation (own and third-party money) in the year. */
  public record ProgrammeLine(String programme, String title, long budgetLasten, long realisedLasten, long budgetBaten, long realisedBaten) {
    public long deviationLasten() {
      return realisedLasten - budgetLasten;
    }

    public long deviationBaten() {
      return realisedBaten - budgetBaten;
    }
  }

  /** A deviation (realised minus budget) of one programme and side, whether it needs an explanation, and the explanation given (or null). */
  public record Deviation(String programme, String title, Side side, long budget, long realised, boolean required, String explanation) {
    public long deviation() {
      return realised - budget;
    }

    /** The key an explanation is stored under: programme and side, e.g. {@code 2/lasten}. */
    public String key() {
      return key(programme, side);
    }

    public static String key(String programme, Side side) {
      return programme + "/" + (side == Side.LASTEN ? "lasten" : "baten");
    }

    public boolean missing() {
      return required && (explanation == null || explanation.isBlank());
    }
  }

  /** The result: budgeted and realised (baten minus lasten), and the deviation that is appropriated. */
  public record Result(long budgetBaten, long budgetLasten, long realisedBaten, long realisedLasten) {
    public long budgeted() {
      return budgetBaten - budgetLasten;
    }

    public long realised() {
      return realisedBaten - realisedLasten;
    }

    public long deviation() {
      return realised() - budgeted();
    }
  }

  /** An annex column's settlement: its programmes' deviation, the reserves' movement charged to it, the amount settled, and each member's part. */
  public record SettledColumn(String id, String title, String keyId, long deviation, long toReserves, long amount, long[] perMember) {}

  /** A member's settlement: its part of each column (in {@link #columns} order), the pass-through part, and the total. */
  public record MemberSettlement(Member member, long[] perColumn, long ownTotal, long passThrough) {
    public long total() {
      return ownTotal + passThrough;
    }
  }

  /** The pass-through budget (raming kassiersfunctie) settled on its own. */
  public record PassThrough(long budgetReceived, long budgetPaid, long received, long paid, String keyId, long[] perMember) {
    public long settled() {
      return received - paid;
    }
  }

  /** The deviations that need an explanation and have none. */
  public List<Deviation> missing() {
    return deviations.stream().filter(Deviation::missing).toList();
  }

  /** The deviations that need an explanation. */
  public List<Deviation> required() {
    return deviations.stream().filter(Deviation::required).toList();
  }

  /**
   * The accounts of {@code year}.
   *
   * @param computation the budget after amendments whose column {@code year} is the budget
   * @param realised the realised amounts (other years are passed over)
   * @param explanations explanation texts by {@link Deviation#key()}
   * @param reserves the reserves with the appropriation's movements
   * @throws IllegalArgumentException when the year is not a year of the budget, a reserve is wrong or names no annex column
   */
  public static AnnualAccounts of(Computation computation, int year, List<RealisedAmount> realised, Threshold threshold,
      Map<String, String> explanations, List<Reserve> reserves) {
    Budget b = computation.budget();
    int y = computation.years().indexOf(year);
    if (y < 0) {
      throw new IllegalArgumentException("year " + year + " is not a year of this budget (" + computation.years() + ")");
    }
    List<ReserveRules.Problem> wrong = ReserveRules.check(b.annex(), reserves);
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", wrong.stream().map(ReserveRules.Problem::en).toList()));
    }
    BudgetVsRealised view = BudgetVsRealised.of(computation, realised, year, nl.begroot.core.actuals.ActualsImport.MAX_PERIOD);
    Figures f = new Figures(b, year);

    // realisatie per programme and unit
    List<ProgrammeLine> lines = new ArrayList<>();
    List<Deviation> deviations = new ArrayList<>();
    List<Table.Row> rows = new ArrayList<>();
    String[] sides = {"lasten", "baten"};
    List<String> programmeIds = new ArrayList<>();
    for (int p = 0; p < b.programmes().size(); p++) {
      Programme programme = b.programmes().get(p);
      BudgetVsRealised.Row row = view.rows().stream().filter(r -> r.unit() == null && r.programme().equals(programme.id())).findFirst()
          .orElseThrow();
      long budgetLasten = row.budgetLasten(); // an overhead view with its proposals only (BudgetVsRealised, the one owner)
      long budgetBaten = row.budgetBaten();
      ProgrammeLine line = new ProgrammeLine(programme.id(), programme.title(), budgetLasten, row.realisedLasten(), budgetBaten,
          row.realisedBaten());
      lines.add(line);
      String pid = "p" + programme.id();
      programmeIds.add(pid);
      List<BudgetVsRealised.Row> unitRows = view.rows().stream().filter(r -> r.unit() != null && r.programme().equals(programme.id())).toList();
      for (int s = 0; s < 2; s++) {
        long budget = s == 0 ? budgetLasten : budgetBaten;
        String bId = f.leaf(REALISATIE + "/" + pid + "/begroting-" + sides[s], programme.title() + ", begroting " + sides[s], budget,
            "begroting na wijziging " + year + ", programma " + programme.id() + ", " + sides[s]);
        String rId;
        if (unitRows.isEmpty()) {
          rId = f.leaf(REALISATIE + "/" + pid + "/realisatie-" + sides[s], programme.title() + ", realisatie " + sides[s],
              s == 0 ? row.realisedLasten() : row.realisedBaten(), "realisatie " + year + ", programma " + programme.id() + ", " + sides[s]);
        } else {
          List<Figure.Term> terms = new ArrayList<>();
          for (BudgetVsRealised.Row u : unitRows) {
            terms.add(new Figure.Term(1, f.leaf(REALISATIE + "/u" + u.unit() + "/realisatie-" + sides[s], u.title() + ", realisatie " + sides[s],
                s == 0 ? u.realisedLasten() : u.realisedBaten(), "realisatie " + year + ", eenheid " + u.unit() + ", " + sides[s])));
          }
          rId = f.sum(REALISATIE + "/" + pid + "/realisatie-" + sides[s], programme.title() + ", realisatie " + sides[s], terms);
        }
        f.sum(REALISATIE + "/" + pid + "/verschil-" + sides[s], programme.title() + ", verschil " + sides[s],
            List.of(new Figure.Term(1, rId), new Figure.Term(-1, bId)));
        long real = s == 0 ? row.realisedLasten() : row.realisedBaten();
        if (budget != 0 || real != 0) {
          Side side = s == 0 ? Side.LASTEN : Side.BATEN;
          String text = explanations.get(Deviation.key(programme.id(), side));
          deviations.add(new Deviation(programme.id(), programme.title(), side, budget, real, threshold.exceeded(budget, real - budget),
              text == null || text.isBlank() ? null : text));
        }
      }
      rows.add(f.row(REALISATIE, pid, programme.id() + ". " + programme.title(), Table.Style.LINE, allColumns(pid)));
      for (BudgetVsRealised.Row u : unitRows) {
        List<Table.Cell> cells = new ArrayList<>();
        cells.add(Table.Cell.EMPTY);
        cells.add(Table.Cell.figure(REALISATIE + "/u" + u.unit() + "/realisatie-lasten"));
        cells.add(Table.Cell.EMPTY);
        cells.add(Table.Cell.EMPTY);
        cells.add(Table.Cell.figure(REALISATIE + "/u" + u.unit() + "/realisatie-baten"));
        cells.add(Table.Cell.EMPTY);
        rows.add(new Table.Row("u" + u.unit(), "  " + u.unit() + " " + u.title(), Table.Style.LINE, cells));
      }
    }
    for (String col : List.of("begroting-lasten", "realisatie-lasten", "verschil-lasten", "begroting-baten", "realisatie-baten", "verschil-baten")) {
      List<Figure.Term> terms = programmeIds.stream().map(pid -> new Figure.Term(1, REALISATIE + "/" + pid + "/" + col)).toList();
      f.sum(REALISATIE + "/totaal/" + col, "Totaal, " + col.replace('-', ' '), terms);
    }
    rows.add(f.row(REALISATIE, "totaal", "Totaal", Table.Style.TOTAL, allColumns("totaal")));
    f.table(REALISATIE, "Realisatie " + year + " tegen de begroting na wijziging", List.of(
        new Table.Column("begroting-lasten", "Begroting lasten"), new Table.Column("realisatie-lasten", "Realisatie lasten"),
        new Table.Column("verschil-lasten", "Verschil lasten"), new Table.Column("begroting-baten", "Begroting baten"),
        new Table.Column("realisatie-baten", "Realisatie baten"), new Table.Column("verschil-baten", "Verschil baten")), rows);

    // the result
    Result result = new Result(sum(lines, 2), sum(lines, 0), sum(lines, 3), sum(lines, 1));
    String t = REALISATIE + "/totaal/";
    f.sum(RESULTAAT + "/saldo/begroting", "Resultaat, begroting", List.of(new Figure.Term(1, t + "begroting-baten"), new Figure.Term(-1, t + "begroting-lasten")));
    f.sum(RESULTAAT + "/saldo/realisatie", "Resultaat, realisatie", List.of(new Figure.Term(1, t + "realisatie-baten"), new Figure.Term(-1, t + "realisatie-lasten")));
    f.sum(RESULTAAT + "/saldo/verschil", "Resultaat, verschil", List.of(new Figure.Term(1, RESULTAAT + "/saldo/realisatie"), new Figure.Term(-1, RESULTAAT + "/saldo/begroting")));
    f.graph.addAlternative(RESULTAAT + "/saldo/verschil", List.of(new Figure.Term(1, t + "verschil-baten"), new Figure.Term(-1, t + "verschil-lasten")));
    f.table(RESULTAAT, "Resultaat " + year, List.of(new Table.Column("begroting", "Begroting"), new Table.Column("realisatie", "Realisatie"),
        new Table.Column("verschil", "Verschil")), List.of(
        new Table.Row("baten", "Baten", Table.Style.LINE, cells(t + "begroting-baten", t + "realisatie-baten", t + "verschil-baten")),
        new Table.Row("lasten", "Lasten", Table.Style.LINE, cells(t + "begroting-lasten", t + "realisatie-lasten", t + "verschil-lasten")),
        new Table.Row("saldo", "Resultaat (baten min lasten)", Table.Style.TOTAL,
            cells(RESULTAAT + "/saldo/begroting", RESULTAAT + "/saldo/realisatie", RESULTAAT + "/saldo/verschil"))));

    // the reserves' movements
    Annex annex = b.annex();
    List<Table.Row> reserveRows = new ArrayList<>();
    List<String> reserveIds = new ArrayList<>();
    for (Reserve r : reserves) { // checked by ReserveRules above: each charged to a column the settlement splits
      String rid = "r-" + r.id();
      reserveIds.add(rid);
      String o = f.leaf(RESERVES + "/" + rid + "/begin", r.name() + ", stand begin " + year, r.opening(), "reserve " + r.name() + ", stand 1 januari " + year);
      String a = f.leaf(RESERVES + "/" + rid + "/toevoeging", r.name() + ", toevoeging", r.addition(), "resultaatbestemming " + year + ": toevoeging aan " + r.name());
      String w = f.leaf(RESERVES + "/" + rid + "/onttrekking", r.name() + ", onttrekking", r.withdrawal(), "resultaatbestemming " + year + ": onttrekking aan " + r.name());
      f.sum(RESERVES + "/" + rid + "/eind", r.name() + ", stand einde " + year, List.of(new Figure.Term(1, o), new Figure.Term(1, a), new Figure.Term(-1, w)));
      reserveRows.add(f.row(RESERVES, rid, r.name() + " (" + r.kind().dutch().toLowerCase(java.util.Locale.ROOT) + ")", Table.Style.LINE,
          List.of("begin", "toevoeging", "onttrekking", "eind")));
    }
    for (String col : List.of("begin", "toevoeging", "onttrekking", "eind")) {
      f.sum(RESERVES + "/totaal/" + col, "Reserves, " + col, reserveIds.stream().map(rid -> new Figure.Term(1, RESERVES + "/" + rid + "/" + col)).toList());
    }
    reserveRows.add(f.row(RESERVES, "totaal", "Totaal reserves", Table.Style.TOTAL, List.of("begin", "toevoeging", "onttrekking", "eind")));
    f.table(RESERVES, "Verloop van de reserves " + year, List.of(new Table.Column("begin", "Stand 1 januari"), new Table.Column("toevoeging", "Toevoeging"),
        new Table.Column("onttrekking", "Onttrekking"), new Table.Column("eind", "Stand 31 december")), reserveRows);

    // the settlement with the members, per annex column
    List<SettledColumn> settledColumns = new ArrayList<>();
    List<Member> members = b.members();
    List<MemberSettlement> memberSettlements = new ArrayList<>();
    long[][] memberParts = new long[members.size()][];
    long settledTotal = 0;
    if (annex != null) {
      List<Integer> leaves = new ArrayList<>();
      for (Annex.Column col : settledColumns(annex)) {
        leaves.add(annex.columns().indexOf(col));
      }
      // each programme's deviation to the first leaf column that gathers it; an overhead view's by its spread
      Map<Integer, List<Figure.Term>> termsOf = new LinkedHashMap<>();
      Map<Integer, Long> deviationOf = new LinkedHashMap<>();
      leaves.forEach(c -> {
        termsOf.put(c, new ArrayList<>());
        deviationOf.put(c, 0L);
      });
      for (int p = 0; p < b.programmes().size(); p++) {
        Programme programme = b.programmes().get(p);
        ProgrammeLine line = lines.get(p);
        long dev = line.deviationBaten() - line.deviationLasten();
        String pid = "p" + programme.id();
        if (programme.overheadView() && !programme.spread().isEmpty()) {
          long[] spread = Allocation.allocate(dev, AnnexLayout.spreadWeights(annex, programme));
          for (int c = 0; c < spread.length; c++) {
            if (spread[c] == 0 && !leaves.contains(c)) {
              continue;
            }
            if (!leaves.contains(c)) {
              throw new IllegalArgumentException("programme " + programme.id() + " spreads to column " + annex.columns().get(c).id()
                  + ", which gathers no programme");
            }
            String id = f.leaf(AFREKENING + "/spreiding/" + pid + "/" + annex.columns().get(c).id(), programme.title() + ", deel kolom "
                + annex.columns().get(c).id(), spread[c], "verschil programma " + programme.id() + " verdeeld naar kolom " + annex.columns().get(c).id());
            termsOf.get(c).add(new Figure.Term(1, id));
            deviationOf.merge(c, spread[c], Math::addExact);
          }
          continue;
        }
        Integer column = null;
        for (int c : leaves) {
          Annex.Column col = annex.columns().get(c);
          boolean byUnits = !programme.units().isEmpty() && programme.units().stream().allMatch(u -> col.units().contains(u.id()));
          if (col.programmes().contains(programme.id()) || byUnits) {
            column = c;
            break;
          }
        }
        if (column == null) {
          if (dev != 0) {
            throw new IllegalArgumentException("programme " + programme.id() + " is in no annex column: its deviation cannot be settled");
          }
          continue;
        }
        termsOf.get(column).add(new Figure.Term(1, REALISATIE + "/" + pid + "/verschil-baten"));
        termsOf.get(column).add(new Figure.Term(-1, REALISATIE + "/" + pid + "/verschil-lasten"));
        deviationOf.merge(column, dev, Math::addExact);
      }
      DistributionKey mainKey = b.key(annex.keyId()).orElseThrow();
      for (int i = 0; i < members.size(); i++) {
        memberParts[i] = new long[leaves.size()];
      }
      List<Table.Column> settlementColumns = new ArrayList<>();
      for (int k = 0; k < leaves.size(); k++) {
        int c = leaves.get(k);
        Annex.Column col = annex.columns().get(c);
        long toReserves = 0;
        List<Figure.Term> terms = new ArrayList<>(termsOf.get(c));
        for (int r = 0; r < reserves.size(); r++) {
          Reserve res = reserves.get(r);
          if (res.column().equals(col.id())) {
            toReserves = Math.addExact(toReserves, res.addition() - res.withdrawal());
            terms.add(new Figure.Term(-1, RESERVES + "/" + reserveIds.get(r) + "/toevoeging"));
            terms.add(new Figure.Term(1, RESERVES + "/" + reserveIds.get(r) + "/onttrekking"));
          }
        }
        long amount = Math.subtractExact(deviationOf.get(c), toReserves);
        String amountId = f.sum(AFREKENING + "/te-verrekenen/" + col.id(), "Te verrekenen, kolom " + col.id(), terms);
        DistributionKey key = col.keyId() == null ? mainKey : b.key(col.keyId()).orElseThrow();
        BigInteger[] weights = key.weights(members);
        long[] parts = Allocation.allocate(amount, weights);
        List<Figure.Term> memberTerms = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
          memberParts[m][k] = parts[m];
          String id = f.graph.add(new Figure(AFREKENING + "/" + members.get(m).id() + "/" + col.id(), members.get(m).name() + ", kolom " + col.id(),
              parts[m], Figure.Display.AMOUNT, List.of(), new Origin.Share(amountId, key.id(),
                  key.sharesPercent().getOrDefault(members.get(m).id(), java.math.BigDecimal.ZERO).toPlainString(), key.sumPercent().toPlainString()))).id();
          memberTerms.add(new Figure.Term(1, id));
        }
        f.sum(AFREKENING + "/totaal/" + col.id(), "Totaal, kolom " + col.id(), memberTerms);
        f.graph.requireEqual(AFREKENING + "/totaal/" + col.id(), amountId);
        settledColumns.add(new SettledColumn(col.id(), col.title(), key.id(), deviationOf.get(c), toReserves, amount, parts));
        settlementColumns.add(new Table.Column(col.id(), col.title()));
        settledTotal = Math.addExact(settledTotal, amount);
      }
      settlementColumns.add(new Table.Column("totaal", "Totaal"));
      List<Table.Row> settlementRows = new ArrayList<>();
      List<Figure.Term> memberTotals = new ArrayList<>();
      List<String> columnIds = settledColumns.stream().map(SettledColumn::id).toList();
      for (int m = 0; m < members.size(); m++) {
        Member member = members.get(m);
        String total = f.sum(AFREKENING + "/" + member.id() + "/totaal", member.name() + ", totaal",
            columnIds.stream().map(cid -> new Figure.Term(1, AFREKENING + "/" + member.id() + "/" + cid)).toList());
        memberTotals.add(new Figure.Term(1, total));
        List<String> cols = new ArrayList<>(columnIds);
        cols.add("totaal");
        settlementRows.add(f.row(AFREKENING, member.id(), member.name(), Table.Style.LINE, cols));
      }
      f.sum(AFREKENING + "/totaal/totaal", "Totaal te verrekenen met de leden", memberTotals);
      f.graph.addAlternative(AFREKENING + "/totaal/totaal", columnIds.stream().map(cid -> new Figure.Term(1, AFREKENING + "/totaal/" + cid)).toList());
      List<String> cols = new ArrayList<>(columnIds);
      cols.add("totaal");
      settlementRows.add(f.row(AFREKENING, "totaal", "Totaal", Table.Style.TOTAL, cols));
      f.table(AFREKENING, "Afrekening " + year + " met de leden (positief: terug naar het lid; negatief: bijbetalen)", settlementColumns, settlementRows);

      // the appropriation in one table
      List<Figure.Term> appropriation = new ArrayList<>();
      appropriation.add(new Figure.Term(1, RESULTAAT + "/saldo/verschil"));
      appropriation.add(new Figure.Term(-1, RESERVES + "/totaal/toevoeging"));
      appropriation.add(new Figure.Term(1, RESERVES + "/totaal/onttrekking"));
      f.graph.addAlternative(AFREKENING + "/totaal/totaal", appropriation);
      f.table(BESTEMMING, "Resultaatbestemming " + year, List.of(new Table.Column("bedrag", "Bedrag")), List.of(
          new Table.Row("verschil", "Verschil resultaat (realisatie min begroting)", Table.Style.LINE, cells(RESULTAAT + "/saldo/verschil")),
          new Table.Row("toevoeging", "Toevoeging aan de reserves (af)", Table.Style.LINE, cells(RESERVES + "/totaal/toevoeging")),
          new Table.Row("onttrekking", "Onttrekking aan de reserves (bij)", Table.Style.LINE, cells(RESERVES + "/totaal/onttrekking")),
          new Table.Row("leden", "Te verrekenen met de leden", Table.Style.TOTAL, cells(AFREKENING + "/totaal/totaal"))));

      // the pass-through budget, settled on its own by the annex's key
      long budgetPassThrough = 0;
      for (int p = 0; p < b.programmes().size(); p++) {
        budgetPassThrough = Math.addExact(budgetPassThrough, Math.abs(computation.passThrough(p, y)));
      }
      long received = 0;
      long paid = 0;
      for (BudgetVsRealised.Row r : view.passThrough()) {
        received = Math.addExact(received, r.realisedBaten());
        paid = Math.addExact(paid, r.realisedLasten());
      }
      String k = KASSIERSFUNCTIE;
      String br = f.leaf(k + "/ontvangsten/raming", "Kassiersfunctie, raming ontvangsten", budgetPassThrough, "raming kassiersfunctie " + year);
      String bp = f.leaf(k + "/afdrachten/raming", "Kassiersfunctie, raming afdrachten", budgetPassThrough, "raming kassiersfunctie " + year);
      String rr = f.leaf(k + "/ontvangsten/realisatie", "Kassiersfunctie, ontvangen", received, "realisatie kassiersfunctie " + year + ", baten");
      String rp = f.leaf(k + "/afdrachten/realisatie", "Kassiersfunctie, afgedragen", paid, "realisatie kassiersfunctie " + year + ", lasten");
      f.sum(k + "/ontvangsten/verschil", "Kassiersfunctie, verschil ontvangsten", List.of(new Figure.Term(1, rr), new Figure.Term(-1, br)));
      f.sum(k + "/afdrachten/verschil", "Kassiersfunctie, verschil afdrachten", List.of(new Figure.Term(1, rp), new Figure.Term(-1, bp)));
      for (String col : List.of("raming", "realisatie", "verschil")) {
        f.sum(k + "/saldo/" + col, "Kassiersfunctie, saldo " + col, List.of(new Figure.Term(1, k + "/ontvangsten/" + col), new Figure.Term(-1, k + "/afdrachten/" + col)));
      }
      long[] ptParts = Allocation.allocate(received - paid, mainKey.weights(members));
      List<Table.Row> ptRows = new ArrayList<>(List.of(
          new Table.Row("ontvangsten", "Ontvangsten", Table.Style.LINE, cells(k + "/ontvangsten/raming", k + "/ontvangsten/realisatie", k + "/ontvangsten/verschil")),
          new Table.Row("afdrachten", "Afdrachten", Table.Style.LINE, cells(k + "/afdrachten/raming", k + "/afdrachten/realisatie", k + "/afdrachten/verschil")),
          new Table.Row("saldo", "Saldo, te verrekenen met de leden", Table.Style.TOTAL, cells(k + "/saldo/raming", k + "/saldo/realisatie", k + "/saldo/verschil"))));
      List<Figure.Term> ptTerms = new ArrayList<>();
      for (int m = 0; m < members.size(); m++) {
        String id = f.graph.add(new Figure(k + "/" + members.get(m).id() + "/verschil", members.get(m).name() + ", kassiersfunctie", ptParts[m],
            Figure.Display.AMOUNT, List.of(), new Origin.Share(k + "/saldo/realisatie", mainKey.id(),
                mainKey.sharesPercent().getOrDefault(members.get(m).id(), java.math.BigDecimal.ZERO).toPlainString(), mainKey.sumPercent().toPlainString()))).id();
        ptTerms.add(new Figure.Term(1, id));
        ptRows.add(new Table.Row("lid-" + members.get(m).id(), "  " + members.get(m).name(), Table.Style.LINE,
            List.of(Table.Cell.EMPTY, Table.Cell.EMPTY, Table.Cell.figure(id))));
      }
      f.sum(k + "/leden/verschil", "Kassiersfunctie, totaal leden", ptTerms);
      f.graph.requireEqual(k + "/leden/verschil", k + "/saldo/realisatie");
      ptRows.add(new Table.Row("leden", "Totaal leden", Table.Style.TOTAL, List.of(Table.Cell.EMPTY, Table.Cell.EMPTY, Table.Cell.figure(k + "/leden/verschil"))));
      f.table(k, "Kassiersfunctie " + year + ", apart afgerekend", List.of(new Table.Column("raming", "Raming"), new Table.Column("realisatie", "Realisatie"),
          new Table.Column("verschil", "Verschil")), ptRows);
      for (int m = 0; m < members.size(); m++) {
        long own = 0;
        for (long part : memberParts[m]) {
          own = Math.addExact(own, part);
        }
        memberSettlements.add(new MemberSettlement(members.get(m), memberParts[m], own, ptParts[m]));
      }
      PassThrough pt = new PassThrough(budgetPassThrough, budgetPassThrough, received, paid, mainKey.id(), ptParts);
      return new AnnualAccounts(year, threshold, List.copyOf(lines), view, List.copyOf(deviations), result, List.copyOf(reserves),
          List.copyOf(settledColumns), List.copyOf(memberSettlements), settledTotal, pt, new Document(computation, f.graph, f.tables));
    }
    throw new IllegalArgumentException("the budget has no annex: there is no key to settle the result with the members");
  }

  /**
   * The columns of {@code annex} the settlement splits over the members, in the annex's order: those that are no
   * sum and gather programmes or units (columns of single proposals get nothing: realised figures are per unit,
   * decision 160). The reserves are charged to these ({@link ReserveRules}).
   */
  public static List<Annex.Column> settledColumns(Annex annex) {
    if (annex == null) {
      return List.of();
    }
    return annex.columns().stream().filter(c -> !c.isSum() && (!c.programmes().isEmpty() || !c.units().isEmpty())).toList();
  }

  private static long sum(List<ProgrammeLine> lines, int which) {
    long s = 0;
    for (ProgrammeLine l : lines) {
      s = Math.addExact(s, switch (which) {
        case 0 -> l.budgetLasten();
        case 1 -> l.realisedLasten();
        case 2 -> l.budgetBaten();
        default -> l.realisedBaten();
      });
    }
    return s;
  }

  private static List<String> allColumns(String rowId) {
    return List.of("begroting-lasten", "realisatie-lasten", "verschil-lasten", "begroting-baten", "realisatie-baten", "verschil-baten");
  }

  private static List<Table.Cell> cells(String... ids) {
    List<Table.Cell> out = new ArrayList<>();
    for (String id : ids) {
      out.add(Table.Cell.figure(id));
    }
    return out;
  }

  /** The figure graph and tables being built. */
  private static final class Figures {
    final FigureGraph graph = new FigureGraph();
    final List<Table> tables = new ArrayList<>();

    Figures(Budget budget, int year) {}

    String leaf(String id, String label, long cents, String source) {
      return graph.add(new Figure(id, label, cents, Figure.Display.AMOUNT, List.of(), new Origin.Accounts(source))).id();
    }

    String sum(String id, String label, List<Figure.Term> terms) {
      long cents = 0;
      for (Figure.Term t : terms) {
        cents = Math.addExact(cents, Math.multiplyExact(t.sign(), graph.get(t.figureId()).cents()));
      }
      return graph.add(new Figure(id, label, cents, Figure.Display.AMOUNT, terms, new Origin.Sum(label))).id();
    }

    /** A row whose cells are the figures {@code table/rowId/column} for each column. */
    Table.Row row(String table, String rowId, String label, Table.Style style, List<String> columns) {
      return new Table.Row(rowId, label, style, columns.stream().map(c -> Table.Cell.figure(table + "/" + rowId + "/" + c)).toList());
    }

    void table(String id, String title, List<Table.Column> columns, List<Table.Row> rows) {
      tables.add(new Table(id, title, 100_000, columns, rows));
    }
  }
}
