package nl.begroot.format;

import java.math.BigDecimal;
import java.util.List;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.money.Money;
import nl.begroot.core.validate.BudgetValidator;
import nl.begroot.core.validate.ModelPath;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * What the sections of one file share while it is read: the node access, the version's years, and
 * the values that every section reads the same way: amounts per year and percentages.
 */
final class Reading {
  final Yaml yaml;
  /** The version's years, once read (empty when missing or wrong: reported there). */
  List<Integer> years = List.of();

  Reading(Yaml yaml) {
    this.yaml = yaml;
  }

  /**
   * Amounts per year: a mapping from year to an amount in euros (up to two decimals) or {@code pm}.
   * Whether a year may be missing or pm is the core's rule; here only what the text says.
   */
  Amounts amounts(Node node, ModelPath path, String what) {
    Amounts.Builder b = Amounts.builder(years.size());
    for (Yaml.Entry e : yaml.entries(node, path, what)) {
      Integer year = e.key().matches("\\d{4}") ? Integer.valueOf(e.key()) : null;
      if (year == null) {
        yaml.error(e.keyNode(), what + ": '" + e.key() + "' is not a year");
        continue;
      }
      ModelPath at = path.key(year);
      yaml.places().at(at, e.value());
      int index = years.indexOf(year);
      if (index < 0 && years.isEmpty()) {
        continue; // the version's years are missing or wrong: reported there
      }
      if (index < 0) {
        yaml.error(e.keyNode(), what + ": year " + year + " is outside the version's years "
            + years.get(0) + "-" + years.get(years.size() - 1));
        continue;
      }
      if (!(e.value() instanceof ScalarNode scalar)) {
        yaml.error(e.value(), at, what + " " + year + ": expected an amount in euros or pm, found a "
            + (e.value() instanceof SequenceNode ? "list" : "mapping"));
        continue;
      }
      String text = scalar.getValue().trim();
      if (text.isEmpty()) {
        yaml.error(e.value(), at, what + " " + year + ": expected an amount in euros or pm, found nothing");
        continue;
      }
      if (text.equalsIgnoreCase("pm")) {
        b.pm(index);
        continue;
      }
      var money = Money.parseEuros(text);
      if (money.isEmpty() && text.matches("[+-]?\\d+(\\.\\d{1,2})?")
          || money.isPresent() && Math.abs(money.get().cents()) > BudgetValidator.MAX_CENTS) {
        yaml.error(e.value(), at, what + " " + year + ": " + text + " is larger than Begroot accepts (1.000.000.000.000 euros)");
        continue;
      }
      if (money.isEmpty()) {
        yaml.error(e.value(), at, what + " " + year + ": '" + text
            + "' is not an amount; write euros as digits with at most two decimals after a dot, e.g. 1250000 or -417000.50, or pm");
        continue;
      }
      b.amount(index, money.get().cents());
    }
    return b.build();
  }

  /** Whether a node is a mapping (amounts given as a mapping, even an empty one). */
  static boolean isMapping(Node node) {
    return node instanceof MappingNode;
  }

  /** A share of a key: a percentage from 0 to 100 as written, e.g. "6.80"; null (and a problem) otherwise. */
  BigDecimal percent(Node node, ModelPath path, String what) {
    if (node instanceof ScalarNode scalar && scalar.getValue().matches("\\d{1,3}(\\.\\d{1,12})?")
        && new BigDecimal(scalar.getValue()).compareTo(BigDecimal.valueOf(100)) <= 0) {
      return new BigDecimal(scalar.getValue());
    }
    yaml.error(node, path, what + " must be a percentage such as 6.80 (a number from 0 to 100, a dot for decimals)");
    return null;
  }

  /**
   * A signed percentage as written, e.g. "40" or "-40"; whether it lies from 0 to 100 is the core's
   * rule (which then names every share and their sum).
   */
  BigDecimal signedPercent(Node node, ModelPath path, String what) {
    if (node instanceof ScalarNode scalar && scalar.getValue().trim().matches("[+-]?\\d{1,15}(\\.\\d{1,12})?")) {
      return new BigDecimal(scalar.getValue().trim());
    }
    yaml.error(node, path, what + " must be a percentage such as 40 or 12.5 (a dot for decimals)");
    return null;
  }
}
