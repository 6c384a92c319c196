package nl.begroot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.model.Budget;
import nl.begroot.core.rounding.ControlledRounding;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.format.Problem;

/** A budget file loaded, computed and rounded for print; or null after reporting its problems. */
record Loaded(Budget budget, Document document, PrintedFigures printed) {

  static Loaded load(Path file, PrintWriter err) {
    LoadResult result = file == null ? BudgetFiles.loadBuiltIn() : BudgetFiles.load(file);
    if (result instanceof LoadResult.Rejected rejected) {
      report(rejected, err);
      return null;
    }
    Budget budget = ((LoadResult.Loaded) result).budget();
    Document document = DocumentBuilder.build(Engine.compute(budget));
    return new Loaded(budget, document, ControlledRounding.round(document));
  }

  static void report(LoadResult.Rejected rejected, PrintWriter err) {
    int n = rejected.problems().size();
    for (Problem p : rejected.problems()) {
      err.println(p);
    }
    err.println(n + (n == 1 ? " problem" : " problems") + " found; nothing was loaded.");
  }
}
