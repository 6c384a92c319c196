package nl.begroot.core.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.model.LedgerRule;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.ThirdParty;

/**
 * The ledger mapping ({@code ledger_mapping}): each row names an account, a unit of the budget, a
 * side and whose money; third-party money names a third party of the budget, other money none; no two
 * rows match the same account and cost centre.
 */
final class MappingRules extends Rules {
  /** Longest account or cost centre: the XAF's IdentificationString35. */
  static final int MAX_CODE = 35;

  MappingRules(Checks c) {
    super(c);
  }

  void mapping() {
    Set<String> thirdParties = ids(budget.thirdParties(), ThirdParty::id);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < budget.ledgerMapping().size(); i++) {
      LedgerRule r = budget.ledgerMapping().get(i);
      ModelPath at = ModelPath.of("ledger_mapping").index(i);
      if (r == null) {
        add(at, "a row of the ledger mapping must be a mapping");
        continue;
      }
      boolean account = code(at.field("account"), r.account(), "an account");
      if (r.costCentre() != null) {
        code(at.field("cost_centre"), r.costCentre(), "a cost centre");
      }
      if (text(at.field("unit"), r.unit(), "the unit") && !unitProgramme.containsKey(r.unit())) {
        add(at.field("unit"), "unit '" + r.unit() + "' is not a unit of any programme");
      }
      if (r.side() == null) {
        add(at.field("side"), "the side must be lasten or baten");
      }
      if (r.money() == null) {
        add(at.field("money"), "the money must be own, pass-through or third-party");
      } else if (r.money() == MoneyKind.THIRD_PARTY) {
        if (text(at.field("third_party"), r.thirdParty(), "third-party money's third party") && !thirdParties.contains(r.thirdParty())) {
          add(at.field("third_party"), "third party '" + r.thirdParty() + "' is not in third_parties");
        }
      } else if (r.thirdParty() != null) {
        add(at.field("third_party"), "only third-party money names a third party; this row's money is " + r.money().code());
      }
      if (account) {
        String key = r.account() + "\u0000" + (r.costCentre() == null ? "" : r.costCentre());
        Integer first = seen.putIfAbsent(key, i);
        if (first != null) {
          c.violations.add(new Violation(at, "account '" + r.account() + "'"
              + (r.costCentre() == null ? " (any cost centre)" : " with cost centre '" + r.costCentre() + "'") + " is mapped twice",
              ModelPath.of("ledger_mapping").index(first)));
        }
      }
    }
  }

  private boolean code(ModelPath path, String value, String what) {
    if (!text(path, value, what)) {
      return false;
    }
    if (value.length() > MAX_CODE || !value.strip().equals(value)) {
      add(path, what + " '" + value + "' must be at most " + MAX_CODE + " characters without leading or trailing spaces");
    }
    return true;
  }
}
