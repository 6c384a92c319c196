package nl.begroot.workspace;

/**
 * Where every sign-in attempt is reported, good or failed (never with the password). For now a line
 * in the server's log; the hash-chained log records these entries once it exists.
 */
public interface SignInEvents {
  /**
   * One attempt.
   *
   * @param account the account id as typed (for a failure it may not exist)
   * @param address the client's address
   * @param step what was tried: "password", "code", "new-password", "enrol", "sign-out"
   * @param result "ok", or why not: "wrong", "throttled", "disabled", "replay", "refused"
   */
  void attempt(String account, String address, String step, String result);

  /** Writes each attempt as one SLF4J line. */
  SignInEvents LOG = new SignInEvents() {
    private final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("nl.begroot.signin");

    @Override
    public void attempt(String account, String address, String step, String result) {
      String line = "sign-in {} account={} address={} result={}";
      Object[] args = {step, clean(account), clean(address), result};
      if ("ok".equals(result)) {
        log.info(line, args);
      } else {
        log.warn(line, args);
      }
    }

    private String clean(String s) {
      if (s == null) {
        return "-";
      }
      String c = s.replaceAll("[\\p{Cntrl}\\s]", "_");
      return c.length() > 100 ? c.substring(0, 100) + "…" : c;
    }
  };

  /**
   * Each attempt as an entry of the hash-chained log (docs/log.md), in its own transaction, and as
   * the server's log line: a sign-out as "session.sign-out", everything else as "session.sign-in"
   * with its result, and for a failure the step and reason as detail.
   */
  static SignInEvents into(nl.begroot.store.AuditLog log) {
    return (account, address, step, result) -> {
      LOG.attempt(account, address, step, result);
      String who = account == null || account.isBlank() ? "anoniem" : account;
      log.record("sign-out".equals(step) && "ok".equals(result) ? nl.begroot.store.LogEntry.signOut(who)
          : nl.begroot.store.LogEntry.signIn(who, "ok".equals(result), step + ": " + result));
    };
  }
}
