package nl.begroot.cli;

import java.util.List;
import nl.begroot.core.audit.AuditSummary;
import nl.begroot.core.audit.Finding;

/**
 * The audit as text, grouped by kind in the order a controller acts on them (errors, inconsistencies
 * in the document, changes since publication, rounding). Each finding names its place in the
 * document's own words, says what is wrong, and ends with the technical detail in brackets (what was
 * checked and the figure's id). The last line is the summary; the sentences are English, the places
 * are the document's words (see {@link nl.begroot.core.figures.FigureLabels}).
 */
final class AuditText {
  private AuditText() {}

  static String render(List<Finding> findings, int tablesChecked) {
    StringBuilder out = new StringBuilder();
    out.append("Rekenkundige controle: ").append(tablesChecked).append(" printed tables checked, ")
        .append(findings.size()).append(findings.size() == 1 ? " finding" : " findings").append('\n');
    AuditSummary summary = AuditSummary.of(findings);
    for (Finding.Kind kind : Finding.Kind.values()) {
      List<Finding> these = findings.stream().filter(f -> f.kind() == kind).toList();
      if (these.isEmpty()) {
        continue;
      }
      out.append('\n').append(heading(kind)).append(" (").append(these.size()).append(")\n");
      for (Finding f : these) {
        out.append("  ").append(f.label()).append(": ").append(f.message()).append("  [")
            .append(f.check().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append(' ').append(id(f)).append("]\n");
      }
    }
    out.append(findings.isEmpty() ? "" : "\n").append("Summary: ").append(summary.line()).append('\n');
    return out.toString();
  }

  static String heading(Finding.Kind kind) {
    return switch (kind) {
      case ERROR -> "Errors: a printed figure differs from Begroot's by more than rounding explains";
      case INCONSISTENCY -> "Inconsistencies in the document: the document contradicts itself";
      case CHANGED_SINCE_PUBLICATION -> "Changed since publication: edited after the document was printed";
      case ROUNDING -> "Rounding: the print differs from Begroot's only within rounding";
    };
  }

  private static String id(Finding f) {
    return !f.figure().isEmpty() ? f.figure() : f.table() + "/" + f.row() + (f.column().isEmpty() ? "" : "/" + f.column());
  }
}
