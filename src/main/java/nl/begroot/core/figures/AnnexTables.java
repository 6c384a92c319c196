package nl.begroot.core.figures;

import static nl.begroot.core.figures.FigureIds.of;
import static nl.begroot.core.figures.FigureIds.programmeTable;
import static nl.begroot.core.figures.FigureSheet.plus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.engine.AnnexLayout;
import nl.begroot.core.figures.Figure.Display;
import nl.begroot.core.figures.Figure.Term;
import nl.begroot.core.figures.Table.Cell;
import nl.begroot.core.figures.Table.Column;
import nl.begroot.core.figures.Table.Row;
import nl.begroot.core.figures.Table.Style;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;

/**
 * Bijlage 1 of each year: per annex column the proposals' total, the overhead's share and the amount
 * to distribute, each member's share of it by the column's key, the sum columns, and the key as
 * printed.
 */
final class AnnexTables {
  private final FigureSheet s;

  /*
   * Once for all years, by proposal: its leaf column (or a negative marker), its saldo sign, whether it is
   * the third party's money, and each leaf column's count of lines (to size its terms). The year loops read
   * these arrays in order, not each proposal's object (a cache miss each, ten times at 10^6 cells).
   */
  private final int[] columnOf;
  private final int[] saldoSign;
  private final boolean[] thirdParty;
  private final int[] linesIn;

  AnnexTables(FigureSheet sheet) {
    this.s = sheet;
    this.columnOf = AnnexLayout.columnOfProposals(sheet.budget);
    List<Proposal> proposals = sheet.budget.proposals();
    Annex.ThirdPartyColumn third = sheet.budget.annex().thirdPartyColumn();
    this.saldoSign = new int[proposals.size()];
    this.thirdParty = new boolean[proposals.size()];
    this.linesIn = new int[sheet.budget.annex().columns().size()];
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      saldoSign[i] = p.saldoSign();
      thirdParty[i] = third != null && third.thirdParty().equals(p.thirdParty());
      if (columnOf[i] >= 0 && columnOf[i] < linesIn.length) {
        linesIn[columnOf[i]]++;
      }
    }
  }

  void build(int y) {
    Annex annex = s.budget.annex();
    int year = s.years.get(y);
    String t = FigureIds.annexTable(year);
    List<Annex.Column> columns = annex.columns();
    List<Proposal> proposals = s.budget.proposals();
    List<Member> members = s.budget.members();
    DistributionKey mainKey = s.budget.key(annex.keyId()).orElseThrow();
    Programme overhead = s.budget.programmes().stream().filter(Programme::overheadView).findFirst().orElse(null);
    var figures = s.c.annex();

    // leaf columns: each one's lines in order, from one walk over the lines
    List<FigureSheet.Terms> termsOf = new ArrayList<>();
    boolean[] isSum = new boolean[columns.size()];
    for (int col = 0; col < columns.size(); col++) {
      termsOf.add(s.terms(linesIn[col]));
      isSum[col] = columns.get(col).isSum();
    }
    for (int i = 0; i < proposals.size(); i++) {
      int col = columnOf[i];
      if (col >= 0 && !isSum[col]) {
        termsOf.get(col).line(i, year, saldoSign[i]);
      }
    }
    for (int col = 0; col < columns.size(); col++) {
      Annex.Column column = columns.get(col);
      if (column.isSum()) {
        continue;
      }
      List<Term> terms = termsOf.get(col);
      s.sum(of(t, "totaal-per-deel", column.id()), "Totaal per deel, " + column.title(), terms, "lasten minus baten of the proposals in this column");
      s.check(of(t, "totaal-per-deel", column.id()), figures.parts(col, y));
      List<Term> distribute = new ArrayList<>(List.of(plus(of(t, "totaal-per-deel", column.id()))));
      if (overhead != null && overhead.spread().containsKey(column.id())) {
        BigDecimal share = overhead.spread().get(column.id());
        BigDecimal total = overhead.spread().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        s.leaf(of(t, "bedrijfsvoering", column.id()), "Bedrijfsvoering, " + column.title(), figures.overhead(col, y), Display.AMOUNT,
            new Origin.Share(of(programmeTable(overhead.id()), "change.saldo", year), "spread of programme " + overhead.id(),
                share.toPlainString(), total.toPlainString()));
        distribute.add(plus(of(t, "bedrijfsvoering", column.id())));
      }
      s.sum(of(t, "te-verdelen", column.id()), "Te verdelen bedrag, " + column.title(), distribute, "totaal per deel + bedrijfsvoering");
      DistributionKey key = column.keyId() == null ? mainKey : s.budget.key(column.keyId()).orElseThrow();
      memberShares(t, column.id(), key, col, y);
    }
    // third-party column: only "te verdelen" and the members
    Annex.ThirdPartyColumn third = annex.thirdPartyColumn();
    if (third != null) {
      int col = columns.size();
      FigureSheet.Terms terms = s.terms();
      for (int i = 0; i < proposals.size(); i++) {
        if (thirdParty[i]) {
          terms.line(i, year, -saldoSign[i]);
        }
      }
      s.sum(of(t, "te-verdelen", third.id()), "Te verdelen bedrag, " + third.title(), terms, "the third-party money received (baten)");
      s.check(of(t, "te-verdelen", third.id()), figures.toDistribute(col, y));
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
          if (s.graph.has(of(t, row, part))) {
            terms.add(plus(of(t, row, part)));
          }
        }
        if (!terms.isEmpty()) {
          s.sum(of(t, row, column.id()), rowLabel(row) + ", " + column.title(), terms, "sum of columns " + String.join(", ", column.sumOf()));
        }
      }
      List<Term> overMembers = new ArrayList<>();
      for (Member m : members) {
        overMembers.add(plus(of(t, m.id(), column.id())));
      }
      s.graph.addAlternative(of(t, "totaal", column.id()), overMembers);
      if (s.graph.has(of(t, "bedrijfsvoering", column.id()))) {
        s.graph.addAlternative(of(t, "te-verdelen", column.id()),
            List.of(plus(of(t, "totaal-per-deel", column.id())), plus(of(t, "bedrijfsvoering", column.id()))));
      }
      s.check(of(t, "te-verdelen", column.id()), figures.toDistribute(col, y));
    }
    if (overhead != null) {
      String total = columns.get(columns.size() - 1).isSum() ? columns.get(columns.size() - 1).id() : null;
      if (total != null && s.graph.has(of(t, "bedrijfsvoering", total))) {
        s.graph.requireEqual(of(t, "bedrijfsvoering", total), of(programmeTable(overhead.id()), "change.saldo", year));
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
        String fid = of(t, row, column.id());
        cells.add(s.graph.has(fid) ? Cell.figure(fid) : Cell.EMPTY);
      }
      rows.add(new Row(row, rowLabel(row), m >= 0 ? Style.LINE : Style.TOTAL, cells));
    }
    s.tables.add(new Table(t, annex.title() + " " + year, 100_000, tableColumns, rows));
  }

  private String rowLabel(String row) {
    return switch (row) {
      case "totaal-per-deel" -> "Totaal per deel";
      case "bedrijfsvoering" -> "Bedrijfsvoering";
      case "te-verdelen" -> "Te verdelen bedrag";
      case "totaal" -> "Totaal";
      default -> s.budget.member(row).orElseThrow().name();
    };
  }

  private String columnTitle(String columnId) {
    var annex = s.budget.annex();
    if (annex.thirdPartyColumn() != null && annex.thirdPartyColumn().id().equals(columnId)) {
      return annex.thirdPartyColumn().title();
    }
    return annex.columns().get(AnnexLayout.columnIndex(annex, columnId)).title();
  }

  private void memberShares(String t, String columnId, DistributionKey key, int col, int y) {
    List<Member> members = s.budget.members();
    String toDistribute = of(t, "te-verdelen", columnId);
    String sumPercent = key.sumPercent().toPlainString();
    List<Term> terms = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      Member member = members.get(m);
      String fid = of(t, member.id(), columnId);
      s.leaf(fid, member.name() + ", " + columnTitle(columnId), s.c.annex().member(col, y, m), Display.AMOUNT,
          new Origin.Share(toDistribute, key.id(), key.sharesPercent().getOrDefault(member.id(), BigDecimal.ZERO).toPlainString(), sumPercent));
      terms.add(plus(fid));
    }
    s.sum(of(t, "totaal", columnId), "Totaal, " + columnTitle(columnId), terms, "sum over the members");
    s.graph.requireEqual(of(t, "totaal", columnId), toDistribute);
    s.check(of(t, "totaal", columnId), s.graph.get(toDistribute).cents());
  }
}
