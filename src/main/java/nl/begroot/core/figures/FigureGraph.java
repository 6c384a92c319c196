package nl.begroot.core.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All figures of a document and how they hang together. Besides each figure's own definition it
 * records pairs of figures that must be equal (e.g. "Te verdelen bedrag" and the sum over the members
 * in Bijlage 1), so that printing rounds them alike.
 */
public final class FigureGraph {
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<String[]> equalities = new ArrayList<>();
  private final Map<String, List<List<Figure.Term>>> alternatives = new LinkedHashMap<>();

  public Figure add(Figure figure) {
    if (figures.putIfAbsent(figure.id(), figure) != null) {
      throw new IllegalStateException("figure defined twice: " + figure.id());
    }
    return figure;
  }

  /** Replaces a figure's presentation; its value and definition must stay the same. */
  void replace(Figure figure) {
    Figure old = get(figure.id());
    if (old.cents() != figure.cents() || !old.terms().equals(figure.terms())) {
      throw new IllegalStateException("replace may only change how a figure is shown: " + figure.id());
    }
    figures.put(figure.id(), figure);
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
    return figures.containsKey(id);
  }

  public Optional<Figure> find(String id) {
    return Optional.ofNullable(figures.get(id));
  }

  public Figure get(String id) {
    Figure f = figures.get(id);
    if (f == null) {
      throw new IllegalArgumentException("no figure " + id);
    }
    return f;
  }

  public Collection<Figure> all() {
    return figures.values();
  }

  public List<String[]> equalities() {
    return equalities;
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
