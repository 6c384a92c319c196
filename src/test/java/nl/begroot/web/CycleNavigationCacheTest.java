package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import org.junit.jupiter.api.Test;

/**
 * The group Cyclus of a cached page follows the organisation's versions (decision 201): a page cached before the
 * annual accounts were started links to them afterwards, although its own version did not change.
 */
class CycleNavigationCacheTest {
  @Test
  void aCachedPageLinksToAProductStartedAfterItWasCached() {
    try (TestServer server = new TestServer()) {
      TestServer.SignedIn carla = server.signIn(Actor.person("carla", "Carla", Set.of(Role.CONTROLLER), Set.of(), null, false));
      String page = "/v/conceptbegroting-2027/bijlage-1";
      String before = server.get(carla, page).body();
      assertThat(server.get(carla, page).body()).as("served from the cache").isEqualTo(before);
      assertThat(before).doesNotContain("/jaarrekening\"");
      var started = server.form(carla, "/v/begroting-2026/jaarrekening-beginnen", Map.of("jaar", "2026"));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
      String accounts = started.headers().firstValue("Location").orElseThrow();
      assertThat(server.get(carla, page).body()).contains("href=\"" + accounts.replace(server.base(), "") + "\"");
    }
  }
}
