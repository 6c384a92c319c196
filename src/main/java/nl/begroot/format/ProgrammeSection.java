package nl.begroot.format;

import static nl.begroot.format.HeaderSection.orDefault;
import static nl.begroot.format.Yaml.keys;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Unit;
import nl.begroot.core.validate.ModelPath;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the programmes (delen) with their frame, units and, for the overhead view, its spread. */
final class ProgrammeSection {
  private final Reading r;
  private final Yaml yaml;

  ProgrammeSection(Reading r) {
    this.r = r;
    this.yaml = r.yaml;
  }

  List<Programme> programmes(Node node) {
    List<Programme> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    ModelPath list = ModelPath.of("programmes");
    List<Node> items = yaml.sequence(node, list, "programmes");
    for (int i = 0; i < items.size(); i++) {
      ModelPath at = list.index(i);
      Map<String, Node> m = yaml.mapping(items.get(i), at, "a programme",
          keys("id", "title", "intro", "overhead_view", "spread", "frame", "units"), keys("id", "title", "frame", "units"));
      String id = yaml.text(m, "id", at, "programme id");
      String what = "programme '" + id + "'";
      String title = yaml.text(m, "title", at, what + " title");
      boolean overhead = yaml.bool(m, "overhead_view", at, what);
      Map<String, BigDecimal> spread = new LinkedHashMap<>();
      if (m.containsKey("spread")) {
        ModelPath spreadAt = at.field("spread");
        for (Yaml.Entry e : yaml.entries(m.get("spread"), spreadAt, what + " spread")) {
          yaml.places().at(spreadAt.key(e.key()), e.keyNode());
          BigDecimal share = r.signedPercent(e.value(), spreadAt.key(e.key()), "the spread share of column " + e.key());
          if (share != null) {
            spread.put(e.key(), share);
          }
        }
      }
      Amounts lasten = Amounts.blank(r.years.size());
      Amounts baten = Amounts.blank(r.years.size());
      if (m.containsKey("frame")) {
        ModelPath frame = at.field("frame");
        Map<String, Node> f = yaml.mapping(m.get("frame"), frame, what + " frame", keys("lasten", "baten"),
            overhead ? keys("lasten") : keys("lasten", "baten"));
        if (f.containsKey("lasten")) {
          lasten = r.amounts(f.get("lasten"), frame.field("lasten"), what + " frame lasten");
        }
        if (f.containsKey("baten")) {
          baten = r.amounts(f.get("baten"), frame.field("baten"), what + " frame baten");
        }
      }
      List<Unit> units = new ArrayList<>();
      if (m.containsKey("units")) {
        List<Node> unitNodes = yaml.sequence(m.get("units"), at.field("units"), what + " units");
        for (int u = 0; u < unitNodes.size(); u++) {
          ModelPath uat = at.field("units").index(u);
          Map<String, Node> um = yaml.mapping(unitNodes.get(u), uat, "a unit", keys("id", "title", "narrative", "developments", "priorities"),
              keys("id", "title"));
          units.add(new Unit(yaml.text(um, "id", uat, "unit id"), yaml.text(um, "title", uat, "unit title"),
              orDefault(yaml.optionalText(um, "narrative", uat, "unit"), ""),
              yaml.optionalText(um, "developments", uat, "unit"), yaml.optionalText(um, "priorities", uat, "unit")));
        }
      }
      result.add(new Programme(id, title, orDefault(yaml.optionalText(m, "intro", at, what), ""), overhead, spread, units, lasten, baten));
    }
    return result;
  }
}
