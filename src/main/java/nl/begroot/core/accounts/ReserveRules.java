package nl.begroot.core.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.begroot.core.model.Annex;
import nl.begroot.core.validate.ModelPath;

/**
 * What the reserves of annual accounts must be: the one owner of these rules, asked by {@link
 * AnnualAccounts#of} before it computes and by the workspace before a controller's edit is stored
 * (docs/accounts.md). Every problem is returned, each with the path of the reserve's field it belongs
 * to ({@code reserves[2].withdrawal}, as the core validator's {@link ModelPath}s), in Dutch and English.
 *
 * <ul>
 *   <li>at most {@link #MAX_RESERVES} reserves;
 *   <li>an id of lower-case letters, digits and dashes (at most {@link #MAX_ID}; it is part of the figures' ids), unique;
 *   <li>a name, at most {@link #MAX_NAME} characters, unique within the accounts (ignoring case and outer spaces);
 *   <li>a kind: general or earmarked;
 *   <li>the annex column it is charged to: a column of the budget's annex that gathers programmes or units
 *       (not a sum: the settlement splits such columns over the members);
 *   <li>opening balance, addition and withdrawal in cents, none negative, none over {@link #MAX_CENTS};
 *   <li>a withdrawal never more than the reserve holds: {@code withdrawal <= opening + addition}.
 * </ul>
 */
public final class ReserveRules {
  /** The most reserves one set of accounts holds. */
  public static final int MAX_RESERVES = 50;
  /** The longest name, in characters (the column holds this much). */
  public static final int MAX_NAME = 200;
  /** The longest id (the column holds this much). */
  public static final int MAX_ID = 100;
  /** The largest amount (cents): € 1.000.000.000.000, beyond any organisation Begroot serves; 50 reserves of it add up within a long. */
  public static final long MAX_CENTS = 100_000_000_000_000L;

  private ReserveRules() {}

  /** A problem with one field of one reserve (or, at {@code reserves}, with the list). */
  public record Problem(ModelPath path, String nl, String en) {
    /** The reserve's place in the list, or -1 for a problem with the list as a whole. */
    public int index() {
      return path.parent().position();
    }

    /** The reserve's field: {@code id}, {@code name}, {@code kind}, {@code column}, {@code opening}, {@code addition}, {@code withdrawal}. */
    public String field() {
      return path.name();
    }
  }

  /** The path of {@code field} of the reserve at {@code index}, e.g. {@code reserves[2].opening}. */
  public static ModelPath path(int index, String field) {
    return ModelPath.of("reserves").index(index).field(field);
  }

  /** Every problem of {@code reserves} charged to the columns of {@code annex} (null: the budget has none); empty when they are fine. */
  public static List<Problem> check(Annex annex, List<Reserve> reserves) {
    List<Problem> out = new ArrayList<>();
    if (reserves.size() > MAX_RESERVES) {
      out.add(new Problem(ModelPath.of("reserves"), "Een jaarrekening heeft ten hoogste " + MAX_RESERVES + " reserves, niet " + reserves.size() + ".",
          "Annual accounts have at most " + MAX_RESERVES + " reserves, not " + reserves.size() + "."));
      return out;
    }
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < reserves.size(); i++) {
      Reserve r = reserves.get(i);
      String name = r.name() == null ? "" : r.name().strip();
      String called = name.isEmpty() ? "Reserve " + (i + 1) : name;
      if (r.id() == null || !r.id().matches("[a-z0-9][a-z0-9-]*") || r.id().length() > MAX_ID) {
        out.add(new Problem(path(i, "id"), called + ": de code van de reserve is ongeldig; laad de pagina opnieuw.",
            called + ": the reserve's id is not valid; reload the page."));
      } else if (ids.putIfAbsent(r.id(), i) != null) {
        out.add(new Problem(path(i, "id"), called + ": de code '" + r.id() + "' heeft ook reserve " + (ids.get(r.id()) + 1) + ".",
            called + ": the id '" + r.id() + "' is also reserve " + (ids.get(r.id()) + 1) + "'s."));
      }
      if (name.isEmpty()) {
        out.add(new Problem(path(i, "name"), called + ": geef de reserve een naam.", called + ": give the reserve a name."));
      } else if (name.length() > MAX_NAME) {
        out.add(new Problem(path(i, "name"), "Reserve " + (i + 1) + ": de naam is " + name.length() + " tekens; ten hoogste " + MAX_NAME + ".",
            "Reserve " + (i + 1) + ": the name is " + name.length() + " characters; at most " + MAX_NAME + "."));
      } else if (names.putIfAbsent(name.toLowerCase(Locale.ROOT), i) != null) {
        out.add(new Problem(path(i, "name"), name + ": die naam heeft reserve " + (names.get(name.toLowerCase(Locale.ROOT)) + 1) + " al; elke reserve heeft een eigen naam.",
            name + ": reserve " + (names.get(name.toLowerCase(Locale.ROOT)) + 1) + " has that name already; each reserve has a name of its own."));
      }
      if (r.kind() == null) {
        out.add(new Problem(path(i, "kind"), called + ": kies algemene reserve of bestemmingsreserve.",
            called + ": choose general reserve or earmarked reserve."));
      }
      if (!chargeable(annex, r.column())) {
        out.add(new Problem(path(i, "column"), called + ": '" + shorten(r.column()) + "' is geen kolom van de bijlage die programma's of eenheden verzamelt.",
            called + ": '" + shorten(r.column()) + "' is not a column of the annex that gathers programmes or units."));
      }
      boolean amounts = true;
      for (String field : List.of("opening", "addition", "withdrawal")) {
        long cents = switch (field) {
          case "opening" -> r.opening();
          case "addition" -> r.addition();
          default -> r.withdrawal();
        };
        String[] words = switch (field) {
          case "opening" -> new String[] {"de stand op 1 januari", "the opening balance"};
          case "addition" -> new String[] {"de toevoeging", "the addition"};
          default -> new String[] {"de onttrekking", "the withdrawal"};
        };
        if (cents < 0) {
          amounts = false;
          out.add(new Problem(path(i, field), called + ": " + words[0] + " is niet negatief.",
              called + ": " + words[1] + " is not negative" + ("opening".equals(field) ? " (a reserve does not start below zero)." : ".")));
        } else if (cents > MAX_CENTS) {
          amounts = false;
          out.add(new Problem(path(i, field), called + ": " + words[0] + " is ten hoogste € 1.000.000.000.000.",
              called + ": " + words[1] + " is at most € 1.000.000.000.000."));
        }
      }
      // within MAX_CENTS the sum is exact in a long
      if (amounts && r.withdrawal() > r.opening() + r.addition()) {
        out.add(new Problem(path(i, "withdrawal"), called + ": de onttrekking is meer dan de reserve heeft (stand 1 januari plus toevoeging).",
            called + ": the withdrawal is more than the reserve holds (opening balance plus addition)."));
      }
    }
    return out;
  }

  /**
   * Whether a reserve may be charged to the annex column {@code column}: a column of {@code annex} that is not a
   * sum and gathers programmes or units (the columns the settlement splits over the members).
   */
  public static boolean chargeable(Annex annex, String column) {
    return annex != null && column != null && chargeableColumns(annex).stream().anyMatch(c -> c.id().equals(column));
  }

  /** The columns of {@code annex} a reserve may be charged to, in the annex's order (for a form's choice): the settlement's. */
  public static List<Annex.Column> chargeableColumns(Annex annex) {
    return AnnualAccounts.settledColumns(annex);
  }

  private static String shorten(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
