package nl.begroot.core.figures;

import static nl.begroot.core.figures.FigureIds.of;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.figures.Figure.Display;
import nl.begroot.core.figures.Figure.Term;
import nl.begroot.core.figures.Table.Cell;
import nl.begroot.core.figures.Table.Column;
import nl.begroot.core.figures.Table.Row;
import nl.begroot.core.figures.Table.Style;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;

/**
 * What every builder of the document shares: the computation it builds from, the figure graph and
 * the tables it adds to, and the ways to add a figure (a leaf, or a sum of other figures that is
 * computed here and checked against the engine's own arrays) and to lay out a row.
 */
final class FigureSheet {
  final Computation c;
  final Budget budget;
  final FigureGraph graph = new FigureGraph();
  final List<Integer> years;
  final List<Table> tables = new ArrayList<>();
  private final Map<Proposal, Line> lineOf = new IdentityHashMap<>();
  private final int firstYear;
  private final boolean consecutiveYears;

  /**
   * A proposal's programme and the ids of its line's figures per year, spelled once: every table that
   * counts a line names it (its programme table, the totals, Bijlage 1 per column, the structural
   * rows), and one id string per figure, made once, is hashed once (decision 184). So are the terms
   * that count it, with a plus and with a minus: a line's figure is a term of three to five sums, and
   * they share one term each (decision 246).
   */
  private static final class Line {
    final Programme programme;
    final String[] ids;
    /** Per year the term with a plus, then the term with a minus; made when first asked for. */
    Term[] terms;

    Line(Programme programme, int years) {
      this.programme = programme;
      this.ids = new String[years];
    }
  }

  FigureSheet(Computation computation) {
    this.c = computation;
    this.budget = computation.budget();
    this.years = computation.years();
    Map<String, Programme> byUnit = new HashMap<>();
    budget.programmes().forEach(pr -> pr.units().forEach(u -> byUnit.put(u.id(), pr)));
    budget.proposals().forEach(p -> lineOf.put(p, new Line(byUnit.get(p.unit()), years.size())));
    this.firstYear = years.isEmpty() ? 0 : years.get(0);
    boolean consecutive = true;
    for (int y = 0; y < years.size(); y++) {
      consecutive &= years.get(y) == firstYear + y;
    }
    this.consecutiveYears = consecutive;
  }

  Programme programme(Proposal p) {
    return lineOf.get(p).programme;
  }

  /** The id of a proposal line's figure in its programme table. */
  String lineId(Proposal p, int year) {
    Line line = lineOf.get(p);
    int y = yearIndex(line, year);
    if (y < 0) {
      return of(FigureIds.programmeTable(line.programme.id()), p.id(), year);
    }
    String id = line.ids[y];
    if (id == null) {
      id = of(FigureIds.programmeTable(line.programme.id()), p.id(), year);
      line.ids[y] = id;
    }
    return id;
  }

  /** A proposal line's figure of a year as a term with this sign (+1 or -1), one term per line, year and sign. */
  Term lineTerm(Proposal p, int year, int sign) {
    if (sign != 1 && sign != -1) {
      throw new IllegalArgumentException("a line's term has the sign +1 or -1, not " + sign);
    }
    Line line = lineOf.get(p);
    int y = yearIndex(line, year);
    if (y < 0) {
      return new Term(sign, lineId(p, year));
    }
    if (line.terms == null) {
      line.terms = new Term[2 * line.ids.length];
    }
    int slot = 2 * y + (sign == 1 ? 0 : 1);
    Term term = line.terms[slot];
    if (term == null) {
      term = new Term(sign, lineId(p, year));
      line.terms[slot] = term;
    }
    return term;
  }

  /** The index of {@code year} among a line's years, or -1 when it is not one of them. */
  private int yearIndex(Line line, int year) {
    int y = consecutiveYears ? year - firstYear : years.indexOf(year);
    return y < 0 || y >= line.ids.length ? -1 : y;
  }

  Figure leaf(String id, String label, long cents, Display display, Origin origin) {
    return graph.add(new Figure(id, label, cents, display, List.of(), origin));
  }

  Figure sum(String id, String label, List<Term> terms, String rule) {
    long cents = 0;
    for (Term t : terms) {
      cents = Math.addExact(cents, Math.multiplyExact(graph.get(t.figureId()).cents(), (long) t.sign()));
    }
    return graph.add(new Figure(id, label, cents, Display.AMOUNT, terms, new Origin.Sum(rule)));
  }

  static Term plus(String id) {
    return new Term(1, id);
  }

  static Term minus(String id) {
    return new Term(-1, id);
  }

  /** Fails when the graph's figure differs from the engine's: the two paths must agree to the cent. */
  void check(String id, long engineCents) {
    long graphCents = graph.get(id).cents();
    if (graphCents != engineCents) {
      throw new IllegalStateException(
          "internal inconsistency at " + id + ": " + graphCents + " != " + engineCents);
    }
  }

  static Display display(Amounts amounts, int y) {
    return switch (amounts.kind(y)) {
      case AMOUNT -> Display.AMOUNT;
      case PM -> Display.PM;
      case BLANK -> Display.BLANK;
    };
  }

  void replaceDisplay(Figure f, Display display) {
    if (f.display() != display) {
      graph.replace(new Figure(f.id(), f.label(), f.cents(), display, f.terms(), f.origin()));
    }
  }

  String lineLabel(Proposal p, Programme programme) {
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

  /** A programme's figure label: {@code 2. Title: what}. */
  static String pl(Programme programme, String what) {
    return programme.id() + ". " + programme.title() + ": " + what;
  }

  List<Column> yearColumns() {
    List<Column> columns = new ArrayList<>();
    for (int year : years) {
      columns.add(new Column(String.valueOf(year), String.valueOf(year)));
    }
    return columns;
  }

  Row yearRow(String table, String rowId, String label, Style style) {
    List<Cell> cells = new ArrayList<>();
    for (int year : years) {
      String fid = of(table, rowId, year);
      cells.add(graph.has(fid) ? Cell.figure(fid) : Cell.EMPTY);
    }
    return new Row(rowId, label, style, cells);
  }

  /** A proposal's row in its programme table: its line's figure per year (as {@link #yearRow}, by the ids spelled once). */
  Row lineRow(Proposal p, String label, Style style) {
    List<Cell> cells = new ArrayList<>();
    for (int year : years) {
      String fid = lineId(p, year);
      cells.add(graph.has(fid) ? Cell.figure(fid) : Cell.EMPTY);
    }
    return new Row(p.id(), label, style, cells);
  }

  Row section(String label) {
    return new Row("section:" + label, label, Style.SECTION, emptyCells());
  }

  List<Cell> emptyCells() {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      cells.add(Cell.EMPTY);
    }
    return cells;
  }

  int programmeIndex(Programme programme) {
    return budget.programmes().indexOf(programme);
  }

  List<Proposal> linesOf(Programme programme, Side side) {
    List<Proposal> result = new ArrayList<>();
    for (Proposal p : budget.proposals()) {
      if (side == p.side() && programme(p) == programme) {
        result.add(p);
      }
    }
    return result;
  }

  /** The index of the balancing line among the proposals (the last one with that rule), or -1. */
  int balancingIndex() {
    int balancingIndex = -1;
    for (int i = 0; i < budget.proposals().size(); i++) {
      if (budget.proposals().get(i).rule() == Proposal.Rule.BALANCING) {
        balancingIndex = i;
      }
    }
    return balancingIndex;
  }
}
