package nl.begroot.core.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.FigureLabels;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.core.text.Dutch;

/**
 * The audit (rekenkundige controle) of a published document: compares every printed figure with the
 * computed one and every printed total with the sum of its own printed parts, and says of each
 * finding which of the four {@link Finding.Kind kinds} it is.
 *
 * <ul>
 *   <li>No finding: a printed figure that is the nearest whole unit of its exact value and that
 *       Begroot prints too.
 *   <li>{@link Finding.Kind#ROUNDING Afronding}: a printed figure that differs from Begroot's by
 *       less than rounding explains (less than 1 unit from the exact value, plus half a unit for
 *       every entered amount behind it when the file's amounts were themselves typed from rounded
 *       print), or that Begroot prints the same but that is not the nearest unit (the total it is
 *       part of needs it to foot). A key share within 0,01 % of Begroot's.
 *   <li>{@link Finding.Kind#INCONSISTENCY Inconsistentie in het document}: a printed total that is
 *       not the sum of its printed parts, a figure printed differently in two places, a key that
 *       does not add up to 100 %, a frame that does not balance. Whatever the size: the document
 *       contradicts itself.
 *   <li>{@link Finding.Kind#CHANGED_SINCE_PUBLICATION Gewijzigd sinds publicatie}: a printed
 *       figure that differs from Begroot's while its value changed since the document was printed
 *       (or, when the value at publication is not known, while a logged edit names one of its
 *       inputs), with the edits that did it.
 *   <li>{@link Finding.Kind#ERROR Fout}: everything else.
 * </ul>
 */
public final class Auditor {
  private final Document document;
  private final PrintedFigures ours;
  private final PrintedDocument printed;
  private final SincePublication since;
  private final FigureLabels labels;
  private final List<Finding> findings = new ArrayList<>();
  /** Printed value of each figure at each place it is printed: figure id -> table id -> value. */
  private final Map<String, Map<String, Long>> printedValues = new LinkedHashMap<>();
  /** Where each figure is printed: figure id -> table id -> {row id, column id}. */
  private final Map<String, Map<String, String[]>> places = new HashMap<>();

  private Auditor(Document document, PrintedFigures ours, SincePublication since) {
    this.document = document;
    this.ours = ours;
    this.printed = document.computation().budget().printed();
    this.since = since;
    this.labels = FigureLabels.of(document);
  }

  /** The audit of a document on its own (a file: no history). */
  public static List<Finding> audit(Document document, PrintedFigures ours) {
    return audit(document, ours, SincePublication.NONE);
  }

  /** The audit of a version with what happened to it since its document was printed. */
  public static List<Finding> audit(Document document, PrintedFigures ours, SincePublication since) {
    Auditor a = new Auditor(document, ours, since);
    a.run();
    return List.copyOf(a.findings);
  }

  /**
   * The audit of the annual accounts (docs/accounts.md) with their printed figures: every deviation the
   * threshold asks to explain and that has no explanation, in words (an inconsistency: the document is not
   * complete), and every printed total of their tables that is not the sum of its printed parts.
   */
  public static List<Finding> accounts(nl.begroot.core.accounts.AnnualAccounts accounts, PrintedFigures printed) {
    List<Finding> out = new ArrayList<>();
    var t = accounts.threshold();
    for (var d : accounts.missing()) {
      String side = d.side() == nl.begroot.core.model.Side.LASTEN ? "lasten" : "baten";
      out.add(new Finding(nl.begroot.core.accounts.AnnualAccounts.REALISATIE, "p" + d.programme(), "verschil-" + side,
          nl.begroot.core.accounts.AnnualAccounts.REALISATIE + "/p" + d.programme() + "/verschil-" + side,
          "programma " + d.programme() + " " + d.title() + ", " + side, Dutch.money(d.realised()), Dutch.money(d.deviation()),
          Finding.Check.EXPLANATION, Finding.Kind.INCONSISTENCY,
          "the deviation of programme " + d.programme() + " " + d.title() + " (" + side + ") is " + Dutch.money(d.deviation()) + " (budget "
              + Dutch.money(d.budget()) + ", realised " + Dutch.money(d.realised()) + "), over the threshold of " + Dutch.money(t.cents()) + " or "
              + t.percent() + " %, and has no explanation", List.of()));
    }
    footing(accounts.document(), printed, out);
    return List.copyOf(out);
  }

  /**
   * The audit of a Tussenrapportage (docs/midyear.md) with its printed figures and the effect it shows of its own proposals
   * ({@code effect}: the budget na wijziging against the report, {@code Comparison.of}): every unit that has a budget or
   * realised figures and no forecast with a reason (an inconsistency: the report is not complete, and it is not adopted so),
   * every printed total of its tables that is not the sum of its printed parts, and every year in which the effect shown does
   * not follow from the proposals' own amounts ({@link #effect}).
   */
  public static List<Finding> midyear(nl.begroot.core.midyear.MidyearReport report, PrintedFigures printed,
      nl.begroot.core.compare.Comparison effect) {
    List<Finding> out = new ArrayList<>();
    for (var r : report.missingForecasts()) {
      boolean noForecast = r.lasten().forecast() == null;
      out.add(new Finding(nl.begroot.core.midyear.MidyearReport.LASTEN, r.id(), nl.begroot.core.midyear.MidyearReport.FORECAST, "",
          r.title(), "", noForecast ? "" : Dutch.money(r.lasten().forecast()), Finding.Check.FORECAST, Finding.Kind.INCONSISTENCY,
          "unit " + r.title() + " has " + (noForecast ? "no forecast" : "a forecast without a reason") + " for " + report.year()
              + " (realised up to period " + report.upToPeriod() + ": lasten " + Dutch.money(r.lasten().realised()) + ", baten "
              + Dutch.money(r.baten().realised()) + ")", List.of()));
    }
    footing(report.document(), printed, out);
    out.addAll(effect(effect));
    return List.copyOf(out);
  }

  /** The table id of a Tussenrapportage's effect in a finding (the page's and the document's tables of it). */
  public static final String EFFECT = "tussenrapportage-effect";

  /**
   * The effect of a version's own proposals as shown, against what their own amounts make of it, per year; its findings are
   * inconsistencies: the balancing item moves by the proposals' net amounts as in the concept (the change in
   * lasten minus the change in all other baten: every line but the balancing one, transfers and pass-through moves
   * included), and the members' changes add up to the change of the amount the annex distributes over them (each member's
   * part is its key share of it, by the engine's allocation). Exact to the cent: the effect is shown in euros. Returns the
   * findings, empty when the effect follows.
   */
  public static List<Finding> effect(nl.begroot.core.compare.Comparison effect) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < effect.years().size(); i++) {
      int year = effect.years().get(i);
      long net = 0;
      for (var p : effect.proposals()) {
        if (p.rule() != nl.begroot.core.model.Proposal.Rule.BALANCING) {
          net = Math.addExact(net, p.side() == nl.begroot.core.model.Side.LASTEN ? p.amounts().delta(i) : Math.negateExact(p.amounts().delta(i)));
        }
      }
      long shown = effect.balancing().delta(i);
      if (shown != net) {
        out.add(new Finding(EFFECT, "sluitpost", String.valueOf(year), "", "Effect van de voorstellen, sluitpost " + year, Dutch.money(shown),
            Dutch.money(net), Finding.Check.EFFECT, Finding.Kind.INCONSISTENCY, "the change of the balancing item in " + year + " is shown as "
                + Dutch.money(shown) + ", but the proposals' own amounts net to " + Dutch.money(net)
                + " (the change in lasten minus the change in all other baten)", List.of()));
      }
      long members = 0;
      for (var m : effect.members()) {
        members = Math.addExact(members, m.delta(i));
      }
      long distributed = effect.distributed().delta(i);
      if (members != distributed) {
        out.add(new Finding(EFFECT, "leden", String.valueOf(year), "", "Effect van de voorstellen, bijdrage per lid " + year, Dutch.money(members),
            Dutch.money(distributed), Finding.Check.EFFECT, Finding.Kind.INCONSISTENCY, "the members' changes in " + year + " shown add up to "
                + Dutch.money(members) + ", but the amount distributed over the members (Bijlage 1, te verdelen) changes by "
                + Dutch.money(distributed), List.of()));
      }
    }
    return List.copyOf(out);
  }

  /** Every printed total of {@code doc}'s tables that is not the sum of its printed parts, added to {@code out}. */
  private static void footing(Document doc, PrintedFigures printed, List<Finding> out) {
    for (Table table : doc.tables()) {
      for (Table.Row row : table.rows()) {
        for (int c = 0; c < row.cells().size(); c++) {
          String id = row.cells().get(c).figureId();
          if (id == null || !printed.thousands().containsKey(id)) {
            continue;
          }
          for (List<Figure.Term> terms : doc.graph().decompositions(id)) {
            if (terms.stream().allMatch(x -> printed.thousands().containsKey(x.figureId()))) {
              long parts = 0;
              for (Figure.Term x : terms) {
                parts += x.sign() * printed.thousands().get(x.figureId());
              }
              long total = printed.thousands().get(id);
              if (parts != total) {
                out.add(new Finding(table.id(), row.id(), table.columns().get(c).id(), id, doc.graph().get(id).label(), Dutch.whole(total),
                    Dutch.whole(parts), Finding.Check.FOOTING, Finding.Kind.INCONSISTENCY,
                    "the printed total " + total + " is not the sum of its printed parts (" + parts + ")", List.of()));
              }
            }
          }
        }
      }
    }
  }

  private void run() {
    for (DistributionKey key : document.computation().budget().keys()) {
      if (key.sumPercent().compareTo(BigDecimal.valueOf(100)) != 0) {
        add("key:" + key.id(), "totaal", "share", "", key.title(), Dutch.percent(key.sumPercent()), "100,00%", Finding.Check.KEY,
            Finding.Kind.INCONSISTENCY, "the key adds up to " + Dutch.percent(key.sumPercent())
            + ", not 100 %; its shares were rounded for print; Begroot divides each share by their sum", List.of());
      }
    }
    frameBalance();
    if (printed != null) {
      for (PrintedDocument.PrintedTable pt : printed.tables()) {
        document.table(pt.table()).ifPresent(table -> compareTable(pt, table));
      }
    }
    footing();
    crossTable();
  }

  private void add(String table, String row, String column, String figure, String label, String printedText, String computed,
      Finding.Check check, Finding.Kind kind, String message, List<SincePublication.Edit> edits) {
    findings.add(new Finding(table, row, column, figure, label, printedText, computed, check, kind, message, edits));
  }

  private String label(String table, String row, String column) {
    return labels.place(table, row, column);
  }

  private void frameBalance() {
    for (int year : document.computation().years()) {
      Figure saldo = document.graph().get(FigureIds.TABEL_1 + "/frame.saldo/" + year);
      if (saldo.cents() != 0) {
        Figure l = document.graph().get(FigureIds.TABEL_1 + "/frame.lasten/" + year);
        Figure b = document.graph().get(FigureIds.TABEL_1 + "/frame.baten/" + year);
        boolean typedFromPrint = printed != null && printed.amountsRoundedToEuros() > 0;
        add(FigureIds.TABEL_1, "frame.saldo", String.valueOf(year), saldo.id(),
            label(FigureIds.TABEL_1, "frame.saldo", String.valueOf(year)), "0", Dutch.euros(saldo.cents()),
            Finding.Check.FRAME_BALANCE, Finding.Kind.INCONSISTENCY,
            "the frame does not balance in " + year + ": lasten " + Dutch.euros(l.cents()) + " minus baten " + Dutch.euros(b.cents())
            + " is " + Dutch.euros(saldo.cents()) + " euros" + (typedFromPrint ? " (its amounts were entered from figures rounded to "
            + printed.amountsRoundedToEuros() + " euros)" : ""), List.of());
      }
    }
  }

  private void compareTable(PrintedDocument.PrintedTable pt, Table table) {
    long unit = table.centsPerUnit();
    for (Map.Entry<String, PrintedDocument.PrintedRow> entry : pt.rows().entrySet()) {
      Table.Row row = table.row(entry.getKey());
      List<String> cells = entry.getValue().cells();
      if (row == null) {
        missingRow(pt, entry.getKey(), cells);
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
            add(pt.table(), row.id(), column, "", label(pt.table(), row.id(), column), text, "", Finding.Check.VALUE,
                Finding.Kind.ERROR, "printed a figure where Begroot computes none", List.of());
          }
          continue;
        }
        Figure f = document.graph().get(cell.figureId());
        String expected = shown(f, table);
        Optional<Long> value = text.isEmpty() || text.equalsIgnoreCase("pm") ? Optional.empty() : Dutch.parseWhole(text);
        value.ifPresent(v -> {
          printedValues.computeIfAbsent(f.id(), k -> new LinkedHashMap<>()).put(pt.table(), v);
          places.computeIfAbsent(f.id(), k -> new HashMap<>()).put(pt.table(), new String[] {row.id(), column});
        });
        String label = label(pt.table(), row.id(), column);
        if (f.display() == Figure.Display.PM && text.equalsIgnoreCase("pm")) {
          continue;
        }
        if (expected.equals(text)) {
          if (f.display() == Figure.Display.AMOUNT && value.isPresent() && !nearest(value.get(), f.cents(), unit)) {
            add(pt.table(), row.id(), column, f.id(), label, text, expected, Finding.Check.VALUE, Finding.Kind.ROUNDING,
                "printed " + text + " as Begroot does, but the exact value " + Dutch.euros(f.cents()) + " euros is nearer to "
                + Dutch.whole(nearestUnit(f.cents(), unit)) + "; the printed totals need it to add up", List.of());
          }
          continue;
        }
        List<SincePublication.Edit> edits = editsBehind(f.id());
        if (changedSincePublication(f, edits)) {
          Optional<Figure> before = atPublication(f.id());
          add(pt.table(), row.id(), column, f.id(), label, text, expected, Finding.Check.VALUE, Finding.Kind.CHANGED_SINCE_PUBLICATION,
              "printed " + text + ", now " + expected + (before.isPresent() ? " (" + Dutch.euros(before.get().cents()) + " euros at publication, "
                  + Dutch.euros(f.cents()) + " euros now)" : "") + "; changed since publication" + by(edits), edits);
          continue;
        }
        Finding.Kind kind = Finding.Kind.ERROR;
        String why;
        if (value.isPresent() && f.display() == Figure.Display.AMOUNT) {
          long diffCents = Math.abs(value.get() * unit - f.cents());
          long tolerance = unit + (printed.amountsRoundedToEuros() > 0 ? enteredLeaves(f) * printed.amountsRoundedToEuros() * 100 / 2 : 0);
          if (diffCents < tolerance) {
            kind = Finding.Kind.ROUNDING;
            why = "printed " + text + ", Begroot prints " + expected + "; the exact value is " + Dutch.euros(f.cents())
                + " euros, so the difference lies within rounding";
          } else {
            why = "printed " + text + ", but the figure is " + Dutch.euros(f.cents()) + " euros (" + expected + ")";
          }
        } else {
          why = "printed '" + text + "', Begroot shows '" + expected + "'";
        }
        add(pt.table(), row.id(), column, f.id(), label, text, expected, Finding.Check.VALUE, kind, why, List.of());
      }
    }
  }

  /** A printed row that Begroot's table does not have: withdrawn since publication, or an error. */
  private void missingRow(PrintedDocument.PrintedTable pt, String rowId, List<String> cells) {
    List<SincePublication.Edit> edits = since.edits().stream().filter(e -> e.subject().equals(rowId)).toList();
    Optional<String> before = since.atPublication() == null ? Optional.empty() : FigureLabels.of(since.atPublication()).row(pt.table(), rowId);
    String label = before.orElse(labels.table(pt.table()) + ", " + labels.rowWords(pt.table(), rowId));
    if (!edits.isEmpty() || before.isPresent()) {
      add(pt.table(), rowId, "", "", label, String.join(" ", cells), "", Finding.Check.VALUE, Finding.Kind.CHANGED_SINCE_PUBLICATION,
          "the printed row is no longer in Begroot's table: changed since publication" + by(edits), edits);
    } else {
      add(pt.table(), rowId, "", "", label, String.join(" ", cells), "", Finding.Check.VALUE, Finding.Kind.ERROR,
          "the printed row '" + rowId + "' is not in Begroot's table: its proposal was withdrawn or renamed since"
          + " publication, or the id is misspelt", List.of());
    }
  }

  private void keyCell(PrintedDocument.PrintedTable pt, Table.Row row, String column, String text, Table.Cell cell) {
    Optional<BigDecimal> printedShare = Dutch.parsePercent(text);
    String oursText = Dutch.percent(cell.percent());
    String label = label(pt.table(), row.id(), column);
    if (printedShare.isEmpty()) {
      add(pt.table(), row.id(), column, "", label, text, oursText, Finding.Check.KEY, Finding.Kind.ERROR, "'" + text + "' is not a percentage", List.of());
      return;
    }
    if (row.id().equals("totaal")) {
      BigDecimal sum = BigDecimal.ZERO;
      int c = document.table(pt.table()).orElseThrow().columnIndex(column);
      for (Map.Entry<String, PrintedDocument.PrintedRow> other : pt.rows().entrySet()) {
        if (document.computation().budget().member(other.getKey()).isPresent()) {
          sum = sum.add(Dutch.parsePercent(other.getValue().cells().get(c)).orElse(BigDecimal.ZERO));
        }
      }
      if (sum.compareTo(printedShare.get()) != 0) {
        add(pt.table(), row.id(), column, "", label, text, Dutch.percent(sum), Finding.Check.KEY, Finding.Kind.INCONSISTENCY,
            "the key's total is printed as " + text + ", but its printed shares add up to " + Dutch.percent(sum), List.of());
      }
      return;
    }
    if (printedShare.get().compareTo(cell.percent()) != 0) {
      boolean rounding = printedShare.get().subtract(cell.percent()).abs().compareTo(new BigDecimal("0.01")) <= 0;
      String message = "the share is printed as " + text + "; divided by the key's total and rounded so that the shares add up to 100,00 %, it is " + oursText;
      Optional<BigDecimal> before = publishedPercent(pt.table(), row.id(), column);
      if (!rounding && before.isPresent() && before.get().compareTo(cell.percent()) != 0) {
        List<SincePublication.Edit> edits = since.edits().stream().filter(e -> e.action().startsWith("key.")).toList();
        add(pt.table(), row.id(), column, "", label, text, oursText, Finding.Check.KEY, Finding.Kind.CHANGED_SINCE_PUBLICATION,
            "the share is printed as " + text + ", now " + oursText + " (" + Dutch.percent(before.get()) + " at publication); changed since publication" + by(edits), edits);
        return;
      }
      add(pt.table(), row.id(), column, "", label, text, oursText, Finding.Check.KEY, rounding ? Finding.Kind.ROUNDING : Finding.Kind.ERROR, message, List.of());
    }
  }

  private Optional<BigDecimal> publishedPercent(String tableId, String rowId, String columnId) {
    if (since.atPublication() == null) {
      return Optional.empty();
    }
    return since.atPublication().table(tableId).flatMap(t -> {
      Table.Row r = t.row(rowId);
      int c = t.columnIndex(columnId);
      return r == null || c < 0 ? Optional.empty() : Optional.ofNullable(r.cells().get(c).percent());
    });
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
    boolean withinRounding = diff * 2 <= terms.size();
    String[] at = places.get(figureId).get(table);
    add(table, at[0], at[1], figureId, label(table, at[0], at[1]), Dutch.whole(printedTotal), Dutch.whole(sum), Finding.Check.FOOTING,
        Finding.Kind.INCONSISTENCY, "the printed total " + Dutch.whole(printedTotal) + " is not the sum of its printed parts: " + parts
        + " = " + Dutch.whole(sum) + (withinRounding ? " (a difference that rounding each part to the nearest unit can make)"
        : " (more than rounding the parts can explain)"), List.of());
  }

  private void crossTable() {
    for (Map.Entry<String, Map<String, Long>> e : printedValues.entrySet()) {
      if (e.getValue().values().stream().distinct().count() > 1) {
        String table = e.getValue().keySet().iterator().next();
        String[] at = places.get(e.getKey()).get(table);
        StringBuilder where = new StringBuilder();
        e.getValue().forEach((t, v) -> where.append(where.length() == 0 ? "" : ", ").append(Dutch.whole(v)).append(" in ").append(labels.table(t)));
        add(table, at[0], at[1], e.getKey(), label(table, at[0], at[1]), e.getValue().values().iterator().next().toString(), "",
            Finding.Check.CROSS_TABLE, Finding.Kind.INCONSISTENCY, "the same figure is printed differently: " + where, List.of());
      }
    }
  }

  // ---------------------------------------------------------------- since publication

  private Optional<Figure> atPublication(String figureId) {
    return since.atPublication() == null ? Optional.empty() : since.atPublication().graph().find(figureId);
  }

  /**
   * Whether a figure changed since publication: its value then differs from its value now (a
   * figure that did not exist then changed too); without the document at publication, whether a
   * logged edit names one of its inputs.
   */
  private boolean changedSincePublication(Figure f, List<SincePublication.Edit> edits) {
    if (since.atPublication() == null) {
      return !edits.isEmpty();
    }
    return atPublication(f.id()).map(before -> before.cents() != f.cents()).orElse(true);
  }

  private final Map<String, Set<String>> inputsNow = new HashMap<>();
  private final Map<String, Set<String>> inputsThen = new HashMap<>();

  /** The logged edits that name an input of the figure, now or at publication (a withdrawn proposal is only in the latter). */
  private List<SincePublication.Edit> editsBehind(String figureId) {
    if (since.edits().isEmpty()) {
      return List.of();
    }
    Set<String> inputs = new LinkedHashSet<>(inputs(document, figureId, inputsNow));
    if (since.atPublication() != null && since.atPublication().graph().find(figureId).isPresent()) {
      inputs.addAll(inputs(since.atPublication(), figureId, inputsThen));
    }
    return since.edits().stream().filter(e -> inputs.contains(e.subject())).toList();
  }

  /** The proposals, transfers and keys a figure is made from, walking its terms and the figures its shares split. */
  private static Set<String> inputs(Document d, String figureId, Map<String, Set<String>> memo) {
    Set<String> known = memo.get(figureId);
    if (known != null) {
      return known;
    }
    Set<String> result = new LinkedHashSet<>();
    memo.put(figureId, result); // guards against a cycle; filled below
    Optional<Figure> found = d.graph().find(figureId);
    if (found.isEmpty()) {
      return result;
    }
    Figure f = found.get();
    Origin o = f.origin();
    if (o instanceof Origin.Entered e) {
      result.add(e.proposal());
    } else if (o instanceof Origin.Component c) {
      result.add(c.proposal());
    } else if (o instanceof Origin.TransferLeg t) {
      result.add(t.transfer());
      result.add(t.line());
    } else if (o instanceof Origin.Share s) {
      result.add(s.key());
      result.addAll(inputs(d, s.of(), memo));
    }
    for (Figure.Term t : f.terms()) {
      result.addAll(inputs(d, t.figureId(), memo));
    }
    return result;
  }

  private static String by(List<SincePublication.Edit> edits) {
    if (edits.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" by ");
    for (int i = 0; i < edits.size(); i++) {
      SincePublication.Edit e = edits.get(i);
      sb.append(i == 0 ? "" : "; ").append(e.actor()).append(" (").append(e.action()).append(' ').append(e.subject()).append(", ")
          .append(e.at()).append(')');
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- rounding

  /** Whether a printed whole number of units is the nearest to the exact cents (both, at exactly half). */
  static boolean nearest(long printedUnits, long cents, long unit) {
    return 2 * Math.abs(printedUnits * unit - cents) <= unit;
  }

  /** The nearest whole number of units, half away from zero. */
  static long nearestUnit(long cents, long unit) {
    long q = Math.abs(cents) / unit;
    long r = Math.abs(cents) % unit;
    long n = 2 * r >= unit ? q + 1 : q;
    return cents < 0 ? -n : n;
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
