package nl.begroot.core.actuals;

import java.util.List;

/**
 * What an import brings: the realised totals ({@code amounts}), the periods it replaces (every
 * period the file covers, also one without lines), how many booking lines it read and how many of
 * those were on balance-sheet accounts (passed over).
 */
public record Realisation(List<RealisedAmount> amounts, List<ActualsImport.YearPeriod> periods, long lines, long balanceLines) {
  public Realisation {
    amounts = List.copyOf(amounts);
    periods = List.copyOf(periods);
  }
}
