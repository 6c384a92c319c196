package nl.begroot.core.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
  /* by number: the figure as it is now, and its value (which a replacement keeps) */
  private final List<Figure> figures = new ArrayList<>();
  private long[] cents = new long[16];
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

  public Figure add(Figure figure) {
    return add(figure, null);
  }

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
    int[] resolved = new int[terms.size()];
    long cents = 0;
    for (int t = 0; t < resolved.length; t++) {
      Figure.Term term = terms.get(t);
      int number = numbers != null && numbers[t] >= 0 ? Objects.checkIndex(numbers[t], figures.size()) : indexOf(term.figureId());
      if (number < 0) {
        throw new IllegalArgumentException("no figure " + term.figureId());
      }
      resolved[t] = number;
      cents = Math.addExact(cents, Math.multiplyExact(this.cents[number], (long) term.sign()));
    }
    return add(new Figure(id, label, cents, Figure.Display.AMOUNT, terms, origin), resolved);
  }

  private Figure add(Figure figure, int[] resolved) {
    int number = figures.size();
    int hash = hash(Objects.requireNonNull(figure.id(), "a figure has an id"));
    int free = probe(figure.id(), hash);
    if (slots[free] != 0) {
      throw new IllegalStateException("figure defined twice: " + figure.id());
    }
    slots[free] = ((long) hash << 32) | (number + 1L);
    figures.add(figure);
    if (cents.length <= number) {
      cents = Arrays.copyOf(cents, cents.length * 2);
    }
    cents[number] = figure.cents();
    if (2L * figures.size() > slots.length) {
      grow();
    }
    List<Figure.Term> terms = figure.terms();
    if (termStart.length < number + 2) {
      termStart = Arrays.copyOf(termStart, termStart.length * 2);
    }
    int end = Math.addExact(termCount, terms.size());
    if (termFigure.length < end) {
      int capacity = Math.max(end, termFigure.length * 2);
      termFigure = Arrays.copyOf(termFigure, capacity);
      termSign = Arrays.copyOf(termSign, capacity);
    }
    for (int t = 0; t < terms.size(); t++) {
      Figure.Term term = terms.get(t);
      int at = resolved != null ? resolved[t] : indexOf(term.figureId());
      unresolved |= at < 0;
      termFigure[termCount + t] = at;
      termSign[termCount + t] = term.sign();
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
        String other = figures.get((int) slot - 1).id();
        if (other == id || other.equals(id)) {
          return at;
        }
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
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

  private static int hash(String id) {
    int h = id.hashCode();
    return h ^ (h >>> 16);
  }

  /** Replaces a figure's presentation; its value and definition must stay the same. */
  void replace(Figure figure) {
    int number = indexOf(figure.id());
    if (number < 0) {
      throw new IllegalArgumentException("no figure " + figure.id());
    }
    Figure old = figures.get(number);
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
    return number < 0 ? Optional.empty() : Optional.of(figures.get(number));
  }

  public Figure get(String id) {
    int number = indexOf(id);
    if (number < 0) {
      throw new IllegalArgumentException("no figure " + id);
    }
    return figures.get(number);
  }

  /** The number of a figure (its position in the order added), or -1 when the document has none by this id. */
  public int indexOf(String id) {
    if (id == null) {
      return -1;
    }
    long slot = slots[probe(id, hash(id))];
    return slot == 0 ? -1 : (int) slot - 1;
  }

  /** The figure with this number (see {@link #indexOf}). */
  public Figure figure(int number) {
    return figures.get(number);
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

  /** Every figure, in the order added (by number). */
  public Collection<Figure> all() {
    return Collections.unmodifiableList(figures);
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
          List<Figure.Term> terms = figures.get(i).terms();
          for (int t = 0; t < terms.size(); t++) {
            if (termFigure[termStart[i] + t] < 0) {
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
