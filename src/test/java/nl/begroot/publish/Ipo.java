package nl.begroot.publish;

import nl.begroot.core.model.Budget;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;

/** The built-in IPO budget, computed once for the publishing tests. */
final class Ipo {
  static final Budget BUDGET = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  static final Publication PUBLICATION = Publication.of(BUDGET);
  /** The same publication with a version's date (as a stored version has: its adoption or its making). */
  static final Publication DATED = Publication.of(PUBLICATION.computed(), java.time.LocalDate.of(2026, 9, 15));

  private Ipo() {}
}
