package nl.begroot.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.audit.Auditor;
import nl.begroot.core.audit.Finding;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.rounding.PrintedFigures;
import org.junit.jupiter.api.Test;

/**
 * The audit of the annual accounts: a deviation over the threshold without an explanation is reported in
 * words (programme 1's lasten in the small budget: -100,01 on 1.000,00, over 10 %, see AnnualAccountsTest);
 * with an explanation it is not; a printed total that is not the sum of its printed parts is reported.
 */
class AccountsAuditTest {
  @Test
  void aMissingExplanationIsReportedInWords() {
    AnnualAccounts a = AnnualAccountsTest.accounts(Map.of());
    List<Finding> findings = Auditor.accounts(a, Pipeline.round(a.document()));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.check()).isEqualTo(Finding.Check.EXPLANATION);
    assertThat(f.kind()).isEqualTo(Finding.Kind.INCONSISTENCY);
    assertThat(f.figure()).isEqualTo("jr-realisatie/p1/verschil-lasten");
    assertThat(f.message()).isEqualTo("the deviation of programme 1 One (lasten) is \u2212 € 100,01 (budget € 1.000,00, realised € 899,99),"
        + " over the threshold of € 200,00 or 10 %, and has no explanation");

    AnnualAccounts explained = AnnualAccountsTest.accounts(Map.of("1/lasten", "Vacatures later vervuld."));
    assertThat(Auditor.accounts(explained, Pipeline.round(explained.document()))).isEmpty();
    AnnualAccounts blank = AnnualAccountsTest.accounts(Map.of("1/lasten", "   "));
    assertThat(Auditor.accounts(blank, Pipeline.round(blank.document()))).extracting(Finding::check).containsExactly(Finding.Check.EXPLANATION);
  }

  @Test
  void aPrintedTotalThatDoesNotFootIsReported() {
    AnnualAccounts a = AnnualAccountsTest.accounts(Map.of("1/lasten", "Uitgelegd."));
    PrintedFigures printed = Pipeline.round(a.document());
    Map<String, Long> thousands = new HashMap<>(printed.thousands());
    thousands.merge("jr-realisatie/totaal/realisatie-lasten", 1L, Long::sum);
    PrintedFigures wrong = new PrintedFigures(thousands, printed.euros(), printed.notes(), printed.unproven());
    assertThat(Auditor.accounts(a, wrong)).extracting(Finding::figure).contains("jr-realisatie/totaal/realisatie-lasten")
        .allSatisfy(id -> assertThat(id).isNotEmpty());
    assertThat(Auditor.accounts(a, wrong)).extracting(Finding::check).containsOnly(Finding.Check.FOOTING);
  }
}
