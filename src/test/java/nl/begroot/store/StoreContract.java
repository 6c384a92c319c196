package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.begroot.core.audit.Finding;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Proposal;
import nl.begroot.format.BudgetWriter;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.ProposalDraft;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.Test;

/**
 * The persistence behaviour, run on every database (H2 and PostgreSQL subclasses): seeding,
 * lossless export and import, edits with optimistic locking, all-or-nothing validation, the change
 * log, withdrawing, keys, scenarios.
 */
abstract class StoreContract extends SeededDatabase {
  private Snapshot concept() {
    return workspace.snapshot(Workspace.CONCEPT).orElseThrow();
  }

  private static ProposalDraft newDraft(String id, String unit, Map<Integer, String> amounts) {
    return new ProposalDraft(id, unit, "Test " + id, "lasten", "recurring", null, null, amounts, "Waarom: een test.");
  }

  private int changeLogSize(Snapshot s) {
    return workspace.store().changes(s.version().id(), 10_000).size();
  }

  @Test
  void seedingStoresTheFrameAndTheConceptOnce() {
    assertThat(workspace.versions()).extracting(StoredVersion::slug).containsExactly(Workspace.FRAME, Workspace.CONCEPT);
    workspace.seedIfEmpty(IPO, nl.begroot.TestBudgets.actor("again"));
    assertThat(workspace.versions()).hasSize(2);
    Snapshot c = concept();
    assertThat(c.budget()).isEqualTo(IPO);
    var direct = Engine.compute(IPO);
    for (int y = 0; y < direct.yearCount(); y++) {
      assertThat(c.document().computation().balancing(y)).isEqualTo(direct.balancing(y));
    }
    Snapshot frame = workspace.snapshot(Workspace.FRAME).orElseThrow();
    for (int y = 0; y < direct.yearCount(); y++) {
      assertThat(frame.document().computation().totalChangeLasten(y)).as("the frame has no changes").isZero();
      assertThat(frame.document().computation().totalFrameLasten(y)).isEqualTo(direct.totalFrameLasten(y));
    }
  }

  @Test
  void exportImportExportGivesTheSameFile() {
    String first = workspace.export(Workspace.CONCEPT).orElseThrow();
    assertThat(first).isEqualTo(BudgetWriter.write(IPO));
    try (Database other = Database.open(secondFreshDatabase())) {
      Workspace empty = new Workspace(other);
      Workspace.ImportResult r = empty.importFile("Ingelezen 2027", "export.yaml", first, nl.begroot.TestBudgets.actor("tester"));
      assertThat(r.problems()).isEmpty();
      assertThat(empty.export(r.slug()).orElseThrow()).isEqualTo(first);
    }
    // and into this database (H2 or PostgreSQL) as a second version
    Workspace.ImportResult here = workspace.importFile("Kopie via bestand", "export.yaml", first, nl.begroot.TestBudgets.actor("tester"));
    assertThat(workspace.export(here.slug()).orElseThrow()).isEqualTo(first);
  }

  @Test
  void aNewProposalIsStoredComputedAndLogged() {
    Snapshot before = concept();
    int year = before.budget().version().budgetYear();
    EditResult r = workspace.createProposal(Workspace.CONCEPT, newDraft("2.3-test", "2.3", Map.of(year, "1.000.000")), nl.begroot.TestBudgets.actor("Anna"));
    assertThat(r).isEqualTo(new EditResult.Saved("2.3-test"));
    Snapshot after = concept();
    Proposal p = after.budget().proposal("2.3-test").orElseThrow();
    int y = after.budget().version().yearIndex(year);
    assertThat(p.amounts().cents(y)).isEqualTo(100_000_000L);
    // a new lasten line of 1.000.000 raises the balancing item (the members' contribution) by as much
    assertThat(after.document().computation().balancing(y) - before.document().computation().balancing(y)).isEqualTo(100_000_000L);
    assertThat(after.row("2.3-test").orElseThrow().createdBy()).isEqualTo("Anna");
    List<Change> log = workspace.store().changes(after.version().id(), 5);
    assertThat(log.get(0).action()).isEqualTo("proposal.create");
    assertThat(log.get(0).actor()).isEqualTo("Anna");
    assertThat(log.get(0).after()).contains("2.3-test");
    // a second workspace on the same database sees the same
    assertThat(new Workspace(database).snapshot(Workspace.CONCEPT).orElseThrow().budget().proposal("2.3-test")).contains(p);
  }

  @Test
  void anInvalidEditSavesNothing() {
    Snapshot before = concept();
    long stamp = before.version().stamp();
    int log = changeLogSize(before);
    Map<Integer, String> amounts = new LinkedHashMap<>();
    amounts.put(2027, "twaalf");
    amounts.put(2028, "1.000.000.000.000.001");
    EditResult r = workspace.createProposal(Workspace.CONCEPT, new ProposalDraft("x", "9.9", "", "sideways", "recurring", null, null, amounts, null), nl.begroot.TestBudgets.actor("Anna"));
    assertThat(r).isInstanceOf(EditResult.Invalid.class);
    assertThat(((EditResult.Invalid) r).errors()).extracting(e -> e.field())
        .contains("unit", "title", "side", "amount.2027", "amount.2028");
    Snapshot after = concept();
    assertThat(after.version().stamp()).isEqualTo(stamp);
    assertThat(changeLogSize(after)).isEqualTo(log);
    assertThat(after.budget()).isEqualTo(IPO);
  }

  @Test
  void theSecondSaveOfTheSameRevisionIsAConflictAndNothingIsLost() {
    Snapshot s = concept();
    String id = "2.7-soc";
    int revision = s.row(id).orElseThrow().revision();
    int y2027 = s.budget().version().yearIndex(2027);
    EditResult first = workspace.changeProposal(Workspace.CONCEPT, id, revision, draftAmount(2027, "111.000"), nl.begroot.TestBudgets.actor("Anna"));
    assertThat(first).isInstanceOf(EditResult.Saved.class);
    EditResult second = workspace.changeProposal(Workspace.CONCEPT, id, revision, draftAmount(2027, "222.000"), nl.begroot.TestBudgets.actor("Bram"));
    assertThat(second).isInstanceOf(EditResult.Conflict.class);
    EditResult.Conflict c = (EditResult.Conflict) second;
    assertThat(c.by()).isEqualTo("Anna");
    assertThat(c.theirs()).contains("111000");
    assertThat(c.yours()).contains("222000");
    assertThat(concept().budget().proposal(id).orElseThrow().amounts().cents(y2027)).isEqualTo(11_100_000L);
    EditResult third = workspace.changeProposal(Workspace.CONCEPT, id, c.currentRevision(), draftAmount(2027, "222.000"), nl.begroot.TestBudgets.actor("Bram"));
    assertThat(third).isInstanceOf(EditResult.Saved.class);
    assertThat(concept().budget().proposal(id).orElseThrow().amounts().cents(y2027)).isEqualTo(22_200_000L);
  }

  /**
   * The Security Operations Center (2.7) was printed at 581 (thousand) for 2027; Anna changes it to
   * 681.000 afterwards. The audit of the concept names that figure, and every figure that moved with
   * it, as changed since publication (printed 581, now 681, by Anna and when), not as an error; what
   * was rounding or an inconsistency of the document before stays that.
   */
  @Test
  void theAuditOfAnEditedVersionSaysWhatChangedSincePublicationAndByWhom() {
    Snapshot before = concept();
    var kindsBefore = nl.begroot.core.audit.AuditSummary.of(before.audit());
    assertThat(kindsBefore.changedSincePublication()).isZero();
    String id = "2.7-soc";
    java.time.Instant start = java.time.Instant.now().minusSeconds(1);
    assertThat(workspace.changeProposal(Workspace.CONCEPT, id, before.row(id).orElseThrow().revision(), draftAmount(2027, "681.000"), nl.begroot.TestBudgets.actor("Anna")))
        .isInstanceOf(EditResult.Saved.class);
    List<Finding> after = concept().audit();
    assertThat(after).anySatisfy(f -> {
      assertThat(f.figure()).isEqualTo("programme-2/2.7-soc/2027");
      assertThat(f.kind()).isEqualTo(Finding.Kind.CHANGED_SINCE_PUBLICATION);
      assertThat(f.printed()).isEqualTo("581");
      assertThat(f.computed()).isEqualTo("681");
      assertThat(f.label()).isEqualTo("2. Beleidsvoorbereiding, 2.7. Oprichten Sectoraal Security Operations Center 2027");
      assertThat(f.edits()).singleElement().satisfies(e -> {
        assertThat(e.actor()).isEqualTo("Anna");
        assertThat(e.subject()).isEqualTo(id);
        assertThat(e.at()).isAfter(start);
      });
    });
    // the members pay 100.000 more in 2027: Gelderland's printed total moved with it
    assertThat(after).anySatisfy(f -> {
      assertThat(f.figure()).isEqualTo("bijlage-1-2027/GE/total");
      assertThat(f.kind()).isEqualTo(Finding.Kind.CHANGED_SINCE_PUBLICATION);
    });
    var kindsAfter = nl.begroot.core.audit.AuditSummary.of(after);
    assertThat(kindsAfter.errors()).isZero();
    assertThat(kindsAfter.inconsistencies()).isEqualTo(kindsBefore.inconsistencies());
    assertThat(kindsAfter.changedSincePublication()).isPositive();
    // a scenario copied from the edited concept prints the same document: the edit made before the copy counts
    EditResult copied = workspace.copy(Workspace.CONCEPT, "Kopie na wijziging", nl.begroot.TestBudgets.actor("Bram"));
    assertThat(copied).isInstanceOf(EditResult.Saved.class);
    List<Finding> copy = workspace.snapshot(((EditResult.Saved) copied).id()).orElseThrow().audit();
    assertThat(copy).anySatisfy(f -> {
      assertThat(f.figure()).isEqualTo("programme-2/2.7-soc/2027");
      assertThat(f.kind()).isEqualTo(Finding.Kind.CHANGED_SINCE_PUBLICATION);
      assertThat(f.edits()).extracting(e -> e.actor()).containsExactly("Anna");
    });
    assertThat(nl.begroot.core.audit.AuditSummary.of(copy).errors()).isZero();
  }

  private static ProposalDraft draftAmount(int year, String amount) {
    return new ProposalDraft(null, null, null, null, null, null, null, Map.of(year, amount), null);
  }

  @Test
  void concurrentSavesOfOneRevisionLetExactlyOneWin() throws Exception {
    Snapshot s = concept();
    String id = "2.7-soc";
    int revision = s.row(id).orElseThrow().revision();
    int threads = 6;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<EditResult>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String amount = (i + 1) + "00.000";
      String who = "user" + i;
      Callable<EditResult> task = () -> {
        go.await();
        return workspace.changeProposal(Workspace.CONCEPT, id, revision, draftAmount(2027, amount), nl.begroot.TestBudgets.actor(who));
      };
      results.add(pool.submit(task));
    }
    go.countDown();
    int saved = 0;
    int conflicts = 0;
    for (Future<EditResult> f : results) {
      EditResult r = f.get();
      if (r instanceof EditResult.Saved) {
        saved++;
      } else if (r instanceof EditResult.Conflict) {
        conflicts++;
      }
    }
    pool.shutdown();
    assertThat(saved).isEqualTo(1);
    assertThat(conflicts).isEqualTo(threads - 1);
    assertThat(concept().row(id).orElseThrow().revision()).isEqualTo(revision + 1);
  }

  @Test
  void withdrawingTakesAProposalOutAndReinstatingPutsItBack() {
    Snapshot s = concept();
    String id = "2.3-monitor-gebiedsgericht"; // 75.000 in 2027; only its own explanation quotes it
    Proposal p = s.budget().proposal(id).orElseThrow();
    int rev = s.row(id).orElseThrow().revision();
    assertThat(workspace.setWithdrawn(Workspace.CONCEPT, id, rev, true, nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Saved.class);
    Snapshot w = concept();
    assertThat(w.budget().proposal(id)).isEmpty();
    assertThat(w.anyProposal(id)).contains(p);
    int y = 1;
    long expected = s.document().computation().balancing(y) - p.saldoSign() * p.amounts().cents(y);
    assertThat(w.document().computation().balancing(y)).isEqualTo(expected);
    // the published document still prints the withdrawn line: the audit says it changed since publication, by whom
    assertThat(w.audit()).anySatisfy(f -> {
      assertThat(f.row()).isEqualTo(id);
      assertThat(f.kind()).isEqualTo(Finding.Kind.CHANGED_SINCE_PUBLICATION);
      assertThat(f.edits()).extracting(e -> e.actor() + " " + e.action()).containsExactly("Anna proposal.withdraw");
    });
    assertThat(w.audit()).noneSatisfy(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.ERROR));
    assertThat(workspace.setWithdrawn(Workspace.CONCEPT, id, rev + 1, false, nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Saved.class);
    assertThat(concept().budget()).isEqualTo(IPO);
  }

  @Test
  void aProposalThatAnotherTextQuotesCanBeWithdrawnAndTheQuoteLapsesUntilItIsReinstated() {
    // unit 2.7's narrative quotes {{bedrag: 2.7-soc/2027}} (decision 89: the withdrawal is allowed, the quote lapses)
    Snapshot s = concept();
    int rev = s.row("2.7-soc").orElseThrow().revision();
    assertThat(workspace.setWithdrawn(Workspace.CONCEPT, "2.7-soc", rev, true, nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Saved.class);
    Snapshot after = concept();
    assertThat(after.budget().proposal("2.7-soc")).isEmpty();
    assertThat(after.budget().withdrawn()).contains("2.7-soc");
    var unit = after.budget().unit("2.7").orElseThrow();
    var narratives = nl.begroot.core.figures.Narratives.of(after.document());
    assertThat(narratives.render(nl.begroot.core.figures.Narratives.Place.narrative(unit), unit.narrative()))
        .contains("[bedrag vervallen: voorstel 2.7-soc ingetrokken]");
    assertThat(workspace.setWithdrawn(Workspace.CONCEPT, "2.7-soc", after.row("2.7-soc").orElseThrow().revision(), false, nl.begroot.TestBudgets.actor("Anna")))
        .isInstanceOf(EditResult.Saved.class);
    assertThat(concept().budget().proposal("2.7-soc")).isPresent();
    assertThat(concept().budget().withdrawn()).doesNotContain("2.7-soc");
  }

  @Test
  void computedLinesCannotBeEditedOrWithdrawn() {
    Snapshot s = concept();
    Proposal computed = s.budget().proposals().stream().filter(p -> p.rule() != Proposal.Rule.ENTERED).findFirst().orElseThrow();
    int rev = s.row(computed.id()).orElseThrow().revision();
    assertThat(workspace.changeProposal(Workspace.CONCEPT, computed.id(), rev, draftAmount(2027, "1"), nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Invalid.class);
    assertThat(workspace.setWithdrawn(Workspace.CONCEPT, computed.id(), rev, true, nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Invalid.class);
    assertThat(concept().version().stamp()).isEqualTo(s.version().stamp());
  }

  @Test
  void changingAKeyMovesContributionsBetweenMembersAndKeepsTheTotal() {
    Snapshot s = concept();
    String keyId = s.budget().annex().keyId();
    var key = s.budget().key(keyId).orElseThrow();
    List<Member> members = s.budget().members();
    Member a = members.get(0);
    Member b = members.get(1);
    Map<String, String> shares = new LinkedHashMap<>();
    shares.put(a.id(), key.sharesPercent().get(a.id()).add(java.math.BigDecimal.ONE).toPlainString());
    shares.put(b.id(), key.sharesPercent().get(b.id()).subtract(java.math.BigDecimal.ONE).toPlainString());
    EditResult r = workspace.changeKey(Workspace.CONCEPT, keyId, shares, s.version().revision(), nl.begroot.TestBudgets.actor("Anna"));
    assertThat(r).isInstanceOf(EditResult.Saved.class);
    Snapshot after = concept();
    String year = String.valueOf(after.budget().version().budgetYear());
    long aBefore = s.document().graph().get("bijlage-1-" + year + "/" + a.id() + "/total").cents();
    long aAfter = after.document().graph().get("bijlage-1-" + year + "/" + a.id() + "/total").cents();
    assertThat(aAfter).isNotEqualTo(aBefore);
    long totalBefore = 0;
    long totalAfter = 0;
    for (Member m : members) {
      totalBefore += s.document().graph().get("bijlage-1-" + year + "/" + m.id() + "/total").cents();
      totalAfter += after.document().graph().get("bijlage-1-" + year + "/" + m.id() + "/total").cents();
    }
    assertThat(totalAfter).isEqualTo(totalBefore);
    // the old revision is stale now
    EditResult stale = workspace.changeKey(Workspace.CONCEPT, keyId, shares, s.version().revision(), nl.begroot.TestBudgets.actor("Bram"));
    assertThat(stale).isInstanceOf(EditResult.Conflict.class);
    // a share typed as 0 leaves the key at about 90 %: refused, not silently normalised
    EditResult gap = workspace.changeKey(Workspace.CONCEPT, keyId, Map.of(a.id(), "0"), after.version().revision(), nl.begroot.TestBudgets.actor("Bram"));
    assertThat(gap).isInstanceOf(EditResult.Invalid.class);
    assertThat(((EditResult.Invalid) gap).errors().get(0).nl()).contains("niet tot 100%");
    assertThat(workspace.changeKey(Workspace.CONCEPT, keyId, Map.of(a.id(), "abc"), after.version().revision(), nl.begroot.TestBudgets.actor("Bram")))
        .isInstanceOf(EditResult.Invalid.class);
  }

  @Test
  void aScenarioIsACopyThatChangesOnItsOwn() {
    EditResult r = workspace.copy(Workspace.CONCEPT, "Scenario: minder wolven", nl.begroot.TestBudgets.actor("Anna"));
    assertThat(r).isEqualTo(new EditResult.Saved("scenario-minder-wolven"));
    Snapshot sc = workspace.snapshot("scenario-minder-wolven").orElseThrow();
    assertThat(sc.budget().version().title()).as("a scenario carries its own name").isEqualTo("Scenario: minder wolven");
    assertThat(sc.budget().version().id()).isEqualTo("scenario-minder-wolven");
    assertThat(sc.budget().proposals()).isEqualTo(IPO.proposals());
    assertThat(sc.budget().keys()).isEqualTo(IPO.keys());
    assertThat(workspace.changeProposal(sc.slug(), "2.7-soc", sc.row("2.7-soc").orElseThrow().revision(), draftAmount(2027, "0"), nl.begroot.TestBudgets.actor("Anna")))
        .isInstanceOf(EditResult.Saved.class);
    assertThat(concept().budget()).isEqualTo(IPO);
    var comparison = workspace.compare(Workspace.CONCEPT, "scenario-minder-wolven").orElseThrow();
    assertThat(comparison.changedProposals().stream().filter(c -> c.rule() == Proposal.Rule.ENTERED))
        .extracting(c -> c.id()).containsExactly("2.7-soc");
    var soc = comparison.changedProposals().stream().filter(c -> c.id().equals("2.7-soc")).findFirst().orElseThrow();
    int sign = IPO.proposal("2.7-soc").orElseThrow().saldoSign();
    for (int y = 0; y < comparison.years().size(); y++) {
      assertThat(comparison.balancing().delta(y)).as("balancing item follows the changed line").isEqualTo(sign * soc.amounts().delta(y));
    }
    assertThat(workspace.copy(Workspace.CONCEPT, "Scenario: minder wolven", nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Invalid.class);
    // an official version is never deleted, not even by a controller; a scenario by its author
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> workspace.delete(Workspace.CONCEPT, nl.begroot.TestBudgets.actor("Anna")))
        .isInstanceOf(nl.begroot.core.access.Access.Denied.class);
    assertThat(workspace.snapshot(Workspace.CONCEPT)).isPresent();
    assertThat(workspace.delete("scenario-minder-wolven", nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.snapshot("scenario-minder-wolven")).isEmpty();
  }

  @Test
  void deletingAScenarioKeepsItsLogWithItsNameAndLogsTheDeletion() {
    assertThat(workspace.copy(Workspace.CONCEPT, "Scenario: weg ermee", nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Saved.class);
    Snapshot sc = workspace.snapshot("scenario-weg-ermee").orElseThrow();
    long id = sc.version().id();
    String p = "2.3-monitor-gebiedsgericht";
    // a scenario is its author's: Anna withdraws in it and deletes it (others are refused, AccessTest)
    assertThat(workspace.setWithdrawn(sc.slug(), p, sc.row(p).orElseThrow().revision(), true, nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.delete(sc.slug(), nl.begroot.TestBudgets.actor("Anna"))).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.version(sc.slug())).isEmpty();
    List<Change> log = workspace.store().changes(id, 10);
    assertThat(log).extracting(c -> c.actor() + " " + c.action() + " " + c.target())
        .containsExactly("Anna version.delete scenario-weg-ermee", "Anna proposal.withdraw " + p, "Anna version.copy scenario-weg-ermee");
    assertThat(log).allSatisfy(c -> {
      assertThat(c.versionSlug()).isEqualTo("scenario-weg-ermee");
      assertThat(c.versionName()).isEqualTo("Scenario: weg ermee");
    });
    // a new version under the same name starts its own log; the old entries stay with the old id
    assertThat(workspace.copy(Workspace.CONCEPT, "Scenario: weg ermee", nl.begroot.TestBudgets.actor("Dirk"))).isInstanceOf(EditResult.Saved.class);
    Snapshot again = workspace.snapshot("scenario-weg-ermee").orElseThrow();
    assertThat(again.version().id()).isNotEqualTo(id);
    assertThat(workspace.changes(again, 10)).extracting(Change::actor).containsExactly("Dirk");
    assertThat(workspace.store().changes(id, 10)).hasSize(3);
  }

  @Test
  void theLogPagesThroughEveryEntryNewestFirst() {
    String p = "2.3-monitor-gebiedsgericht";
    for (int i = 0; i < 12; i++) {
      Snapshot s = concept();
      assertThat(workspace.setWithdrawn(Workspace.CONCEPT, p, s.row(p).orElseThrow().revision(), i % 2 == 0, nl.begroot.TestBudgets.actor("Anna")))
          .isInstanceOf(EditResult.Saved.class);
    }
    Snapshot s = concept();
    List<Change> all = workspace.changes(s, 1000);
    assertThat(all).hasSize(13); // the seed and twelve edits
    List<Change> paged = new ArrayList<>();
    Long before = null;
    int pages = 0;
    while (true) {
      List<Change> page = workspace.changes(s, before, 5);
      pages++;
      paged.addAll(page);
      if (page.size() < 5) {
        break;
      }
      before = page.get(page.size() - 1).id();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(paged).isEqualTo(all);
    assertThat(paged.get(0).action()).as("newest first: the twelfth edit reinstated").isEqualTo("proposal.reinstate");
    assertThat(paged.get(12).action()).isEqualTo("version.seed");
    assertThat(paged).extracting(Change::id).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void aBadFileImportsNothing() {
    int versions = workspace.versions().size();
    String good = workspace.export(Workspace.CONCEPT).orElseThrow();
    String bad = good.replaceFirst("amounts: \\{", "amounts: {2999: 1, ");
    Workspace.ImportResult r = workspace.importFile("Kapot", "kapot.yaml", bad, nl.begroot.TestBudgets.actor("Anna"));
    assertThat(r.slug()).isNull();
    assertThat(r.problems()).isNotEmpty();
    assertThat(r.problems().get(0).line()).isPositive();
    assertThat(workspace.versions()).hasSize(versions);
  }

  @Test
  void concurrentCopiesUnderOneNameMakeOneVersionAndNoErrors() throws Exception {
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<EditResult>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(pool.submit(() -> {
        go.await();
        return workspace.copy(Workspace.CONCEPT, "Tegelijk", nl.begroot.TestBudgets.actor("user"));
      }));
    }
    go.countDown();
    int saved = 0;
    for (Future<EditResult> f : results) {
      EditResult r = f.get();
      assertThat(r).isInstanceOfAny(EditResult.Saved.class, EditResult.Invalid.class);
      saved += r instanceof EditResult.Saved ? 1 : 0;
    }
    pool.shutdown();
    assertThat(saved).isEqualTo(1);
  }
}
