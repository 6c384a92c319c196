package nl.begroot.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.core.figures.Table;
import nl.begroot.publish.AccountsDocument;
import nl.begroot.render.HtmlTableRenderer;
import nl.begroot.workspace.AnnualAccountsEdits;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Snapshot;
import tools.jackson.databind.node.ObjectNode;

/**
 * The annual accounts (docs/accounts.md): {@code /v/{v}/jaarrekening} (the tables in thousands, the
 * deviations over the threshold with their explanations, the result and its appropriation, the
 * settlement per member and the pass-through apart; a controller's forms), a member's settlement
 * statement {@code /v/{v}/jaarrekening/lid/{member}}, starting them ({@code POST /v/{v}/jaarrekening-beginnen}
 * on an adopted version) and the API {@code /api/versions/{v}/accounts}. The web translates; the
 * workspace asks Access and writes; the core computes.
 */
final class AccountsPages extends Pages {
  AccountsPages(Shared shared) {
    super(shared);
  }

  private AnnualAccountsEdits.View accounts(Context ctx) {
    Snapshot s = snapshot(ctx);
    return workspace.annualAccounts().view(s.slug(), actor(ctx)).orElseThrow(() -> new NotFound("jaarrekening " + s.slug(),
        notA(actor(ctx), s.version(), nl.begroot.store.StoredVersion.ACCOUNTS)));
  }

  void page(Context ctx) {
    show(ctx, accounts(ctx), List.of(), null, Map.of(), null);
  }

  private void show(Context ctx, AnnualAccountsEdits.View a, List<FieldError> errors, String errorsFor, Map<String, String> typed, String conflict) {
    show(ctx, a, errors, errorsFor, typed, conflict, stored(a, "1".equals(ctx.queryParam("reserves"))));
  }

  /** The reserves form with the stored reserves and one empty row. */
  private static AccountsData.ReserveForm stored(AnnualAccountsEdits.View a, boolean saved) {
    List<AnnualAccountsEdits.ReserveRow> rows = new ArrayList<>(a.accounts().reserves().stream().map(AnnualAccountsEdits.ReserveRow::of).toList());
    rows.add(EMPTY);
    return new AccountsData.ReserveForm(rows, List.of(), a.settings().revision(), null, saved);
  }

  private static final AnnualAccountsEdits.ReserveRow EMPTY = new AnnualAccountsEdits.ReserveRow(null, null, null, null, null, null, null);

  private void show(Context ctx, AnnualAccountsEdits.View a, List<FieldError> errors, String errorsFor, Map<String, String> typed, String conflict,
      AccountsData.ReserveForm reserves) {
    View v = view(ctx, a.snapshot(), a.snapshot().version().name());
    List<String> tables = new ArrayList<>();
    for (Table t : a.accounts().document().tables()) {
      tables.add(HtmlTableRenderer.render(a.accounts().document(), a.printed(), t,
          v.inLanguage(HtmlTableRenderer.Options.PLAIN)));
    }
    render(ctx, "accounts.jte", v, new AccountsData.Page(a, tables, errors, errorsFor, typed, conflict, source(a, lang(ctx)), reserves));
  }

  /** GET /v/{v}/jaarrekening/lid/{member}: what the member gets back or pays, per annex column and for the pass-through budget. */
  void member(Context ctx) {
    AnnualAccountsEdits.View a = accounts(ctx);
    String id = ctx.pathParam("member");
    AnnualAccounts.MemberSettlement m = a.accounts().members().stream().filter(x -> x.member().id().equalsIgnoreCase(id)).findFirst()
        .orElseThrow(() -> new NotFound("lid " + id, new Words(a.snapshot().version().name() + " heeft geen lid met de code '" + id + "'.",
            a.snapshot().version().name() + " has no member with the code '" + id + "'.", "/v/" + View.enc(a.snapshot().slug()) + "/jaarrekening#leden",
            "Naar de afrekening per lid", "Go to the settlement per member")));
    View v = view(ctx, a.snapshot(), a.snapshot().version().name() + " – " + m.member().name());
    render(ctx, "accountsMember.jte", v, new AccountsData.Member(a, m));
  }

  /** POST /v/{v}/jaarrekening/toelichting: a deviation's explanation. */
  void explain(Context ctx) {
    Snapshot s = snapshot(ctx);
    String programme = ctx.formParam("programme");
    String side = ctx.formParam("side");
    String text = ctx.formParam("text");
    EditResult r = workspace.annualAccounts().explain(s.slug(), programme, side, text, ctx.formParam("revision"), actor(ctx));
    String key = (programme == null ? "" : programme) + "/" + (side == null ? "" : side);
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("text." + key, text == null ? "" : text);
    answer(ctx, s, r, "afwijking-" + key.replace('/', '-'), key, typed);
  }

  /** POST /v/{v}/jaarrekening/drempel: the threshold. */
  void threshold(Context ctx) {
    Snapshot s = snapshot(ctx);
    String euros = ctx.formParam("euros");
    String percent = ctx.formParam("percent");
    EditResult r = workspace.annualAccounts().threshold(s.slug(), euros, percent, ctx.formParam("revision"), actor(ctx));
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("euros", euros == null ? "" : euros);
    typed.put("percent", percent == null ? "" : percent);
    answer(ctx, s, r, "drempel", "drempel", typed);
  }

  /**
   * POST /v/{v}/jaarrekening/reserves: the reserves form, rows {@code reserves[i].id, .name, .kind, .column, .opening,
   * .addition, .withdrawal, .remove} for i below {@code rows}. With {@code actie=rij} it only shows the form again with
   * what was typed and one more empty row (nothing saved); else it saves: 303 to the page, or the form again with what
   * was typed and each problem at its field (422), or with the stored revision and what is stored now (409).
   */
  void reserves(Context ctx) {
    Snapshot s = snapshot(ctx);
    int count = Math.min(Math.max(parseInt(ctx.formParam("rows")), 0), AnnualAccountsEdits.MAX_RESERVE_ROWS + 1);
    List<AnnualAccountsEdits.ReserveRow> rows = new ArrayList<>();
    List<AnnualAccountsEdits.ReserveRow> asTyped = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AnnualAccountsEdits.ReserveRow row = new AnnualAccountsEdits.ReserveRow(param(ctx, i, "id"), param(ctx, i, "name"), param(ctx, i, "kind"),
          param(ctx, i, "column"), param(ctx, i, "opening"), param(ctx, i, "addition"), param(ctx, i, "withdrawal"));
      boolean remove = "ja".equals(param(ctx, i, "remove"));
      rows.add(remove ? null : row); // a removed row keeps its place, so each problem stays at its row
      asTyped.add(remove ? EMPTY : row);
    }
    if ("rij".equals(ctx.formParam("actie"))) {
      AnnualAccountsEdits.View now = now(ctx, s);
      List<AnnualAccountsEdits.ReserveRow> more = new ArrayList<>(asTyped);
      if (more.size() <= nl.begroot.core.accounts.ReserveRules.MAX_RESERVES) {
        more.add(EMPTY);
      }
      show(ctx, now, List.of(), null, Map.of(), null, new AccountsData.ReserveForm(more, List.of(), parseInt(ctx.formParam("revision")), null, false));
      return;
    }
    EditResult r = workspace.annualAccounts().reserves(s.slug(), rows, ctx.formParam("revision"), actor(ctx));
    if (done(ctx, s, r, "reserves=1#reserves")) {
      return;
    }
    AnnualAccountsEdits.View now = now(ctx, s);
    if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      show(ctx, now, List.of(), null, Map.of(), null, new AccountsData.ReserveForm(asTyped, inv.errors(), parseInt(ctx.formParam("revision")), null, false));
    } else if (r instanceof EditResult.Conflict c) {
      ctx.status(409); // what was typed stays in the form, at the stored revision: saving again overwrites deliberately (decision 200)
      show(ctx, now, List.of(), null, Map.of(), null, new AccountsData.ReserveForm(asTyped, List.of(), c.currentRevision(), c, false));
    }
  }

  private static String param(Context ctx, int row, String field) {
    return ctx.formParam(AnnualAccountsEdits.reserveField(row, field));
  }

  /**
   * Whether an edit's answer is given: saved goes to the accounts' page at {@code afterSaving} (its query and
   * anchor, 303); gone is a 404; else (invalid, conflict) the caller shows the form again.
   */
  private static boolean done(Context ctx, Snapshot s, EditResult r, String afterSaving) {
    if (r instanceof EditResult.Saved) {
      ctx.redirect("/v/" + View.enc(s.slug()) + "/jaarrekening?" + afterSaving, io.javalin.http.HttpStatus.SEE_OTHER);
      return true;
    }
    if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    }
    return false;
  }

  /** The accounts of {@code s} as they are now, for showing a form again. */
  private AnnualAccountsEdits.View now(Context ctx, Snapshot s) {
    return workspace.annualAccounts().view(s.slug(), actor(ctx)).orElseThrow(() -> new NotFound("jaarrekening " + s.slug()));
  }

  private void answer(Context ctx, Snapshot s, EditResult r, String anchor, String errorsFor, Map<String, String> typed) {
    if (done(ctx, s, r, "klaar=1#" + anchor)) {
      return;
    }
    AnnualAccountsEdits.View now = now(ctx, s);
    if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      show(ctx, now, inv.errors(), errorsFor, typed, null);
    } else if (r instanceof EditResult.Conflict c) {
      ctx.status(409);
      boolean en = "en".equals(lang(ctx));
      String theirs = c.theirs() == null || c.theirs().isEmpty() ? (en ? "(removed)" : "(verwijderd)") : c.theirs();
      String by = new Names(workspace, I18n.of(lang(ctx))).person(c.by()); // a person by their name, not their account's id
      show(ctx, now, List.of(), errorsFor, typed, (en ? "Meanwhile " + by + " saved this (revision " + c.currentRevision() + "): "
          : "Intussen heeft " + by + " dit opgeslagen (revisie " + c.currentRevision() + "): ") + theirs
          + (en ? ". Your text is kept below; save again to replace it." : ". Uw tekst staat hieronder nog; sla opnieuw op om die te vervangen."));
    }
  }

  /** POST /v/{v}/jaarrekening-beginnen on an adopted version, with the field jaar: starts the accounts and goes to them. */
  void start(Context ctx) {
    Snapshot s = snapshot(ctx);
    EditResult r = workspace.annualAccounts().start(s.slug(), ctx.formParam("jaar"), actor(ctx));
    if (r instanceof EditResult.Saved saved) {
      ctx.redirect("/v/" + View.enc(saved.id()) + "/jaarrekening", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    }
    ctx.status(r instanceof EditResult.Invalid ? 422 : 409);
    String lang = lang(ctx);
    String message = r instanceof EditResult.Invalid inv ? String.join(" ", inv.errors().stream().map(e -> e.message(lang)).toList())
        : I18n.of(lang).t("conflict.title");
    View v = view(ctx, s, "en".equals(lang) ? "Annual accounts not started" : "Jaarrekening niet begonnen");
    render(ctx, "accountsRefused.jte", v, message);
  }

  /** GET /v/{v}/jaarrekening/open-data: the Fiscal Data Package of the accounts (phases adjusted and executed), a zip. */
  void openData(Context ctx) throws java.io.IOException {
    AnnualAccountsEdits.View a = accounts(ctx);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    nl.begroot.publish.Publisher.accountsFiscalDataPackage(a.snapshot().budget(), a.accounts(), out);
    ctx.contentType("application/zip");
    ctx.header("Content-Disposition", "attachment; filename=\"" + a.snapshot().slug() + "-open-data.zip\"");
    ctx.result(out.toByteArray());
  }

  /** GET /v/{v}/jaarrekening/{file}: the accounts as HTML, PDF, Excel, CSV or JSON ({@link AccountsDocument}). */
  void download(Context ctx) {
    Snapshot s = snapshot(ctx);
    accounts(ctx);
    download(ctx, s, "/jaarrekening", ctx.pathParam("file"), AccountsDocument.FILES, () -> document(accounts(ctx)));
  }

  /**
   * What the accounts are set against, in words of the page's language: the source version by its name (its address
   * is the link), with the adopted amendments and Tussenrapportages laid over it (the stored text names them as
   * "{slug} na wijziging [1] en Tussenrapportage ..."; AnnualAccountsEdits.start).
   */
  private AccountsData.Source source(AnnualAccountsEdits.View a, String lang) {
    String stored = a.settings().sourceSlug();
    String slug = stored.replaceFirst(" .*", "");
    String rest = stored.substring(slug.length());
    boolean en = "en".equals(lang);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^ na wijziging \\[([^\\]]*)\\](.*)$").matcher(rest);
    if (m.matches()) {
      rest = (en ? " after budget amendment " : " na begrotingswijziging ") + m.group(1) + m.group(2);
    }
    if (en) {
      rest = rest.replace(" en ", " and ");
    }
    String name = workspace.version(slug).map(nl.begroot.store.StoredVersion::name).orElse(slug);
    return new AccountsData.Source(name + rest, "/v/" + View.enc(slug));
  }

  /** The accounts' publication: named after the version, set against the source budget by its name, dated by the version. */
  private AccountsDocument document(AnnualAccountsEdits.View a) {
    String sourceSlug = a.settings().sourceSlug();
    String first = sourceSlug.replaceFirst(" .*", "");
    String source = workspace.version(first).map(v -> v.name() + sourceSlug.substring(first.length())).orElse(sourceSlug);
    return new AccountsDocument(a.snapshot().version().name(), a.snapshot().budget().organisation().name(), source,
        a.snapshot().version().status().code(), a.illustrationReserves(), a.accounts(), a.printed(), a.findings(),
        documentDate(a.snapshot().version()));
  }

  // ---------------------------------------------------------------- API

  /** GET /api/versions/{v}/accounts: the accounts in cents (the document's JSON, {@link AccountsDocument#object}). */
  void apiGet(Context ctx) {
    String slug = ctx.pathParam("version");
    AnnualAccountsEdits.View view = workspace.annualAccounts().view(slug, Api.actor(ctx, null))
        .orElseThrow(() -> new Problems.Failure(404, "not-found", "No annual accounts", "There are no annual accounts '" + slug + "'.", List.of()));
    ObjectNode out = document(view).object(slug);
    Api.json(ctx, out);
  }
}
