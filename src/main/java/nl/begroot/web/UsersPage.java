package nl.begroot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.access.Role;
import nl.begroot.core.access.Scope;
import nl.begroot.store.AccountStore;
import nl.begroot.store.AccountStore.Account;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.People;

/**
 * The administrator's page of accounts ({@code /beheer/gebruikers}): every account with its roles,
 * units, member, whether it is disabled and has a second factor; add an account (its one-time
 * password is shown once, on the answer to the form), disable or enable one, reset one (a new
 * one-time password, optionally a new second factor). For a beheerder who passed the second factor.
 */
public final class UsersPage extends Pages {
  UsersPage(Shared shared) {
    super(shared);
  }

  /** One row of the page. */
  public record Row(Account account, boolean totp) {}

  /** The page: the accounts, a message (the one-time password just made), errors of the add form, its values. */
  public record UsersData(List<Row> rows, String message, String secret, List<FieldError> errors, String id, String name, Set<String> roles,
      String units, String member) {}

  void page(Context ctx) {
    if (allowed(ctx)) {
      show(ctx, null, null, List.of(), "", "", Set.of(), "", "");
    }
  }

  void add(Context ctx) {
    if (!allowed(ctx)) {
      return;
    }
    String id = Optional.ofNullable(ctx.formParam("id")).orElse("").strip().toLowerCase(java.util.Locale.ROOT);
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    String units = Optional.ofNullable(ctx.formParam("units")).orElse("").strip();
    String member = Optional.ofNullable(ctx.formParam("member")).orElse("").strip();
    Set<String> roleCodes = new LinkedHashSet<>(ctx.formParams("roles"));
    List<FieldError> errors = new ArrayList<>();
    Set<Role> roles = new LinkedHashSet<>();
    for (String c : roleCodes) {
      Role.of(c).ifPresentOrElse(roles::add, () -> errors.add(new FieldError("roles", "Onbekende rol " + Problems.shorten(c) + ".",
          "Unknown role " + Problems.shorten(c) + ".")));
    }
    if (!People.validId(id)) {
      errors.add(new FieldError("id", "Een gebruikersnaam is 1 tot 100 kleine letters, cijfers, '.', '_' of '-'.",
          "A user name is 1 to 100 lower-case letters, digits, '.', '_' or '-'."));
    }
    if (name.length() > 200) {
      errors.add(new FieldError("name", "De naam is langer dan 200 tekens.", "The name is longer than 200 characters."));
    }
    if (units.length() > 1000 || !units.matches("[0-9A-Za-z., ]*")) {
      errors.add(new FieldError("units", "Eenheden zijn codes gescheiden door komma's (\"2, 3.1\").", "Units are codes separated by commas (\"2, 3.1\")."));
    }
    if (member.length() > 20) {
      errors.add(new FieldError("member", "De lidcode is langer dan 20 tekens.", "The member code is longer than 20 characters."));
    }
    Optional<String> once = Optional.empty();
    if (errors.isEmpty()) {
      Set<String> unitSet = new LinkedHashSet<>();
      for (String u : units.split(",")) {
        if (!u.isBlank()) {
          unitSet.add(u.strip());
        }
      }
      once = workspace.people().add(new Account(id, name.isEmpty() ? id : name, roles, unitSet, member.isEmpty() ? null : member, false),
          actor(ctx).id());
      if (once.isEmpty()) {
        errors.add(new FieldError("id", "Die gebruikersnaam bestaat al.", "That user name exists already."));
      }
    }
    if (!errors.isEmpty()) {
      ctx.status(422);
      show(ctx, null, null, errors, id, name, roleCodes, units, member);
      return;
    }
    I18n t = I18n.of(lang(ctx));
    show(ctx, t.t("users.added").replace("{id}", id), once.get(), List.of(), "", "", Set.of(), "", "");
  }

  void change(Context ctx) {
    if (!allowed(ctx)) {
      return;
    }
    String id = ctx.pathParam("account");
    I18n t = I18n.of(lang(ctx));
    AccountStore store = workspace.people().accounts();
    if (store.account(id).isEmpty()) {
      throw new NotFound("gebruiker " + id);
    }
    switch (ctx.pathParam("action")) {
      case "uitschakelen" -> {
        if (id.equals(actor(ctx).id())) {
          ctx.status(422);
          show(ctx, t.t("users.notself"), null, List.of(), "", "", Set.of(), "", "");
          return;
        }
        workspace.people().disable(id, true);
        ctx.redirect("/beheer/gebruikers", HttpStatus.SEE_OTHER);
      }
      case "inschakelen" -> {
        workspace.people().disable(id, false);
        ctx.redirect("/beheer/gebruikers", HttpStatus.SEE_OTHER);
      }
      case "herstellen" -> {
        String once = workspace.people().reset(id, "1".equals(ctx.formParam("totp"))).orElseThrow();
        show(ctx, t.t("users.reset").replace("{id}", id), once, List.of(), "", "", Set.of(), "", "");
      }
      default -> throw new NotFound(ctx.path());
    }
  }

  /** A beheerder with the second factor; the anonymous visitor is sent to sign in, anyone else refused. */
  private boolean allowed(Context ctx) {
    Actor actor = actor(ctx);
    try {
      Access.require(actor, Permission.MANAGE_USERS, Scope.NONE);
      return true;
    } catch (Access.Denied d) {
      if (d.signInHelps() && ctx.method().name().equals("GET")) {
        ctx.redirect("/aanmelden?terug=" + View.enc("/beheer/gebruikers"), HttpStatus.SEE_OTHER);
        return false;
      }
      I18n t = I18n.of(lang(ctx));
      throw new WebServer.Refused(d.signInHelps() ? 401 : 403, "denied", "Not allowed", d.decision().reasonEn(), t.t("error.title"),
          "en".equals(lang(ctx)) ? d.decision().reasonEn() : d.decision().reasonNl());
    }
  }

  private void show(Context ctx, String message, String secret, List<FieldError> errors, String id, String name, Set<String> roles, String units,
      String member) {
    AccountStore store = workspace.people().accounts();
    List<Row> rows = store.accounts().stream().map(a -> new Row(a, store.hasTotp(a.id()))).toList();
    ctx.header("Cache-Control", "no-store");
    render(ctx, "users.jte", view(ctx, null, I18n.of(lang(ctx)).t("users.title")), new UsersData(rows, message, secret, errors, id, name, roles,
        units, member));
  }
}
