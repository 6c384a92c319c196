package nl.begroot.cli;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.access.Actor;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.workspace.Workspace;

/**
 * What `begroot serve` puts into a database on its first start, in this order, each step once (a
 * second start makes nothing): the built-in IPO budget; the fictitious second organisation (decision
 * 164); the illustration of realised figures (docs/actuals.md); the cycle's illustration after the
 * concept (decision 179); the Tussenrapportage of that illustration (docs/midyear.md). The one owner of
 * that sequence: the server and the tests that stand in for a first start (the kill suite) call it.
 */
public final class FirstStart {
  private FirstStart() {}

  /** Seeds what is missing; returns what could not be done, in words (empty when all is there). */
  public static List<String> seed(Workspace workspace) {
    Actor system = Actor.system("begroot");
    List<String> problems = new ArrayList<>();
    workspace.seedIfEmpty(() -> ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget(), system);
    workspace.seedExampleIfAbsent(() -> ((LoadResult.Loaded) BudgetFiles.loadExample()).budget(), BudgetFiles.EXAMPLE_ORGANISATION, system);
    workspace.seedActualsIfNone(system).forEach(p -> problems.add("the illustration of realised figures was not imported: " + p));
    workspace.seedCycleIllustrationIfNone(system);
    workspace.midyears().seedIllustrationIfNone(system);
    return problems;
  }
}
