package nl.begroot.core.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.engine.AnnexLayout;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.figures.Figure.Display;
import nl.begroot.core.figures.Figure.Term;
import nl.begroot.core.figures.Table.Cell;
import nl.begroot.core.figures.Table.Column;
import nl.begroot.core.figures.Table.Row;
import nl.begroot.core.figures.Table.Style;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;

/**
 * Builds the document's figures and tables from a {@link Computation}. Every total is defined as a
 * sum of the figures it totals and computed here from them; {@link #build} then checks each against
 * the engine's own arrays, so the two independent paths must agree to the cent.
 */
public final class DocumentBuilder {
  public static final String TABEL_1 = "tabel-1";
  public static final String STRUCTURAL = "structureel";
  public static final String PASS_THROUGH = "kassiersfunctie";

  private final Computation c;
  private final Budget budget;
  private final FigureGraph graph = new FigureGraph();
  private final List<Integer> years;
  private final List<Table> tables = new ArrayList<>();

  private final java.util.Map<Proposal, Programme> programmeOf = new java.util.IdentityHashMap<>();

  private DocumentBuilder(Computation computation) {
    this.c = computation;
    this.budget = computation.budget();
    this.years = computation.years();
    java.util.Map<String, Programme> byUnit = new java.util.HashMap<>();
    budget.programmes().forEach(pr -> pr.units().forEach(u -> byUnit.put(u.id(), pr)));
    budget.proposals().forEach(p -> programmeOf.put(p, byUnit.get(p.unit())));
  }

  private Programme programme(Proposal p) {
    return programmeOf.get(p);
  }

  /** The id of a proposal line's figure in its programme table. */
  private String lineId(Proposal p, int year) {
    return id(programmeTableId(programme(p).id()), p.id(), year);
  }

  public static Document build(Computation computation) {
    DocumentBuilder b = new DocumentBuilder(computation);
    b.buildAll();
    return new Document(computation, b.graph, b.tables);
  }

  public static String programmeTableId(String programmeId) {
    return "programme-" + programmeId;
  }

  public static String annexTableId(int year) {
    return "bijlage-1-" + year;
  }

  public static String breakdownTableId(String proposalId) {
    return "breakdown-" + proposalId;
  }

  static String id(String table, String row, Object column) {
    return table + "/" + row + "/" + column;
  }

  private Figure leaf(String id, String label, long cents, Display display, Origin origin) {
    return graph.add(new Figure(id, label, cents, display, List.of(), origin));
  }

  private Figure sum(String id, String label, List<Term> terms, String rule) {
    long cents = 0;
    for (Term t : terms) {
      cents = Math.addExact(cents, Math.multiplyExact(graph.get(t.figureId()).cents(), (long) t.sign()));
    }
    return graph.add(new Figure(id, label, cents, Display.AMOUNT, terms, new Origin.Sum(rule)));
  }

  private static Term plus(String id) {
    return new Term(1, id);
  }

  private static Term minus(String id) {
    return new Term(-1, id);
  }

  private void check(String id, long engineCents) {
    long graphCents = graph.get(id).cents();
    if (graphCents != engineCents) {
      throw new IllegalStateException(
          "internal inconsistency at " + id + ": " + graphCents + " != " + engineCents);
    }
  }

  private static Display display(Amounts amounts, int y) {
    return switch (amounts.kind(y)) {
      case AMOUNT -> Display.AMOUNT;
      case PM -> Display.PM;
      case BLANK -> Display.BLANK;
    };
  }

  private String lineLabel(Proposal p, Programme programme) {
    if (programme.overheadView()) {
      return p.title();
    }
    StringBuilder units = new StringBuilder();
    for (String u : p.units()) {
      if (units.length() > 0) {
        units.append(" & ");
      }
      units.append(u).append('.');
    }
    return units + " " + p.title();
  }

  private List<Column> yearColumns() {
    List<Column> columns = new ArrayList<>();
    for (int year : years) {
      columns.add(new Column(String.valueOf(year), String.valueOf(year)));
    }
    return columns;
  }

  private Row yearRow(String table, String rowId, String label, Style style) {
    List<Cell> cells = new ArrayList<>();
    for (int year : years) {
      String fid = id(table, rowId, year);
      cells.add(graph.find(fid).isPresent() ? Cell.figure(fid) : Cell.EMPTY);
    }
    return new Row(rowId, label, style, cells);
  }

  private Row section(String label) {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      cells.add(Cell.EMPTY);
    }
    return new Row("section:" + label, label, Style.SECTION, cells);
  }

  private int programmeIndex(Programme programme) {
    return budget.programmes().indexOf(programme);
  }

  private List<Proposal> linesOf(Programme programme, Side side) {
    List<Proposal> result = new ArrayList<>();
    for (Proposal p : budget.proposals()) {
      if (side == p.side() && programme(p) == programme) {
        result.add(p);
      }
    }
    return result;
  }

  private void buildAll() {
    int balancingIndex = -1;
    for (int i = 0; i < budget.proposals().size(); i++) {
      if (budget.proposals().get(i).rule() == Proposal.Rule.BALANCING) {
        balancingIndex = i;
      }
    }
    // Phase 1: frame, entered lines, transfer legs and lines, pass-through contribution
    for (Programme programme : budget.programmes()) {
      String t = programmeTableId(programme.id());
      int p = programmeIndex(programme);
      for (int y = 0; y < years.size(); y++) {
        int year = years.get(y);
        leaf(id(t, "frame.lasten", year), pl(programme, "kader lasten"), c.frameLasten(p, y), Display.AMOUNT,
            new Origin.Frame(programme.id(), "lasten", year));
        if (!programme.overheadView()) {
          leaf(id(t, "frame.baten", year), pl(programme, "kader baten"), c.frameBaten(p, y), Display.AMOUNT,
              new Origin.Frame(programme.id(), "baten", year));
          sum(id(t, "frame.saldo", year), pl(programme, "kader saldo"),
              List.of(plus(id(t, "frame.lasten", year)), minus(id(t, "frame.baten", year))),
              "lasten - baten");
        }
      }
    }
    for (Transfer transfer : budget.transfers()) {
      for (Transfer.Leg leg : transfer.legs()) {
        for (int y = 0; y < years.size(); y++) {
          int year = years.get(y);
          leaf(id("transfer-" + transfer.id(), leg.line(), year), transfer.title(), leg.amounts().cents(y),
              display(leg.amounts(), y), new Origin.TransferLeg(transfer.id(), leg.line(), year));
        }
      }
    }
    List<Proposal> proposals = budget.proposals();
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      Programme programme = programme(p);
      String t = programmeTableId(programme.id());
      Amounts line = c.line(i);
      for (int y = 0; y < years.size(); y++) {
        int year = years.get(y);
        String fid = id(t, p.id(), year);
        String label = lineLabel(p, programme);
        if (p.rule() == Proposal.Rule.ENTERED) {
          leaf(fid, label, line.cents(y), display(line, y), new Origin.Entered(p.id(), year));
        } else if (p.rule() == Proposal.Rule.TRANSFER) {
          List<Term> legs = new ArrayList<>();
          for (Transfer transfer : budget.transfers()) {
            for (Transfer.Leg leg : transfer.legs()) {
              if (leg.line().equals(p.id())) {
                legs.add(plus(id("transfer-" + transfer.id(), leg.line(), year)));
              }
            }
          }
          Figure f = sum(fid, label, legs, "sum of the transfer legs shown on this line");
          replaceDisplay(f, display(line, y));
        }
      }
    }
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      if (p.rule() != Proposal.Rule.PASS_THROUGH_CONTRIBUTION) {
        continue;
      }
      Programme programme = programme(p);
      for (int y = 0; y < years.size(); y++) {
        int year = years.get(y);
        List<Term> terms = new ArrayList<>();
        for (Proposal moved : proposals) {
          if (moved.passThrough()) {
            terms.add(new Term(moved.saldoSign(), lineId(moved, year)));
          }
        }
        sum(id(programmeTableId(programme.id()), p.id(), year), lineLabel(p, programme), terms,
            "the members' contribution that moves with the items moved to the pass-through budget");
        check(id(programmeTableId(programme.id()), p.id(), year), c.line(i).cents(y));
      }
    }
    for (Proposal p : proposals) {
      if (p.breakdown() != null) {
        componentLeaves(p);
      }
    }
    // Phase 2: change in lasten per programme and in total
    for (Programme programme : budget.programmes()) {
      String t = programmeTableId(programme.id());
      List<Proposal> lasten = linesOf(programme, Side.LASTEN);
      for (int y = 0; y < years.size(); y++) {
        int year = years.get(y);
        List<Term> terms = new ArrayList<>();
        for (Proposal p : lasten) {
          terms.add(plus(id(t, p.id(), year)));
        }
        sum(id(t, "change.lasten", year), pl(programme, "totaal wijziging lasten"), terms, "sum of the lasten lines");
        check(id(t, "change.lasten", year), c.changeLasten(programmeIndex(programme), y));
      }
    }
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      List<Term> terms = new ArrayList<>();
      for (Programme programme : budget.programmes()) {
        terms.add(plus(id(programmeTableId(programme.id()), "change.lasten", year)));
      }
      sum(id(TABEL_1, "change.lasten", year), "Tabel 1: totaal wijziging lasten", terms, "sum over the programmes");
      check(id(TABEL_1, "change.lasten", year), c.totalChangeLasten(y));
    }
    // Phase 3: the balancing item
    if (balancingIndex >= 0) {
      Proposal balancing = proposals.get(balancingIndex);
      Programme programme = programme(balancing);
      for (int y = 0; y < years.size(); y++) {
        int year = years.get(y);
        List<Term> otherBaten = new ArrayList<>();
        for (Proposal p : proposals) {
          if (p.side() == Side.BATEN && p != balancing) {
            otherBaten.add(plus(lineId(p, year)));
          }
        }
        sum(id("balance", "other-baten", year), "Totaal wijziging overige baten", otherBaten,
            "sum of all baten lines except the balancing line");
        sum(id(programmeTableId(programme.id()), balancing.id(), year), lineLabel(balancing, programme),
            List.of(plus(id(TABEL_1, "change.lasten", year)), minus(id("balance", "other-baten", year))),
            "balancing item: total change in lasten minus total change in all other baten");
        check(id(programmeTableId(programme.id()), balancing.id(), year), c.balancing(y));
      }
    }
    // Phase 4: the rest of each programme table
    for (Programme programme : budget.programmes()) {
      buildProgrammeTable(programme);
    }
    buildTabel1();
    for (int y = 0; y < years.size(); y++) {
      buildAnnex(y);
    }
    buildStructural(balancingIndex);
    buildPassThrough();
    for (Proposal p : proposals) {
      if (p.breakdown() != null) {
        buildBreakdown(p);
      }
    }
  }

  private static String pl(Programme programme, String what) {
    return programme.id() + ". " + programme.title() + ": " + what;
  }

  private void replaceDisplay(Figure f, Display display) {
    if (f.display() != display) {
      graph.replace(new Figure(f.id(), f.label(), f.cents(), display, f.terms(), f.origin()));
    }
  }

  private void buildProgrammeTable(Programme programme) {
    String t = programmeTableId(programme.id());
    int p = programmeIndex(programme);
    List<Proposal> lasten = linesOf(programme, Side.LASTEN);
    List<Proposal> baten = linesOf(programme, Side.BATEN);
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      List<Term> batenTerms = new ArrayList<>();
      for (Proposal line : baten) {
        batenTerms.add(plus(id(t, line.id(), year)));
      }
      sum(id(t, "change.baten", year), pl(programme, "totaal wijziging baten"), batenTerms, "sum of the baten lines");
      check(id(t, "change.baten", year), c.changeBaten(p, y));
      sum(id(t, "change.saldo", year), pl(programme, "saldo wijzigingen"),
          List.of(plus(id(t, "change.lasten", year)), minus(id(t, "change.baten", year))), "lasten - baten");
      sum(id(t, "new.lasten", year), pl(programme, "nieuw kader lasten"),
          List.of(plus(id(t, "frame.lasten", year)), plus(id(t, "change.lasten", year))), "kader + wijziging");
      if (!programme.overheadView()) {
        sum(id(t, "new.baten", year), pl(programme, "nieuw kader baten"),
            List.of(plus(id(t, "frame.baten", year)), plus(id(t, "change.baten", year))), "kader + wijziging");
        sum(id(t, "new.saldo", year), pl(programme, "nieuw kader saldo"),
            List.of(plus(id(t, "new.lasten", year)), minus(id(t, "new.baten", year))), "lasten - baten");
      }
    }
    var v = budget.version();
    List<Row> rows = new ArrayList<>();
    rows.add(section("I. " + v.frameTitle()));
    if (programme.overheadView()) {
      rows.add(yearRow(t, "frame.lasten", "Totaal personeel- en bedrijfsvoeringslasten", Style.TOTAL));
    } else {
      rows.add(yearRow(t, "frame.lasten", "Totaal lasten", Style.TOTAL));
      rows.add(yearRow(t, "frame.baten", "Totaal baten", Style.TOTAL));
      rows.add(yearRow(t, "frame.saldo", "Saldo", Style.TOTAL));
    }
    rows.add(section("II. " + v.proposalsTitle()));
    String group = null;
    for (Proposal line : lasten) {
      if (line.group() != null && !line.group().equals(group)) {
        group = line.group();
        rows.add(new Row("group:" + group, group, Style.SUBSECTION, emptyCells()));
      }
      rows.add(yearRow(t, line.id(), lineLabel(line, programme), Style.LINE));
    }
    rows.add(yearRow(t, "change.lasten", "Totaal wijziging lasten", Style.TOTAL));
    for (Proposal line : baten) {
      rows.add(yearRow(t, line.id(), lineLabel(line, programme), Style.LINE));
    }
    rows.add(yearRow(t, "change.baten", "Totaal wijziging baten", Style.TOTAL));
    rows.add(yearRow(t, "change.saldo", "Saldo", Style.TOTAL));
    rows.add(section("III. " + v.newFrameTitle()));
    if (programme.overheadView()) {
      rows.add(yearRow(t, "new.lasten", "Totaal personeel- en bedrijfsvoeringslasten", Style.TOTAL));
    } else {
      rows.add(yearRow(t, "new.lasten", "Totaal lasten", Style.TOTAL));
      rows.add(yearRow(t, "new.baten", "Totaal baten", Style.TOTAL));
      rows.add(yearRow(t, "new.saldo", "Saldo", Style.TOTAL));
    }
    tables.add(new Table(t, programme.id() + ". " + programme.title(), 100_000, yearColumns(), rows));
  }

  private List<Cell> emptyCells() {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      cells.add(Cell.EMPTY);
    }
    return cells;
  }

  private void buildTabel1() {
    String t = TABEL_1;
    List<Row> rows = new ArrayList<>();
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      List<Term> lasten = new ArrayList<>();
      List<Term> baten = new ArrayList<>();
      List<Term> changeBaten = new ArrayList<>();
      for (Programme programme : budget.programmes()) {
        String pt = programmeTableId(programme.id());
        if (!programme.overheadView()) {
          lasten.add(plus(id(pt, "frame.lasten", year)));
          baten.add(plus(id(pt, "frame.baten", year)));
        }
        changeBaten.add(plus(id(pt, "change.baten", year)));
      }
      sum(id(t, "frame.lasten", year), "Tabel 1: kader totaal lasten", lasten, "sum of the frames of the programmes (not the overhead view)");
      sum(id(t, "frame.baten", year), "Tabel 1: kader totaal baten", baten, "sum of the frames of the programmes (not the overhead view)");
      check(id(t, "frame.lasten", year), c.totalFrameLasten(y));
      check(id(t, "frame.baten", year), c.totalFrameBaten(y));
      sum(id(t, "frame.saldo", year), "Tabel 1: kader saldo", List.of(plus(id(t, "frame.lasten", year)), minus(id(t, "frame.baten", year))), "lasten - baten");
      sum(id(t, "change.baten", year), "Tabel 1: totaal wijziging baten", changeBaten, "sum over the programmes");
      check(id(t, "change.baten", year), c.totalChangeBaten(y));
      sum(id(t, "new.lasten", year), "Tabel 1: nieuw kader totaal lasten", List.of(plus(id(t, "frame.lasten", year)), plus(id(t, "change.lasten", year))), "kader + wijziging");
      sum(id(t, "new.baten", year), "Tabel 1: nieuw kader totaal baten", List.of(plus(id(t, "frame.baten", year)), plus(id(t, "change.baten", year))), "kader + wijziging");
      sum(id(t, "new.saldo", year), "Tabel 1: nieuw kader saldo", List.of(plus(id(t, "new.lasten", year)), minus(id(t, "new.baten", year))), "lasten - baten");
    }
    var v = budget.version();
    rows.add(section("I. " + v.frameTitle()));
    rows.add(yearRow(t, "frame.lasten", "Totaal lasten", Style.TOTAL));
    rows.add(yearRow(t, "frame.baten", "Totaal baten", Style.TOTAL));
    rows.add(yearRow(t, "frame.saldo", "Saldo", Style.TOTAL));
    rows.add(section("II. " + v.proposalsTitle()));
    for (String side : List.of("lasten", "baten")) {
      rows.add(new Row("section:" + side, side.equals("lasten") ? "Lasten" : "Baten", Style.SUBSECTION, emptyCells()));
      for (Programme programme : budget.programmes()) {
        List<Cell> cells = new ArrayList<>();
        for (int year : years) {
          cells.add(Cell.figure(id(programmeTableId(programme.id()), "change." + side, year)));
        }
        rows.add(new Row("change." + side + "." + programme.id(), programme.id() + ". " + programme.title(), Style.LINE, cells));
      }
      rows.add(yearRow(t, "change." + side, "Totaal wijziging " + side, Style.TOTAL));
    }
    rows.add(section("III. " + v.newFrameTitle()));
    rows.add(yearRow(t, "new.lasten", "Totaal lasten", Style.TOTAL));
    rows.add(yearRow(t, "new.baten", "Totaal baten", Style.TOTAL));
    rows.add(yearRow(t, "new.saldo", "Saldo", Style.TOTAL));
    tables.add(new Table(t, "Tabel 1. Begrotingsvolume " + budget.organisation().shortName() + " " + years.get(0) + " t/m " + years.get(years.size() - 1), 100_000, yearColumns(), rows));
  }

  private void buildAnnex(int y) {
    Annex annex = budget.annex();
    int year = years.get(y);
    String t = annexTableId(year);
    List<Annex.Column> columns = annex.columns();
    int[] columnOf = AnnexLayout.columnOfProposals(budget);
    List<Proposal> proposals = budget.proposals();
    List<Member> members = budget.members();
    DistributionKey mainKey = budget.key(annex.keyId()).orElseThrow();
    Programme overhead = budget.programmes().stream().filter(Programme::overheadView).findFirst().orElse(null);
    var figures = c.annex();

    // leaf columns
    for (int col = 0; col < columns.size(); col++) {
      Annex.Column column = columns.get(col);
      if (column.isSum()) {
        continue;
      }
      List<Term> terms = new ArrayList<>();
      for (int i = 0; i < proposals.size(); i++) {
        if (columnOf[i] == col) {
          Proposal p = proposals.get(i);
          terms.add(new Term(p.saldoSign(), lineId(p, year)));
        }
      }
      sum(id(t, "totaal-per-deel", column.id()), "Totaal per deel, " + column.title(), terms, "lasten minus baten of the proposals in this column");
      check(id(t, "totaal-per-deel", column.id()), figures.parts(col, y));
      List<Term> distribute = new ArrayList<>(List.of(plus(id(t, "totaal-per-deel", column.id()))));
      if (overhead != null && overhead.spread().containsKey(column.id())) {
        BigDecimal share = overhead.spread().get(column.id());
        BigDecimal total = overhead.spread().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        leaf(id(t, "bedrijfsvoering", column.id()), "Bedrijfsvoering, " + column.title(), figures.overhead(col, y), Display.AMOUNT,
            new Origin.Share(id(programmeTableId(overhead.id()), "change.saldo", year), "spread of programme " + overhead.id(),
                share.toPlainString(), total.toPlainString()));
        distribute.add(plus(id(t, "bedrijfsvoering", column.id())));
      }
      sum(id(t, "te-verdelen", column.id()), "Te verdelen bedrag, " + column.title(), distribute, "totaal per deel + bedrijfsvoering");
      DistributionKey key = column.keyId() == null ? mainKey : budget.key(column.keyId()).orElseThrow();
      memberShares(t, column.id(), key, col, y);
    }
    // third-party column: only "te verdelen" and the members
    Annex.ThirdPartyColumn third = annex.thirdPartyColumn();
    if (third != null) {
      int col = columns.size();
      List<Term> terms = new ArrayList<>();
      for (Proposal p : proposals) {
        if (third.thirdParty().equals(p.thirdParty())) {
          terms.add(new Term(-p.saldoSign(), lineId(p, year)));
        }
      }
      sum(id(t, "te-verdelen", third.id()), "Te verdelen bedrag, " + third.title(), terms, "the third-party money received (baten)");
      check(id(t, "te-verdelen", third.id()), figures.toDistribute(col, y));
      memberShares(t, third.id(), mainKey, col, y);
    }
    // sum columns, in their order
    List<String> rowIds = new ArrayList<>(List.of("totaal-per-deel", "bedrijfsvoering", "te-verdelen"));
    for (Member m : members) {
      rowIds.add(m.id());
    }
    rowIds.add("totaal");
    for (int col = 0; col < columns.size(); col++) {
      Annex.Column column = columns.get(col);
      if (!column.isSum()) {
        continue;
      }
      for (String row : rowIds) {
        List<Term> terms = new ArrayList<>();
        for (String part : column.sumOf()) {
          if (graph.find(id(t, row, part)).isPresent()) {
            terms.add(plus(id(t, row, part)));
          }
        }
        if (!terms.isEmpty()) {
          sum(id(t, row, column.id()), rowLabel(row) + ", " + column.title(), terms, "sum of columns " + String.join(", ", column.sumOf()));
        }
      }
      List<Term> overMembers = new ArrayList<>();
      for (Member m : members) {
        overMembers.add(plus(id(t, m.id(), column.id())));
      }
      graph.addAlternative(id(t, "totaal", column.id()), overMembers);
      if (graph.find(id(t, "bedrijfsvoering", column.id())).isPresent()) {
        graph.addAlternative(id(t, "te-verdelen", column.id()),
            List.of(plus(id(t, "totaal-per-deel", column.id())), plus(id(t, "bedrijfsvoering", column.id()))));
      }
      check(id(t, "te-verdelen", column.id()), figures.toDistribute(col, y));
    }
    if (overhead != null) {
      String total = columns.get(columns.size() - 1).isSum() ? columns.get(columns.size() - 1).id() : null;
      if (total != null && graph.find(id(t, "bedrijfsvoering", total)).isPresent()) {
        graph.requireEqual(id(t, "bedrijfsvoering", total), id(programmeTableId(overhead.id()), "change.saldo", year));
      }
    }
    // the table
    List<Column> tableColumns = new ArrayList<>();
    tableColumns.add(new Column("share", "Proc. aandeel"));
    for (Annex.Column column : columns) {
      tableColumns.add(new Column(column.id(), column.title()));
    }
    if (third != null) {
      tableColumns.add(new Column(third.id(), third.title()));
    }
    // the key as printed: each member's effective share in hundredths of a percent, by largest
    // remainder, so that the printed shares add up to exactly 100,00 %
    long[] printedShares = nl.begroot.core.money.Allocation.allocate(10_000, mainKey.weights(members));
    List<Row> rows = new ArrayList<>();
    for (String row : rowIds) {
      List<Cell> cells = new ArrayList<>();
      int m = -1;
      for (int i = 0; i < members.size(); i++) {
        if (members.get(i).id().equals(row)) {
          m = i;
        }
      }
      if (m >= 0) {
        cells.add(Cell.percent(BigDecimal.valueOf(printedShares[m], 2)));
      } else if (row.equals("totaal")) {
        cells.add(Cell.percent(BigDecimal.valueOf(100)));
      } else {
        cells.add(Cell.EMPTY);
      }
      for (Column column : tableColumns.subList(1, tableColumns.size())) {
        String fid = id(t, row, column.id());
        cells.add(graph.find(fid).isPresent() ? Cell.figure(fid) : Cell.EMPTY);
      }
      rows.add(new Row(row, rowLabel(row), m >= 0 ? Style.LINE : Style.TOTAL, cells));
    }
    tables.add(new Table(t, annex.title() + " " + year, 100_000, tableColumns, rows));
  }

  private String rowLabel(String row) {
    return switch (row) {
      case "totaal-per-deel" -> "Totaal per deel";
      case "bedrijfsvoering" -> "Bedrijfsvoering";
      case "te-verdelen" -> "Te verdelen bedrag";
      case "totaal" -> "Totaal";
      default -> budget.member(row).orElseThrow().name();
    };
  }

  private String columnTitle(String columnId) {
    var annex = budget.annex();
    if (annex.thirdPartyColumn() != null && annex.thirdPartyColumn().id().equals(columnId)) {
      return annex.thirdPartyColumn().title();
    }
    return annex.columns().get(AnnexLayout.columnIndex(annex, columnId)).title();
  }

  private void memberShares(String t, String columnId, DistributionKey key, int col, int y) {
    List<Member> members = budget.members();
    String of = id(t, "te-verdelen", columnId);
    String sumPercent = key.sumPercent().toPlainString();
    List<Term> terms = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      Member member = members.get(m);
      String fid = id(t, member.id(), columnId);
      leaf(fid, member.name() + ", " + columnTitle(columnId), c.annex().member(col, y, m), Display.AMOUNT,
          new Origin.Share(of, key.id(), key.sharesPercent().getOrDefault(member.id(), BigDecimal.ZERO).toPlainString(), sumPercent));
      terms.add(plus(fid));
    }
    sum(id(t, "totaal", columnId), "Totaal, " + columnTitle(columnId), terms, "sum over the members");
    graph.requireEqual(id(t, "totaal", columnId), of);
    check(id(t, "totaal", columnId), graph.get(of).cents());
  }

  private void buildStructural(int balancingIndex) {
    String t = STRUCTURAL;
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      for (Computation.StructuralRow row : Computation.StructuralRow.values()) {
        String rowId = structuralRowId(row);
        sum(id(t, rowId, year), structuralLabel(row), natureTerms(row, year), NATURE_RULE);
        check(id(t, rowId, year), c.structural(row, y));
      }
      sum(id(t, "recurring.saldo", year), "Structureel saldo", List.of(plus(id(t, "recurring.lasten", year)), minus(id(t, "recurring.baten", year))), "lasten - baten");
      sum(id(t, "one-off.saldo", year), "Incidenteel saldo", List.of(plus(id(t, "one-off.lasten", year)), minus(id(t, "one-off.baten", year))), "lasten - baten");
      sum(id(t, "saldo", year), "Saldo wijzigingen (te dekken door de leden)", List.of(plus(id(t, "recurring.saldo", year)), plus(id(t, "one-off.saldo", year))), "structureel + incidenteel");
      if (balancingIndex >= 0) {
        Proposal b = budget.proposals().get(balancingIndex);
        String bid = lineId(b, year);
        check(id(t, "saldo", year), graph.get(bid).cents());
        graph.requireEqual(id(t, "saldo", year), bid);
        sum(id(t, "uncovered", year), "Structurele lasten niet structureel gedekt",
            List.of(plus(id(t, "recurring.saldo", year)), minus(bid)),
            "structureel saldo minus the members' higher contribution (counted as recurring): above 0, recurring lasten lean on one-off means");
      }
    }
    List<Row> rows = new ArrayList<>();
    rows.add(section("Structureel"));
    rows.add(yearRow(t, "recurring.lasten", "Structurele lasten", Style.LINE));
    rows.add(yearRow(t, "recurring.baten", "Structurele baten", Style.LINE));
    rows.add(yearRow(t, "recurring.saldo", "Structureel saldo", Style.TOTAL));
    rows.add(section("Incidenteel"));
    rows.add(yearRow(t, "one-off.lasten", "Incidentele lasten", Style.LINE));
    rows.add(yearRow(t, "one-off.baten", "Incidentele baten", Style.LINE));
    rows.add(yearRow(t, "one-off.saldo", "Incidenteel saldo", Style.TOTAL));
    rows.add(yearRow(t, "saldo", "Saldo wijzigingen (te dekken door de leden)", Style.TOTAL));
    if (balancingIndex >= 0) {
      rows.add(yearRow(t, "uncovered", "Structurele lasten niet structureel gedekt (> 0: incidenteel gedekt)", Style.TOTAL));
    }
    tables.add(new Table(t, "Structureel en incidenteel", 100_000, yearColumns(), rows));
  }

  /** The rule of a structural row: its lines, and the components of a breakdown by their own nature. */
  public static final String NATURE_RULE = "sum of the lines of this nature and side (a breakdown's components count by their own nature)";

  private static String structuralRowId(Computation.StructuralRow row) {
    return switch (row) {
      case RECURRING_LASTEN -> "recurring.lasten";
      case RECURRING_BATEN -> "recurring.baten";
      case ONE_OFF_LASTEN -> "one-off.lasten";
      case ONE_OFF_BATEN -> "one-off.baten";
    };
  }

  private static String structuralLabel(Computation.StructuralRow row) {
    return switch (row) {
      case RECURRING_LASTEN -> "Structurele lasten";
      case RECURRING_BATEN -> "Structurele baten";
      case ONE_OFF_LASTEN -> "Incidentele lasten";
      case ONE_OFF_BATEN -> "Incidentele baten";
    };
  }

  /**
   * The parts of a structural row in one year: every line of its side and nature except the balancing
   * line (which the rows explain), as shown in its programme table; a breakdown component of another
   * nature than its line moves from the line's row to its own.
   */
  private List<Term> natureTerms(Computation.StructuralRow row, int year) {
    Side side = row == Computation.StructuralRow.RECURRING_LASTEN || row == Computation.StructuralRow.ONE_OFF_LASTEN ? Side.LASTEN : Side.BATEN;
    Nature nature = row == Computation.StructuralRow.RECURRING_LASTEN || row == Computation.StructuralRow.RECURRING_BATEN ? Nature.RECURRING : Nature.ONE_OFF;
    List<Term> terms = new ArrayList<>();
    for (Proposal p : budget.proposals()) {
      if (p.side() != side || p.rule() == Proposal.Rule.BALANCING) {
        continue;
      }
      if (p.nature() == nature) {
        terms.add(plus(lineId(p, year)));
      }
      if (p.breakdown() == null) {
        continue;
      }
      for (Breakdown.Component component : p.breakdown().components()) {
        String raw = id(breakdownTableId(p.id()) + "/raw", component.id(), year);
        if (component.nature() == p.nature() || graph.find(raw).isEmpty()) {
          continue;
        }
        if (component.nature() == nature) {
          terms.add(plus(raw));
        } else if (p.nature() == nature) {
          terms.add(minus(raw));
        }
      }
    }
    return terms;
  }

  private void buildPassThrough() {
    String t = PASS_THROUGH;
    List<Row> rows = new ArrayList<>();
    rows.add(section("Overgebracht naar de Raming kassiersfunctie"));
    List<Proposal> moved = budget.proposals().stream().filter(Proposal::passThrough).toList();
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      List<Term> all = new ArrayList<>();
      for (Proposal p : moved) {
        sum(id(t, p.id(), year), p.title(), List.of(new Term(-p.saldoSign(), lineId(p, year))), "the amount the line removes from the association budget");
        all.add(plus(id(t, p.id(), year)));
      }
      sum(id(t, "total", year), "Totaal naar de Raming kassiersfunctie", all, "sum of the moved items");
      long engineTotal = 0;
      for (int p = 0; p < budget.programmes().size(); p++) {
        engineTotal += c.passThrough(p, y);
      }
      check(id(t, "total", year), engineTotal);
      budget.proposals().stream().filter(p -> p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION).findFirst().ifPresent(p -> {
        sum(id(t, "contribution", year), "Bijdrage leden via de kassiersfunctie", List.of(minus(lineId(p, year))), "the members pay the moved items through the pass-through budget");
        graph.requireEqual(id(t, "contribution", year), id(t, "total", year));
      });
    }
    for (Proposal p : moved) {
      Programme programme = programme(p);
      String label = lineLabel(p, programme) + (p.passThroughItems().isEmpty() ? "" : " (" + String.join(", ", p.passThroughItems()) + ")");
      rows.add(yearRow(t, p.id(), label, Style.LINE));
    }
    rows.add(yearRow(t, "total", "Totaal naar de Raming kassiersfunctie", Style.TOTAL));
    if (graph.find(id(t, "contribution", years.get(0))).isPresent()) {
      rows.add(yearRow(t, "contribution", "Bijdrage leden via de kassiersfunctie", Style.TOTAL));
    }
    tables.add(new Table(t, "Raming kassiersfunctie: overgebrachte ramingen", 100_000, yearColumns(), rows));
  }

  /** A breakdown's components as entered, one leaf per year that has an amount or pm. */
  private void componentLeaves(Proposal p) {
    String t = breakdownTableId(p.id());
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      for (Breakdown.Component component : p.breakdown().components()) {
        Amounts a = component.amounts();
        if (a.kind(y) != Amounts.Kind.BLANK) {
          leaf(id(t + "/raw", component.id(), year), component.title(), a.cents(y), display(a, y),
              new Origin.Component(p.id(), component.id(), year));
        }
      }
    }
  }

  private void buildBreakdown(Proposal p) {
    Breakdown breakdown = p.breakdown();
    String t = breakdownTableId(p.id());
    int sign = breakdown.showNegated() ? -1 : 1;
    Programme programme = programme(p);
    String line = programmeTableId(programme.id());
    List<Row> rows = new ArrayList<>();
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      List<Term> terms = new ArrayList<>();
      boolean any = false;
      for (Breakdown.Component component : breakdown.components()) {
        Amounts a = component.amounts();
        if (a.kind(y) == Amounts.Kind.BLANK) {
          continue;
        }
        any = true;
        String raw = id(t + "/raw", component.id(), year);
        sum(id(t, component.id(), year), component.title(), List.of(new Term(sign, raw)), sign < 0 ? "shown with the opposite sign" : "as entered");
        terms.add(plus(id(t, component.id(), year)));
      }
      if (any) {
        sum(id(t, "total", year), breakdown.title(), terms, "sum of the components");
        sum(id(t, "line", year), lineLabel(p, programme), List.of(new Term(sign, id(line, p.id(), year))), "the proposal line");
        graph.requireEqual(id(t, "total", year), id(t, "line", year));
      }
    }
    for (Breakdown.Component component : breakdown.components()) {
      rows.add(yearRow(t, component.id(), component.id() + ". " + component.title(), Style.LINE));
    }
    rows.add(yearRow(t, "total", "Totaal", Style.TOTAL));
    tables.add(new Table(t, breakdown.title(), breakdown.inEuros() ? 100 : 100_000, yearColumns(), rows));
  }
}
