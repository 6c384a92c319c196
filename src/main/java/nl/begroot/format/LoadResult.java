package nl.begroot.format;

import java.util.List;
import nl.begroot.core.model.Budget;

/** Either a loaded budget or every problem found in the file. Nothing is half-loaded. */
public sealed interface LoadResult {
  /**
   * The file was read without problems. {@code warnings} are things worth a look that do not stop
   * the file from loading (a literal amount in a narrative that no figure has), in file order.
   */
  record Loaded(Budget budget, List<Problem> warnings) implements LoadResult {
    public Loaded {
      warnings = List.copyOf(warnings);
    }

    public Loaded(Budget budget) {
      this(budget, List.of());
    }
  }

  /** The file was refused; {@code problems} lists all problems found, in file order. */
  record Rejected(List<Problem> problems) implements LoadResult {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }
}
