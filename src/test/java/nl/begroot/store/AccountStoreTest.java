package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts and sessions on the embedded database: a token signs its person in until it ends. */
class AccountStoreTest {
  private Database db;
  private AccountStore accounts;

  @BeforeEach
  void open() {
    db = Database.open(DatabaseUrl.h2Memory("accounts-" + System.nanoTime()));
    accounts = new AccountStore(db);
    assertThat(accounts.create(new AccountStore.Account("anna", "Anna de Vries", Set.of(Role.BUDGETHOUDER), Set.of("2", "3.1"), null, false), "test")).isTrue();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aSessionSignsItsPersonInWithRolesAndUnits() {
    String token = accounts.startSession("anna", false).orElseThrow();
    Actor a = accounts.session(token).orElseThrow();
    assertThat(a.id()).isEqualTo("anna");
    assertThat(a.name()).isEqualTo("Anna de Vries");
    assertThat(a.roles()).containsExactly(Role.BUDGETHOUDER);
    assertThat(a.units()).containsExactlyInAnyOrder("2", "3.1");
    assertThat(a.secondFactor()).isFalse();
    assertThat(accounts.session(token + "x")).isEmpty();
    assertThat(accounts.create(new AccountStore.Account("anna", "Another", Set.of(), Set.of(), null, false), "test")).isFalse();
  }

  @Test
  void theDatabaseKeepsOnlyTheTokensHash() {
    String token = accounts.startSession("anna", false).orElseThrow();
    String stored = db.jdbi().withHandle(h -> h.createQuery("select token_hash from web_session").mapTo(String.class).one());
    assertThat(stored).isNotEqualTo(token).isEqualTo(AccountStore.hash(token)).hasSize(64);
  }

  @Test
  void signOutAndDisablingEndSessionsAtOnce() {
    String one = accounts.startSession("anna", false).orElseThrow();
    String two = accounts.startSession("anna", false).orElseThrow();
    accounts.endSession(one);
    assertThat(accounts.session(one)).isEmpty();
    assertThat(accounts.session(two)).isPresent();
    assertThat(accounts.setDisabled("anna", true)).isTrue();
    assertThat(accounts.session(two)).isEmpty();
    assertThat(accounts.startSession("anna", false)).isEmpty();
    assertThat(accounts.startSession("nobody", false)).isEmpty();
  }

  @Test
  void anIdleOrOldSessionHasEnded() {
    String idle = accounts.startSession("anna", false).orElseThrow();
    String old = accounts.startSession("anna", false).orElseThrow();
    var now = java.time.Instant.now();
    db.jdbi().useHandle(h -> {
      h.createUpdate("update web_session set last_seen = :t where token_hash = :h")
          .bind("t", now.minus(AccountStore.IDLE).minusSeconds(5)).bind("h", AccountStore.hash(idle)).execute();
      h.createUpdate("update web_session set created_at = :t where token_hash = :h")
          .bind("t", now.minus(AccountStore.ABSOLUTE).minusSeconds(5)).bind("h", AccountStore.hash(old)).execute();
    });
    assertThat(accounts.session(idle)).isEmpty();
    assertThat(accounts.session(old)).isEmpty();
    int left = db.jdbi().withHandle(h -> h.createQuery("select count(*) from web_session").mapTo(Integer.class).one());
    assertThat(left).isZero();
  }
}
