package nl.begroot.core.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.ProposalIds;

/** What every part's rules share: the budget, what {@link Checks} found so far, and its checks. */
abstract class Rules {
  final Checks c;
  final Budget budget;
  final List<Violation> violations;
  final List<Integer> years;
  final Map<String, Integer> unitProgramme;
  final Map<String, Integer> programmeIndex;
  final ProposalIds proposalIndex;
  final Set<Integer> duplicateProposals;

  Rules(Checks c) {
    this.c = c;
    this.budget = c.budget;
    this.violations = c.violations;
    this.years = c.years;
    this.unitProgramme = c.unitProgramme;
    this.programmeIndex = c.programmeIndex;
    this.proposalIndex = c.proposalIndex;
    this.duplicateProposals = c.duplicateProposals;
  }

  void add(ModelPath path, String message) {
    c.add(path, message);
  }

  boolean text(ModelPath path, String value, String what) {
    return c.text(path, value, what);
  }

  boolean id(ModelPath path, String value, String what) {
    return c.id(path, value, what);
  }

  void amounts(ModelPath at, Amounts a, String what, boolean allYears, boolean pmAllowed) {
    c.amounts(at, a, what, allYears, pmAllowed);
  }

  static boolean anyNonBlank(Amounts a) {
    return Checks.anyNonBlank(a);
  }

  static <T> Set<String> ids(List<T> items, Function<T, String> id) {
    return Checks.ids(items, id);
  }
}
