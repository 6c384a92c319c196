package nl.begroot.core.figures;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * All figures of a document and how they hang together. Besides each figure's own definition it
 * records pairs of figures that must be equal (e.g. "Te verdelen bedrag" and the sum over the members
 * in Bijlage 1), so that printing rounds them alike.
 *
 * <p>Each figure also has a number, its position in the order it was added (decision 257), and the
 * terms of every sum are kept as numbers too ({@link #links()}): the rounding walks more than three
 * million terms at 10^6 cells, and looking each one up by its text id twice was most of its time.
 */
public final class FigureGraph {
  /*
   * By number: the figure as it is now (null for a line made when asked for, see Lines), and its value
   * (which a replacement keeps); for a line, its key in the Lines.
   */
  private final ArrayList<Figure> figures = new ArrayList<>();
  private long[] cents = new long[16];
  private int[] lineKey = new int[16];
  private Lines lines;
  /*
   * By id, open addressing (decision 261): each slot holds the id's hash in its upper half and the figure's
   * number + 1 in its lower half, 0 when empty; probed linearly, at most half full. One array of longs, where
   * a HashMap held a node and a slot object per figure: 2,5 million objects at 10^6 cells that the collector
   * copied, and two dependent reads before the number.
   */
  private long[] slots = new long[32];
  private final List<String[]> equalities = new ArrayList<>();
  private final Map<String, List<List<Figure.Term>>> alternatives = new LinkedHashMap<>();
  /* the terms of figure i are at termStart[i] .. termStart[i + 1] - 1 of termFigure (-1 until resolved) and termSign */
  private int[] termStart = new int[17];
  private int[] termFigure = new int[16];
  private int[] termSign = new int[16];
  private int termCount;
  private boolean unresolved;
  private Links links;

  /** Adds a sum of figures already in the graph, its value computed here from its terms. */
  public Figure addSum(String id, String label, List<Figure.Term> terms, Origin origin) {
    return addSum(id, label, terms, null, origin);
  }

  /**
   * As {@link #addSum(String, String, List, Origin)}, with the terms' numbers where the caller knows them
   * ({@code numbers[t]}, or -1 to look the term up by its id; {@code numbers} null for all): the builders
   * know the number of each proposal line's figure, the terms of most sums.
   */
  Figure addSum(String id, String label, List<Figure.Term> terms, int[] numbers, Origin origin) {
    int count = terms.size();
    Figure.Term[] given = new Figure.Term[count];
    int[] signs = new int[count];
    for (int t = 0; t < count; t++) {
      given[t] = terms.get(t);
      signs[t] = given[t].sign();
    }
    return addSum(id, label, count, given, numbers, signs, origin);
  }

  /**
   * A sum of {@code count} terms: term {@code t} is figure {@code numbers[t]} with sign {@code signs[t]}, or,
   * where {@code numbers} is null or holds -1, {@code given[t]} found by its id (decision 267: the builders
   * give a line's term as its number and sign alone, so that no term object or id string is made for it).
   * Every term is found here (else this fails), so the figure's terms are read back from the graph's own
   * arrays when asked for ({@link SumTerms}). A sign is +1 or -1, as every builder's is.
   */
  Figure addSum(String id, String label, int count, Figure.Term[] given, int[] numbers, int[] signs, Origin origin) {
    int[] resolved = new int[count];
    long cents = 0;
    for (int t = 0; t < count; t++) {
      int sign = signs[t];
      if (sign != 1 && sign != -1) {
        throw new IllegalArgumentException("a term of " + id + " has the sign " + sign + ", not +1 or -1");
      }
      int number;
      if (numbers != null && numbers[t] >= 0) {
        number = Objects.checkIndex(numbers[t], figures.size());
      } else {
        Figure.Term term = Objects.requireNonNull(given[t], "a term without a number names a figure");
        if (term.sign() != sign) {
          throw new IllegalArgumentException("a term of " + id + " has two signs");
        }
        number = indexOf(term.figureId());
        if (number < 0) {
          throw new IllegalArgumentException("no figure " + term.figureId());
        }
      }
      resolved[t] = number;
      cents = Math.addExact(cents, Math.multiplyExact(this.cents[number], (long) sign));
    }
    return add(new Figure(id, label, cents, Figure.Display.AMOUNT, new SumTerms(this, figures.size(), count), origin), resolved, signs);
  }

  /**
   * The terms of a sum read from the graph's arrays (decision 267), a term made each time one is asked
   * for; immutable, as the arrays' part for a figure never changes once it is added.
   */
  static final class SumTerms extends AbstractList<Figure.Term> implements RandomAccess {
    private final FigureGraph graph;
    private final int number;
    private final int size;

    private SumTerms(FigureGraph graph, int number, int size) {
      this.graph = graph;
      this.number = number;
      this.size = size;
    }

    @Override
    public Figure.Term get(int index) {
      Objects.checkIndex(index, size);
      int at = graph.termStart[number] + index;
      return new Figure.Term(graph.termSign[at], graph.id(graph.termFigure[at]));
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * Where the figures of entered proposal lines come from when asked for (decision 267): at 10^6 cells
   * a million leaves, whose id, label and origin the graph does not keep. A line is known by a key of
   * the source's; the graph keeps its number, value and key, and the hash of its id.
   */
  interface Lines {
    /** The id of the line with this key (made anew each time). */
    String id(int key);

    /** The figure of the line with this key and value (made anew each time). */
    Figure figure(int key, long cents);
  }

  /** Sets where the lines added by {@link #addLine} come from; once, before the first. */
  void lines(Lines source) {
    if (lines != null && lines != source) {
      throw new IllegalStateException("the graph's lines come from one source");
    }
    lines = Objects.requireNonNull(source);
  }

  /**
   * Adds a line's figure, a leaf made when asked for: {@code idHash} is the {@link String#hashCode} of
   * its id, {@code lines.id(key)} (which is made here only when another figure's hash is the same).
   */
  int addLine(int key, int idHash, long cents) {
    if (lines == null) {
      throw new IllegalStateException("no source of lines");
    }
    int number = figures.size();
    int hash = spread(idHash);
    int free = probeLine(key, hash);
    if (slots[free] != 0) {
      throw new IllegalStateException("figure defined twice: " + lines.id(key));
    }
    slots[free] = ((long) hash << 32) | (number + 1L);
    figures.add(null);
    ensureNumber(number);
    this.cents[number] = cents;
    lineKey[number] = key;
    if (2L * figures.size() > slots.length) {
      grow();
    }
    ensureTerms(number, termCount);
    termStart[number + 1] = termCount;
    links = null;
    return number;
  }

  /** The id of the figure with this number (as {@code figure(number).id()}; for a line, the id alone is made). */
  public String id(int number) {
    Figure f = figures.get(number);
    return f != null ? f.id() : lines.id(lineKey[number]);
  }

  private void ensureNumber(int number) {
    if (cents.length <= number) {
      cents = Arrays.copyOf(cents, cents.length * 2);
      lineKey = Arrays.copyOf(lineKey, cents.length);
    }
  }

  private void ensureTerms(int number, int end) {
    if (termStart.length < number + 2) {
      termStart = Arrays.copyOf(termStart, termStart.length * 2);
    }
    if (termFigure.length < end) {
      int capacity = Math.max(end, termFigure.length * 2);
      termFigure = Arrays.copyOf(termFigure, capacity);
      termSign = Arrays.copyOf(termSign, capacity);
    }
  }

  public Figure add(Figure figure) {
    return add(figure, null, null);
  }

  /** Adds a figure whose terms are at {@code resolved} with {@code signs} where given (else looked up by id). */
  private Figure add(Figure figure, int[] resolved, int[] signs) {
    int number = figures.size();
    int hash = spread(Objects.requireNonNull(figure.id(), "a figure has an id").hashCode());
    int free = probe(figure.id(), hash);
    if (slots[free] != 0) {
      throw new IllegalStateException("figure defined twice: " + figure.id());
    }
    slots[free] = ((long) hash << 32) | (number + 1L);
    figures.add(figure);
    ensureNumber(number);
    cents[number] = figure.cents();
    lineKey[number] = -1;
    if (2L * figures.size() > slots.length) {
      grow();
    }
    int size = resolved != null ? resolved.length : figure.terms().size();
    int end = Math.addExact(termCount, size);
    ensureTerms(number, end);
    for (int t = 0; t < size; t++) {
      int at;
      if (resolved != null) {
        at = resolved[t];
        termSign[termCount + t] = signs[t];
      } else {
        Figure.Term term = figure.terms().get(t);
        at = indexOf(term.figureId());
        termSign[termCount + t] = term.sign();
      }
      unresolved |= at < 0;
      termFigure[termCount + t] = at;
    }
    termCount = end;
    termStart[number + 1] = termCount;
    links = null;
    return figure;
  }

  /** The slot of {@code id}: the one that holds it, or the empty one where it would go. */
  private int probe(String id, int hash) {
    int mask = slots.length - 1;
    for (int at = hash & mask; ; at = (at + 1) & mask) {
      long slot = slots[at];
      if (slot == 0) {
        return at;
      }
      if ((int) (slot >>> 32) == hash) {
        String other = id((int) slot - 1);
        if (other == id || other.equals(id)) {
          return at;
        }
      }
    }
  }

  /** As {@link #probe} for the line with this key, whose id is made only when a slot has the same hash. */
  private int probeLine(int key, int hash) {
    int mask = slots.length - 1;
    String id = null;
    for (int at = hash & mask; ; at = (at + 1) & mask) {
      long slot = slots[at];
      if (slot == 0) {
        return at;
      }
      if ((int) (slot >>> 32) == hash) {
        if (id == null) {
          id = lines.id(key);
        }
        if (id((int) slot - 1).equals(id)) {
          return at;
        }
      }
    }
  }

  /**
   * Makes room for {@code count} figures at once (a hint: beyond it the arrays grow by doubling as before). The
   * builders know about how many there will be (every line in every year and the sums), so that the arrays of a
   * large budget are not copied at every doubling on the way (decision 275: 100 MB at 10^6 cells).
   */
  void expect(int count) {
    if (count > cents.length) {
      cents = Arrays.copyOf(cents, count);
      lineKey = Arrays.copyOf(lineKey, count);
    }
    if (count + 1 > termStart.length) {
      termStart = Arrays.copyOf(termStart, count + 1);
    }
    figures.ensureCapacity(count);
    int length = slots.length;
    while (2L * count > length && length < 1 << 30) {
      length *= 2;
    }
    if (length > slots.length) {
      grow(length);
    }
  }

  private void grow() {
    grow(slots.length * 2);
  }

  /** Puts every slot into a table of {@code length} slots (a power of two). */
  private void grow(int length) {
    long[] old = slots;
    slots = new long[length];
    int mask = slots.length - 1;
    for (long slot : old) {
      if (slot != 0) {
        int at = (int) (slot >>> 32) & mask;
        while (slots[at] != 0) {
          at = (at + 1) & mask;
        }
        slots[at] = slot;
      }
    }
  }

  /** A slot's hash from an id's {@link String#hashCode}: its upper bits folded into the lower ones the mask keeps. */
  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** Replaces a figure's presentation; its value and definition must stay the same. */
  void replace(Figure figure) {
    int number = indexOf(figure.id());
    if (number < 0) {
      throw new IllegalArgumentException("no figure " + figure.id());
    }
    Figure old = figure(number);
    if (cents[number] != figure.cents() || !old.terms().equals(figure.terms())) {
      throw new IllegalStateException("replace may only change how a figure is shown: " + figure.id());
    }
    figures.set(number, figure);
  }

  public void requireEqual(String a, String b) {
    equalities.add(new String[] {a, b});
  }

  /**
   * Records that a figure also equals another sum (in a table, a total cell totals its row and its
   * column). Checked here to the cent; the audit checks printed totals against every decomposition.
   */
  public void addAlternative(String id, List<Figure.Term> terms) {
    long cents = 0;
    for (Figure.Term t : terms) {
      cents += t.sign() * get(t.figureId()).cents();
    }
    if (cents != get(id).cents()) {
      throw new IllegalStateException("alternative sum of " + id + " is " + cents + ", not " + get(id).cents());
    }
    alternatives.computeIfAbsent(id, k -> new ArrayList<>()).add(List.copyOf(terms));
  }

  /** Every way a figure is a sum: its definition first, then its alternatives. */
  public List<List<Figure.Term>> decompositions(String id) {
    List<List<Figure.Term>> result = new ArrayList<>();
    Figure f = get(id);
    if (!f.isLeaf()) {
      result.add(f.terms());
    }
    result.addAll(alternatives.getOrDefault(id, List.of()));
    return result;
  }

  /** Whether the document has this figure (as {@code find(id).isPresent()}, without the {@code Optional}). */
  public boolean has(String id) {
    return indexOf(id) >= 0;
  }

  public Optional<Figure> find(String id) {
    int number = indexOf(id);
    return number < 0 ? Optional.empty() : Optional.of(figure(number));
  }

  public Figure get(String id) {
    int number = indexOf(id);
    if (number < 0) {
      throw new IllegalArgumentException("no figure " + id);
    }
    return figure(number);
  }

  /** The number of a figure (its position in the order added), or -1 when the document has none by this id. */
  public int indexOf(String id) {
    if (id == null) {
      return -1;
    }
    long slot = slots[probe(id, spread(id.hashCode()))];
    return slot == 0 ? -1 : (int) slot - 1;
  }

  /** The figure with this number (see {@link #indexOf}); a line's is made anew on each call (decision 267). */
  public Figure figure(int number) {
    Figure f = figures.get(number);
    return f != null ? f : lines.figure(lineKey[number], cents[number]);
  }

  /** The value of the figure with this number, in cents (as {@code figure(number).cents()}). */
  public long cents(int number) {
    java.util.Objects.checkIndex(number, figures.size());
    return cents[number];
  }

  /** How many figures the document has; they are numbered 0 to size - 1. */
  public int size() {
    return figures.size();
  }

  /** Every figure, in the order added (by number); a line's is made when read. */
  public Collection<Figure> all() {
    return new AllFigures();
  }

  private final class AllFigures extends AbstractList<Figure> implements RandomAccess {
    @Override
    public Figure get(int index) {
      return figure(index);
    }

    @Override
    public int size() {
      return figures.size();
    }
  }

  public List<String[]> equalities() {
    return equalities;
  }

  /**
   * The terms of every figure by number: those of figure {@code i} are at {@code start[i]} to {@code
   * start[i + 1] - 1} of {@code figure} (each term's figure number) and {@code sign}. The arrays are the
   * graph's own, valid until the next figure is added: read them, never write them.
   */
  public record Links(int[] start, int[] figure, int[] sign) {}

  /** The terms of every figure as numbers; fails on a term that names no figure of the document. */
  public Links links() {
    if (links == null) {
      if (unresolved) {
        for (int i = 0; i < figures.size(); i++) {
          for (int t = 0; t < termStart[i + 1] - termStart[i]; t++) {
            if (termFigure[termStart[i] + t] < 0) {
              List<Figure.Term> terms = figures.get(i).terms(); // an added figure's own list: only its terms go unresolved
              int at = indexOf(terms.get(t).figureId());
              if (at < 0) {
                throw new IllegalArgumentException("no figure " + terms.get(t).figureId());
              }
              termFigure[termStart[i] + t] = at;
            }
          }
        }
        unresolved = false;
      }
      links = new Links(termStart, termFigure, termSign);
    }
    return links;
  }

  /** Expands a figure into its leaves with integer coefficients. */
  public Map<String, Long> leafCoefficients(String id) {
    Map<String, Long> result = new LinkedHashMap<>();
    expand(id, 1, result, 0);
    return result;
  }

  private void expand(String id, long factor, Map<String, Long> into, int depth) {
    if (depth > 64) {
      throw new IllegalStateException("figure definitions nest too deep at " + id);
    }
    Figure f = get(id);
    if (f.isLeaf()) {
      into.merge(id, factor, Long::sum);
      return;
    }
    for (Figure.Term t : f.terms()) {
      expand(t.figureId(), factor * t.sign(), into, depth + 1);
    }
  }
}
