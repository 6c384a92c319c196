package nl.begroot.core.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.core.text.Dutch;

/**
 * The audit (rekenkundige controle) of a published document: compares every printed figure with the
 * computed one and every printed total with the sum of its own printed parts, and lists each
 * difference with its likely cause.
 *
 * <p>Cause: a difference is put down to rounding when it is smaller than what rounding can explain:
 * for a printed figure against Begroot's, less than 1 unit from the exact value, plus half a unit for
 * every entered amount behind it when the file's amounts were themselves typed from rounded print;
 * for a printed total against its printed parts, at most half a unit per part. Anything larger is
 * reported as a real error.
 */
public final class Auditor {
  private final Document document;
  private final PrintedFigures ours;
  private final PrintedDocument printed;
  private final List<Finding> findings = new ArrayList<>();
  /** Printed value of each figure at each place it is printed: figure id -> table id -> value. */
  private final Map<String, Map<String, Long>> printedValues = new LinkedHashMap<>();
  /** Where each figure is printed: figure id -> table id -> {row id, column id}. */
  private final Map<String, Map<String, String[]>> places = new HashMap<>();

  private Auditor(Document document, PrintedFigures ours) {
    this.document = document;
    this.ours = ours;
    this.printed = document.computation().budget().printed();
  }

  public static List<Finding> audit(Document document, PrintedFigures ours) {
    Auditor a = new Auditor(document, ours);
    a.run();
    return List.copyOf(a.findings);
  }

  private void run() {
    for (DistributionKey key : document.computation().budget().keys()) {
      if (key.sumPercent().compareTo(BigDecimal.valueOf(100)) != 0) {
        findings.add(new Finding("key:" + key.id(), "totaal", "share", Dutch.percent(key.sumPercent()), "100,00%", Finding.Kind.KEY,
            Finding.Cause.ROUNDING, "key '" + key.id() + "' adds up to " + Dutch.percent(key.sumPercent())
            + ", not 100 %; its shares were rounded for print; Begroot divides each share by their sum"));
      }
    }
    frameBalance();
    for (PrintedDocument.PrintedTable pt : printed.tables()) {
      document.table(pt.table()).ifPresent(table -> compareTable(pt, table));
    }
    footing();
    crossTable();
  }

  private void frameBalance() {
    var years = document.computation().years();
    for (int year : years) {
      Figure saldo = document.graph().get(DocumentBuilder.TABEL_1 + "/frame.saldo/" + year);
      if (saldo.cents() != 0) {
        Figure l = document.graph().get(DocumentBuilder.TABEL_1 + "/frame.lasten/" + year);
        Figure b = document.graph().get(DocumentBuilder.TABEL_1 + "/frame.baten/" + year);
        boolean rounded = printed.amountsRoundedToEuros() > 0
            && Math.abs(saldo.cents()) <= printed.amountsRoundedToEuros() * 100 / 2 * (document.computation().budget().programmes().size() * 2L);
        findings.add(new Finding(DocumentBuilder.TABEL_1, "frame.saldo", String.valueOf(year), "0", Dutch.euros(saldo.cents()),
            Finding.Kind.FRAME_BALANCE, rounded ? Finding.Cause.ROUNDING : Finding.Cause.ERROR,
            "the frame does not balance in " + year + ": lasten " + Dutch.euros(l.cents()) + " minus baten " + Dutch.euros(b.cents())
            + " is " + Dutch.euros(saldo.cents()) + " euros" + (rounded ? " (its amounts were entered from figures rounded to "
            + printed.amountsRoundedToEuros() + " euros)" : "")));
      }
    }
  }

  private void compareTable(PrintedDocument.PrintedTable pt, Table table) {
    long unit = table.centsPerUnit();
    for (Map.Entry<String, PrintedDocument.PrintedRow> entry : pt.rows().entrySet()) {
      Table.Row row = table.row(entry.getKey());
      List<String> cells = entry.getValue().cells();
      if (row == null) {
        findings.add(new Finding(pt.table(), entry.getKey(), "", String.join(" ", cells), "", Finding.Kind.VALUE, Finding.Cause.ERROR,
            "the printed row '" + entry.getKey() + "' is not in Begroot's table: its proposal was withdrawn or renamed since"
            + " publication, or the id is misspelt"));
        continue;
      }
      for (int c = 0; c < Math.min(cells.size(), table.columns().size()); c++) {
        String text = cells.get(c);
        String column = table.columns().get(c).id();
        Table.Cell cell = row.cells().get(c);
        if (cell.percent() != null) {
          keyCell(pt, row, column, text, cell);
          continue;
        }
        if (cell.figureId() == null) {
          if (!text.isEmpty()) {
            findings.add(new Finding(pt.table(), row.id(), column, text, "", Finding.Kind.VALUE, Finding.Cause.ERROR,
                "printed a figure where Begroot computes none"));
          }
          continue;
        }
        Figure f = document.graph().get(cell.figureId());
        String expected = shown(f, table);
        if (!text.isEmpty() && !text.equalsIgnoreCase("pm")) {
          Dutch.parseWhole(text).ifPresent(v -> {
            printedValues.computeIfAbsent(f.id(), k -> new LinkedHashMap<>()).put(pt.table(), v);
            places.computeIfAbsent(f.id(), k -> new HashMap<>()).put(pt.table(), new String[] {row.id(), column});
          });
        }
        if (expected.equals(text) || (f.display() == Figure.Display.PM && text.equalsIgnoreCase("pm"))) {
          continue;
        }
        Optional<Long> value = Dutch.parseWhole(text);
        Finding.Cause cause = Finding.Cause.ERROR;
        String why;
        if (value.isPresent() && f.display() == Figure.Display.AMOUNT) {
          long diffCents = Math.abs(value.get() * unit - f.cents());
          long tolerance = unit + (printed.amountsRoundedToEuros() > 0 ? enteredLeaves(f) * printed.amountsRoundedToEuros() * 100 / 2 : 0);
          if (diffCents < tolerance) {
            cause = Finding.Cause.ROUNDING;
            why = "printed " + text + ", Begroot prints " + expected + "; the exact value is " + Dutch.euros(f.cents()) + " euros, so the difference lies within rounding";
          } else {
            why = "printed " + text + ", but the figure is " + Dutch.euros(f.cents()) + " euros (" + expected + ")";
          }
        } else {
          why = "printed '" + text + "', Begroot shows '" + expected + "'";
        }
        findings.add(new Finding(pt.table(), row.id(), column, text, expected, Finding.Kind.VALUE, cause, why));
      }
    }
  }

  private void keyCell(PrintedDocument.PrintedTable pt, Table.Row row, String column, String text, Table.Cell cell) {
    Optional<BigDecimal> printedShare = Dutch.parsePercent(text);
    String ours = Dutch.percent(cell.percent());
    if (printedShare.isEmpty()) {
      findings.add(new Finding(pt.table(), row.id(), column, text, ours, Finding.Kind.KEY, Finding.Cause.ERROR,
          "'" + text + "' is not a percentage"));
      return;
    }
    if (row.id().equals("totaal")) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Map.Entry<String, PrintedDocument.PrintedRow> other : pt.rows().entrySet()) {
        if (document.computation().budget().member(other.getKey()).isPresent()) {
          int c = document.table(pt.table()).orElseThrow().columnIndex(column);
          sum = sum.add(Dutch.parsePercent(other.getValue().cells().get(c)).orElse(BigDecimal.ZERO));
        }
      }
      if (sum.compareTo(printedShare.get()) != 0) {
        findings.add(new Finding(pt.table(), row.id(), column, text, Dutch.percent(sum), Finding.Kind.KEY, Finding.Cause.ROUNDING,
            "the key's total is printed as " + text + ", but its printed shares add up to " + Dutch.percent(sum)));
      }
      return;
    }
    if (printedShare.get().compareTo(cell.percent()) != 0) {
      boolean rounding = printedShare.get().subtract(cell.percent()).abs().compareTo(new BigDecimal("0.01")) <= 0;
      findings.add(new Finding(pt.table(), row.id(), column, text, ours, Finding.Kind.KEY,
          rounding ? Finding.Cause.ROUNDING : Finding.Cause.ERROR,
          "the share is printed as " + text + "; divided by the key's total and rounded so that the shares add up to 100,00 %, it is " + ours));
    }
  }

  /** Printed totals against the sums of their printed parts (wherever the parts are printed). */
  private void footing() {
    for (Map.Entry<String, Map<String, Long>> e : printedValues.entrySet()) {
      for (List<Figure.Term> terms : document.graph().decompositions(e.getKey())) {
        for (Map.Entry<String, Long> place : e.getValue().entrySet()) {
          footing(e.getKey(), terms, place.getKey(), place.getValue());
        }
      }
    }
  }

  private void footing(String figureId, List<Figure.Term> terms, String table, long printedTotal) {
    long sum = 0;
    StringBuilder parts = new StringBuilder();
    for (Figure.Term t : terms) {
      Map<String, Long> where = printedValues.get(t.figureId());
      if (where == null) {
        Figure part = document.graph().get(t.figureId());
        if (part.display() != Figure.Display.AMOUNT && part.cents() == 0) {
          continue; // a pm or blank line counts as 0
        }
        return; // a part is not printed: nothing to check
      }
      long v = where.containsKey(table) ? where.get(table) : where.values().iterator().next();
      sum += t.sign() * v;
      parts.append(parts.length() == 0 ? (t.sign() < 0 ? "-" : "") : (t.sign() < 0 ? " - " : " + ")).append(Dutch.whole(v));
    }
    if (sum == printedTotal) {
      return;
    }
    long diff = Math.abs(sum - printedTotal);
    Finding.Cause cause = diff * 2 <= terms.size() ? Finding.Cause.ROUNDING : Finding.Cause.ERROR;
    String[] at = places.get(figureId).get(table);
    findings.add(new Finding(table, at[0], at[1], Dutch.whole(printedTotal), Dutch.whole(sum), Finding.Kind.FOOTING, cause,
        "the printed total " + Dutch.whole(printedTotal) + " is not the sum of its printed parts: " + parts + " = " + Dutch.whole(sum)));
  }

  private void crossTable() {
    for (Map.Entry<String, Map<String, Long>> e : printedValues.entrySet()) {
      if (e.getValue().values().stream().distinct().count() > 1) {
        String table = e.getValue().keySet().iterator().next();
        String[] at = places.get(e.getKey()).get(table);
        findings.add(new Finding(table, at[0], at[1], e.getValue().toString(), "", Finding.Kind.CROSS_TABLE, Finding.Cause.ERROR,
            "the same figure is printed differently: " + e.getValue()));
      }
    }
  }


  private final Map<String, Long> enteredCache = new HashMap<>();

  private long enteredLeaves(Figure f) {
    return enteredCache.computeIfAbsent(f.id(), id -> document.graph().leafCoefficients(id).keySet().stream()
        .map(l -> document.graph().get(l).origin())
        .filter(o -> o instanceof Origin.Entered || o instanceof Origin.Frame || o instanceof Origin.TransferLeg || o instanceof Origin.Component)
        .count());
  }

  private String shown(Figure f, Table table) {
    return switch (f.display()) {
      case PM -> "pm";
      case BLANK -> "";
      case AMOUNT -> Dutch.whole(ours.value(table.inThousands(), f.id()).orElseThrow());
    };
  }
}
