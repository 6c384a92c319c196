package nl.begroot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import nl.begroot.core.figures.Document;
import nl.begroot.core.model.Budget;
import nl.begroot.core.pipeline.Computed;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.format.Problem;

/** A budget file loaded and computed by the core's one pipeline; or null after reporting its problems. */
record Loaded(Computed computed) {
  Budget budget() {
    return computed.budget();
  }

  Document document() {
    return computed.document();
  }

  PrintedFigures printed() {
    return computed.printed();
  }

  static Loaded load(Path file, PrintWriter err) {
    LoadResult result = file == null ? BudgetFiles.loadBuiltIn() : BudgetFiles.load(file);
    if (result instanceof LoadResult.Rejected rejected) {
      report(rejected, err);
      return null;
    }
    Budget budget = ((LoadResult.Loaded) result).budget();
    return new Loaded(Pipeline.compute(budget));
  }

  static void report(LoadResult.Rejected rejected, PrintWriter err) {
    int n = rejected.problems().size();
    for (Problem p : rejected.problems()) {
      err.println(p);
    }
    err.println(n + (n == 1 ? " problem" : " problems") + " found; nothing was loaded.");
  }
}
