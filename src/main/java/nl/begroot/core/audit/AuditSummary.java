package nl.begroot.core.audit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many findings of each kind; the audit fails only on inconsistencies and errors. */
public record AuditSummary(int rounding, int inconsistencies, int changedSincePublication, int errors) {

  public static AuditSummary of(List<Finding> findings) {
    Map<Finding.Kind, Integer> n = new EnumMap<>(Finding.Kind.class);
    findings.forEach(f -> n.merge(f.kind(), 1, Integer::sum));
    return new AuditSummary(n.getOrDefault(Finding.Kind.ROUNDING, 0), n.getOrDefault(Finding.Kind.INCONSISTENCY, 0),
        n.getOrDefault(Finding.Kind.CHANGED_SINCE_PUBLICATION, 0), n.getOrDefault(Finding.Kind.ERROR, 0));
  }

  public int count(Finding.Kind kind) {
    return switch (kind) {
      case ROUNDING -> rounding;
      case INCONSISTENCY -> inconsistencies;
      case CHANGED_SINCE_PUBLICATION -> changedSincePublication;
      case ERROR -> errors;
    };
  }

  public int total() {
    return rounding + inconsistencies + changedSincePublication + errors;
  }

  /** True when there are inconsistencies in the document or errors: the audit's exit code is 1. */
  public boolean needsAction() {
    return inconsistencies + errors > 0;
  }

  /** The summary line, in English: "33 rounding, 25 inconsistencies in the document, 0 changed since publication, 0 errors". */
  public String line() {
    return rounding + " rounding, " + inconsistencies + (inconsistencies == 1 ? " inconsistency" : " inconsistencies")
        + " in the document, " + changedSincePublication + " changed since publication, " + errors + (errors == 1 ? " error" : " errors");
  }
}
