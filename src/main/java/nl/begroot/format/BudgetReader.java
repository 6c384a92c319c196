package nl.begroot.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.engine.AnnexLayout;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Category;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.GlossaryEntry;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Organisation;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.model.Product;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import nl.begroot.core.model.ThirdParty;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.model.Unit;
import nl.begroot.core.model.Version;
import nl.begroot.core.money.Money;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a budget file (format {@code begroot/1}, YAML; see docs/format.md) into a {@link Budget}.
 * Every problem is reported with file, line and column; the budget is only returned when there are
 * none. Amounts are parsed from the text as written, never through a floating-point number.
 */
public final class BudgetReader {
  public static final String FORMAT = "begroot/1";
  /** Largest amount accepted in one cell: a thousand billion euros. */
  static final long MAX_CENTS = 100_000_000_000_000L;

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private final Yaml yaml;
  private List<Integer> years = List.of();
  private final Map<String, Node> proposalNodes = new HashMap<>();

  private BudgetReader(String file) {
    this.file = file;
    this.yaml = new Yaml(file, problems);
  }

  public static LoadResult read(String file, String text) {
    return new BudgetReader(file).readAll(text);
  }

  private static Set<String> keys(String... keys) {
    return new java.util.LinkedHashSet<>(List.of(keys));
  }

  private LoadResult readAll(String text) {
    Node root;
    try {
      LoadSettings settings = LoadSettings.builder()
          .setLabel(file)
          .setAllowDuplicateKeys(true) // reported by us, with the place
          .setMaxAliasesForCollections(50)
          .setCodePointLimit(64 * 1024 * 1024)
          .build();
      root = new Compose(settings).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      var mark = e.getProblemMark();
      int line = mark.map(m -> m.getLine() + 1).orElse(1);
      int[] quote = unclosedQuote(text, line);
      if (quote != null) {
        problems.add(new Problem(file, quote[0], quote[1], "not valid YAML: the quote opened here is not closed on this line"));
      } else {
        problems.add(new Problem(file, line, mark.map(m -> m.getColumn() + 1).orElse(1), "not valid YAML: "
            + (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem()));
      }
      return new LoadResult.Rejected(problems);
    } catch (StackOverflowError deep) {
      problems.add(new Problem(file, 1, 1, "not valid YAML for a budget: lists or mappings are nested too deeply"));
      return new LoadResult.Rejected(problems);
    } catch (YamlEngineException e) {
      problems.add(new Problem(file, 1, 1, "not valid YAML: " + e.getMessage()));
      return new LoadResult.Rejected(problems);
    }
    if (root == null) {
      problems.add(new Problem(file, 1, 1, "the file is empty"));
      return new LoadResult.Rejected(problems);
    }
    Map<String, Node> top = yaml.mapping(root, "the budget file",
        keys("format", "organisation", "version", "products", "members", "keys", "categories", "third_parties",
            "programmes", "proposals", "transfers", "annex", "glossary", "printed"),
        keys("format", "organisation", "version", "members", "keys", "programmes", "proposals", "annex"));
    if (top.containsKey("format")) {
      String format = yaml.text(top.get("format"), "format");
      if (format != null && !format.equals(FORMAT)) {
        yaml.error(top.get("format"), "format '" + format + "' is not supported; this Begroot reads '" + FORMAT + "'");
      }
    }
    Organisation organisation = organisation(top.get("organisation"));
    Version version = version(top.get("version"));
    List<Product> products = simpleList(top.get("products"), "products", Product::new);
    List<Member> members = simpleList(top.get("members"), "members", (id, title) -> new Member(id, title), "name");
    List<Category> categories = simpleList(top.get("categories"), "categories", Category::new);
    List<ThirdParty> thirdParties = simpleList(top.get("third_parties"), "third_parties", ThirdParty::new);
    List<DistributionKey> distributionKeys = keyList(top.get("keys"), members);
    List<Programme> programmes = programmes(top.get("programmes"));
    Refs refs = new Refs(members, distributionKeys, products, categories, thirdParties, programmes);
    List<Proposal> proposals = proposals(top.get("proposals"), refs);
    List<Transfer> transfers = transfers(top.get("transfers"), proposals);
    Annex annex = annex(top.get("annex"), refs, proposals);
    List<GlossaryEntry> glossary = glossary(top.get("glossary"));
    PrintedDocument printed = printed(top.get("printed"));
    if (organisation == null || version == null || annex == null) {
      if (problems.isEmpty()) {
        problems.add(new Problem(file, 1, 1, "the file is incomplete"));
      }
      Collections.sort(problems);
      return new LoadResult.Rejected(problems);
    }
    Budget budget = new Budget(organisation, version, products, members, distributionKeys, categories, thirdParties,
        programmes, proposals, transfers, annex, glossary, printed);
    checkWhole(budget, top, text);
    if (!problems.isEmpty()) {
      Collections.sort(problems);
      return new LoadResult.Rejected(problems);
    }
    Collections.sort(warnings);
    return new LoadResult.Loaded(budget, warnings);
  }

  /**
   * The first line up to {@code lastLine} whose double quotes do not pair up (outside comments and
   * single-quoted text), as line and column of its last opening quote; null when there is none.
   */
  static int[] unclosedQuote(String text, int lastLine) {
    String[] lines = text.split("\n", -1);
    for (int l = 0; l < Math.min(lastLine, lines.length); l++) {
      String line = lines[l];
      boolean inDouble = false;
      boolean inSingle = false;
      int opened = -1;
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (inDouble && ch == '\\') {
          c++;
        } else if (ch == '"' && !inSingle) {
          inDouble = !inDouble;
          opened = c;
        } else if (ch == '\'' && !inDouble) {
          inSingle = !inSingle;
        } else if (ch == '#' && !inDouble && !inSingle && (c == 0 || line.charAt(c - 1) == ' ')) {
          break;
        }
      }
      if (inDouble) {
        return new int[] {l + 1, opened + 1};
      }
    }
    return null;
  }

  private Organisation organisation(Node node) {
    if (node == null) {
      return null;
    }
    Map<String, Node> m = yaml.mapping(node, "organisation", keys("id", "name", "short_name"), keys("id", "name"));
    String id = m.containsKey("id") ? yaml.id(m.get("id"), "organisation.id") : null;
    String name = m.containsKey("name") ? yaml.text(m.get("name"), "organisation.name") : null;
    String shortName = yaml.optionalText(m, "short_name", "organisation");
    return id == null || name == null ? null : new Organisation(id, name, shortName == null ? name : shortName);
  }

  private Version version(Node node) {
    if (node == null) {
      return null;
    }
    Map<String, Node> m = yaml.mapping(node, "version",
        keys("id", "title", "phase", "budget_year", "years", "frame_title", "proposals_title", "new_frame_title"),
        keys("id", "title", "budget_year", "years"));
    String id = m.containsKey("id") ? yaml.id(m.get("id"), "version.id") : null;
    String title = m.containsKey("title") ? yaml.text(m.get("title"), "version.title") : null;
    Version.Phase phase = Version.Phase.CONCEPT;
    if (m.containsKey("phase")) {
      String p = yaml.text(m.get("phase"), "version.phase");
      phase = switch (p == null ? "" : p) {
        case "concept" -> Version.Phase.CONCEPT;
        case "adopted" -> Version.Phase.ADOPTED;
        case "mid-year" -> Version.Phase.MID_YEAR;
        case "accounts" -> Version.Phase.ACCOUNTS;
        default -> {
          if (p != null) {
            yaml.error(m.get("phase"), "version.phase must be one of concept, adopted, mid-year, accounts");
          }
          yield Version.Phase.CONCEPT;
        }
      };
    }
    List<Integer> ys = new ArrayList<>();
    if (m.containsKey("years")) {
      for (Node y : yaml.sequence(m.get("years"), "version.years")) {
        Integer year = yaml.integer(y, "a year in version.years");
        if (year != null && (year < 1000 || year > 9999)) {
          yaml.error(y, "version.years: " + year + " is not a year of four digits");
          continue;
        }
        if (year != null) {
          if (!ys.isEmpty() && year != ys.get(ys.size() - 1) + 1) {
            yaml.error(y, "version.years must be consecutive years in ascending order; " + year + " follows " + ys.get(ys.size() - 1));
          }
          ys.add(year);
        }
      }
      if (ys.isEmpty()) {
        yaml.error(m.get("years"), "version.years must list at least one year");
      }
    }
    Integer budgetYear = m.containsKey("budget_year") ? yaml.integer(m.get("budget_year"), "version.budget_year") : null;
    if (budgetYear != null && !ys.isEmpty() && !ys.contains(budgetYear)) {
      yaml.error(m.get("budget_year"), "version.budget_year " + budgetYear + " is not one of the version's years " + ys);
    }
    this.years = ys;
    if (id == null || title == null || budgetYear == null || ys.isEmpty()) {
      return null;
    }
    return new Version(id, title, phase, budgetYear, ys,
        orDefault(yaml.optionalText(m, "frame_title", "version"), "Kader"),
        orDefault(yaml.optionalText(m, "proposals_title", "version"), "Begrotingsvoorstellen"),
        orDefault(yaml.optionalText(m, "new_frame_title", "version"), "Nieuw kader"));
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private interface Maker<T> {
    T make(String id, String title);
  }

  private <T> List<T> simpleList(Node node, String what, Maker<T> maker) {
    return simpleList(node, what, maker, "title");
  }

  private <T> List<T> simpleList(Node node, String what, Maker<T> maker, String titleKey) {
    List<T> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    Set<String> ids = new HashSet<>();
    for (Node item : yaml.sequence(node, what)) {
      Map<String, Node> m = yaml.mapping(item, "an item of " + what, keys("id", titleKey), keys("id", titleKey));
      String id = m.containsKey("id") ? yaml.id(m.get("id"), what + " id") : null;
      String title = m.containsKey(titleKey) ? yaml.text(m.get(titleKey), what + " " + titleKey) : null;
      if (id != null && !ids.add(id)) {
        yaml.error(m.get("id"), "duplicate id '" + id + "' in " + what);
      } else if (id != null && title != null) {
        result.add(maker.make(id, title));
      }
    }
    return result;
  }

  private List<DistributionKey> keyList(Node node, List<Member> members) {
    List<DistributionKey> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    Set<String> ids = new HashSet<>();
    for (Node item : yaml.sequence(node, "keys")) {
      Map<String, Node> m = yaml.mapping(item, "a key",
          keys("id", "title", "shares", "rounded_for_print", "normalise", "note"), keys("id", "title", "shares"));
      String id = m.containsKey("id") ? yaml.id(m.get("id"), "key id") : null;
      if (id != null && !ids.add(id)) {
        yaml.error(m.get("id"), "duplicate key id '" + id + "'");
        continue;
      }
      String title = m.containsKey("title") ? yaml.text(m.get("title"), "key title") : null;
      boolean rounded = yaml.bool(m, "rounded_for_print", "key '" + id + "'");
      boolean normalise = yaml.bool(m, "normalise", "key '" + id + "'");
      Map<String, BigDecimal> shares = new LinkedHashMap<>();
      if (m.containsKey("shares")) {
        Set<String> named = new HashSet<>();
        boolean unknownNamed = false;
        for (Yaml.Entry e : yaml.entries(m.get("shares"), "key '" + id + "' shares")) {
          named.add(e.key());
          if (members.stream().noneMatch(x -> x.id().equals(e.key()))) {
            unknownNamed = true;
            yaml.error(e.keyNode(), "key '" + id + "' names an unknown member '" + e.key() + "'");
            continue;
          }
          BigDecimal share = percent(e.value(), "the share of " + e.key() + " in key '" + id + "'");
          if (share != null) {
            shares.put(e.key(), share);
          }
        }
        for (Member member : members) {
          if (!named.contains(member.id()) && !unknownNamed) {
            yaml.error(m.get("shares"), "member '" + member.id() + "' (" + member.name() + ") is missing from key '" + id + "'");
          }
        }
        BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (shares.size() == members.size() && sum.compareTo(BigDecimal.valueOf(100)) != 0) {
          if (!(rounded && normalise)) {
            yaml.error(m.get("shares"), "key '" + id + "' adds up to " + sum.toPlainString()
                + " %, not 100 %; if its shares were rounded for print, set rounded_for_print: true and normalise: true");
          }
        }
        if (shares.size() == members.size() && sum.signum() == 0) {
          yaml.error(m.get("shares"), "key '" + id + "' has only zero shares");
        }
      }
      if (rounded && !normalise) {
        yaml.error(m.get("rounded_for_print"), "key '" + id + "' is rounded_for_print but does not ask to normalise: set normalise: true");
      }
      if (id != null && title != null) {
        result.add(new DistributionKey(id, title, shares, rounded, normalise, yaml.optionalText(m, "note", "key")));
      }
    }
    return result;
  }

  private BigDecimal percent(Node node, String what) {
    if (node instanceof ScalarNode scalar && scalar.getValue().matches("\\d{1,3}(\\.\\d{1,12})?")
        && new BigDecimal(scalar.getValue()).compareTo(BigDecimal.valueOf(100)) <= 0) {
      return new BigDecimal(scalar.getValue());
    }
    yaml.error(node, what + " must be a percentage such as 6.80 (a number from 0 to 100, a dot for decimals)");
    return null;
  }

  private List<Programme> programmes(Node node) {
    List<Programme> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    Set<String> ids = new HashSet<>();
    Set<String> unitIds = new HashSet<>();
    boolean overheadSeen = false;
    for (Node item : yaml.sequence(node, "programmes")) {
      Map<String, Node> m = yaml.mapping(item, "a programme",
          keys("id", "title", "intro", "overhead_view", "spread", "frame", "units"), keys("id", "title", "frame", "units"));
      String id = m.containsKey("id") ? yaml.id(m.get("id"), "programme id") : null;
      if (id != null && !ids.add(id)) {
        yaml.error(m.get("id"), "duplicate programme id '" + id + "'");
      }
      String what = "programme '" + id + "'";
      String title = m.containsKey("title") ? yaml.text(m.get("title"), what + " title") : null;
      boolean overhead = yaml.bool(m, "overhead_view", what);
      if (overhead && overheadSeen) {
        yaml.error(m.get("overhead_view"), "only one programme can be the overhead view");
      }
      overheadSeen |= overhead;
      Map<String, BigDecimal> spread = new LinkedHashMap<>();
      if (m.containsKey("spread")) {
        if (!overhead) {
          yaml.error(m.get("spread"), what + " has a spread but is not the overhead view");
        }
        for (Yaml.Entry e : yaml.entries(m.get("spread"), what + " spread")) {
          spreadNodes.put(id + "/" + e.key(), e.keyNode());
          BigDecimal share = percent(e.value(), "the spread share of column " + e.key());
          if (share != null) {
            spread.put(e.key(), share);
          }
        }
        BigDecimal sum = spread.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
          yaml.error(m.get("spread"), what + " spread adds up to " + sum.toPlainString() + " %, not 100 %");
        }
      } else if (overhead) {
        yaml.error(item, what + " is the overhead view and needs a spread over the annex columns");
      }
      Amounts lasten = Amounts.blank(years.size());
      Amounts baten = Amounts.blank(years.size());
      if (m.containsKey("frame")) {
        Map<String, Node> f = yaml.mapping(m.get("frame"), what + " frame", keys("lasten", "baten"),
            overhead ? keys("lasten") : keys("lasten", "baten"));
        if (f.containsKey("lasten")) {
          lasten = amounts(f.get("lasten"), what + " frame lasten", true, false);
        }
        if (f.containsKey("baten")) {
          if (overhead) {
            yaml.error(f.get("baten"), what + " is the overhead view: its frame has lasten only");
          }
          baten = amounts(f.get("baten"), what + " frame baten", true, false);
        }
      }
      List<Unit> units = new ArrayList<>();
      if (m.containsKey("units")) {
        for (Node u : yaml.sequence(m.get("units"), what + " units")) {
          Map<String, Node> um = yaml.mapping(u, "a unit", keys("id", "title", "narrative"), keys("id", "title"));
          String uid = um.containsKey("id") ? yaml.id(um.get("id"), "unit id") : null;
          String utitle = um.containsKey("title") ? yaml.text(um.get("title"), "unit title") : null;
          if (uid != null && !unitIds.add(uid)) {
            yaml.error(um.get("id"), "duplicate unit id '" + uid + "'");
          } else if (uid != null && utitle != null) {
            units.add(new Unit(uid, utitle, orDefault(yaml.optionalText(um, "narrative", "unit"), "")));
          }
        }
        if (units.isEmpty()) {
          yaml.error(m.get("units"), what + " needs at least one unit");
        }
      }
      if (id != null && title != null) {
        result.add(new Programme(id, title, orDefault(yaml.optionalText(m, "intro", what), ""), overhead, spread, units, lasten, baten));
      }
    }
    return result;
  }

  /**
   * Amounts per year: a mapping from year to an amount in euros (up to two decimals) or {@code pm}.
   * With {@code allYears}, every year of the version must be there.
   */
  private Amounts amounts(Node node, String what, boolean allYears, boolean pmAllowed) {
    Amounts.Builder b = Amounts.builder(years.size());
    Set<Integer> seen = new HashSet<>();
    Node firstPm = null;
    Node firstAmount = null;
    for (Yaml.Entry e : yaml.entries(node, what)) {
      Integer year = e.key().matches("\\d{4}") ? Integer.valueOf(e.key()) : null;
      int index = year == null ? -1 : years.indexOf(year);
      if (year == null) {
        yaml.error(e.keyNode(), what + ": '" + e.key() + "' is not a year");
        continue;
      }
      if (index < 0 && years.isEmpty()) {
        continue; // the version's years are missing or wrong: reported there
      }
      if (index < 0) {
        yaml.error(e.keyNode(), what + ": year " + year + " is outside the version's years "
            + (years.isEmpty() ? "" : years.get(0) + "-" + years.get(years.size() - 1)));
        continue;
      }
      seen.add(year);
      if (!(e.value() instanceof ScalarNode scalar)) {
        yaml.error(e.value(), what + " " + year + ": expected an amount in euros or pm, found a "
            + (e.value() instanceof org.snakeyaml.engine.v2.nodes.SequenceNode ? "list" : "mapping"));
        continue;
      }
      String text = scalar.getValue().trim();
      if (text.isEmpty()) {
        yaml.error(e.value(), what + " " + year + ": expected an amount in euros or pm, found nothing");
        continue;
      }
      if (text.equalsIgnoreCase("pm")) {
        if (!pmAllowed) {
          yaml.error(e.value(), what + " " + year + ": pm is not allowed here; give an amount");
          continue;
        }
        b.pm(index);
        firstPm = firstPm == null ? e.value() : firstPm;
        continue;
      }
      var money = Money.parseEuros(text);
      if (money.isEmpty() && text.matches("[+-]?\\d+(\\.\\d{1,2})?")) {
        yaml.error(e.value(), what + " " + year + ": " + text + " is larger than Begroot accepts (1.000.000.000.000 euros)");
        continue;
      }
      if (money.isEmpty()) {
        yaml.error(e.value(), what + " " + year + ": '" + text
            + "' is not an amount; write euros as digits with at most two decimals after a dot, e.g. 1250000 or -417000.50, or pm");
        continue;
      }
      if (Math.abs(money.get().cents()) > MAX_CENTS) {
        yaml.error(e.value(), what + " " + year + ": " + text + " is larger than Begroot accepts (1.000.000.000.000 euros)");
        continue;
      }
      b.amount(index, money.get().cents());
      firstAmount = firstAmount == null ? e.value() : firstAmount;
    }
    if (firstPm != null && firstAmount != null) {
      yaml.error(firstPm, what + " mixes pm with amounts: a line is either pm (amount not known yet) or has amounts in euros");
    }
    if (allYears && node instanceof org.snakeyaml.engine.v2.nodes.MappingNode) {
      for (int year : years) {
        if (!seen.contains(year)) {
          yaml.error(node, what + " lacks the year " + year);
        }
      }
    }
    return b.build();
  }

  /** The ids the proposals and annex may refer to. */
  private record Refs(
      List<Member> members,
      List<DistributionKey> keys,
      List<Product> products,
      List<Category> categories,
      List<ThirdParty> thirdParties,
      List<Programme> programmes) {
    boolean unitExists(String unit) {
      return programmes.stream().flatMap(p -> p.units().stream()).anyMatch(u -> u.id().equals(unit));
    }

    boolean keyExists(String key) {
      return keys.stream().anyMatch(k -> k.id().equals(key));
    }
  }

  private List<Proposal> proposals(Node node, Refs refs) {
    List<Proposal> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    Node balancingSeen = null;
    for (Node item : yaml.sequence(node, "proposals")) {
      Map<String, Node> m = yaml.mapping(item, "a proposal",
          keys("id", "unit", "title", "side", "nature", "category", "products", "amounts", "rule", "pass_through",
              "third_party", "group", "breakdown", "explanation"),
          keys("id", "unit", "title", "side"));
      String id = m.containsKey("id") ? yaml.id(m.get("id"), "proposal id") : null;
      if (id != null && proposalNodes.containsKey(id)) {
        yaml.error(m.get("id"), "duplicate proposal id '" + id + "' (first at line " + Yaml.line(proposalNodes.get(id)) + ")");
        continue;
      }
      if (id != null) {
        proposalNodes.put(id, item);
      }
      String what = "proposal '" + id + "'";
      List<String> units = m.containsKey("unit") ? yaml.texts(m.get("unit"), what + " unit") : List.of();
      if (m.containsKey("unit") && units.isEmpty()) {
        yaml.error(m.get("unit"), what + " must name its unit");
      }
      if (units.size() != new HashSet<>(units).size()) {
        yaml.error(m.get("unit"), what + " names the same unit twice");
      }
      for (String unit : units) {
        if (!refs.unitExists(unit)) {
          yaml.error(m.get("unit"), what + " names an unknown unit '" + unit + "'");
        }
      }
      if (units.size() > 1) {
        var programmesOfUnits = units.stream().map(u -> refs.programmes().stream()
            .filter(p -> p.units().stream().anyMatch(x -> x.id().equals(u))).map(Programme::id).findFirst().orElse("?")).distinct().count();
        if (programmesOfUnits > 1) {
          yaml.error(m.get("unit"), what + " names units of different programmes");
        }
      }
      String title = m.containsKey("title") ? yaml.text(m.get("title"), what + " title") : null;
      Side side = null;
      if (m.containsKey("side")) {
        String s = yaml.text(m.get("side"), what + " side");
        if ("lasten".equals(s)) {
          side = Side.LASTEN;
        } else if ("baten".equals(s)) {
          side = Side.BATEN;
        } else if (s != null) {
          yaml.error(m.get("side"), what + " side must be lasten or baten, not '" + s + "'");
        }
      }
      Nature nature = Nature.RECURRING;
      if (m.containsKey("nature")) {
        nature = nature(m.get("nature"), what);
      }
      String category = yaml.optionalText(m, "category", what);
      if (category != null && refs.categories().stream().noneMatch(c -> c.id().equals(category))) {
        yaml.error(m.get("category"), what + " names an unknown category '" + category + "'");
      }
      List<String> products = yaml.texts(m.get("products"), what + " products");
      for (String product : products) {
        if (refs.products().stream().noneMatch(p -> p.id().equals(product))) {
          yaml.error(m.get("products"), what + " names an unknown product '" + product + "'");
        }
      }
      Proposal.Rule rule = Proposal.Rule.ENTERED;
      if (m.containsKey("rule")) {
        String r = yaml.text(m.get("rule"), what + " rule");
        rule = switch (r == null ? "" : r) {
          case "entered" -> Proposal.Rule.ENTERED;
          case "transfer" -> Proposal.Rule.TRANSFER;
          case "balancing" -> Proposal.Rule.BALANCING;
          case "pass-through-contribution" -> Proposal.Rule.PASS_THROUGH_CONTRIBUTION;
          default -> {
            yaml.error(m.get("rule"), what + " rule must be one of entered, transfer, balancing, pass-through-contribution");
            yield Proposal.Rule.ENTERED;
          }
        };
      }
      Amounts amounts = Amounts.blank(years.size());
      if (rule == Proposal.Rule.ENTERED) {
        if (m.containsKey("amounts")) {
          amounts = amounts(m.get("amounts"), what + " amounts", false, true);
        } else {
          yaml.error(item, what + " has no amounts (give amounts per year, or a rule that computes them)");
        }
      } else if (m.containsKey("amounts")) {
        yaml.error(m.get("amounts"), what + " is computed (rule " + yaml.optionalText(m, "rule", what) + ") and must not have amounts of its own");
      }
      if (rule == Proposal.Rule.BALANCING) {
        if (balancingSeen != null) {
          yaml.error(m.get("rule"), "only one line can balance the budget; the first is at line " + Yaml.line(balancingSeen));
        }
        balancingSeen = item;
        if (side == Side.LASTEN) {
          yaml.error(m.get("side"), what + " balances the budget and must be a baten line (the members' contribution)");
        }
      }
      boolean passThrough = false;
      List<String> items = List.of();
      if (m.containsKey("pass_through")) {
        Map<String, Node> pt = yaml.mapping(m.get("pass_through"), what + " pass_through", keys("items"), keys());
        passThrough = true;
        items = yaml.texts(pt.get("items"), what + " pass_through items");
        if (rule != Proposal.Rule.ENTERED) {
          yaml.error(m.get("pass_through"), what + " moves items to the pass-through budget and must have entered amounts");
        }
      }
      String thirdParty = yaml.optionalText(m, "third_party", what);
      if (thirdParty != null && refs.thirdParties().stream().noneMatch(t -> t.id().equals(thirdParty))) {
        yaml.error(m.get("third_party"), what + " names an unknown third party '" + thirdParty + "'");
      }
      Breakdown breakdown = null;
      if (m.containsKey("breakdown")) {
        breakdown = breakdown(m.get("breakdown"), what, amounts);
      }
      if (id != null && title != null && side != null && !units.isEmpty()) {
        result.add(new Proposal(id, units, title, side, nature, category, products, amounts, rule, passThrough, items,
            thirdParty, yaml.optionalText(m, "group", what), breakdown, orDefault(yaml.optionalText(m, "explanation", what), "")));
      }
    }
    boolean anyPassThrough = result.stream().anyMatch(Proposal::passThrough);
    List<Proposal> contributions = result.stream().filter(p -> p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION).toList();
    for (Proposal p : contributions.subList(Math.min(1, contributions.size()), contributions.size())) {
      yaml.error(proposalNodes.get(p.id()), "only one line can be the contribution for items moved to the pass-through budget; the first is '"
          + contributions.get(0).id() + "'");
    }
    for (Proposal p : result) {
      if (p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION && p.side() != Side.BATEN) {
        yaml.error(proposalNodes.get(p.id()), "proposal '" + p.id() + "' is the members' contribution and must be a baten line");
      }
      boolean overhead = refs.programmes().stream().anyMatch(pr -> pr.overheadView() && pr.units().stream().anyMatch(u -> u.id().equals(p.unit())));
      if (overhead && p.rule() != Proposal.Rule.ENTERED) {
        yaml.error(proposalNodes.get(p.id()), "proposal '" + p.id() + "' belongs to the overhead view, whose lines are entered amounts only");
      }
      if (overhead && p.side() == Side.BATEN) {
        yaml.error(proposalNodes.get(p.id()), "proposal '" + p.id() + "' is a baten line of the overhead view, which has lasten only");
      }
    }
    for (Proposal p : result) {
      if (p.rule() == Proposal.Rule.PASS_THROUGH_CONTRIBUTION && !anyPassThrough) {
        yaml.error(proposalNodes.get(p.id()), "proposal '" + p.id() + "' is the contribution for items moved to the pass-through budget, but no line has pass_through");
      }
    }
    return result;
  }

  private Nature nature(Node node, String what) {
    String n = yaml.text(node, what + " nature");
    if ("one-off".equals(n)) {
      return Nature.ONE_OFF;
    }
    if (!"recurring".equals(n) && n != null) {
      yaml.error(node, what + " nature must be one-off or recurring, not '" + n + "'");
    }
    return Nature.RECURRING;
  }

  private Breakdown breakdown(Node node, String what, Amounts line) {
    Map<String, Node> m = yaml.mapping(node, what + " breakdown", keys("title", "show_negated", "in_euros", "components"),
        keys("title", "components"));
    String title = m.containsKey("title") ? yaml.text(m.get("title"), what + " breakdown title") : null;
    List<Breakdown.Component> components = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    long[] sums = new long[years.size()];
    boolean[] any = new boolean[years.size()];
    if (m.containsKey("components")) {
      for (Node c : yaml.sequence(m.get("components"), what + " breakdown components")) {
        Map<String, Node> cm = yaml.mapping(c, "a component", keys("id", "title", "nature", "amounts"), keys("id", "title", "amounts"));
        String id = cm.containsKey("id") ? yaml.id(cm.get("id"), "component id") : null;
        if (id != null && !ids.add(id)) {
          yaml.error(cm.get("id"), "duplicate component id '" + id + "' in " + what);
        }
        String ctitle = cm.containsKey("title") ? yaml.text(cm.get("title"), "component title") : null;
        Nature nature = cm.containsKey("nature") ? nature(cm.get("nature"), what + " component '" + id + "'") : Nature.RECURRING;
        Amounts a = cm.containsKey("amounts") ? amounts(cm.get("amounts"), what + " component '" + id + "' amounts", false, false) : Amounts.blank(years.size());
        for (int y = 0; y < years.size(); y++) {
          if (a.kind(y) == Amounts.Kind.AMOUNT) {
            sums[y] += a.cents(y);
            any[y] = true;
          }
        }
        if (id != null && ctitle != null) {
          components.add(new Breakdown.Component(id, ctitle, nature, a));
        }
      }
    }
    for (int y = 0; y < years.size(); y++) {
      if (any[y] && sums[y] != line.cents(y)) {
        yaml.error(m.get("components"), what + " breakdown components add up to " + Money.ofCents(sums[y]) + " in " + years.get(y)
            + ", but the proposal has " + Money.ofCents(line.cents(y)));
      }
    }
    return title == null ? null : new Breakdown(title, yaml.bool(m, "show_negated", what + " breakdown"), yaml.bool(m, "in_euros", what + " breakdown"), components);
  }

  private List<Transfer> transfers(Node node, List<Proposal> proposals) {
    List<Transfer> result = new ArrayList<>();
    Set<String> referenced = new HashSet<>();
    if (node != null) {
      Set<String> ids = new HashSet<>();
      for (Node item : yaml.sequence(node, "transfers")) {
        Map<String, Node> m = yaml.mapping(item, "a transfer", keys("id", "title", "legs"), keys("id", "title", "legs"));
        String id = m.containsKey("id") ? yaml.id(m.get("id"), "transfer id") : null;
        if (id != null && !ids.add(id)) {
          yaml.error(m.get("id"), "duplicate transfer id '" + id + "'");
        }
        String what = "transfer '" + id + "'";
        String title = m.containsKey("title") ? yaml.text(m.get("title"), what + " title") : null;
        List<Transfer.Leg> legs = new ArrayList<>();
        long[] net = new long[years.size()];
        if (m.containsKey("legs")) {
          List<Node> legNodes = yaml.sequence(m.get("legs"), what + " legs");
          if (legNodes.size() < 2) {
            yaml.error(m.get("legs"), what + " needs at least two legs");
          }
          for (Node legNode : legNodes) {
            Map<String, Node> lm = yaml.mapping(legNode, "a leg of " + what, keys("line", "amounts"), keys("line", "amounts"));
            String line = lm.containsKey("line") ? yaml.text(lm.get("line"), "leg line") : null;
            Proposal target = proposals.stream().filter(p -> p.id().equals(line)).findFirst().orElse(null);
            if (line != null && target == null) {
              yaml.error(lm.get("line"), what + " names an unknown proposal line '" + line + "'");
            } else if (target != null && target.rule() != Proposal.Rule.TRANSFER) {
              yaml.error(lm.get("line"), what + " names line '" + line + "', which is not a transfer line (give it rule: transfer)");
            }
            Amounts a = lm.containsKey("amounts") ? amounts(lm.get("amounts"), what + " leg " + line, false, false) : Amounts.blank(years.size());
            for (int y = 0; y < years.size(); y++) {
              net[y] += target == null ? a.cents(y) : a.cents(y) * (target.side() == Side.LASTEN ? 1 : -1);
            }
            if (line != null) {
              referenced.add(line);
              legs.add(new Transfer.Leg(line, a));
            }
          }
          for (int y = 0; y < years.size(); y++) {
            if (net[y] != 0) {
              yaml.error(m.get("legs"), what + " does not net to zero in " + years.get(y) + ": its legs add up to " + Money.ofCents(net[y]) + " euros");
            }
          }
        }
        if (id != null && title != null) {
          result.add(new Transfer(id, title, legs));
        }
      }
    }
    for (Proposal p : proposals) {
      if (p.rule() == Proposal.Rule.TRANSFER && !referenced.contains(p.id())) {
        yaml.error(proposalNodes.get(p.id()), "proposal '" + p.id() + "' is a transfer line but no transfer leg names it");
      }
    }
    return result;
  }

  private Annex annex(Node node, Refs refs, List<Proposal> proposals) {
    if (node == null) {
      return null;
    }
    Map<String, Node> m = yaml.mapping(node, "annex", keys("title", "key", "columns", "third_party_column"), keys("title", "key", "columns"));
    String title = m.containsKey("title") ? yaml.text(m.get("title"), "annex title") : null;
    String key = m.containsKey("key") ? yaml.text(m.get("key"), "annex key") : null;
    if (key != null && !refs.keyExists(key)) {
      yaml.error(m.get("key"), "annex names an unknown key '" + key + "'");
    }
    List<Annex.Column> columns = new ArrayList<>();
    Map<String, Node> columnNodes = new LinkedHashMap<>();
    if (m.containsKey("columns")) {
      for (Node c : yaml.sequence(m.get("columns"), "annex columns")) {
        Map<String, Node> cm = yaml.mapping(c, "an annex column", keys("id", "title", "programmes", "units", "proposals", "key", "sum_of"), keys("id", "title"));
        String id = cm.containsKey("id") ? yaml.id(cm.get("id"), "column id") : null;
        if (id != null && columnNodes.containsKey(id)) {
          yaml.error(cm.get("id"), "duplicate annex column id '" + id + "'");
          continue;
        }
        String what = "annex column '" + id + "'";
        String ctitle = cm.containsKey("title") ? yaml.text(cm.get("title"), what + " title") : null;
        List<String> programmes = yaml.texts(cm.get("programmes"), what + " programmes");
        for (String p : programmes) {
          if (refs.programmes().stream().noneMatch(x -> x.id().equals(p))) {
            yaml.error(cm.get("programmes"), what + " names an unknown programme '" + p + "'");
          }
        }
        List<String> units = yaml.texts(cm.get("units"), what + " units");
        for (String u : units) {
          if (!refs.unitExists(u)) {
            yaml.error(cm.get("units"), what + " names an unknown unit '" + u + "'");
          }
        }
        List<String> props = yaml.texts(cm.get("proposals"), what + " proposals");
        for (String p : props) {
          if (proposals.stream().noneMatch(x -> x.id().equals(p))) {
            yaml.error(cm.get("proposals"), what + " names an unknown proposal '" + p + "'");
          }
        }
        String ckey = yaml.optionalText(cm, "key", what);
        if (ckey != null && !refs.keyExists(ckey)) {
          yaml.error(cm.get("key"), what + " names an unknown key '" + ckey + "'");
        }
        List<String> sumOf = yaml.texts(cm.get("sum_of"), what + " sum_of");
        for (String s : sumOf) {
          if (!columnNodes.containsKey(s)) {
            yaml.error(cm.get("sum_of"), what + " totals column '" + s + "', which is not a column listed before it");
          }
        }
        if (!sumOf.isEmpty() && (!programmes.isEmpty() || !units.isEmpty() || !props.isEmpty() || ckey != null)) {
          yaml.error(c, what + " is a sum of columns and cannot also gather programmes, units, proposals or have a key");
        }
        if (id != null) {
          columnNodes.put(id, c);
        }
        if (id != null && ctitle != null) {
          columns.add(new Annex.Column(id, ctitle, programmes, units, props, ckey, sumOf));
        }
      }
    }
    Annex.ThirdPartyColumn third = null;
    if (m.containsKey("third_party_column")) {
      Map<String, Node> tm = yaml.mapping(m.get("third_party_column"), "annex third_party_column", keys("id", "title", "third_party"), keys("id", "title", "third_party"));
      String id = tm.containsKey("id") ? yaml.id(tm.get("id"), "third_party_column id") : null;
      String ttitle = tm.containsKey("title") ? yaml.text(tm.get("title"), "third_party_column title") : null;
      String tp = tm.containsKey("third_party") ? yaml.text(tm.get("third_party"), "third_party_column third_party") : null;
      if (tp != null && refs.thirdParties().stream().noneMatch(t -> t.id().equals(tp))) {
        yaml.error(tm.get("third_party"), "annex third_party_column names an unknown third party '" + tp + "'");
      }
      if (id != null && columnNodes.containsKey(id)) {
        yaml.error(tm.get("id"), "annex third_party_column id '" + id + "' is also a column id");
      }
      if (id != null && ttitle != null && tp != null) {
        third = new Annex.ThirdPartyColumn(id, ttitle, tp);
      }
    }
    for (Programme programme : refs.programmes()) {
      for (String col : programme.spread().keySet()) {
        Node at = spreadNodes.getOrDefault(programme.id() + "/" + col, m.get("columns"));
        Annex.Column column = columns.stream().filter(x -> x.id().equals(col)).findFirst().orElse(null);
        if (!columnNodes.containsKey(col)) {
          yaml.error(at, "programme '" + programme.id() + "' spreads over column '" + col + "', which the annex does not have");
        } else if (column != null && column.isSum()) {
          yaml.error(at, "programme '" + programme.id() + "' spreads over column '" + col + "', which is a sum of columns; spread over the columns it totals");
        }
      }
    }
    return title == null || key == null ? null : new Annex(title, key, columns, third);
  }

  private List<GlossaryEntry> glossary(Node node) {
    List<GlossaryEntry> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    Set<String> seen = new HashSet<>();
    for (Node item : yaml.sequence(node, "glossary")) {
      Map<String, Node> m = yaml.mapping(item, "a glossary entry", keys("abbreviation", "meaning"), keys("abbreviation", "meaning"));
      String a = m.containsKey("abbreviation") ? yaml.text(m.get("abbreviation"), "abbreviation") : null;
      String meaning = m.containsKey("meaning") ? yaml.text(m.get("meaning"), "meaning") : null;
      if (a != null && !seen.add(a)) {
        yaml.error(m.get("abbreviation"), "duplicate abbreviation '" + a + "'");
      } else if (a != null && meaning != null) {
        result.add(new GlossaryEntry(a, meaning));
      }
    }
    return result;
  }

  private PrintedDocument printed(Node node) {
    if (node == null) {
      return PrintedDocument.none();
    }
    Map<String, Node> m = yaml.mapping(node, "printed", keys("amounts_rounded_to", "tables"), keys("tables"));
    long rounded = 0;
    if (m.containsKey("amounts_rounded_to")) {
      Integer r = yaml.integer(m.get("amounts_rounded_to"), "printed.amounts_rounded_to");
      rounded = r == null ? 0 : r;
    }
    List<PrintedDocument.PrintedTable> tables = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Node t : m.containsKey("tables") ? yaml.sequence(m.get("tables"), "printed tables") : List.<Node>of()) {
      Map<String, Node> tm = yaml.mapping(t, "a printed table", keys("table", "page", "rows"), keys("table", "rows"));
      String id = tm.containsKey("table") ? yaml.text(tm.get("table"), "printed table id") : null;
      if (id != null && !ids.add(id)) {
        yaml.error(tm.get("table"), "printed table '" + id + "' is given twice");
      }
      Map<String, PrintedDocument.PrintedRow> rows = new LinkedHashMap<>();
      if (tm.containsKey("rows")) {
        for (Yaml.Entry e : yaml.entries(tm.get("rows"), "printed table '" + id + "' rows")) {
          List<String> cells = new ArrayList<>();
          for (Node cell : yaml.sequence(e.value(), "printed row '" + e.key() + "'")) {
            if (!(cell instanceof ScalarNode)) {
              yaml.error(cell, "a printed cell must be the figure as printed, e.g. \"-2.702\", \"pm\" or \"\"");
            }
            cells.add(cell instanceof ScalarNode s ? s.getValue().trim() : "");
          }
          rows.put(e.key(), new PrintedDocument.PrintedRow(cells, Yaml.line(e.keyNode())));
        }
      }
      if (id != null) {
        tables.add(new PrintedDocument.PrintedTable(id, yaml.optionalText(tm, "page", "printed table"), rows));
        printedNodes.put(id, tm);
      }
    }
    return new PrintedDocument(rounded, tables);
  }

  private final Map<String, Map<String, Node>> printedNodes = new HashMap<>();
  private final Map<String, Node> spreadNodes = new HashMap<>();

  /** Checks that need the whole budget: every proposal in an annex column, printed tables known. */
  private void checkWhole(Budget budget, Map<String, Node> top, String text) {
    AnnexLayout.Resolver resolver = new AnnexLayout.Resolver(budget);
    for (Proposal p : budget.proposals()) {
      if (budget.unit(p.unit()).isPresent() && resolver.column(p, resolver.unit(p)) == AnnexLayout.NONE) {
        yaml.error(proposalNodes.get(p.id()), "proposal '" + p.id() + "' falls in no annex column: add its programme, unit or id to a column");
      }
    }
    for (int c = 0; c < budget.annex().columns().size(); c++) {
      try {
        AnnexLayout.leavesOf(budget.annex(), c);
      } catch (IllegalArgumentException cycle) {
        yaml.error(top.get("annex"), cycle.getMessage());
      }
    }
    if (problems.isEmpty()) {
      var document = PrintedTables.check(budget, printedNodes, yaml); // computes the document: only for a sound budget
      if (document != null) {
        NarrativePlaces.check(file, text, top, document, problems, warnings);
      }
    }
  }
}
