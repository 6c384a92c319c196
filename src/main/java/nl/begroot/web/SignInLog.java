package nl.begroot.web;

import nl.begroot.core.access.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where sign-ins go for the record: every success and every failure, with the way of signing in
 * ("oidc", "password"), the address and for a failure a reason code and a detail. The detail never
 * holds a token, code or secret. Until the hash-chained log takes it, this writes one SLF4J line.
 */
public interface SignInLog {
  void signedIn(String method, Actor actor, String address);

  void failed(String method, String reason, String detail, String address);

  /** One line per sign-in on the logger "nl.begroot.signin". */
  SignInLog SLF4J = new SignInLog() {
    private final Logger log = LoggerFactory.getLogger("nl.begroot.signin");

    @Override
    public void signedIn(String method, Actor actor, String address) {
      log.info("sign-in {} ok: {} roles={} second-factor={} from {}", method, actor.id(), actor.roles(), actor.secondFactor(), address);
    }

    @Override
    public void failed(String method, String reason, String detail, String address) {
      log.warn("sign-in {} refused ({}): {} from {}", method, reason, detail, address);
    }
  };

  /** Each sign-in as an entry of the hash-chained log (docs/log.md), and as the server's log line. */
  static SignInLog into(nl.begroot.store.AuditLog log) {
    return new SignInLog() {
      @Override
      public void signedIn(String method, Actor actor, String address) {
        SLF4J.signedIn(method, actor, address);
        log.record(nl.begroot.store.LogEntry.signIn(actor.id(), true, method));
      }

      @Override
      public void failed(String method, String reason, String detail, String address) {
        SLF4J.failed(method, reason, detail, address);
        log.record(nl.begroot.store.LogEntry.signIn("anoniem", false, method + ": " + reason));
      }
    };
  }
}
