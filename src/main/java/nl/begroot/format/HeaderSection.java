package nl.begroot.format;

import static nl.begroot.format.Yaml.keys;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Category;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.GlossaryEntry;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Organisation;
import nl.begroot.core.model.Product;
import nl.begroot.core.model.ThirdParty;
import nl.begroot.core.model.Version;
import nl.begroot.core.validate.ModelPath;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the sections around the figures: organisation, version, plain lists, keys, glossary. */
final class HeaderSection {
  private final Reading r;
  private final Yaml yaml;

  HeaderSection(Reading r) {
    this.r = r;
    this.yaml = r.yaml;
  }

  Organisation organisation(Node node) {
    ModelPath at = ModelPath.of("organisation");
    Map<String, Node> m = yaml.mapping(node, at, "organisation", keys("id", "name", "short_name", "member_term", "members_term"),
        keys("id", "name"));
    String id = yaml.text(m, "id", at, "organisation.id");
    String name = yaml.text(m, "name", at, "organisation.name");
    String shortName = yaml.optionalText(m, "short_name", at, "organisation");
    String member = yaml.optionalText(m, "member_term", at, "organisation");
    String members = yaml.optionalText(m, "members_term", at, "organisation");
    return new Organisation(id, name, shortName == null ? name : shortName, member, member != null && members == null ? member : members);
  }

  Version version(Node node) {
    ModelPath at = ModelPath.of("version");
    Map<String, Node> m = yaml.mapping(node, at, "version",
        keys("id", "title", "phase", "budget_year", "years", "frame_title", "proposals_title", "new_frame_title"),
        keys("id", "title", "budget_year", "years"));
    String id = yaml.text(m, "id", at, "version.id");
    String title = yaml.text(m, "title", at, "version.title");
    Version.Phase phase = Version.Phase.CONCEPT;
    if (m.containsKey("phase")) {
      String p = yaml.text(m.get("phase"), at.field("phase"), "version.phase");
      phase = switch (p == null ? "" : p) {
        case "concept" -> Version.Phase.CONCEPT;
        case "adopted" -> Version.Phase.ADOPTED;
        case "mid-year" -> Version.Phase.MID_YEAR;
        case "accounts" -> Version.Phase.ACCOUNTS;
        default -> {
          if (p != null) {
            yaml.error(m.get("phase"), at.field("phase"), "version.phase must be one of concept, adopted, mid-year, accounts");
          }
          yield Version.Phase.CONCEPT;
        }
      };
    }
    List<Integer> years = new ArrayList<>();
    if (m.containsKey("years")) {
      List<Node> items = yaml.sequence(m.get("years"), at.field("years"), "version.years");
      for (int i = 0; i < items.size(); i++) {
        Integer year = yaml.integer(items.get(i), at.field("years").index(i), "a year in version.years");
        if (year != null) {
          years.add(year);
        }
      }
    }
    Integer budgetYear = m.containsKey("budget_year") ? yaml.integer(m.get("budget_year"), at.field("budget_year"), "version.budget_year") : null;
    boolean yearsSound = !years.isEmpty() && years.stream().allMatch(y -> y >= 1000 && y <= 9999);
    for (int i = 1; yearsSound && i < years.size(); i++) {
      yearsSound = years.get(i) == years.get(i - 1) + 1;
    }
    r.years = yearsSound ? years : List.of(); // amounts are read by year only when the years are sound
    return new Version(id, title, phase, budgetYear == null ? 0 : budgetYear, years,
        orDefault(yaml.optionalText(m, "frame_title", at, "version"), "Kader"),
        orDefault(yaml.optionalText(m, "proposals_title", at, "version"), "Begrotingsvoorstellen"),
        orDefault(yaml.optionalText(m, "new_frame_title", at, "version"), "Nieuw kader"));
  }

  static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  interface Maker<T> {
    T make(String id, String title);
  }

  List<Product> products(Node node) {
    return simpleList(node, "products", Product::new, "title");
  }

  List<Member> members(Node node) {
    return simpleList(node, "members", Member::new, "name");
  }

  List<Category> categories(Node node) {
    return simpleList(node, "categories", Category::new, "title");
  }

  List<ThirdParty> thirdParties(Node node) {
    return simpleList(node, "third_parties", ThirdParty::new, "title");
  }

  private <T> List<T> simpleList(Node node, String field, Maker<T> maker, String titleKey) {
    List<T> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    ModelPath list = ModelPath.of(field);
    List<Node> items = yaml.sequence(node, list, field);
    for (int i = 0; i < items.size(); i++) {
      ModelPath at = list.index(i);
      Map<String, Node> m = yaml.mapping(items.get(i), at, "an item of " + field, keys("id", titleKey), keys("id", titleKey));
      result.add(maker.make(yaml.text(m, "id", at, field + " id"), yaml.text(m, titleKey, at, field + " " + titleKey)));
    }
    return result;
  }

  List<DistributionKey> distributionKeys(Node node) {
    List<DistributionKey> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    ModelPath list = ModelPath.of("keys");
    List<Node> items = yaml.sequence(node, list, "keys");
    for (int i = 0; i < items.size(); i++) {
      ModelPath at = list.index(i);
      Map<String, Node> m = yaml.mapping(items.get(i), at, "a key",
          keys("id", "title", "shares", "rounded_for_print", "normalise", "note"), keys("id", "title", "shares"));
      String id = yaml.text(m, "id", at, "key id");
      String title = yaml.text(m, "title", at, "key title");
      boolean rounded = yaml.bool(m, "rounded_for_print", at, "key '" + id + "'");
      boolean normalise = yaml.bool(m, "normalise", at, "key '" + id + "'");
      Map<String, BigDecimal> shares = new LinkedHashMap<>();
      if (m.containsKey("shares")) {
        ModelPath sharesAt = at.field("shares");
        for (Yaml.Entry e : yaml.entries(m.get("shares"), sharesAt, "key '" + id + "' shares")) {
          yaml.places().at(sharesAt.key(e.key()), e.keyNode());
          BigDecimal share = r.percent(e.value(), sharesAt.key(e.key()), "the share of " + e.key() + " in key '" + id + "'");
          if (share != null) {
            shares.put(e.key(), share);
          }
        }
      }
      result.add(new DistributionKey(id, title, shares, rounded, normalise, yaml.optionalText(m, "note", at, "key")));
    }
    return result;
  }

  List<GlossaryEntry> glossary(Node node) {
    List<GlossaryEntry> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    ModelPath list = ModelPath.of("glossary");
    List<Node> items = yaml.sequence(node, list, "glossary");
    for (int i = 0; i < items.size(); i++) {
      ModelPath at = list.index(i);
      Map<String, Node> m = yaml.mapping(items.get(i), at, "a glossary entry", keys("abbreviation", "meaning"), keys("abbreviation", "meaning"));
      result.add(new GlossaryEntry(yaml.text(m, "abbreviation", at, "abbreviation"), yaml.text(m, "meaning", at, "meaning")));
    }
    return result;
  }
}
