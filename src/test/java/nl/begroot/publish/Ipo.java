package nl.begroot.publish;

import nl.begroot.core.model.Budget;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;

/** The built-in IPO budget, computed once for the publishing tests. */
final class Ipo {
  static final Budget BUDGET = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  static final Publication PUBLICATION = Publication.of(BUDGET);

  private Ipo() {}
}
