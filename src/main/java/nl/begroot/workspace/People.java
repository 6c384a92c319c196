package nl.begroot.workspace;

import java.util.Optional;
import nl.begroot.core.access.Actor;
import nl.begroot.store.AccountStore;

/**
 * The use cases of people and their sessions: who a session signs in, signing out. Sign-in itself
 * (password, second factor, the organisation's identity provider) starts a session here.
 */
public final class People {
  private final AccountStore accounts;

  People(AccountStore accounts) {
    this.accounts = accounts;
  }

  /** The person a session token signs in, while the session lives. */
  public Optional<Actor> session(String token) {
    return accounts.session(token);
  }

  /** Ends a session. */
  public void signOut(String token) {
    accounts.endSession(token);
  }

  /** The CSRF token of a session (what its forms send as {@code _csrf}); "" without a session. */
  public static String csrf(String token) {
    return token == null || token.isBlank() ? "" : AccountStore.csrfToken(token);
  }

  /** The store of accounts (for the sign-in code and the command line). */
  public AccountStore accounts() {
    return accounts;
  }
}
