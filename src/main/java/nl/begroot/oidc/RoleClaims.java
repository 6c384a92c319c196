package nl.begroot.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.begroot.core.access.Role;

/**
 * The provider's role claim, read as Begroot's roles, units and member. Deny by default: a value that
 * is not understood gives nothing, and no claim gives no roles.
 *
 * <p>Values (a JSON array of strings, each one value, or one string with values separated by spaces or commas):
 * <ul>
 *   <li>{@code lezer}, {@code controller}, {@code bestuur}, {@code beheerder}: that role;
 *   <li>{@code budgethouder:2.7}: the role budgethouder for unit or programme 2.7 (one value per unit;
 *       {@code budgethouder} alone gives the role without units, which lets them draft nothing);
 *   <li>{@code lid:GE}: the role lid for member GE; a person is staff of one member only, so two
 *       different members give no lid role at all.
 * </ul>
 * A value first goes through the settings' role map ("fin-controllers" → "controller"), so a
 * provider's own group names can be used.
 */
public final class RoleClaims {
  private static final Pattern UNIT = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}");
  /** Units per person at most (the account keeps them in 1000 characters). */
  static final int MAX_UNITS = 40;
  private static final Pattern MEMBER = Pattern.compile("[A-Za-z]{1,10}");

  private RoleClaims() {}

  /**
   * What the claim gives.
   *
   * @param ignored the values that gave nothing, each with why (for the sign-in log)
   */
  public record Assignment(Set<Role> roles, Set<String> units, String member, List<String> ignored) {
    public Assignment {
      roles = Set.copyOf(roles);
      units = Set.copyOf(units);
      ignored = List.copyOf(ignored);
    }
  }

  /** The value at {@code path} ("begroot_roles", "realm_access.roles") in the token's claims; null when absent. */
  public static Object at(Map<String, Object> claims, String path) {
    Object here = claims;
    for (String part : path.split("\\.")) {
      if (!(here instanceof Map<?, ?> map)) {
        return null;
      }
      here = map.get(part);
    }
    return here;
  }

  /** Reads the claim's {@code value} (a list, a string, or null) through {@code roleMap}. */
  public static Assignment read(Object value, Map<String, String> roleMap) {
    List<String> values = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        if (o instanceof String s) {
          if (!s.isBlank()) {
            values.add(s.strip()); // an element is one value, spaces and all ("Fin Controllers" for the role map)
          }
        } else {
          ignored.add(String.valueOf(o) + " (not a string)");
        }
      }
    } else if (value instanceof String s) {
      values.addAll(split(s));
    } else if (value != null) {
      ignored.add("claim is " + value.getClass().getSimpleName() + ", not a list of strings");
    }
    Set<Role> roles = new TreeSet<>();
    Set<String> units = new TreeSet<>();
    Set<String> members = new LinkedHashSet<>();
    for (String raw : values) {
      String v = roleMap.getOrDefault(raw.toLowerCase(Locale.ROOT), raw);
      int colon = v.indexOf(':');
      String name = colon < 0 ? v : v.substring(0, colon);
      String qualifier = colon < 0 ? null : v.substring(colon + 1).strip();
      Role role = Role.of(name).orElse(null);
      if (role == null) {
        ignored.add(raw + " (no such role)");
      } else if (role == Role.BUDGETHOUDER) {
        if (qualifier == null) {
          roles.add(role);
        } else if (units.size() >= MAX_UNITS && !units.contains(qualifier)) {
          ignored.add(raw + " (more than " + MAX_UNITS + " units)");
        } else if (UNIT.matcher(qualifier).matches()) {
          roles.add(role);
          units.add(qualifier);
        } else {
          ignored.add(raw + " (not a unit code)");
        }
      } else if (role == Role.LID) {
        if (qualifier != null && MEMBER.matcher(qualifier).matches()) {
          members.add(qualifier.toUpperCase(Locale.ROOT));
        } else {
          ignored.add(raw + " (lid needs a member: lid:GE)");
        }
      } else if (qualifier != null) {
        ignored.add(raw + " (" + role.code() + " takes no qualifier)");
      } else {
        roles.add(role);
      }
    }
    String member = null;
    if (members.size() == 1) {
      roles.add(Role.LID);
      member = members.iterator().next();
    } else if (members.size() > 1) {
      ignored.add("lid:" + String.join(", lid:", members) + " (staff of one member only: no lid role)");
    }
    return new Assignment(roles, units, member, ignored);
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.split("[\\s,]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }
}
