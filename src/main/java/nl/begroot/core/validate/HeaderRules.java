package nl.begroot.core.validate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;

/** The rules of the header and the plain lists: organisation, version and its years, products, members, categories, third parties, keys, glossary, printed tables. */
final class HeaderRules extends Rules {
  HeaderRules(Checks c) {
    super(c);
  }

  // ---- header -----------------------------------------------------------------------------------

  void header() {
    ModelPath org = ModelPath.of("organisation");
    if (budget.organisation() == null) {
      add(org, "the budget has no organisation");
    } else {
      id(org.field("id"), budget.organisation().id(), "organisation.id");
      text(org.field("name"), budget.organisation().name(), "organisation.name");
    }
    ModelPath ver = ModelPath.of("version");
    if (budget.version() == null) {
      add(ver, "the budget has no version");
      c.yearsSound = false;
      return;
    }
    id(ver.field("id"), budget.version().id(), "version.id");
    text(ver.field("title"), budget.version().title(), "version.title");
    if (budget.version().phase() == null) {
      add(ver.field("phase"), "version.phase must be one of concept, adopted, mid-year, accounts");
    }
    if (years.isEmpty()) {
      add(ver.field("years"), "version.years must list at least one year");
      c.yearsSound = false;
      return;
    }
    int before = violations.size();
    for (int i = 0; i < years.size(); i++) {
      int year = years.get(i);
      if (year < 1000 || year > 9999) {
        add(ver.field("years").index(i), "version.years: " + year + " is not a year of four digits");
      } else if (i > 0 && year != years.get(i - 1) + 1) {
        add(ver.field("years").index(i),
            "version.years must be consecutive years in ascending order; " + year + " follows " + years.get(i - 1));
      }
    }
    c.yearsSound = violations.size() == before;
    if (!years.contains(budget.version().budgetYear())) {
      add(ver.field("budget_year"), "version.budget_year " + budget.version().budgetYear() + " is not one of the version's years " + years);
    }
  }

  /** Ids and titles of a plain list; returns the ids. */
  <T> Set<String> simpleList(String field, List<T> items, Function<T, String> idOf, Function<T, String> titleOf, String titleKey) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      ModelPath at = ModelPath.of(field).index(i);
      String id = idOf.apply(items.get(i));
      if (id(at.field("id"), id, field + " id") && !ids.add(id)) {
        add(at.field("id"), "duplicate id '" + id + "' in " + field);
      }
      text(at.field(titleKey), titleOf.apply(items.get(i)), field + " " + titleKey);
    }
    return ids;
  }


  // ---- keys -------------------------------------------------------------------------------------

  void keys(Set<String> memberIds) {
    Set<String> ids = new HashSet<>();
    List<DistributionKey> keys = budget.keys();
    for (int i = 0; i < keys.size(); i++) {
      DistributionKey key = keys.get(i);
      ModelPath at = ModelPath.of("keys").index(i);
      String id = key.id();
      if (id(at.field("id"), id, "key id") && !ids.add(id)) {
        add(at.field("id"), "duplicate key id '" + id + "'");
        continue;
      }
      text(at.field("title"), key.title(), "key title");
      ModelPath shares = at.field("shares");
      boolean unknownNamed = false;
      for (var e : key.sharesPercent().entrySet()) {
        if (!memberIds.contains(e.getKey())) {
          unknownNamed = true;
          add(shares.key(e.getKey()), "key '" + id + "' names an unknown member '" + e.getKey() + "'");
        } else if (e.getValue() == null || e.getValue().signum() < 0 || e.getValue().compareTo(Checks.HUNDRED) > 0) {
          add(shares.key(e.getKey()), "the share of " + e.getKey() + " in key '" + id
              + "' must be a percentage such as 6.80 (a number from 0 to 100, a dot for decimals)");
        }
      }
      boolean complete = !unknownNamed;
      for (Member member : budget.members()) {
        if (!key.sharesPercent().containsKey(member.id())) {
          complete = false;
          if (!unknownNamed) {
            add(shares.key(member.id()), "member '" + member.id() + "' (" + member.name() + ") is missing from key '" + id + "'");
          }
        }
      }
      if (complete && key.sharesPercent().values().stream().allMatch(v -> v != null)) {
        BigDecimal sum = key.sumPercent();
        if (sum.compareTo(Checks.HUNDRED) != 0 && !(key.roundedForPrint() && key.normalise())) {
          add(shares, "key '" + id + "' adds up to " + sum.toPlainString()
              + " %, not 100 %; if its shares were rounded for print, set rounded_for_print: true and normalise: true");
        }
        if (sum.signum() == 0) {
          add(shares, "key '" + id + "' has only zero shares");
        }
      }
      if (key.roundedForPrint() && !key.normalise()) {
        add(at.field("rounded_for_print"), "key '" + id + "' is rounded_for_print but does not ask to normalise: set normalise: true");
      }
    }
  }

  // ---- glossary and printed document --------------------------------------------------------------

  void glossary() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < budget.glossary().size(); i++) {
      var entry = budget.glossary().get(i);
      ModelPath at = ModelPath.of("glossary").index(i);
      if (text(at.field("abbreviation"), entry.abbreviation(), "abbreviation") && !seen.add(entry.abbreviation())) {
        add(at.field("abbreviation"), "duplicate abbreviation '" + entry.abbreviation() + "'");
      }
      text(at.field("meaning"), entry.meaning(), "meaning");
    }
  }

  void printed() {
    if (budget.printed() == null) {
      return;
    }
    if (budget.printed().amountsRoundedToEuros() < 0) {
      add(ModelPath.of("printed").field("amounts_rounded_to"), "printed.amounts_rounded_to must not be negative");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < budget.printed().tables().size(); i++) {
      String table = budget.printed().tables().get(i).table();
      ModelPath at = ModelPath.of("printed").field("tables").index(i).field("table");
      if (text(at, table, "printed table id") && !seen.add(table)) {
        add(at, "printed table '" + table + "' is given twice");
      }
    }
  }}
