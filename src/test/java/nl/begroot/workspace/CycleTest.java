package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.cycle.ProposalMove;
import nl.begroot.core.cycle.ProposalStatus;
import nl.begroot.core.cycle.VersionMove;
import nl.begroot.core.cycle.VersionStatus;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cycle's decisions through the workspace, with people who have the roles each step needs: a
 * proposal's submit, approve and reject (never one's own), a version's submit (refused while a line is
 * not approved), take back, adopt (facts checked) and publish; an adopted version refuses every edit;
 * scenarios are shared on purpose; a begrotingswijziging's effect, derived by hand from its inputs, and
 * the budget na wijziging.
 */
class CycleTest {
  /** Controller and budget holder: drafts and approves (not their own). */
  static final Actor ANNA = TestBudgets.actor("anna");
  /** A second controller. */
  static final Actor BERT = Actor.person("bert", "Bert", Set.of(Role.CONTROLLER), Set.of(), null, true);
  /** The board, with a second factor. */
  static final Actor BO = Actor.person("bo", "Bo", Set.of(Role.BESTUUR), Set.of(), null, true);
  /** A budget holder of programme 1 only. */
  static final Actor HANS = Actor.person("hans", "Hans", Set.of(Role.BUDGETHOUDER), Set.of("1"), null, false);
  /** An administrator with a second factor: users and roles, no budget changes (not even of an adopted version). */
  static final Actor ADMIN = Actor.person("beheer", "Beheer", Set.of(Role.BEHEERDER), Set.of(), null, true);
  static final String TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();

  /** The small test budget with one entered line, l (unit 1.1, lasten 100 in 2026 and 2027). */
  static final Budget SMALL = TestBudgets.load(TestBudgets.small("""
        - {id: l, unit: "1.1", title: L, side: lasten, amounts: {2026: 100, 2027: 100}}
      """, ""));

  Database database;
  Workspace workspace;

  @BeforeEach
  void open() {
    database = Database.open(DatabaseUrl.h2Memory("cycle-" + System.nanoTime()));
    workspace = new Workspace(database);
    workspace.seedIfEmpty(SMALL, Actor.system("seed"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static ProposalDraft draft(String id, String unit, int a2026, int a2027) {
    return new ProposalDraft(id, unit, "Voorstel " + id, "lasten", "recurring", null, null,
        Map.of(2026, String.valueOf(a2026), 2027, String.valueOf(a2027)), "Waarom: een test.");
  }

  private StoredProposal row(String slug, String id) {
    return workspace.snapshot(slug).orElseThrow().row(id).orElseThrow();
  }

  private StoredVersion version(String slug) {
    return workspace.version(slug).orElseThrow();
  }

  private static void saved(EditResult r) {
    assertThat(r).isInstanceOf(EditResult.Saved.class);
  }

  private static String refusal(EditResult r) {
    assertThat(r).isInstanceOf(EditResult.Invalid.class);
    return ((EditResult.Invalid) r).errors().stream().map(FieldError::nl).reduce("", (a, b) -> a + b + " | ");
  }

  private static String denied(Runnable r) {
    try {
      r.run();
    } catch (Access.Denied d) {
      return d.decision().reasonNl();
    }
    throw new AssertionError("not refused");
  }

  // ------------------------------------------------------------------------------ proposals

  @Test
  void aProposalIsSubmittedApprovedOrRejectedNeverByItsAuthorAndAChangePutsItBackToConcept() {
    String c = Workspace.CONCEPT;
    saved(workspace.createProposal(c, draft("p1", "1.1", 10, 20), HANS));
    StoredProposal p = row(c, "p1");
    assertThat(p.status()).isEqualTo(ProposalStatus.CONCEPT);
    assertThat(p.author()).isEqualTo("hans");
    // approving a concept proposal: it must be submitted first
    assertThat(refusal(workspace.moveProposal(c, "p1", ProposalMove.APPROVE, null, BERT))).contains("concept");
    saved(workspace.moveProposal(c, "p1", ProposalMove.SUBMIT, null, HANS));
    assertThat(row(c, "p1").status()).isEqualTo(ProposalStatus.INGEDIEND);
    // a budget holder approves nothing; a controller never their own
    assertThat(denied(() -> workspace.moveProposal(c, "p1", ProposalMove.APPROVE, null, HANS))).contains("controller");
    saved(workspace.createProposal(c, draft("p2", "1.1", 1, 1), ANNA));
    saved(workspace.moveProposal(c, "p2", ProposalMove.SUBMIT, null, ANNA));
    assertThat(denied(() -> workspace.moveProposal(c, "p2", ProposalMove.APPROVE, null, ANNA))).contains("eigen voorstel");
    // a rejection needs a reason
    assertThat(refusal(workspace.moveProposal(c, "p1", ProposalMove.REJECT, "  ", BERT))).contains("reden");
    saved(workspace.moveProposal(c, "p1", ProposalMove.REJECT, "Dekking ontbreekt.", BERT));
    p = row(c, "p1");
    assertThat(p.status()).isEqualTo(ProposalStatus.AFGEWEZEN);
    assertThat(p.reviewer()).isEqualTo("bert");
    assertThat(p.reviewReason()).isEqualTo("Dekking ontbreekt.");
    assertThat(p.reviewedAt()).isNotNull();
    // changing it puts it back to concept, without the old verdict
    saved(workspace.changeProposal(c, "p1", p.revision(), draft("p1", "1.1", 10, 30), HANS));
    p = row(c, "p1");
    assertThat(p.status()).isEqualTo(ProposalStatus.CONCEPT);
    assertThat(p.reviewer()).isNull();
    assertThat(p.reviewReason()).isNull();
    saved(workspace.moveProposal(c, "p1", ProposalMove.SUBMIT, null, HANS));
    saved(workspace.moveProposal(c, "p1", ProposalMove.APPROVE, null, ANNA));
    assertThat(row(c, "p1").status()).isEqualTo(ProposalStatus.GOEDGEKEURD);
    assertThat(refusal(workspace.moveProposal(c, "p1", ProposalMove.APPROVE, null, BERT))).contains("goedgekeurd");
    // every step is in the change log with who took it
    var log = workspace.store().changes(version(c).id(), 100);
    assertThat(log).extracting(ch -> ch.action() + " " + ch.actor())
        .contains("proposal.submit hans", "proposal.reject bert", "proposal.approve anna");
  }

  // ------------------------------------------------------------------------------ versions

  @Test
  void aVersionIsSubmittedOnlyWhenEveryLineIsApprovedThenAdoptedByTheBoardAndThenFinal() {
    String c = Workspace.CONCEPT;
    saved(workspace.createProposal(c, draft("p1", "1.1", 10, 20), HANS));
    assertThat(refusal(workspace.moveVersion(c, VersionMove.SUBMIT, null, null, null, ANNA)))
        .contains("goedgekeurd").contains("p1 (concept)").doesNotContain("l (");
    assertThat(version(c).status()).isEqualTo(VersionStatus.CONCEPT);
    saved(workspace.moveProposal(c, "p1", ProposalMove.SUBMIT, null, HANS));
    saved(workspace.moveProposal(c, "p1", ProposalMove.APPROVE, null, ANNA));
    // a budget holder does not submit a version
    assertThat(denied(() -> workspace.moveVersion(c, VersionMove.SUBMIT, null, null, null, HANS))).contains("controller");
    saved(workspace.moveVersion(c, VersionMove.SUBMIT, null, null, null, ANNA));
    assertThat(version(c).status()).isEqualTo(VersionStatus.INGEDIEND);
    // submitted: no edits until it is taken back
    int rev = row(c, "p1").revision();
    assertThatThrownBy(() -> workspace.changeProposal(c, "p1", rev, draft("p1", "1.1", 1, 1), ANNA))
        .isInstanceOf(VersionFinal.class).hasMessageContaining("submitted");
    saved(workspace.moveVersion(c, VersionMove.TAKE_BACK, null, null, null, ANNA));
    assertThat(version(c).status()).isEqualTo(VersionStatus.CONCEPT);
    saved(workspace.moveVersion(c, VersionMove.SUBMIT, null, null, null, ANNA));
    // only the board adopts, and only with every fact of the decision
    assertThat(denied(() -> workspace.moveVersion(c, VersionMove.ADOPT, TODAY, "AV", "2026-1", ANNA))).contains("bestuur");
    String missing = refusal(workspace.moveVersion(c, VersionMove.ADOPT, "", " ", null, BO));
    assertThat(missing).contains("datum").contains("orgaan").contains("kenmerk");
    assertThat(refusal(workspace.moveVersion(c, VersionMove.ADOPT, "2099-01-01", "AV", "2099-1", BO))).contains("na vandaag");
    assertThat(refusal(workspace.moveVersion(c, VersionMove.ADOPT, "1-2-2026", "AV", "x", BO))).contains("geen datum");
    assertThat(version(c).status()).isEqualTo(VersionStatus.INGEDIEND);
    saved(workspace.moveVersion(c, VersionMove.ADOPT, TODAY, "Algemene Vergadering", "AV 2026-12, besluit 4", BO));
    StoredVersion adopted = version(c);
    assertThat(adopted.status()).isEqualTo(VersionStatus.VASTGESTELD);
    assertThat(adopted.adoptedOn()).isEqualTo(LocalDate.parse(TODAY));
    assertThat(adopted.adoptedBody()).isEqualTo("Algemene Vergadering");
    assertThat(adopted.decisionRef()).isEqualTo("AV 2026-12, besluit 4");
    assertThat(adopted.adoptedBy()).isEqualTo("bo");
    // final for everyone, the system and an administrator included: Access refuses it (the system actor too),
    // the workspace's own check refuses it behind that (VersionFinal), and the database behind both (FinalVersionContract)
    for (Actor who : List.of(ANNA, BO, ADMIN, Actor.system("console"))) {
      int r = row(c, "p1").revision();
      assertThatThrownBy(() -> workspace.changeProposal(c, "p1", r, draft("p1", "1.1", 1, 1), who))
          .isInstanceOfAny(Access.Denied.class, VersionFinal.class).hasMessageContaining("adopted");
      assertThatThrownBy(() -> workspace.setWithdrawn(c, "p1", r, true, who)).isInstanceOfAny(Access.Denied.class, VersionFinal.class)
          .hasMessageContaining("adopted");
      assertThatThrownBy(() -> workspace.createProposal(c, draft("p9", "1.1", 1, 1), who))
          .isInstanceOfAny(Access.Denied.class, VersionFinal.class).hasMessageContaining("adopted");
      assertThatThrownBy(() -> workspace.changeKey(c, "k", Map.of("A", "40", "B", "40", "C", "20"), version(c).revision(), who))
          .isInstanceOfAny(Access.Denied.class, VersionFinal.class).hasMessageContaining("adopted");
    }
    assertThatThrownBy(() -> Workspace.refuseFinal(version(c))).isInstanceOf(VersionFinal.class).hasMessageContaining("adopted");
    assertThat(denied(() -> workspace.moveVersion(c, VersionMove.TAKE_BACK, null, null, null, ANNA))).contains("vastgesteld");
    assertThat(denied(() -> workspace.delete(c, ANNA))).contains("scenario");
    saved(workspace.moveVersion(c, VersionMove.PUBLISH, null, null, null, BO));
    assertThat(version(c).status()).isEqualTo(VersionStatus.GEPUBLICEERD);
    assertThat(version(c).decisionRef()).isEqualTo("AV 2026-12, besluit 4");
    assertThat(workspace.store().changes(version(c).id(), 100)).extracting(ch -> ch.action() + " " + ch.actor())
        .contains("version.submit anna", "version.take-back anna", "version.adopt bo", "version.publish bo");
    // the adoption's entry in the hash-chained log: the decision's date, body and reference, and the chain still holds
    var adoptEntry = workspace.log().entries(nl.begroot.store.AuditLog.Filter.ALL.withVersion(version(c).id()), null, 100).stream()
        .filter(ch -> ch.action().equals("version.adopt")).findFirst().orElseThrow();
    assertThat(adoptEntry.after()).contains("vastgesteld_op: " + TODAY).contains("orgaan: Algemene Vergadering")
        .contains("besluit: AV 2026-12, besluit 4");
    assertThat(adoptEntry.hash()).isNotBlank();
    assertThat(workspace.log().verify().intact()).isTrue();
  }

  @Test
  void aScenarioIsItsAuthorsUntilSharedAndNeverGoesThroughTheCycle() {
    saved(workspace.copy(Workspace.CONCEPT, "Mijn scenario", HANS));
    String s = "mijn-scenario";
    assertThat(version(s).owner()).isEqualTo("hans");
    assertThat(version(s).shared()).isFalse();
    assertThat(denied(() -> workspace.share(s, true, ANNA))).contains("maker");
    saved(workspace.share(s, true, HANS));
    assertThat(version(s).shared()).isTrue();
    saved(workspace.share(s, false, HANS));
    assertThat(version(s).shared()).isFalse();
    assertThat(denied(() -> workspace.moveVersion(s, VersionMove.SUBMIT, null, null, null, ANNA))).contains("scenario");
    // the official version it came from is untouched by edits of the scenario
    long before = version(Workspace.CONCEPT).stamp();
    saved(workspace.createProposal(s, draft("s1", "1.1", 5, 5), HANS));
    assertThat(version(Workspace.CONCEPT).stamp()).isEqualTo(before);
    assertThat(workspace.store().changes(version(s).id(), 10)).extracting(ch -> ch.action() + " " + ch.actor())
        .contains("scenario.share hans", "scenario.unshare hans");
  }

  // ------------------------------------------------------------------------------ amendments

  /** The concept adopted through the cycle (its line l was approved by the seed). */
  private String adoptConcept() {
    String c = Workspace.CONCEPT;
    saved(workspace.moveVersion(c, VersionMove.SUBMIT, null, null, null, ANNA));
    saved(workspace.moveVersion(c, VersionMove.ADOPT, TODAY, "Algemene Vergadering", "AV-1", BO));
    return c;
  }

  private String adoptAmendment(String slug) {
    for (StoredProposal r : workspace.amendment(slug).orElseThrow().own()) {
      if (r.status() == ProposalStatus.CONCEPT) {
        saved(workspace.moveProposal(slug, r.proposalId(), ProposalMove.SUBMIT, null, HANS));
      }
      saved(workspace.moveProposal(slug, r.proposalId(), ProposalMove.APPROVE, null, BERT));
    }
    saved(workspace.moveVersion(slug, VersionMove.SUBMIT, null, null, null, BERT));
    saved(workspace.moveVersion(slug, VersionMove.ADOPT, TODAY, "Algemene Vergadering", "AV-2", BO));
    return slug;
  }

  @Test
  void anAmendmentChangesTheBalancingItemByItsAmountAndEachMemberByItsKeyShare() {
    assertThat(refusal(workspace.createAmendment(Workspace.CONCEPT, ANNA))).contains("Alleen een vastgestelde versie");
    assertThat(workspace.createAmendment(Workspace.CONCEPT + "-nope", ANNA)).isInstanceOf(EditResult.NotFound.class);
    String c = adoptConcept();
    assertThat(denied(() -> workspace.createAmendment(c, HANS))).contains("controller");
    EditResult made = workspace.createAmendment(c, ANNA);
    saved(made);
    String w1 = ((EditResult.Saved) made).id();
    StoredVersion a1 = version(w1);
    assertThat(a1.kind()).isEqualTo("amendment");
    assertThat(a1.amendmentNo()).isEqualTo(1);
    assertThat(a1.basedOn()).isEqualTo(version(c).id());
    assertThat(a1.status()).isEqualTo(VersionStatus.CONCEPT);
    assertThat(workspace.amendment(w1).orElseThrow().own()).as("nothing of its own yet").isEmpty();
    // one open amendment at a time
    assertThat(refusal(workspace.createAmendment(c, ANNA))).contains("nog open");
    // the amendment raises l in 2027 by X, through the same proposal editing as any version
    long x = 1_000;
    saved(workspace.changeProposal(w1, "l", row(w1, "l").revision(), draft("l", "1.1", 100, (int) (100 + x)), HANS));
    Workspace.Amendment view = workspace.amendment(w1).orElseThrow();
    assertThat(view.own()).extracting(StoredProposal::proposalId).containsExactly("l");
    Comparison effect = view.effect();
    int y27 = effect.years().indexOf(2027);
    int y26 = effect.years().indexOf(2026);
    // by hand: lasten of programme 1 up by X euros, so the balancing item (the members' contribution) by X, in cents;
    // programme 1 is annex column c1, split over the members by key k
    assertThat(effect.balancing().delta(y27)).isEqualTo(x * 100);
    assertThat(effect.balancing().delta(y26)).isZero();
    DistributionKey k = SMALL.key("k").orElseThrow();
    for (Comparison.Line m : effect.members()) {
      long share = k.sharesPercent().get(m.id()).multiply(java.math.BigDecimal.valueOf(x * 100))
          .divide(java.math.BigDecimal.valueOf(100)).longValueExact(); // 50/30/20 of 100.000 cents: exact
      assertThat(m.delta(y27)).as("member " + m.id()).isEqualTo(share);
      assertThat(m.delta(y26)).isZero();
    }
    // the adopted version itself did not move
    assertThat(workspace.snapshot(c).orElseThrow().budget().proposal("l").orElseThrow().amounts()).isEqualTo(
        SMALL.proposal("l").orElseThrow().amounts());
    // while open, the budget na wijziging is the adopted version
    assertThat(workspace.afterAmendments(c).orElseThrow().applied()).isEmpty();
    assertThat(workspace.afterAmendments(c).orElseThrow().readAs()).isEqualTo(c);
    adoptAmendment(w1);
    assertThat(version(w1).status()).isEqualTo(VersionStatus.VASTGESTELD);
    // amendment 2 starts from the budget as amended by 1, and adds a line of Y
    String w2 = ((EditResult.Saved) workspace.createAmendment(c, BERT)).id();
    assertThat(version(w2).amendmentNo()).isEqualTo(2);
    assertThat(workspace.amendment(w2).orElseThrow().basis().slug()).isEqualTo(w1);
    long yy = 250;
    saved(workspace.createProposal(w2, draft("n2", "1.1", 0, (int) yy), HANS));
    assertThat(workspace.amendment(w2).orElseThrow().effect().balancing().delta(y27)).isEqualTo(yy * 100);
    // not yet adopted: na wijziging is the adopted version plus amendment 1 only
    Workspace.AfterAmendments after1 = workspace.afterAmendments(c).orElseThrow();
    assertThat(after1.applied()).containsExactly(1);
    assertThat(after1.budget().proposal("n2")).isEmpty();
    adoptAmendment(w2);
    Workspace.AfterAmendments after = workspace.afterAmendments(c).orElseThrow();
    assertThat(after.applied()).containsExactly(1, 2);
    assertThat(after.readAs()).isEqualTo(w2);
    // by hand: the adopted budget, l in 2027 at 100 + X, plus line n2 of Y
    long adoptedBalancing = Pipeline.compute(SMALL).document().computation().balancing(y27);
    assertThat(after.document().computation().balancing(y27)).isEqualTo(adoptedBalancing + (x + yy) * 100);
    assertThat(after.budget().proposal("l").orElseThrow().amounts().cents(after.budget().version().years().indexOf(2027)))
        .isEqualTo((100 + x) * 100);
    assertThat(after.budget().proposal("n2")).isPresent();
    // and it is what the last adopted amendment's pages show
    assertThat(Comparison.of(after.document(), workspace.snapshot(w2).orElseThrow().document()).anyChange()).isFalse();
    // adopted amendments are final like any adopted version
    assertThatThrownBy(() -> workspace.createProposal(w1, draft("z", "1.1", 1, 1), ANNA)).isInstanceOf(VersionFinal.class);
  }
}
