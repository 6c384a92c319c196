package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP, as a user does it: each change is computed once, however many pages follow it. The
 * pipeline's counters are read before and after; amounts are drawn at random so that no other test
 * in this process computed the same budget state before.
 */
class WebComputationTest extends ServerSession {
  static final String C = "/api/versions/" + Workspace.CONCEPT;
  static final String V = "/v/" + Workspace.CONCEPT;

  private record Count(long computations, long roundings) {
    static Count now() {
      return new Count(Pipeline.computations(), Pipeline.roundings());
    }

    Count since(Count before) {
      return new Count(computations - before.computations, roundings - before.roundings);
    }
  }

  private static int revision(String proposal) {
    return ApiTest.ok(server.get(C + "/proposals/" + proposal)).get("revision").asInt();
  }

  private static String amounts() {
    return "{\"2027\": " + (600_000 + ThreadLocalRandom.current().nextInt(1, 400_000)) + "}";
  }

  private static void pages() {
    for (String page : new String[] {"", "/bijlage-1", "/provincie/GE", "/programma/2", "/controle"}) {
      assertThat(server.get(V + page).statusCode()).as(page).isEqualTo(200);
    }
    ApiTest.ok(server.get(C + "/tables/tabel-1"));
  }

  @BeforeEach
  void warm() {
    pages();
  }

  @Test
  void pagesOfAnUnchangedVersionComputeNothing() {
    Count before = Count.now();
    pages();
    assertThat(Count.now().since(before)).isEqualTo(new Count(0, 0));
  }

  @Test
  void aSaveAndThePagesAfterItComputeOnce() {
    int rev = revision("2.7-soc");
    Count before = Count.now();
    ApiTest.ok(server.json("PUT", C + "/proposals/2.7-soc", "{\"revision\":" + rev + ",\"amounts\":" + amounts() + "}"));
    pages();
    assertThat(Count.now().since(before)).isEqualTo(new Count(1, 1));
  }

  @Test
  void aPreviewComputesOnceAndSavingWhatWasPreviewedComputesNothingMore() {
    int rev = revision("2.7-soc");
    String amounts = amounts();
    Count before = Count.now();
    ApiTest.ok(server.json("POST", C + "/preview?proposal=2.7-soc", "{\"amounts\":" + amounts + "}"));
    assertThat(Count.now().since(before).computations()).isEqualTo(1);
    ApiTest.ok(server.json("PUT", C + "/proposals/2.7-soc", "{\"revision\":" + rev + ",\"amounts\":" + amounts + "}"));
    pages();
    assertThat(Count.now().since(before)).isEqualTo(new Count(1, 1));
  }

  @Test
  void aWithdrawAndThePagesAfterItComputeOnce() {
    // a unique state first, so that the state after the withdraw is new to this process
    ApiTest.ok(server.json("PUT", C + "/proposals/2.7-soc", "{\"revision\":" + revision("2.7-soc") + ",\"amounts\":" + amounts() + "}"));
    pages();
    Count before = Count.now();
    ApiTest.ok(server.json("POST", C + "/proposals/2.3-gewasbescherming/withdraw", "{\"revision\":" + revision("2.3-gewasbescherming") + "}"));
    pages();
    assertThat(Count.now().since(before)).isEqualTo(new Count(1, 1));
    ApiTest.ok(server.json("POST", C + "/proposals/2.3-gewasbescherming/reinstate", "{\"revision\":" + revision("2.3-gewasbescherming") + "}"));
  }
}
