package nl.begroot.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import nl.begroot.core.cycle.VersionStatus;
import org.junit.jupiter.api.Test;

/** The decision itself, cell by cell, against the roles as the issue describes them (section 2). */
class AccessTest {
  static Actor person(String id, Set<Role> roles, Set<String> units, String member, boolean secondFactor) {
    return Actor.person(id, id, roles, units, member, secondFactor);
  }

  static final Actor LEZER = person("lea", Set.of(Role.LEZER), Set.of(), null, false);
  static final Actor LID = person("lid-ge", Set.of(Role.LID), Set.of(), "GE", false);
  static final Actor BH = person("bart", Set.of(Role.BUDGETHOUDER), Set.of("2"), null, false);
  static final Actor CONTROLLER = person("carla", Set.of(Role.CONTROLLER), Set.of(), null, false);
  static final Actor BESTUUR = person("bob", Set.of(Role.BESTUUR), Set.of(), null, true);
  static final Actor BEHEERDER = person("bea", Set.of(Role.BEHEERDER), Set.of(), null, true);
  static final Actor NOBODY = Actor.ANONYMOUS;

  static Scope official(VersionStatus status) {
    return Scope.version("v", status, false, null, false);
  }

  static Scope scenarioOf(String owner, boolean shared) {
    return Scope.version("s", VersionStatus.CONCEPT, true, owner, shared);
  }

  @Test
  void anonymousReadsOnlyPublishedVersions() {
    assertThat(Access.allows(NOBODY, Permission.READ_VERSION, official(VersionStatus.GEPUBLICEERD))).isTrue();
    for (VersionStatus s : new VersionStatus[] {VersionStatus.CONCEPT, VersionStatus.INGEDIEND, VersionStatus.VASTGESTELD}) {
      assertThat(Access.allows(NOBODY, Permission.READ_VERSION, official(s))).as(s.code()).isFalse();
    }
    assertThat(Access.allows(NOBODY, Permission.EDIT_PROPOSAL, official(VersionStatus.GEPUBLICEERD))).isFalse();
    assertThat(Access.allows(NOBODY, Permission.READ_VERSION, scenarioOf("bart", true))).isFalse();
    assertThatThrownBy(() -> Access.require(NOBODY, Permission.READ_VERSION, official(VersionStatus.CONCEPT)))
        .isInstanceOfSatisfying(Access.Denied.class, d -> assertThat(d.signInHelps()).isTrue());
    assertThatThrownBy(() -> Access.require(LEZER, Permission.READ_VERSION, official(VersionStatus.CONCEPT)))
        .isInstanceOfSatisfying(Access.Denied.class, d -> {
          assertThat(d.signInHelps()).isFalse();
          assertThat(d.decision().reasonNl()).isNotBlank();
          assertThat(d.decision().reasonEn()).isNotBlank();
        });
  }

  @Test
  void membersReadWhatIsSharedWithThemAndALidOnlyItsOwnStatement() {
    assertThat(Access.allows(LEZER, Permission.READ_VERSION, official(VersionStatus.CONCEPT))).isFalse();
    assertThat(Access.allows(LEZER, Permission.READ_VERSION, official(VersionStatus.VASTGESTELD))).isTrue();
    assertThat(Access.allows(LID, Permission.EXPORT, official(VersionStatus.VASTGESTELD))).isTrue();
    assertThat(Access.allows(LID, Permission.READ_MEMBER, official(VersionStatus.VASTGESTELD).member("ge"))).isTrue();
    assertThat(Access.allows(LID, Permission.READ_MEMBER, official(VersionStatus.VASTGESTELD).member("ZH"))).isFalse();
    assertThat(Access.allows(LEZER, Permission.READ_MEMBER, official(VersionStatus.VASTGESTELD).member("ZH"))).isTrue();
    // a published statement is public
    assertThat(Access.allows(LID, Permission.READ_MEMBER, official(VersionStatus.GEPUBLICEERD).member("ZH"))).isTrue();
  }

  @Test
  void aBudgetHolderEditsOnlyTheirUnits() {
    Scope concept = official(VersionStatus.CONCEPT);
    assertThat(Access.allows(BH, Permission.EDIT_PROPOSAL, concept.unit("2", "x"))).isTrue();
    assertThat(Access.allows(BH, Permission.EDIT_PROPOSAL, concept.unit("2.7", "x"))).isTrue();
    assertThat(Access.allows(BH, Permission.EDIT_PROPOSAL, concept.unit("3.1", "x"))).isFalse();
    assertThat(Access.allows(BH, Permission.EDIT_PROPOSAL, concept.unit("22", "x"))).as("22 does not lie in 2").isFalse();
    assertThat(Access.allows(BH, Permission.EDIT_KEY, concept)).isFalse();
    assertThat(Access.allows(CONTROLLER, Permission.EDIT_PROPOSAL, concept.unit("3.1", "x"))).isTrue();
    assertThat(Access.allows(CONTROLLER, Permission.EDIT_KEY, concept)).isTrue();
    for (Actor a : new Actor[] {LEZER, LID, BESTUUR, BEHEERDER, NOBODY}) {
      assertThat(Access.allows(a, Permission.EDIT_PROPOSAL, concept.unit("2", "x"))).as(a.id()).isFalse();
      assertThat(Access.allows(a, Permission.EDIT_KEY, concept)).as(a.id()).isFalse();
      assertThat(Access.allows(a, Permission.CREATE_SCENARIO, concept)).as(a.id()).isFalse();
    }
  }

  @Test
  void anAdoptedVersionChangesForNobodyNotEvenTheSystem() {
    for (VersionStatus s : new VersionStatus[] {VersionStatus.VASTGESTELD, VersionStatus.GEPUBLICEERD}) {
      for (Actor a : new Actor[] {CONTROLLER, BH, BEHEERDER, Actor.system("console")}) {
        assertThat(Access.allows(a, Permission.EDIT_PROPOSAL, official(s).unit("2", "x"))).as(a.id() + " " + s).isFalse();
        assertThat(Access.allows(a, Permission.EDIT_KEY, official(s))).as(a.id() + " " + s).isFalse();
        assertThat(Access.allows(a, Permission.SUBMIT_VERSION, official(s))).as(a.id() + " " + s).isFalse();
      }
      assertThat(Access.allows(BESTUUR, Permission.ADOPT_VERSION, official(s))).isFalse();
    }
    assertThat(Access.allows(Actor.system("console"), Permission.EDIT_KEY, official(VersionStatus.CONCEPT))).isTrue();
    // submitted: the content waits for the decision
    assertThat(Access.allows(CONTROLLER, Permission.EDIT_PROPOSAL, official(VersionStatus.INGEDIEND).unit("2", "x"))).isFalse();
  }

  @Test
  void scenariosArePrivateSandboxes() {
    Scope bartsOwn = scenarioOf("bart", false);
    assertThat(Access.allows(BH, Permission.READ_VERSION, bartsOwn)).isTrue();
    assertThat(Access.allows(BH, Permission.EDIT_PROPOSAL, bartsOwn.unit("9", "x"))).as("any unit in one's own sandbox").isTrue();
    assertThat(Access.allows(BH, Permission.EDIT_KEY, bartsOwn)).isTrue();
    assertThat(Access.allows(BH, Permission.DELETE_SCENARIO, bartsOwn)).isTrue();
    // someone else's: not readable unless shared, never changed, not even by a controller
    assertThat(Access.allows(CONTROLLER, Permission.READ_VERSION, bartsOwn)).isFalse();
    assertThat(Access.allows(CONTROLLER, Permission.READ_VERSION, scenarioOf("bart", true))).isTrue();
    assertThat(Access.allows(CONTROLLER, Permission.EDIT_KEY, scenarioOf("bart", true))).isFalse();
    assertThat(Access.allows(CONTROLLER, Permission.EDIT_PROPOSAL, scenarioOf("bart", true).unit("2", "x"))).isFalse();
    assertThat(Access.allows(CONTROLLER, Permission.DELETE_SCENARIO, scenarioOf("bart", true))).isFalse();
    assertThat(Access.allows(LEZER, Permission.READ_VERSION, scenarioOf("bart", true))).isFalse();
    // the anonymous visitor owns nothing, not even what was made anonymously before sign-in existed
    assertThat(Access.allows(NOBODY, Permission.DELETE_SCENARIO, scenarioOf(NOBODY.id(), false))).isFalse();
    assertThat(Access.allows(NOBODY, Permission.READ_VERSION, scenarioOf(NOBODY.id(), false))).isFalse();
    // an official version is not deleted
    assertThat(Access.allows(CONTROLLER, Permission.DELETE_SCENARIO, official(VersionStatus.CONCEPT))).isFalse();
    // a scenario does not go through the cycle
    assertThat(Access.allows(CONTROLLER, Permission.SUBMIT_VERSION, scenarioOf("carla", false))).isFalse();
  }

  @Test
  void approvalAdoptionAndAdministration() {
    Scope submitted = official(VersionStatus.CONCEPT).unit("2", "bart");
    assertThat(Access.allows(CONTROLLER, Permission.APPROVE_PROPOSAL, submitted)).isTrue();
    assertThat(Access.allows(CONTROLLER, Permission.APPROVE_PROPOSAL, official(VersionStatus.CONCEPT).unit("2", "carla")))
        .as("nobody approves their own proposal").isFalse();
    assertThat(Access.allows(BH, Permission.APPROVE_PROPOSAL, submitted)).isFalse();
    assertThat(Access.allows(BESTUUR, Permission.ADOPT_VERSION, official(VersionStatus.INGEDIEND))).isTrue();
    assertThat(Access.allows(person("bob2", Set.of(Role.BESTUUR), Set.of(), null, false), Permission.ADOPT_VERSION,
        official(VersionStatus.INGEDIEND))).as("without a second factor").isFalse();
    assertThat(Access.allows(CONTROLLER, Permission.ADOPT_VERSION, official(VersionStatus.INGEDIEND))).isFalse();
    assertThat(Access.allows(CONTROLLER, Permission.SUBMIT_VERSION, official(VersionStatus.CONCEPT))).isTrue();
    assertThat(Access.allows(BEHEERDER, Permission.MANAGE_USERS, Scope.NONE)).isTrue();
    assertThat(Access.allows(person("bea2", Set.of(Role.BEHEERDER), Set.of(), null, false), Permission.MANAGE_USERS, Scope.NONE)).isFalse();
    assertThat(Access.allows(CONTROLLER, Permission.MANAGE_USERS, Scope.NONE)).isFalse();
    assertThat(Access.allows(BEHEERDER, Permission.EDIT_PROPOSAL, official(VersionStatus.CONCEPT).unit("2", "x"))).as("no budget changes").isFalse();
    assertThat(Access.allows(NOBODY, Permission.OWN_ACCOUNT, Scope.NONE)).isFalse();
    assertThat(Access.allows(NOBODY, Permission.PUBLIC, Scope.NONE)).isTrue();
  }

  @Test
  void aPersonWithoutRolesMayDoNothingButWhatIsPublic() {
    Actor none = person("zero", Set.of(), Set.of(), null, true);
    for (Permission p : Permission.values()) {
      boolean allowed = Access.allows(none, p, official(VersionStatus.CONCEPT).unit("2", "x").member("GE"));
      assertThat(allowed).as(p.name()).isEqualTo(p == Permission.PUBLIC || p == Permission.OWN_ACCOUNT);
    }
  }
}
