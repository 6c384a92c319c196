package nl.begroot.render;

import java.util.List;
import nl.begroot.core.audit.AuditSummary;
import nl.begroot.core.audit.Finding;
import nl.begroot.core.explain.Explanation;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.rounding.PrintedFigures;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON output; the shapes are described by schema/compute-output.schema.json and
 * schema/audit-output.schema.json. Amounts are integral cents; ids are stable.
 */
public final class JsonRenderer {
  public static final String COMPUTE_FORMAT = "begroot-compute/1";
  /** One table of the document with its version ({@link #table}). */
  public static final String TABLE_FORMAT = "begroot-table/1";
  public static final String AUDIT_FORMAT = "begroot-audit/2";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonRenderer() {}

  public static String compute(Document document, PrintedFigures printed, List<Table> tables) {
    Budget budget = document.computation().budget();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", COMPUTE_FORMAT);
    root.putObject("organisation").put("id", budget.organisation().id()).put("name", budget.organisation().name());
    version(root.putObject("version"), budget);
    ArrayNode members = root.putArray("members");
    for (Member m : budget.members()) {
      members.addObject().put("id", m.id()).put("name", m.name());
    }
    ArrayNode programmes = root.putArray("programmes");
    for (Programme p : budget.programmes()) {
      ObjectNode pn = programmes.addObject().put("id", p.id()).put("title", p.title()).put("overhead_view", p.overheadView());
      ArrayNode units = pn.putArray("units");
      p.units().forEach(u -> units.addObject().put("id", u.id()).put("title", u.title()));
    }
    ArrayNode proposals = root.putArray("proposals");
    for (Proposal p : budget.proposals()) {
      ObjectNode pn = proposals.addObject().put("id", p.id()).put("unit", p.unit());
      ArrayNode unitIds = pn.putArray("units");
      p.units().forEach(unitIds::add);
      pn.put("title", p.title())
          .put("side", p.side().name().toLowerCase(java.util.Locale.ROOT))
          .put("nature", p.nature().code())
          .put("rule", p.rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      if (p.category() != null) {
        pn.put("category", p.category());
      }
    }
    ArrayNode columns = root.putArray("annex_columns");
    for (Annex.Column c : budget.annex().columns()) {
      columns.addObject().put("id", c.id()).put("title", c.title());
    }
    ArrayNode tableArray = root.putArray("tables");
    ObjectNode figures = MAPPER.createObjectNode();
    for (Table t : tables) {
      table(tableArray.addObject(), t, document, printed, figures);
    }
    root.set("figures", figures);
    ArrayNode notes = root.putArray("rounding_notes");
    printed.messages().forEach(notes::add);
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /**
   * One table, compact (format {@code begroot-table/1}): the version and the table exactly as in
   * {@link #compute}'s {@code version} and {@code tables}, without the rest of the document (its
   * proposals, and the figures the table's figures are made of).
   */
  public static String table(Document document, PrintedFigures printed, Table t) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", TABLE_FORMAT);
    version(root.putObject("version"), document.computation().budget());
    table(root.putObject("table"), t, document, printed, null);
    return MAPPER.writeValueAsString(root);
  }

  private static void version(ObjectNode version, Budget budget) {
    version.put("id", budget.version().id()).put("title", budget.version().title())
        .put("phase", budget.version().phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .put("budget_year", budget.version().budgetYear());
    ArrayNode years = version.putArray("years");
    budget.version().years().forEach(years::add);
  }

  /** A table's node; each figure it shows, with every figure its terms name, goes to {@code figures} when given. */
  private static void table(ObjectNode tn, Table t, Document document, PrintedFigures printed, ObjectNode figures) {
    tn.put("id", t.id()).put("title", t.title()).put("unit_euros", t.centsPerUnit() / 100);
    ArrayNode cols = tn.putArray("columns");
    t.columns().forEach(c -> cols.addObject().put("id", c.id()).put("label", c.label()));
    ArrayNode rows = tn.putArray("rows");
    for (Table.Row row : t.rows()) {
      ObjectNode rn = rows.addObject().put("id", row.id()).put("label", row.label())
          .put("style", row.style().name().toLowerCase(java.util.Locale.ROOT));
      ArrayNode cells = rn.putArray("cells");
      for (Table.Cell cell : row.cells()) {
        if (cell.figureId() != null) {
          Figure f = document.graph().get(cell.figureId());
          cells.addObject().put("figure", f.id()).put("cents", f.cents())
              .put("printed", printed.value(t.inThousands(), f.id()).orElseThrow())
              .put("display", f.display().name().toLowerCase(java.util.Locale.ROOT));
          if (figures != null) {
            figure(figures, f, document);
          }
        } else if (cell.percent() != null) {
          cells.addObject().put("percent", cell.percent().setScale(Math.max(2, cell.percent().scale())).toPlainString());
        } else {
          cells.addNull();
        }
      }
    }
  }

  /** A figure and, so that the figures close, every figure its terms name. */
  private static void figure(ObjectNode figures, Figure f, Document document) {
    if (figures.has(f.id())) {
      return;
    }
    ObjectNode fn = figures.putObject(f.id());
    fn.put("label", f.label()).put("cents", f.cents());
    if (!f.isLeaf()) {
      ArrayNode terms = fn.putArray("terms");
      for (Figure.Term t : f.terms()) {
        terms.addObject().put("sign", t.sign()).put("figure", t.figureId());
      }
      for (Figure.Term t : f.terms()) {
        figure(figures, document.graph().get(t.figureId()), document);
      }
    }
  }

  public static String audit(List<Finding> findings) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", AUDIT_FORMAT);
    root.put("count", findings.size());
    AuditSummary summary = AuditSummary.of(findings);
    root.putObject("summary").put("rounding", summary.rounding()).put("inconsistency", summary.inconsistencies())
        .put("changed-since-publication", summary.changedSincePublication()).put("error", summary.errors());
    ArrayNode list = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode n = list.addObject().put("kind", auditKind(f.kind())).put("label", f.label())
          .put("table", f.table()).put("row", f.row()).put("column", f.column());
      if (!f.figure().isEmpty()) {
        n.put("figure", f.figure());
      }
      n.put("printed", f.printed()).put("computed", f.computed())
          .put("check", f.check().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).put("message", f.message());
      if (!f.edits().isEmpty()) {
        ArrayNode edits = n.putArray("edits");
        f.edits().forEach(e -> edits.addObject().put("subject", e.subject()).put("action", e.action()).put("actor", e.actor())
            .put("at", e.at().toString()));
      }
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /** A finding's kind as JSON spells it: {@code rounding}, {@code inconsistency}, {@code changed-since-publication}, {@code error}. */
  public static String auditKind(Finding.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace("_", "-");
  }

  public static String explanation(Explanation e) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(explanationNode(e)) + "\n";
  }

  private static ObjectNode explanationNode(Explanation e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("figure", e.figure().id()).put("label", e.figure().label()).put("sign", e.sign()).put("cents", e.figure().cents());
    if (e.printed() != null) {
      n.put("printed", e.printed()).put("printed_unit_euros", e.inThousands() ? 1000 : 1);
    }
    n.put("how", e.how());
    if (!e.parts().isEmpty()) {
      ArrayNode parts = n.putArray("parts");
      e.parts().forEach(p -> parts.add(explanationNode(p)));
    }
    if (e.basis() != null) {
      n.set("share_of", explanationNode(e.basis()));
    }
    return n;
  }
}
