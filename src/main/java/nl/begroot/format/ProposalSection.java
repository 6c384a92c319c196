package nl.begroot.format;

import static nl.begroot.format.HeaderSection.orDefault;
import static nl.begroot.format.Yaml.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.validate.ModelPath;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the lines that change the frame: proposals with their breakdowns, and transfers with their legs. */
final class ProposalSection {
  private final Reading r;
  private final Yaml yaml;

  ProposalSection(Reading r) {
    this.r = r;
    this.yaml = r.yaml;
  }

  List<Proposal> proposals(Node node) {
    List<Proposal> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    ModelPath list = ModelPath.of("proposals");
    List<Node> items = yaml.sequence(node, list, "proposals");
    for (int i = 0; i < items.size(); i++) {
      ModelPath at = list.index(i);
      Node item = items.get(i);
      Map<String, Node> m = yaml.mapping(item, at, "a proposal",
          keys("id", "unit", "title", "side", "nature", "category", "products", "amounts", "rule", "pass_through",
              "third_party", "group", "breakdown", "explanation"),
          keys("id", "unit", "title", "side"));
      String id = yaml.text(m, "id", at, "proposal id");
      String what = "proposal '" + id + "'";
      List<String> units = yaml.texts(m.get("unit"), at.field("unit"), what + " unit");
      String title = yaml.text(m, "title", at, what + " title");
      Side side = null;
      if (m.containsKey("side")) {
        String s = yaml.text(m.get("side"), at.field("side"), what + " side");
        if ("lasten".equals(s)) {
          side = Side.LASTEN;
        } else if ("baten".equals(s)) {
          side = Side.BATEN;
        } else if (s != null) {
          yaml.error(m.get("side"), at.field("side"), what + " side must be lasten or baten, not '" + s + "'");
        }
      }
      Nature nature = m.containsKey("nature") ? nature(m.get("nature"), at.field("nature"), what) : Nature.RECURRING;
      String category = yaml.optionalText(m, "category", at, what);
      List<String> products = yaml.texts(m.get("products"), at.field("products"), what + " products");
      Proposal.Rule rule = Proposal.Rule.ENTERED;
      if (m.containsKey("rule")) {
        String text = yaml.text(m.get("rule"), at.field("rule"), what + " rule");
        rule = switch (text == null ? "" : text) {
          case "entered" -> Proposal.Rule.ENTERED;
          case "transfer" -> Proposal.Rule.TRANSFER;
          case "balancing" -> Proposal.Rule.BALANCING;
          case "pass-through-contribution" -> Proposal.Rule.PASS_THROUGH_CONTRIBUTION;
          default -> {
            if (text != null) {
              yaml.error(m.get("rule"), at.field("rule"), what + " rule must be one of entered, transfer, balancing, pass-through-contribution");
            }
            yield null;
          }
        };
      }
      Amounts amounts = Amounts.blank(r.years.size());
      if (m.containsKey("amounts")) {
        amounts = r.amounts(m.get("amounts"), at.field("amounts"), what + " amounts");
      } else if (rule == Proposal.Rule.ENTERED) {
        yaml.error(item, at.field("amounts"), what + " has no amounts (give amounts per year, or a rule that computes them)");
      }
      boolean passThrough = m.containsKey("pass_through");
      List<String> passItems = List.of();
      if (passThrough) {
        Map<String, Node> pt = yaml.mapping(m.get("pass_through"), at.field("pass_through"), what + " pass_through", keys("items"), keys());
        passItems = yaml.texts(pt.get("items"), at.field("pass_through").field("items"), what + " pass_through items");
      }
      String thirdParty = yaml.optionalText(m, "third_party", at, what);
      Breakdown breakdown = m.containsKey("breakdown") ? breakdown(m.get("breakdown"), at.field("breakdown"), what) : null;
      result.add(new Proposal(id, units, title, side, nature, category, products, amounts, rule, passThrough, passItems,
          thirdParty, yaml.optionalText(m, "group", at, what), breakdown, orDefault(yaml.optionalText(m, "explanation", at, what), "")));
    }
    return result;
  }

  private Nature nature(Node node, ModelPath path, String what) {
    String n = yaml.text(node, path, what + " nature");
    if (n != null && Nature.ofCode(n).isEmpty()) {
      yaml.error(node, path, what + " nature must be one-off or recurring, not '" + n + "'");
    }
    return n == null ? Nature.RECURRING : Nature.ofCode(n).orElse(Nature.RECURRING);
  }

  private Breakdown breakdown(Node node, ModelPath at, String what) {
    Map<String, Node> m = yaml.mapping(node, at, what + " breakdown", keys("title", "show_negated", "in_euros", "components"),
        keys("title", "components"));
    String title = yaml.text(m, "title", at, what + " breakdown title");
    List<Breakdown.Component> components = new ArrayList<>();
    if (m.containsKey("components")) {
      ModelPath list = at.field("components");
      List<Node> items = yaml.sequence(m.get("components"), list, what + " breakdown components");
      for (int c = 0; c < items.size(); c++) {
        ModelPath cat = list.index(c);
        Map<String, Node> cm = yaml.mapping(items.get(c), cat, "a component", keys("id", "title", "nature", "amounts"), keys("id", "title", "amounts"));
        String id = yaml.text(cm, "id", cat, "component id");
        String ctitle = yaml.text(cm, "title", cat, "component title");
        Nature nature = cm.containsKey("nature") ? nature(cm.get("nature"), cat.field("nature"), what + " component '" + id + "'") : Nature.RECURRING;
        Amounts a = cm.containsKey("amounts")
            ? r.amounts(cm.get("amounts"), cat.field("amounts"), what + " component '" + id + "' amounts")
            : Amounts.blank(r.years.size());
        components.add(new Breakdown.Component(id, ctitle, nature, a));
      }
    }
    return new Breakdown(title, yaml.bool(m, "show_negated", at, what + " breakdown"), yaml.bool(m, "in_euros", at, what + " breakdown"), components);
  }

  List<Transfer> transfers(Node node) {
    List<Transfer> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    ModelPath list = ModelPath.of("transfers");
    List<Node> items = yaml.sequence(node, list, "transfers");
    for (int i = 0; i < items.size(); i++) {
      ModelPath at = list.index(i);
      Map<String, Node> m = yaml.mapping(items.get(i), at, "a transfer", keys("id", "title", "legs"), keys("id", "title", "legs"));
      String id = yaml.text(m, "id", at, "transfer id");
      String what = "transfer '" + id + "'";
      String title = yaml.text(m, "title", at, what + " title");
      List<Transfer.Leg> legs = new ArrayList<>();
      if (m.containsKey("legs")) {
        ModelPath legsAt = at.field("legs");
        List<Node> legNodes = yaml.sequence(m.get("legs"), legsAt, what + " legs");
        for (int l = 0; l < legNodes.size(); l++) {
          ModelPath lat = legsAt.index(l);
          Map<String, Node> lm = yaml.mapping(legNodes.get(l), lat, "a leg of " + what, keys("line", "amounts"), keys("line", "amounts"));
          String line = yaml.text(lm, "line", lat, "leg line");
          Amounts a = lm.containsKey("amounts")
              ? r.amounts(lm.get("amounts"), lat.field("amounts"), what + " leg " + line)
              : Amounts.blank(r.years.size());
          legs.add(new Transfer.Leg(line, a));
        }
      }
      result.add(new Transfer(id, title, legs));
    }
    return result;
  }
}
