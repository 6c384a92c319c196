package nl.begroot.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.begroot.store.Change;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What a log entry changed, field by field: "bedrag 2027: 581.000 → 681.000", "titel: A → B",
 * "verdeelsleutel ipo, GE: 10,67 → 11,00" (on a page: "verdeelsleutel IPO, Gelderland", or in English). The one owner of this view: the change log pages and the
 * API both take it from here. It compares the rows the log kept before and after (a proposal's text
 * or a version's base, both in the file format): each is read as a tree, flattened to fields (a list
 * of items with an {@code id} by that id), and the fields whose value differs are named in the
 * budget's words. A withdrawal or reinstatement says so ("ingetrokken", "teruggezet"); an entry
 * without a row before and after (a version copied or deleted, a sign-in) has no fields.
 */
public final class FieldChanges {
  /** Longest text value shown; longer ones end in "…". */
  static final int MAX_VALUE = 80;
  /** Value shown for a field that was not there. */
  static final String NONE = "—";

  private FieldChanges() {}

  /**
   * One changed field: its name in the budget's words, and its value before and after as people read
   * it ({@link #NONE} when absent). A state change (withdrawn, reinstated) has only a name. {@code path}
   * is where the field is in the row (e.g. {@code keys, ipo, shares, GE}), from which {@link #text(boolean,
   * Function, Function)} names it in either language with the key's title and the member's name.
   */
  public record Field(String name, String before, String after, List<String> path) {
    public Field {
      path = List.copyOf(path);
    }

    /** "bedrag 2027: 581.000 → 681.000", or the name alone for a state change (in Dutch, keys and members by id: the API's text). */
    public String text() {
      return text(name);
    }

    /**
     * The same for a page: the field's name in English or Dutch, a distribution key by {@code keyTitle} and a
     * member by {@code memberName} (each given an id; the id itself when they know none).
     */
    public String text(boolean english, Function<String, String> keyTitle, Function<String, String> memberName) {
      return text(FieldChanges.name(path, english, keyTitle, memberName));
    }

    private String text(String named) {
      return before == null && after == null ? named : named + ": " + before + " → " + after;
    }
  }

  /** The fields {@code c} changed, in the order of the rows' text. */
  public static List<Field> of(Change c) {
    List<Field> fields = new ArrayList<>();
    if ("proposal.withdraw".equals(c.action())) {
      fields.add(new Field(word(WITHDRAWN, false), null, null, List.of(WITHDRAWN)));
    } else if ("proposal.reinstate".equals(c.action())) {
      fields.add(new Field(word(REINSTATED, false), null, null, List.of(REINSTATED)));
    }
    if (c.before() == null && c.after() == null) {
      return fields;
    }
    if ("accounts.explain".equals(c.action())) {
      // an explanation is prose, not rows in the file format: one field
      List<String> text = List.of("explanation");
      fields.add(new Field(name(text), shown(text, c.before()), shown(text, c.after()), text));
      return fields;
    }
    Map<String, Leaf> before = flatten(c.before());
    Map<String, Leaf> after = flatten(c.after());
    Set<String> paths = new LinkedHashSet<>(before.keySet());
    paths.addAll(after.keySet());
    for (String path : paths) {
      Leaf b = before.get(path);
      Leaf a = after.get(path);
      String bv = b == null ? null : b.value();
      String av = a == null ? null : a.value();
      if (bv == null ? av == null : bv.equals(av)) {
        continue;
      }
      List<String> parts = (a != null ? a : b).parts();
      fields.add(new Field(name(parts), shown(parts, bv), shown(parts, av), parts));
    }
    return fields;
  }

  /**
   * The title the entry's row gave its object (a proposal's "title", after the change, else before), for naming it
   * when what it is about is gone (a deleted version); empty when the row has none.
   */
  public static java.util.Optional<String> title(Change c) {
    for (String row : new String[] {c.after(), c.before()}) {
      Leaf t = flatten(row).get("title");
      if (t != null && t.value() != null && !t.value().isBlank()) {
        return java.util.Optional.of(t.value());
      }
    }
    return java.util.Optional.empty();
  }

  private record Leaf(List<String> parts, String value) {}

  /** The row's text as fields: path (parts joined by a character no YAML key here holds) to value. */
  private static Map<String, Leaf> flatten(String yaml) {
    Map<String, Leaf> out = new LinkedHashMap<>();
    if (yaml == null || yaml.isBlank()) {
      return out;
    }
    Object tree;
    try {
      tree = new Load(LoadSettings.builder().setMaxAliasesForCollections(10).build()).loadFromString(yaml);
    } catch (RuntimeException e) {
      out.put("\u0000text", new Leaf(List.of(TEXT), yaml)); // not readable as a tree: compared as one text
      return out;
    }
    // a proposal's row is one list item ("- id: ..."): the item itself
    if (tree instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Map<?, ?>) {
      tree = list.get(0);
    }
    walk(tree, new ArrayList<>(), out);
    return out;
  }

  private static void walk(Object node, List<String> parts, Map<String, Leaf> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        parts.add(String.valueOf(e.getKey()));
        walk(e.getValue(), parts, out);
        parts.remove(parts.size() - 1);
      }
    } else if (node instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("id") != null)) {
      for (Object item : list) {
        parts.add(String.valueOf(((Map<?, ?>) item).get("id")));
        walk(item, parts, out);
        parts.remove(parts.size() - 1);
      }
    } else if (node instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(i -> items.add(String.valueOf(i)));
      out.put(String.join("\u0000", parts), new Leaf(List.copyOf(parts), String.join(", ", items)));
    } else {
      out.put(String.join("\u0000", parts), new Leaf(List.copyOf(parts), node == null ? null : String.valueOf(node)));
    }
  }

  /** A state change's path: withdrawn, reinstated (a YAML key of a row never starts with "@"). */
  private static final String WITHDRAWN = "@withdrawn";
  private static final String REINSTATED = "@reinstated";
  /** The path of a row that does not read as a tree, compared as one text. */
  private static final String TEXT = "@text";

  /** The field's name in the budget's words, in Dutch, keys and members by id. */
  static String name(List<String> p) {
    return name(p, false, Function.identity(), Function.identity());
  }

  /** The field's name in the budget's words: in English or Dutch, a key by {@code keyTitle} and a member by {@code memberName}. */
  static String name(List<String> p, boolean english, Function<String, String> keyTitle, Function<String, String> memberName) {
    if (p.size() == 2 && p.get(0).equals("amounts")) {
      return (english ? "amount " : "bedrag ") + p.get(1);
    }
    String key = english ? "distribution key " : "verdeelsleutel ";
    if (p.size() == 4 && p.get(0).equals("keys") && p.get(2).equals("shares")) {
      return key + keyTitle.apply(p.get(1)) + ", " + memberName.apply(p.get(3));
    }
    if (p.size() == 3 && p.get(0).equals("keys")) {
      return key + keyTitle.apply(p.get(1)) + " " + word(p.get(2), english);
    }
    if (p.size() == 1) {
      return word(p.get(0), english);
    }
    return String.join(" ", p);
  }

  /** The one table of the words for a row's fields: Dutch, English. */
  private static final Map<String, String[]> WORDS = Map.ofEntries(
      Map.entry("title", new String[] {"titel", "title"}),
      Map.entry("unit", new String[] {"eenheid", "unit"}),
      Map.entry("side", new String[] {"kant", "side"}),
      Map.entry("nature", new String[] {"aard", "nature"}),
      Map.entry("category", new String[] {"categorie", "category"}),
      Map.entry("products", new String[] {"producten", "products"}),
      Map.entry("explanation", new String[] {"toelichting", "explanation"}),
      Map.entry("id", new String[] {"code", "id"}),
      Map.entry("prognose_lasten_cents", new String[] {"prognose lasten", "forecast expenditure"}),
      Map.entry("prognose_baten_cents", new String[] {"prognose baten", "forecast income"}),
      Map.entry(WITHDRAWN, new String[] {"ingetrokken", "withdrawn"}),
      Map.entry(REINSTATED, new String[] {"teruggezet", "reinstated"}),
      Map.entry(TEXT, new String[] {"tekst", "text"}),
      // an account's row (AccountStore)
      Map.entry("roles", new String[] {"rollen", "roles"}),
      Map.entry("units", new String[] {"eenheden", "units"}),
      Map.entry("member", new String[] {"lid", "member"}),
      Map.entry("disabled", new String[] {"geblokkeerd", "disabled"}),
      Map.entry("organisation", new String[] {"organisatie", "organisation"}));

  private static String word(String key, boolean english) {
    String[] w = WORDS.get(key);
    return w == null ? key : w[english ? 1 : 0];
  }

  /** A value as people read it: amounts with thousands points, shares with a decimal comma, long texts cut. */
  static String shown(List<String> p, String value) {
    if (value == null) {
      return NONE;
    }
    boolean amount = p.size() == 2 && p.get(0).equals("amounts");
    boolean share = p.size() == 4 && p.get(0).equals("keys") && p.get(2).equals("shares");
    if (p.size() == 1 && p.get(0).endsWith("_cents") && value.matches("-?\\d{1,18}")) {
      return "€ " + nl.begroot.core.text.Dutch.euros(Long.parseLong(value));
    }
    if ((amount || share) && value.matches("-?\\d+(\\.\\d+)?")) {
      return dutchNumber(new BigDecimal(value), amount);
    }
    String flat = value.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_VALUE ? flat : flat.substring(0, MAX_VALUE - 1) + "…";
  }

  /** 581000 → "581.000"; 10.67 → "10,67"; the digits as written (no rounding). */
  static String dutchNumber(BigDecimal v, boolean thousands) {
    String plain = v.abs().toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String fraction = dot < 0 ? "" : "," + plain.substring(dot + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (thousands && i > 0 && (whole.length() - i) % 3 == 0) {
        b.append('.');
      }
      b.append(whole.charAt(i));
    }
    return (v.signum() < 0 ? "-" : "") + b + fraction;
  }
}
