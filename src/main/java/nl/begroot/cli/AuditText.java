package nl.begroot.cli;

import java.util.List;
import nl.begroot.core.audit.Finding;

/** The audit as a text table: table, row, column, printed, computed, cause, and what is wrong. */
final class AuditText {
  private AuditText() {}

  static String render(List<Finding> findings, int tablesChecked) {
    StringBuilder out = new StringBuilder();
    out.append("Rekenkundige controle: ").append(tablesChecked).append(" printed tables checked, ")
        .append(findings.size()).append(findings.size() == 1 ? " finding" : " findings").append('\n');
    if (findings.isEmpty()) {
      return out.toString();
    }
    String[] head = {"table", "row", "column", "printed", "computed", "kind", "cause"};
    int[] w = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      w[i] = head[i].length();
    }
    for (Finding f : findings) {
      String[] c = cells(f);
      for (int i = 0; i < c.length; i++) {
        w[i] = Math.min(30, Math.max(w[i], c[i].length()));
      }
    }
    out.append(row(head, w)).append("  what\n");
    for (Finding f : findings) {
      out.append(row(cells(f), w)).append("  ").append(f.message()).append('\n');
    }
    long errors = findings.stream().filter(f -> f.cause() == Finding.Cause.ERROR).count();
    out.append(findings.size() - errors).append(" put down to rounding, ").append(errors).append(" real errors\n");
    return out.toString();
  }

  private static String[] cells(Finding f) {
    return new String[] {f.table(), f.row(), f.column(), f.printed(), f.computed(),
        f.kind().name().toLowerCase(java.util.Locale.ROOT), f.cause().name().toLowerCase(java.util.Locale.ROOT)};
  }

  private static String row(String[] cells, int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i].length() > w[i] ? cells[i].substring(0, w[i]) : cells[i];
      sb.append(i == 0 ? "" : "  ").append(c).append(" ".repeat(w[i] - c.length()));
    }
    return sb.toString();
  }
}
