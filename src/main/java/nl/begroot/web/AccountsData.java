package nl.begroot.web;

import java.util.List;
import java.util.Map;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.workspace.AnnualAccountsEdits;
import nl.begroot.workspace.FieldError;

/** What the annual accounts' pages show (templates {@code accounts.jte}, {@code accountsMember.jte}). */
public final class AccountsData {
  private AccountsData() {}

  /**
   * The accounts page: the view, its tables as HTML (rendered by the table renderer the documents use), the
   * problems of the last form sent (with the deviation they belong to, {@code errorsFor}), and what was typed.
   */
  public record Page(AnnualAccountsEdits.View view, List<String> tablesHtml, List<FieldError> errors, String errorsFor,
      Map<String, String> typed, String conflict, Source source) {
    public AnnualAccounts a() {
      return view.accounts();
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

  /** A member's settlement statement. */
  /** What the accounts are set against, in the page's words, and the link to that version. */
  public record Source(String text, String href) {}

  public record Member(AnnualAccountsEdits.View view, AnnualAccounts.MemberSettlement settlement) {
    public AnnualAccounts a() {
      return view.accounts();
    }
  }
}
