package nl.begroot.core.figures;

import static nl.begroot.core.figures.FigureIds.of;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
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
  private final int firstYear;
  private final boolean consecutiveYears;
  /*
   * Per proposal line, by its position in the budget: its programme and id (the id's string made once,
   * decision 250 makes one per call), and per year the id of its figure and its term with a plus and with
   * a minus, made when first asked for. Every table that counts a line names it (its programme table, the
   * totals, Bijlage 1 per column, the structural rows), and one id string per figure, made once, is hashed
   * once (decision 184); a line's figure is a term of three to five sums, which share one term each
   * (decision 246). Flat arrays by position (decision 255): the builders walk the lines in order, and an
   * identity map from a proposal to an object per line cost four dependent memory reads a term at 10^6
   * cells (the proposal's header, the table, the object, its array), most of the figures' time. Year
   * by year (decision 257): a sum walks its lines in order within one year, so its terms are next to
   * each other in memory (by line first, each read was a cache miss 80 bytes from the last).
   */
  private final Programme[] programmeOf;
  private final String[] proposalIds;
  private final String[] lineIds; // [y * lines + i]
  private final Term[] lineTerms; // [(y * lines + i) * 2 + (sign == 1 ? 0 : 1)]
  private final int[] lineNumbers; // [y * lines + i]: the figure's number + 1, 0 until asked for

  FigureSheet(Computation computation) {
    this.c = computation;
    this.budget = computation.budget();
    this.years = computation.years();
    Map<String, Programme> byUnit = new HashMap<>();
    budget.programmes().forEach(pr -> pr.units().forEach(u -> byUnit.put(u.id(), pr)));
    List<Proposal> proposals = budget.proposals();
    int n = proposals.size();
    this.programmeOf = new Programme[n];
    this.proposalIds = new String[n];
    for (int i = 0; i < n; i++) {
      Proposal p = proposals.get(i);
      programmeOf[i] = byUnit.get(p.unit());
      proposalIds[i] = p.id();
    }
    this.lineIds = new String[Math.multiplyExact(n, years.size())];
    this.lineTerms = new Term[Math.multiplyExact(lineIds.length, 2)];
    this.lineNumbers = new int[lineIds.length];
    this.firstYear = years.isEmpty() ? 0 : years.get(0);
    boolean consecutive = true;
    for (int y = 0; y < years.size(); y++) {
      consecutive &= years.get(y) == firstYear + y;
    }
    this.consecutiveYears = consecutive;
  }

  /** The programme of the proposal at position {@code i}. */
  Programme programme(int i) {
    return programmeOf[i];
  }

  /** The id of the proposal at position {@code i} (one string, made once). */
  String proposalId(int i) {
    return proposalIds[i];
  }

  /** The id of a proposal line's figure in its programme table. */
  String lineId(int i, int year) {
    int y = yearIndex(year);
    if (y < 0) {
      return of(FigureIds.programmeTable(programmeOf[i].id()), proposalIds[i], year);
    }
    int at = y * programmeOf.length + i;
    String id = lineIds[at];
    if (id == null) {
      id = of(FigureIds.programmeTable(programmeOf[i].id()), proposalIds[i], year);
      lineIds[at] = id;
    }
    return id;
  }

  /** A proposal line's figure of a year as a term with this sign (+1 or -1), one term per line, year and sign. */
  Term lineTerm(int i, int year, int sign) {
    if (sign != 1 && sign != -1) {
      throw new IllegalArgumentException("a line's term has the sign +1 or -1, not " + sign);
    }
    int y = yearIndex(year);
    if (y < 0) {
      return new Term(sign, lineId(i, year));
    }
    int slot = (y * programmeOf.length + i) * 2 + (sign == 1 ? 0 : 1);
    Term term = lineTerms[slot];
    if (term == null) {
      term = new Term(sign, lineId(i, year));
      lineTerms[slot] = term;
    }
    return term;
  }

  /**
   * The number of a proposal line's figure of a year in the graph (decision 261), looked up by its id until
   * found, then kept; -1 when the graph has no such figure (yet), or the year is not one of the budget's.
   */
  int lineNumber(int i, int year) {
    int y = yearIndex(year);
    if (y < 0) {
      return -1;
    }
    int at = y * programmeOf.length + i;
    int number = lineNumbers[at] - 1;
    if (number < 0) {
      number = graph.indexOf(lineId(i, year));
      lineNumbers[at] = number + 1;
    }
    return number;
  }

  /** A new, empty list of a sum's terms (see {@link Terms}). */
  Terms terms() {
    return new Terms();
  }

  /**
   * A sum's terms as a builder collects them: a proposal line's term goes in with its figure's number
   * beside it ({@link #line}), so that the graph need not look up the most numerous terms by id.
   */
  final class Terms extends AbstractList<Term> implements RandomAccess {
    private Term[] terms = new Term[8];
    private int[] numbers = new int[8];
    private int size;

    /** Adds the line's figure of a year with this sign (as {@link FigureSheet#lineTerm}). */
    void line(int i, int year, int sign) {
      add(lineTerm(i, year, sign), lineNumber(i, year));
    }

    @Override
    public boolean add(Term term) {
      add(Objects.requireNonNull(term), -1);
      return true;
    }

    private void add(Term term, int number) {
      if (size == terms.length) {
        terms = Arrays.copyOf(terms, size * 2);
        numbers = Arrays.copyOf(numbers, size * 2);
      }
      terms[size] = term;
      numbers[size] = number;
      size++;
    }

    @Override
    public Term get(int index) {
      Objects.checkIndex(index, size);
      return terms[index];
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public Object[] toArray() {
      return Arrays.copyOf(terms, size, Object[].class);
    }

    /** The numbers beside the terms, -1 where a term is to be found by its id. */
    int[] numbers() {
      return numbers;
    }
  }

  /** The index of {@code year} among the years, or -1 when it is not one of them. */
  private int yearIndex(int year) {
    int y = consecutiveYears ? year - firstYear : years.indexOf(year);
    return y < 0 || y >= years.size() ? -1 : y;
  }

  Figure leaf(String id, String label, long cents, Display display, Origin origin) {
    return graph.add(new Figure(id, label, cents, display, List.of(), origin));
  }

  Figure sum(String id, String label, List<Term> terms, String rule) {
    int[] numbers = terms instanceof Terms known ? known.numbers() : null;
    return graph.addSum(id, label, terms, numbers, new Origin.Sum(rule));
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

  /** The row of the proposal at {@code i} in its programme table: its line's figure per year (as {@link #yearRow}, by the ids spelled once). */
  Row lineRow(int i, String label, Style style) {
    List<Cell> cells = new ArrayList<>();
    for (int year : years) {
      String fid = lineId(i, year);
      cells.add(graph.has(fid) ? Cell.figure(fid) : Cell.EMPTY);
    }
    return new Row(proposalIds[i], label, style, cells);
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

  /** The positions of a programme's lines of one side, in order. */
  int[] linesOf(Programme programme, Side side) {
    if (linesBy == null) {
      linesBy = linesByProgrammeAndSide();
    }
    List<Programme> programmes = budget.programmes();
    for (int p = 0; p < programmes.size(); p++) {
      if (programmes.get(p) == programme) { // the first of this programme, as the walk buckets the lines
        return linesBy[p * SIDES + side.ordinal()].clone();
      }
    }
    return new int[0];
  }

  private static final int SIDES = Side.values().length;
  private int[][] linesBy; // [programme index * SIDES + side ordinal]: the positions of its lines, in order

  /** Every programme's lines by side, from one walk over the lines (a walk per programme and side was O(P x N)). */
  private int[][] linesByProgrammeAndSide() {
    List<Programme> programmes = budget.programmes();
    Map<Programme, Integer> indexOf = new java.util.IdentityHashMap<>();
    for (int p = 0; p < programmes.size(); p++) {
      indexOf.putIfAbsent(programmes.get(p), p);
    }
    int[] count = new int[programmes.size() * SIDES];
    int[] bucket = new int[programmeOf.length];
    List<Proposal> proposals = budget.proposals();
    for (int i = 0; i < bucket.length; i++) {
      Integer p = programmeOf[i] == null ? null : indexOf.get(programmeOf[i]);
      Side side = proposals.get(i).side();
      bucket[i] = p == null || side == null ? -1 : p * SIDES + side.ordinal();
      if (bucket[i] >= 0) {
        count[bucket[i]]++;
      }
    }
    int[][] result = new int[count.length][];
    for (int b = 0; b < count.length; b++) {
      result[b] = new int[count[b]];
      count[b] = 0;
    }
    for (int i = 0; i < bucket.length; i++) {
      if (bucket[i] >= 0) {
        result[bucket[i]][count[bucket[i]]++] = i;
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
