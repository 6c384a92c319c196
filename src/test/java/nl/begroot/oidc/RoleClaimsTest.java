package nl.begroot.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.begroot.core.access.Role;
import org.junit.jupiter.api.Test;

class RoleClaimsTest {
  @Test
  void rolesUnitsAndMemberFromTheValues() {
    var a = RoleClaims.read(List.of("Controller", "budgethouder:2.7", "budgethouder:3", "lid:ge"), Map.of());
    assertThat(a.roles()).containsExactlyInAnyOrder(Role.CONTROLLER, Role.BUDGETHOUDER, Role.LID);
    assertThat(a.units()).containsExactlyInAnyOrder("2.7", "3");
    assertThat(a.member()).isEqualTo("GE");
    assertThat(a.ignored()).isEmpty();
  }

  @Test
  void noClaimOrNothingUnderstoodGivesNoRoles() {
    assertThat(RoleClaims.read(null, Map.of()).roles()).isEmpty();
    var a = RoleClaims.read(List.of("admin", "controller:2", "lid", "budgethouder:<script>", "lid:G E", " "), Map.of());
    assertThat(a.roles()).isEmpty();
    assertThat(a.units()).isEmpty();
    assertThat(a.member()).isNull();
    assertThat(a.ignored()).hasSize(5);
    assertThat(RoleClaims.read(42, Map.of()).roles()).isEmpty();
    assertThat(RoleClaims.read(List.of(1, true), Map.of()).roles()).isEmpty();
  }

  @Test
  void atMostFortyUnits() {
    List<String> many = new java.util.ArrayList<>();
    for (int i = 1; i <= 45; i++) {
      many.add("budgethouder:" + i);
    }
    var a = RoleClaims.read(many, Map.of());
    assertThat(a.units()).hasSize(RoleClaims.MAX_UNITS).contains("1", "40").doesNotContain("41");
    assertThat(a.ignored()).hasSize(5);
    assertThat(RoleClaims.read(List.of("budgethouder:" + "1".repeat(21)), Map.of()).units()).isEmpty();
  }

  @Test
  void staffOfTwoMembersIsNoLidAtAll() {
    var a = RoleClaims.read(List.of("lid:GE", "lid:UT", "lezer"), Map.of());
    assertThat(a.roles()).containsExactly(Role.LEZER);
    assertThat(a.member()).isNull();
    assertThat(a.ignored()).singleElement().asString().contains("one member");
  }

  @Test
  void aStringOfValuesAndTheRoleMap() {
    var a = RoleClaims.read("fin-controllers, GE-financien bestuur", Map.of("fin-controllers", "controller", "ge-financien", "lid:GE"));
    assertThat(a.roles()).containsExactlyInAnyOrder(Role.CONTROLLER, Role.LID, Role.BESTUUR);
    assertThat(a.member()).isEqualTo("GE");
  }

  @Test
  void aNestedClaimByItsPath() {
    Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("beheerder")), "sub", "x");
    assertThat(RoleClaims.read(RoleClaims.at(claims, "realm_access.roles"), Map.of()).roles()).containsExactly(Role.BEHEERDER);
    assertThat(RoleClaims.at(claims, "sub.roles")).isNull();
    assertThat(RoleClaims.at(claims, "begroot_roles")).isNull();
  }
}
