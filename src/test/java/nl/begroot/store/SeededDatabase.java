package nl.begroot.store;

import nl.begroot.TestBudgets;
import nl.begroot.core.model.Budget;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the store's contracts share: a fresh database of the subclass's engine, a workspace on
 * it, seeded with the built-in IPO budget by the system actor "seed" as the server seeds it. Each
 * engine's test class says only how to make an empty database.
 */
abstract class SeededDatabase {
  static final Budget IPO = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  Database database;
  Workspace workspace;

  abstract DatabaseUrl freshDatabase();

  /** Another empty database of the same kind, beside {@link #freshDatabase()}. */
  abstract DatabaseUrl secondFreshDatabase();

  @BeforeEach
  void openSeeded() {
    database = Database.open(freshDatabase());
    workspace = new Workspace(database);
    workspace.seedIfEmpty(IPO, TestBudgets.SEED);
  }

  @AfterEach
  void closeDatabase() {
    Origin.done();
    database.close();
  }
}
