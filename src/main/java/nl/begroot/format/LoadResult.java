package nl.begroot.format;

import java.util.List;
import nl.begroot.core.model.Budget;

/** Either a loaded budget or every problem found in the file. Nothing is half-loaded. */
public sealed interface LoadResult {
  /** The file was read without problems. */
  record Loaded(Budget budget) implements LoadResult {}

  /** The file was refused; {@code problems} lists all problems found, in file order. */
  record Rejected(List<Problem> problems) implements LoadResult {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }
}
