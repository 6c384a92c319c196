package nl.begroot.workspace;

/**
 * The one place every sign-in is reported, good or failed, whichever way it was tried: a local
 * account's steps ({@link People}) and the organisation's identity provider (the web's OpenID Connect
 * callback). Never with a password, code, token or secret. {@link #into} writes each attempt as an
 * entry of the hash-chained log (with the request's origin) and as one line of the server's log; the
 * workspace installs it, so nobody reports a sign-in anywhere else.
 */
public interface SignInEvents {
  /**
   * One attempt.
   *
   * @param account the account id as typed (for a failure it may not exist), or the account the
   *     provider's person signs in as; null or blank when unknown
   * @param address the client's address (as {@code Clients} reads it)
   * @param step what was tried: "password", "code", "new-password", "enrol", "sign-out", "oidc"
   * @param result "ok", or why not: "wrong", "throttled", "disabled", "replay", "refused", or an
   *     OpenID Connect failure's kind ("bad_state", "token_invalid", ...)
   * @param detail more about a failure in a few words (the provider's error, which check of the ID
   *     token failed), or null
   */
  void attempt(String account, String address, String step, String result, String detail);

  /** One attempt without a detail. */
  default void attempt(String account, String address, String step, String result) {
    attempt(account, address, step, result, null);
  }

  /** The server's log line of an attempt (logger "nl.begroot.signin"): info for "ok", warn otherwise. */
  SignInEvents SERVER_LOG = new SignInEvents() {
    private final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("nl.begroot.signin");

    @Override
    public void attempt(String account, String address, String step, String result, String detail) {
      String line = "sign-in {} account={} address={} result={}{}";
      // account and address as one word each (typed text cannot forge "result=ok" in the line); the
      // detail, our own words or the provider's, at the end in brackets, without control characters
      Object[] args = {step, word(account), word(address), result, detail == null ? "" : " (" + clean(detail) + ")"};
      if ("ok".equals(result)) {
        log.info(line, args);
      } else {
        log.warn(line, args);
      }
    }

    private String word(String s) {
      return s == null ? "-" : clean(s.replaceAll("\\s", "_"));
    }

    private String clean(String s) {
      if (s == null) {
        return "-";
      }
      String c = s.replaceAll("[\\p{Cntrl}]", "_");
      return c.length() > 200 ? c.substring(0, 200) + "…" : c;
    }
  };

  /**
   * Each attempt as an entry of the hash-chained log (docs/log.md), in its own transaction, and as
   * the server's log line: a sign-out as "session.sign-out", everything else as "session.sign-in"
   * with its result, and as detail the step and reason ("password: wrong", "oidc: ok",
   * "oidc: token_invalid (the ID token has expired)").
   */
  static SignInEvents into(nl.begroot.store.AuditLog log) {
    return (account, address, step, result, detail) -> {
      SERVER_LOG.attempt(account, address, step, result, detail);
      String who = account == null || account.isBlank() ? "anoniem" : account;
      log.record("sign-out".equals(step) && "ok".equals(result) ? nl.begroot.store.LogEntry.signOut(who)
          : nl.begroot.store.LogEntry.signIn(who, "ok".equals(result), step + ": " + result + (detail == null ? "" : " (" + detail + ")")));
    };
  }
}
