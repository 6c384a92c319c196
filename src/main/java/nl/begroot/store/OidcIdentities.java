package nl.begroot.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.begroot.core.access.Role;
import org.jdbi.v3.core.Jdbi;

/**
 * People who sign in through the organisation's identity provider, linked to their accounts
 * (migration V8, table {@code oidc_identity}). The provider is the source of their name, roles, units
 * and member: every sign-in writes them to the account. Whether the account is enabled stays
 * Begroot's: a disabled account is not enabled again by signing in.
 */
public final class OidcIdentities {
  private final Jdbi jdbi;
  private final AccountStore accounts;

  public OidcIdentities(Database database, AccountStore accounts) {
    this.jdbi = database.jdbi();
    this.accounts = accounts;
  }

  /** The account linked to the provider's person, if any. */
  public Optional<String> linked(String issuer, String subject) {
    return jdbi.withHandle(h -> h.createQuery("select account_id from oidc_identity where issuer = :iss and subject = :sub")
        .bind("iss", issuer).bind("sub", subject).mapTo(String.class).findOne());
  }

  /**
   * The account of the provider's person, made on their first sign-in and brought up to date on every
   * one: its id. A new account takes {@code preferredId} (the provider's user name) when no account has
   * it yet, and otherwise that name with a suffix derived from issuer and subject, so an existing
   * (local) account is never taken over.
   */
  public String signIn(String issuer, String subject, String preferredId, String name, Set<Role> roles, Set<String> units, String member) {
    for (int attempt = 0; attempt < 2; attempt++) {
      Optional<String> linked = linked(issuer, subject);
      if (linked.isPresent()) {
        String id = linked.get();
        jdbi.useHandle(h -> {
          h.createUpdate("update account set name = :name, roles = :roles, units = :units, member = :member where id = :id")
              .bind("name", cut(name, 200)).bind("roles", roles.stream().map(Role::code).sorted().collect(Collectors.joining(",")))
              .bind("units", units.stream().sorted().collect(Collectors.joining(","))).bind("member", member).bind("id", id).execute();
          h.createUpdate("update oidc_identity set last_seen = :now where issuer = :iss and subject = :sub")
              .bind("now", Instant.now()).bind("iss", issuer).bind("sub", subject).execute();
        });
        return id;
      }
      String suffix = AccountStore.hash(issuer + "|" + subject);
      String base = accountId(preferredId == null ? subject : preferredId);
      for (String id : new String[] {base, cut(base, 90) + "-" + suffix.substring(0, 8), "oidc-" + suffix.substring(0, 32)}) {
        if (accounts.create(new AccountStore.Account(id, cut(name, 200), roles, units, member, false), "oidc " + cut(issuer, 180))) {
          try {
            Instant now = Instant.now();
            jdbi.useHandle(h -> h.createUpdate("insert into oidc_identity (issuer, subject, account_id, first_seen, last_seen)"
                    + " values (:iss, :sub, :id, :now, :now)")
                .bind("iss", issuer).bind("sub", subject).bind("id", id).bind("now", now).execute());
            return id;
          } catch (RuntimeException e) {
            // the same person's first sign-in, twice at once: the other one linked first; use its account
            jdbi.useHandle(h -> h.createUpdate("delete from account where id = :id").bind("id", id).execute());
            if (!VersionStore.uniqueViolation(e)) {
              throw e;
            }
            break;
          }
        }
      }
    }
    throw new StoreException("no account could be made for " + cut(subject, 60) + " at " + cut(issuer, 100), null);
  }

  /** A provider's user name as an account id: letters, digits and . _ @ - kept, the rest "_", at most 100 characters. */
  static String accountId(String name) {
    String id = name.strip().replaceAll("[^A-Za-z0-9._@\\-]", "_");
    return cut(id.isEmpty() ? "_" : id, 100);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
