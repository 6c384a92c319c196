package nl.begroot.core.access;

import java.util.Set;

/**
 * Who asks: a signed-in person with their roles and assignments, the system itself (seeding, a
 * command on the server's own console), or an anonymous visitor. Immutable; the web resolves one per
 * request from the session, the command line makes {@link #system}.
 *
 * @param id the account's stable name (what the change log records), "anoniem" for a visitor
 * @param name the name people read
 * @param roles what the person may do (empty for a visitor)
 * @param units for a budgethouder: the programme or unit codes assigned to them ("2", "2.7")
 * @param member for a lid: the member (province code, "GE") whose staff they are; null otherwise
 * @param secondFactor whether this session passed the second factor (TOTP)
 * @param system the system itself (not a person): seeding, restore, the console
 */
public record Actor(String id, String name, Set<Role> roles, Set<String> units, String member, boolean secondFactor, boolean system) {
  public static final Actor ANONYMOUS = new Actor("anoniem", "anoniem", Set.of(), Set.of(), null, false, false);

  public Actor {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an actor needs an id");
    }
    name = name == null || name.isBlank() ? id : name;
    roles = Set.copyOf(roles);
    units = Set.copyOf(units);
  }

  /** The system itself, under a name for the log ("seed", "restore", "console"). */
  public static Actor system(String id) {
    return new Actor(id, id, Set.of(), Set.of(), null, true, true);
  }

  /** A signed-in person. */
  public static Actor person(String id, String name, Set<Role> roles, Set<String> units, String member, boolean secondFactor) {
    return new Actor(id, name, roles, units, member, secondFactor, false);
  }

  public boolean anonymous() {
    return !system && roles.isEmpty() && "anoniem".equals(id);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
