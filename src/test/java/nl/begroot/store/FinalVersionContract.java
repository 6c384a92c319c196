package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.begroot.core.cycle.ProposalStatus;
import nl.begroot.core.cycle.VersionStatus;
import nl.begroot.workspace.Workspace;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An adopted version is final in the database itself (migration V6_1), on every engine: SQL that writes
 * to it directly, as someone with the application's database user could, is refused; publishing it is
 * the one change its row takes. A backup and restore keeps the statuses.
 */
abstract class FinalVersionContract extends SeededDatabase {
  long frame;
  long concept;

  @BeforeEach
  void ids() {
    frame = workspace.version(Workspace.FRAME).orElseThrow().id();
    concept = workspace.version(Workspace.CONCEPT).orElseThrow().id();
  }

  private int sql(String statement, long version) {
    try (Handle h = database.jdbi().open()) {
      return h.createUpdate(statement).bind("v", version).execute();
    }
  }

  private void refused(String statement) {
    assertThatThrownBy(() -> sql(statement, frame)).as(statement)
        .satisfies(e -> assertThat(VersionStore.finalVersion(e)).as("refused by the trigger: " + e).isTrue());
  }

  @Test
  void theSeedAdoptsTheFrameAndApprovesTheConceptsLines() {
    StoredVersion f = workspace.version(Workspace.FRAME).orElseThrow();
    assertThat(f.status()).isEqualTo(VersionStatus.VASTGESTELD);
    assertThat(f.adoptedBody()).isEqualTo("Algemene Vergadering");
    assertThat(f.decisionRef()).isNotBlank();
    assertThat(f.adoptedOn()).isNotNull();
    assertThat(workspace.version(Workspace.CONCEPT).orElseThrow().status()).isEqualTo(VersionStatus.CONCEPT);
    assertThat(workspace.store().proposals(concept)).isNotEmpty()
        .allSatisfy(p -> {
          assertThat(p.status()).isEqualTo(ProposalStatus.GOEDGEKEURD);
          assertThat(p.reviewer()).isEqualTo("seed");
        });
  }

  @Test
  void directWritesToAnAdoptedVersionAreRefused() {
    String first = workspace.store().proposals(frame).get(0).proposalId();
    refused("update proposal set title = 'x' where version_id = :v");
    refused("update proposal set status = 'concept' where version_id = :v");
    refused("delete from proposal where version_id = :v");
    refused("insert into proposal (version_id, proposal_id, position, unit_id, title, body_yaml, withdrawn, revision,"
        + " created_at, created_by, updated_at, updated_by) values (:v, 'nieuw', 999, '1', 't', 'x', false, 1,"
        + " current_timestamp, 'x', current_timestamp, 'x')");
    refused("update budget_version set base_yaml = base_yaml || ' ' where id = :v");
    refused("update budget_version set name = 'ander' where id = :v");
    refused("update budget_version set decision_ref = 'ander' where id = :v");
    refused("update budget_version set status = 'concept', adopted_on = null, adopted_body = null, decision_ref = null,"
        + " adopted_by = null where id = :v");
    refused("update budget_version set status = 'ingediend' where id = :v");
    refused("delete from budget_version where id = :v");
    refused("update proposal set version_id = :v where version_id = " + concept + " and proposal_id = '" + first + "'");
    // nothing changed
    assertThat(workspace.store().proposals(frame)).extracting(StoredProposal::proposalId).contains(first).doesNotContain("nieuw");
    // the same writes to a concept version go through (the refusal is about adoption, not the statements)
    assertThat(sql("update proposal set title = 'x' where version_id = :v and proposal_id = '" + first + "'", concept)).isEqualTo(1);
    assertThat(sql("update budget_version set name = 'ander' where id = :v", concept)).isEqualTo(1);
    // publishing is the one change an adopted row takes; it never goes back
    assertThat(sql("update budget_version set status = 'gepubliceerd', stamp = stamp + 1 where id = :v", frame)).isEqualTo(1);
    refused("update budget_version set status = 'vastgesteld' where id = :v");
    refused("update proposal set title = 'x' where version_id = :v");
  }

  @Test
  void backupAndRestoreKeepTheStatuses() throws Exception {
    Path file = Files.createTempFile("cycle", ".zip");
    try {
      try (var out = Files.newOutputStream(file)) {
        Backup.write(database, out);
      }
      try (Database other = Database.open(secondFreshDatabase())) {
        Backup.restore(other, file);
        Workspace restored = new Workspace(other);
        StoredVersion f = restored.version(Workspace.FRAME).orElseThrow();
        StoredVersion original = workspace.version(Workspace.FRAME).orElseThrow();
        assertThat(f).isEqualTo(original);
        assertThat(restored.store().proposals(f.id())).isEqualTo(workspace.store().proposals(frame));
        assertThat(restored.store().proposals(restored.version(Workspace.CONCEPT).orElseThrow().id()))
            .isEqualTo(workspace.store().proposals(concept));
        // and final there too
        try (Handle h = other.jdbi().open()) {
          assertThatThrownBy(() -> h.createUpdate("delete from proposal where version_id = :v").bind("v", f.id()).execute())
              .satisfies(e -> assertThat(VersionStore.finalVersion(e)).isTrue());
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
