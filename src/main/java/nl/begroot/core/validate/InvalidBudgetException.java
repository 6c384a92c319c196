package nl.begroot.core.validate;

import java.util.List;
import java.util.stream.Collectors;

/** A budget that {@link BudgetValidator} rejects was given where a valid one is required. */
public final class InvalidBudgetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<Violation> violations;

  public InvalidBudgetException(List<Violation> violations) {
    super("the budget is not valid (" + violations.size() + (violations.size() == 1 ? " problem" : " problems") + "): "
        + violations.stream().limit(10).map(Violation::toString).collect(Collectors.joining("; "))
        + (violations.size() > 10 ? "; ..." : ""));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
