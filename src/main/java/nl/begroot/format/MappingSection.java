package nl.begroot.format;

import static nl.begroot.format.Yaml.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.LedgerRule;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;
import nl.begroot.core.validate.ModelPath;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code ledger_mapping}: which ledger account (and cost centre) is realised lasten or baten of
 * which unit, in whose money (docs/actuals.md). Syntax and types only; the core's validator checks
 * the references.
 */
final class MappingSection {
  private MappingSection() {}

  static List<LedgerRule> read(Yaml yaml, Node node) {
    List<LedgerRule> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    ModelPath list = ModelPath.of("ledger_mapping");
    List<Node> items = yaml.sequence(node, list, "ledger_mapping");
    for (int i = 0; i < items.size(); i++) {
      ModelPath at = list.index(i);
      Map<String, Node> m = yaml.mapping(items.get(i), at, "a row of ledger_mapping",
          keys("account", "cost_centre", "unit", "side", "money", "third_party"), keys("account", "unit", "side", "money"));
      String account = yaml.text(m, "account", at, "the account");
      String costCentre = m.containsKey("cost_centre") ? yaml.text(m, "cost_centre", at, "the cost centre") : null;
      String unit = yaml.text(m, "unit", at, "the unit");
      Side side = null;
      String s = yaml.text(m, "side", at, "the side");
      if ("lasten".equals(s)) {
        side = Side.LASTEN;
      } else if ("baten".equals(s)) {
        side = Side.BATEN;
      } else if (s != null) {
        yaml.error(m.get("side"), at.field("side"), "the side must be lasten or baten, not '" + s + "'");
      }
      MoneyKind money = null;
      String k = yaml.text(m, "money", at, "the money");
      if (k != null) {
        money = MoneyKind.ofCode(k).orElse(null);
        if (money == null) {
          yaml.error(m.get("money"), at.field("money"), "the money must be own, pass-through or third-party, not '" + k + "'");
        }
      }
      String thirdParty = m.containsKey("third_party") ? yaml.text(m, "third_party", at, "the third party") : null;
      result.add(new LedgerRule(account, costCentre, unit, side, money, thirdParty));
    }
    return result;
  }
}
