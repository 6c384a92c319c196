package nl.begroot.publish;

import java.util.Objects;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.model.Budget;
import nl.begroot.core.pipeline.Computed;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.rounding.PrintedFigures;

/**
 * A budget ready to publish: the budget as computed by the core's one pipeline (source data,
 * document, printed figures and the views derived from them). Every publication (HTML, PDF, xlsx,
 * open data, statements) reads the same computed budget, so they all print the same figures.
 * {@code date} is the version's own date (never the day of the download), or null.
 */
public record Publication(Computed computed, java.time.LocalDate date) {
  public Publication {
    Objects.requireNonNull(computed);
  }

  /** The publication of a loaded budget, computed by the core's one pipeline; undated. */
  public static Publication of(Budget budget) {
    return of(Pipeline.compute(budget));
  }

  /** The publication of a budget already computed (a version's snapshot, a loaded file); undated. */
  public static Publication of(Computed computed) {
    return new Publication(computed, null);
  }

  /**
   * The publication dated with the version's own date (its adoption, else the day it was made):
   * the cover prints it and the PDF's metadata carry it, so the same version always gives the same
   * bytes. Null: undated (the cover prints no date, the PDF no creation date).
   */
  public static Publication of(Computed computed, java.time.LocalDate date) {
    return new Publication(computed, date);
  }

  public Budget budget() {
    return computed.budget();
  }

  public Document document() {
    return computed.document();
  }

  public PrintedFigures printed() {
    return computed.printed();
  }

  /** A figure's printed value in thousands (for figures of tables in thousands). */
  long thousands(String figureId) {
    return printed().value(true, figureId).orElseThrow(() -> new IllegalArgumentException("not printed in thousands: " + figureId));
  }

  /** A figure's exact value in cents. */
  long cents(String figureId) {
    return document().graph().get(figureId).cents();
  }

  Figure figure(String figureId) {
    return document().graph().get(figureId);
  }

  int budgetYear() {
    return budget().version().budgetYear();
  }
}
