package nl.begroot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Actor;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.model.Budget;
import nl.begroot.workspace.ActualsImports;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.Test;

/**
 * Importing realised figures through the workspace into a real database (H2 and PostgreSQL): the
 * stored totals are the file's (derived here from its lines), the same file twice leaves the same
 * rows and two log entries, a refused file changes nothing, a new import of a period replaces it
 * whole, and only a controller imports.
 */
abstract class ActualsContract {
  abstract DatabaseUrl freshDatabase();

  static final String HEADER = "jaar;periode;rekening;rekeningnaam;kostenplaats;bedrag;debet_credit\r\n";

  static ActualsImports.Result csv(Workspace w, String text, Actor a) {
    return w.actuals().importFile(Workspace.CONCEPT, "t.csv", ActualsImports.Format.CSV,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20, a, null);
  }

  static long sum(List<RealisedAmount> amounts, String unit, int period) {
    return amounts.stream().filter(a -> a.unit().equals(unit) && a.period() == period).mapToLong(RealisedAmount::cents).sum();
  }

  @Test
  void importsReplacesAndRefusesWhole() {
    Budget ipo = TestBudgets.ipo();
    try (Database db = Database.open(freshDatabase())) {
      Workspace w = new Workspace(db);
      w.seedIfEmpty(ipo, Actor.system("test"));
      Actor controller = TestBudgets.actor("anna");
      // 2.3 lasten own: 1.000,00 debit + 250,50 debit - 100,25 credit = 1.150,25; period 3 and 4
      String file = HEADER + "2026;3;4000;Personeelskosten;KP2.3;1000,00;D\r\n2026;3;4300;Programmakosten;KP2.3;250,50;D\r\n"
          + "2026;3;4300;Programmakosten;KP2.3;100,25;C\r\n2026;4;8500;LVVN;KP2.3;75,00;C\r\n";
      assertThat(csv(w, file, controller)).isInstanceOf(ActualsImports.Result.Imported.class);
      List<RealisedAmount> first = w.actuals().amounts("ipo", 2026);
      assertThat(sum(first, "2.3", 3)).isEqualTo(115025);
      assertThat(first.stream().filter(a -> a.period() == 4).toList()).singleElement()
          .satisfies(a -> assertThat(a.cents()).isEqualTo(7500)).satisfies(a -> assertThat(a.thirdParty()).isEqualTo("LVVN"));
      long logged = w.log().entries(AuditLog.Filter.ALL, null, 1000).stream().filter(c -> c.action().equals("actuals.import")).count();

      assertThat(csv(w, file, controller)).isInstanceOf(ActualsImports.Result.Imported.class);
      assertThat(w.actuals().amounts("ipo", 2026)).isEqualTo(first);
      assertThat(w.log().entries(AuditLog.Filter.ALL, null, 1000).stream().filter(c -> c.action().equals("actuals.import")).count())
          .isEqualTo(logged + 1);

      // a file with one bad line: nothing of it, the figures as they were
      String bad = HEADER + "2026;3;4000;Personeelskosten;KP2.3;9999,00;D\r\n2026;3;4000;Personeelskosten;KP2.3;1.000,00;D\r\n";
      assertThat(csv(w, bad, controller)).isInstanceOf(ActualsImports.Result.Refused.class);
      assertThat(w.actuals().amounts("ipo", 2026)).isEqualTo(first);

      // period 3 again, smaller: replaced whole; period 4 untouched
      assertThat(csv(w, HEADER + "2026;3;4000;Personeelskosten;KP2.3;1,00;D\r\n", controller)).isInstanceOf(ActualsImports.Result.Imported.class);
      List<RealisedAmount> after = w.actuals().amounts("ipo", 2026);
      assertThat(sum(after, "2.3", 3)).isEqualTo(100);
      assertThat(sum(after, "2.3", 4)).isEqualTo(7500);

      // only a controller
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> csv(w, file, nl.begroot.core.access.Actor.person("bob", "Bob", java.util.Set.of(nl.begroot.core.access.Role.BUDGETHOUDER), java.util.Set.of(), null, true)))
          .isInstanceOf(nl.begroot.core.access.Access.Denied.class);
    }
  }
}
