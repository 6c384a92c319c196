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
   * decision 250 makes one per call), and per year the number of its figure in the graph. Flat arrays by
   * position (decision 255), year by year (decision 257): a sum walks its lines in order within one year.
   * An entered line's figure is not an object (decision 267): the graph keeps its number, value and id
   * hash, and makes its id, figure and table cell from these arrays when asked for (LineSource); a sum
   * keeps its lines as numbers and signs.
   */
  private final Programme[] programmeOf;
  private final String[] proposalIds;
  private final int[] lineNumbers; // [y * lines + i]: the figure's number + 1, 0 until known
  private final LineSource lineSource;

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
    this.lineNumbers = new int[Math.multiplyExact(n, years.size())];
    graph.expect(lineNumbers.length + lineNumbers.length / 4); // every line and year, and the sums (a quarter more at 10^6)
    this.firstYear = years.isEmpty() ? 0 : years.get(0);
    boolean consecutive = true;
    for (int y = 0; y < years.size(); y++) {
      consecutive &= years.get(y) == firstYear + y;
    }
    this.consecutiveYears = consecutive;
    this.lineSource = new LineSource(computation, programmeOf, proposalIds);
    graph.lines(lineSource);
  }

  /**
   * The entered lines' figures, made when asked for (decision 267); the key of line {@code i} in year
   * index {@code y} is {@code y * lines + i}. Holds only what it needs to make them (the computation and
   * arrays by line and by year), so that a document keeps none of the builder's other state.
   */
  static final class LineSource implements FigureGraph.Lines {
    private final Computation c;
    private final List<Proposal> proposals;
    private final Programme[] programmeOf;
    private final String[] tableOf;
    private final String[] proposalIds;
    private final int[] years;
    private final String[] yearText;
    private final int[] prefixHash; // by line: the hash of "table/proposal/"
    private final int[] yearPower; // by year index: 31 to the power of the year's length
    private final int[] yearHash;

    LineSource(Computation c, Programme[] programmeOf, String[] proposalIds) {
      this.c = c;
      this.proposals = c.budget().proposals();
      this.programmeOf = programmeOf;
      this.proposalIds = proposalIds;
      int n = proposalIds.length;
      this.tableOf = new String[n];
      this.prefixHash = new int[n];
      Map<Programme, String> tables = new java.util.IdentityHashMap<>();
      for (int i = 0; i < n; i++) {
        if (programmeOf[i] == null) {
          continue;
        }
        tableOf[i] = tables.computeIfAbsent(programmeOf[i], pr -> FigureIds.programmeTable(pr.id()));
        prefixHash[i] = prefixHash(tableOf[i], proposalIds[i]);
      }
      List<Integer> ys = c.years();
      this.years = new int[ys.size()];
      this.yearText = new String[ys.size()];
      this.yearPower = new int[ys.size()];
      this.yearHash = new int[ys.size()];
      for (int y = 0; y < years.length; y++) {
        years[y] = ys.get(y);
        yearText[y] = String.valueOf(years[y]);
        yearPower[y] = power31(yearText[y].length());
        yearHash[y] = yearText[y].hashCode();
      }
    }

    /** The {@link String#hashCode} of {@code table + "/" + proposal + "/"}, without making that string. */
    static int prefixHash(String table, String proposal) {
      int h = 31 * table.hashCode() + '/';
      for (int k = 0; k < proposal.length(); k++) {
        h = 31 * h + proposal.charAt(k); // a string's hash runs over its UTF-16 chars, whatever its encoding
      }
      return 31 * h + '/';
    }

    /** 31 to the power {@code length}, as int arithmetic wraps: the factor a hash takes for each char appended. */
    static int power31(int length) {
      int power = 1;
      for (int k = 0; k < length; k++) {
        power *= 31;
      }
      return power;
    }

    /** {@code id(key).hashCode()}, without making the id: a string's hash is a polynomial in its characters. */
    int idHash(int i, int y) {
      return prefixHash[i] * yearPower[y] + yearHash[y];
    }

    @Override
    public String id(int key) {
      int n = proposalIds.length;
      int i = key % n;
      return FigureIds.of(tableOf[i], proposalIds[i], yearText[key / n]);
    }

    @Override
    public Figure figure(int key, long cents) {
      int n = proposalIds.length;
      int i = key % n;
      int y = key / n;
      return new Figure(id(key), lineLabel(proposals.get(i), programmeOf[i]), cents, display(c.line(i), y), List.of(),
          new Origin.Entered(proposalIds[i], years[y]));
    }
  }

  /** The programme of the proposal at position {@code i}. */
  Programme programme(int i) {
    return programmeOf[i];
  }

  /** The id of the proposal at position {@code i} (one string, made once). */
  String proposalId(int i) {
    return proposalIds[i];
  }

  /** The id of a proposal line's figure in its programme table (made anew). */
  String lineId(int i, int year) {
    return of(FigureIds.programmeTable(programmeOf[i].id()), proposalIds[i], year);
  }

  /** Adds the figure of an entered line in year index {@code y}, a leaf of its computed amount (decision 267). */
  void enteredLine(int i, int y) {
    int key = y * programmeOf.length + i;
    if (programmeOf[i] == null) {
      throw new IllegalStateException("proposal " + proposalIds[i] + " is in no programme");
    }
    int number = graph.addLine(key, lineSource.idHash(i, y), c.line(i).cents(y));
    lineNumbers[key] = number + 1;
  }

  /**
   * The number of a proposal line's figure of a year in the graph (decision 261): known when an entered
   * line was added, else looked up by its id until found, then kept; -1 when the graph has no such
   * figure (yet), or the year is not one of the budget's.
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
    return new Terms(8);
  }

  /** As {@link #terms()}, with room for {@code capacity} terms before it grows. */
  Terms terms(int capacity) {
    return new Terms(Math.max(1, capacity));
  }

  /**
   * A sum's terms as a builder collects them: a proposal line's term goes in as its figure's number and
   * sign ({@link #line}), so that the graph need not look it up by id and no term object is made for it
   * (decision 267); a term is made when read.
   */
  final class Terms extends AbstractList<Term> implements RandomAccess {
    private Term[] given; // null until a term is given as an object: most sums' terms are lines (decision 275)
    private int[] numbers;
    private int[] signs;
    private int size;

    private Terms(int capacity) {
      numbers = new int[capacity];
      signs = new int[capacity];
    }

    /** Adds the line's figure of a year with this sign (+1 or -1). */
    void line(int i, int year, int sign) {
      if (sign != 1 && sign != -1) {
        throw new IllegalArgumentException("a line's term has the sign +1 or -1, not " + sign);
      }
      int number = lineNumber(i, year);
      add(number < 0 ? new Term(sign, lineId(i, year)) : null, number, sign);
    }

    @Override
    public boolean add(Term term) {
      add(Objects.requireNonNull(term), -1, term.sign());
      return true;
    }

    private void add(Term term, int number, int sign) {
      if (size == numbers.length) {
        given = given == null ? null : Arrays.copyOf(given, size * 2);
        numbers = Arrays.copyOf(numbers, size * 2);
        signs = Arrays.copyOf(signs, size * 2);
      }
      if (term != null) {
        if (given == null) {
          given = new Term[numbers.length];
        }
        given[size] = term;
      }
      numbers[size] = number;
      signs[size] = sign;
      size++;
    }

    @Override
    public Term get(int index) {
      Objects.checkIndex(index, size);
      Term term = given == null ? null : given[index];
      return term != null ? term : new Term(signs[index], graph.id(numbers[index]));
    }

    @Override
    public int size() {
      return size;
    }

    /** Adds these terms to the graph as the sum {@code id}. */
    Figure addTo(String id, String label, Origin origin) {
      return graph.addSum(id, label, size, given, numbers, signs, origin);
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
    return terms instanceof Terms known ? known.addTo(id, label, new Origin.Sum(rule)) : graph.addSum(id, label, terms, new Origin.Sum(rule));
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

  static String lineLabel(Proposal p, Programme programme) {
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

  /**
   * The row of the proposal at {@code i} in its programme table: its line's figure per year (as {@link
   * #yearRow}), as numbers whose cells are made when read (decision 267).
   */
  Row lineRow(int i, String label, Style style) {
    int[] numbers = new int[years.size()];
    for (int y = 0; y < numbers.length; y++) {
      numbers[y] = lineNumber(i, years.get(y));
    }
    return new Row(proposalIds[i], label, style, new Table.FigureCells(graph, numbers));
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
