package nl.begroot.core.figures;

import java.util.List;

/**
 * One figure of the document, exact in cents, with how it was made: either a sum of other figures
 * ({@code terms}, each with a sign) or a leaf whose {@link Origin} says where it comes from.
 *
 * @param id stable id: {@code table/row/column}, e.g. {@code tabel-1/new.lasten/2028}
 * @param display whether the document shows an amount, {@code pm}, or nothing
 */
public record Figure(
    String id, String label, long cents, Display display, List<Term> terms, Origin origin) {

  public Figure {
    terms = terms instanceof FigureGraph.SumTerms ? terms : List.copyOf(terms); // the graph's view is immutable
  }

  public boolean isLeaf() {
    return terms.isEmpty();
  }

  /** How a figure is shown. */
  public enum Display {
    AMOUNT,
    PM,
    BLANK
  }

  /** A signed reference to another figure. */
  public record Term(int sign, String figureId) {}
}
