package nl.begroot.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.text.Dutch;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The two sides of an edit conflict as the form's fields, side by side, each row marked when the two
 * differ: what a person compares, instead of two blocks of the file format. The texts are the
 * store's own proposal text (stored now) and the one the form would have saved (yours); a text that
 * cannot be read as fields shows as one row of text.
 */
public final class ConflictFields {
  /** One field: its label in the page's language, the value stored now, the value typed, and whether they differ. */
  public record Row(String field, String label, String theirs, String yours, boolean differs) {}

  private static final List<String> ORDER = List.of("id", "unit", "title", "side", "nature", "category", "products", "amounts", "explanation");

  private ConflictFields() {}

  public static List<Row> of(String theirs, String yours, View v) {
    Map<String, String> a = fields(theirs, v);
    Map<String, String> b = fields(yours, v);
    if (a == null || b == null) {
      return List.of(new Row("text", v.t("conflict.text.raw"), theirs, yours, !theirs.equals(yours)));
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String k : ORDER) {
      for (String x : a.keySet()) {
        if (x.equals(k) || x.startsWith(k + ".")) {
          keys.add(x);
        }
      }
      for (String x : b.keySet()) {
        if (x.equals(k) || x.startsWith(k + ".")) {
          keys.add(x);
        }
      }
    }
    keys.addAll(a.keySet());
    keys.addAll(b.keySet());
    List<Row> rows = new ArrayList<>();
    for (String k : keys) {
      String x = a.getOrDefault(k, "");
      String y = b.getOrDefault(k, "");
      rows.add(new Row(k, label(k, v), x, y, !x.equals(y)));
    }
    return rows;
  }

  private static String label(String key, View v) {
    if (key.startsWith("amounts.")) {
      return v.t("field.amount") + " " + key.substring("amounts.".length());
    }
    if (key.equals("status")) {
      return v.t("conflict.status");
    }
    String k = "field." + key;
    return I18n.has(k) ? v.t(k) : key;
  }

  /** A proposal's text as field values for a reader; null when it is not a mapping of fields. */
  private static Map<String, String> fields(String text, View v) {
    String body = text;
    boolean withdrawn = false;
    if (body.endsWith("(ingetrokken)\n")) {
      withdrawn = true;
      body = body.substring(0, body.length() - "(ingetrokken)\n".length());
    }
    Object node;
    try {
      node = new Load(LoadSettings.builder().setMaxAliasesForCollections(10).setCodePointLimit(1_000_000).build()).loadFromString(body);
    } catch (RuntimeException e) {
      return null;
    }
    if (node instanceof List<?> list && list.size() == 1) {
      node = list.get(0);
    }
    if (!(node instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object value = e.getValue();
      if (value instanceof Map<?, ?> sub) {
        for (Map.Entry<?, ?> s : sub.entrySet()) {
          out.put(key + "." + s.getKey(), value(key, s.getValue(), v));
        }
      } else {
        out.put(key, value(key, value, v));
      }
    }
    if (withdrawn) {
      out.put("status", v.t("conflict.withdrawn"));
    }
    return out;
  }

  private static String value(String key, Object value, View v) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    String text = String.valueOf(value);
    if (key.equals("amounts") && value instanceof Number n) {
      return "€ " + Dutch.whole(n.longValue());
    }
    if (key.equals("amounts") && text.matches("-?\\d+(\\.\\d+)?")) {
      return "€ " + Dutch.decimal(text);
    }
    if (key.equals("side") && I18n.has("side." + text)) {
      return v.t("side." + text);
    }
    if (key.equals("nature") && I18n.has("nature." + text)) {
      return v.t("nature." + text);
    }
    if (key.equals("category")) {
      return v.category(text);
    }
    if (key.equals("unit") && v.s() != null) {
      return v.s().budget().programmes().stream().flatMap(p -> p.units().stream()).filter(u -> u.id().equals(text))
          .map(u -> u.id() + " " + u.title()).findFirst().orElse(text);
    }
    return text;
  }
}
