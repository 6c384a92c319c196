package nl.begroot.web;

import java.util.List;
import java.util.Map;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.workspace.AnnualAccountsEdits;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;

/** What the annual accounts' pages show (templates {@code accounts.jte}, {@code accountsMember.jte}). */
public final class AccountsData {
  private AccountsData() {}

  /**
   * The accounts page: the view, its tables as HTML (rendered by the table renderer the documents use), the
   * problems of the last form sent (with the deviation they belong to, {@code errorsFor}), and what was typed.
   */
  public record Page(AnnualAccountsEdits.View view, List<String> tablesHtml, List<FieldError> errors, String errorsFor,
      Map<String, String> typed, String conflict, Source source, ReserveForm reserves) {
    public AnnualAccounts a() {
      return view.accounts();
    }

    /** The annex columns a reserve may be charged to (the form's choice). */
    public List<nl.begroot.core.model.Annex.Column> columns() {
      return nl.begroot.core.accounts.ReserveRules.chargeableColumns(view.snapshot().budget().annex());
    }

    public int revision(AnnualAccounts.Deviation d) {
      var e = view.explanations().get(d.key());
      return e == null ? 0 : e.revision();
    }

    public String typedOr(String key, String otherwise) {
      String t = typed.get(key);
      return t != null ? t : otherwise == null ? "" : otherwise;
    }
  }

  /**
   * The reserves form: its rows (stored, or as typed when a save was refused; the last ones empty for a new reserve),
   * the problems of the last save at their fields ({@code reserves[2].opening}), the revision the form saves
   * against, and a conflict (what is stored now) when someone else saved first.
   */
  public record ReserveForm(List<AnnualAccountsEdits.ReserveRow> rows, List<FieldError> errors, int revision, EditResult.Conflict conflict,
      boolean saved) {
    /** The problem of row {@code row}'s {@code field}, or null. */
    public FieldError error(int row, String field) {
      String name = AnnualAccountsEdits.reserveField(row, field);
      return errors.stream().filter(e -> e.field().equals(name)).findFirst().orElse(null);
    }

    /** The problems that belong to no one field (the list, the revision, the whole). */
    public List<FieldError> general() {
      return errors.stream().filter(e -> !e.field().startsWith("reserves[")).toList();
    }

    /** The form's field name of row {@code row}'s {@code field}. */
    public static String field(int row, String field) {
      return AnnualAccountsEdits.reserveField(row, field);
    }

    public static String value(String s) {
      return s == null ? "" : s;
    }
  }

  /** What the accounts are set against, in the page's words, and the link to that version. */
  public record Source(String text, String href) {}

  /** A member's settlement statement. */
  public record Member(AnnualAccountsEdits.View view, AnnualAccounts.MemberSettlement settlement) {
    public AnnualAccounts a() {
      return view.accounts();
    }
  }
}
