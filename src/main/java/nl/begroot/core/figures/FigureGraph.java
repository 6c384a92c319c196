package nl.begroot.core.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  /* by id: the figure with its number and value, so that a sum's terms are found in one read each */
  private final Map<String, Slot> index = new HashMap<>();
  private final List<Figure> figures = new ArrayList<>();
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
    int[] resolved = new int[terms.size()];
    long cents = 0;
    for (int t = 0; t < resolved.length; t++) {
      Figure.Term term = terms.get(t);
      Slot slot = index.get(term.figureId());
      if (slot == null) {
        throw new IllegalArgumentException("no figure " + term.figureId());
      }
      resolved[t] = slot.number;
      cents = Math.addExact(cents, Math.multiplyExact(slot.cents, (long) term.sign()));
    }
    return add(new Figure(id, label, cents, Figure.Display.AMOUNT, terms, origin), resolved);
  }

  private Figure add(Figure figure, int[] resolved) {
    int number = figures.size();
    if (index.putIfAbsent(figure.id(), new Slot(number, figure.cents(), figure)) != null) {
      throw new IllegalStateException("figure defined twice: " + figure.id());
    }
    figures.add(figure);
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

  /** Replaces a figure's presentation; its value and definition must stay the same. */
  void replace(Figure figure) {
    Figure old = get(figure.id());
    if (old.cents() != figure.cents() || !old.terms().equals(figure.terms())) {
      throw new IllegalStateException("replace may only change how a figure is shown: " + figure.id());
    }
    Slot slot = index.get(figure.id());
    slot.figure = figure;
    figures.set(slot.number, figure);
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
    return index.containsKey(id);
  }

  public Optional<Figure> find(String id) {
    Slot slot = index.get(id);
    return slot == null ? Optional.empty() : Optional.of(slot.figure);
  }

  public Figure get(String id) {
    Slot slot = index.get(id);
    if (slot == null) {
      throw new IllegalArgumentException("no figure " + id);
    }
    return slot.figure;
  }

  /** The number of a figure (its position in the order added), or -1 when the document has none by this id. */
  public int indexOf(String id) {
    Slot slot = index.get(id);
    return slot == null ? -1 : slot.number;
  }

  /** The figure with this number (see {@link #indexOf}). */
  public Figure figure(int number) {
    return figures.get(number);
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

  /** A figure under its id: its number, its value (which a replacement keeps) and the figure as it is now. */
  private static final class Slot {
    final int number;
    final long cents;
    Figure figure;

    Slot(int number, long cents, Figure figure) {
      this.number = number;
      this.cents = cents;
      this.figure = figure;
    }
  }
}
