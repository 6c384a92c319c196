package nl.begroot.format;

import static nl.begroot.format.Yaml.keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.validate.ModelPath;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads Bijlage 1 (the annex: columns and key) and the printed document kept for the audit. */
final class AnnexSection {
  private final Yaml yaml;

  AnnexSection(Reading r) {
    this.yaml = r.yaml;
  }

  Annex annex(Node node) {
    ModelPath at = ModelPath.of("annex");
    Map<String, Node> m = yaml.mapping(node, at, "annex", keys("title", "key", "columns", "third_party_column"), keys("title", "key", "columns"));
    String title = yaml.text(m, "title", at, "annex title");
    String key = yaml.text(m, "key", at, "annex key");
    List<Annex.Column> columns = new ArrayList<>();
    if (m.containsKey("columns")) {
      ModelPath list = at.field("columns");
      List<Node> items = yaml.sequence(m.get("columns"), list, "annex columns");
      for (int c = 0; c < items.size(); c++) {
        ModelPath cat = list.index(c);
        Map<String, Node> cm = yaml.mapping(items.get(c), cat, "an annex column",
            keys("id", "title", "programmes", "units", "proposals", "key", "sum_of"), keys("id", "title"));
        String id = yaml.text(cm, "id", cat, "column id");
        String what = "annex column '" + id + "'";
        columns.add(new Annex.Column(id, yaml.text(cm, "title", cat, what + " title"),
            yaml.texts(cm.get("programmes"), cat.field("programmes"), what + " programmes"),
            yaml.texts(cm.get("units"), cat.field("units"), what + " units"),
            yaml.texts(cm.get("proposals"), cat.field("proposals"), what + " proposals"),
            yaml.optionalText(cm, "key", cat, what),
            yaml.texts(cm.get("sum_of"), cat.field("sum_of"), what + " sum_of")));
      }
    }
    Annex.ThirdPartyColumn third = null;
    if (m.containsKey("third_party_column")) {
      ModelPath tat = at.field("third_party_column");
      Map<String, Node> tm = yaml.mapping(m.get("third_party_column"), tat, "annex third_party_column",
          keys("id", "title", "third_party"), keys("id", "title", "third_party"));
      third = new Annex.ThirdPartyColumn(yaml.text(tm, "id", tat, "third_party_column id"),
          yaml.text(tm, "title", tat, "third_party_column title"), yaml.text(tm, "third_party", tat, "third_party_column third_party"));
    }
    return new Annex(title, key, columns, third);
  }

  PrintedDocument printed(Node node) {
    if (node == null) {
      return PrintedDocument.none();
    }
    ModelPath at = ModelPath.of("printed");
    Map<String, Node> m = yaml.mapping(node, at, "printed", keys("amounts_rounded_to", "tables"), keys("tables"));
    long rounded = 0;
    if (m.containsKey("amounts_rounded_to")) {
      Integer r = yaml.integer(m.get("amounts_rounded_to"), at.field("amounts_rounded_to"), "printed.amounts_rounded_to");
      rounded = r == null ? 0 : r;
    }
    List<PrintedDocument.PrintedTable> tables = new ArrayList<>();
    List<Node> items = m.containsKey("tables") ? yaml.sequence(m.get("tables"), at.field("tables"), "printed tables") : List.of();
    for (int t = 0; t < items.size(); t++) {
      ModelPath tat = at.field("tables").index(t);
      Map<String, Node> tm = yaml.mapping(items.get(t), tat, "a printed table", keys("table", "page", "rows"), keys("table", "rows"));
      String id = yaml.text(tm, "table", tat, "printed table id");
      Map<String, PrintedDocument.PrintedRow> rows = new LinkedHashMap<>();
      if (tm.containsKey("rows")) {
        for (Yaml.Entry e : yaml.entries(tm.get("rows"), tat.field("rows"), "printed table '" + id + "' rows")) {
          List<String> cells = new ArrayList<>();
          for (Node cell : yaml.sequence(e.value(), tat.field("rows").key(e.key()), "printed row '" + e.key() + "'")) {
            if (!(cell instanceof ScalarNode)) {
              yaml.error(cell, "a printed cell must be the figure as printed, e.g. \"-2.702\", \"pm\" or \"\"");
            }
            cells.add(cell instanceof ScalarNode s ? s.getValue().trim() : "");
          }
          rows.put(e.key(), new PrintedDocument.PrintedRow(cells, Yaml.line(e.keyNode())));
        }
      }
      tables.add(new PrintedDocument.PrintedTable(id, yaml.optionalText(tm, "page", tat, "printed table"), rows));
    }
    return new PrintedDocument(rounded, tables);
  }
}
