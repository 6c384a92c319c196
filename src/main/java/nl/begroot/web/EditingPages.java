package nl.begroot.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Proposal;
import nl.begroot.store.StoredProposal;
import nl.begroot.web.Pages.MappingData;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.ProposalDraft;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;

/** The pages that change a version: the proposal form (with its preview), withdraw and reinstate, the distribution keys. */
final class EditingPages extends Pages {
  EditingPages(Shared shared) {
    super(shared);
  }

  /** The edit form's title in words: "Wijzigen: Security Operations Center" (the proposal's title; its id only when it has none). */
  static String editTitle(I18n t, Snapshot s, String id) {
    return t.t("proposal.edit") + ": " + s.anyProposal(id).map(p -> p.title()).filter(x -> !x.isBlank()).orElse(id);
  }

  void proposalForm(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParamMap().containsKey("proposal") ? ctx.pathParam("proposal") : null;
    View v = view(ctx, s, id == null ? I18n.of(lang(ctx)).t("proposal.new") : editTitle(I18n.of(lang(ctx)), s, id));
    FormData data;
    if (id == null) {
      Map<String, String> values = new LinkedHashMap<>();
      String unit = ctx.queryParam("unit");
      values.put("unit", unit == null ? "" : unit);
      values.put("side", "lasten");
      values.put("nature", "recurring");
      Map<Integer, String> amounts = new LinkedHashMap<>();
      s.budget().version().years().forEach(y -> amounts.put(y, ""));
      List<String> products = s.budget().products().isEmpty() ? List.of()
          : List.of(s.budget().products().get(s.budget().products().size() - 1).id());
      data = new FormData(true, null, 0, values, amounts, products, List.of(), null, null, s.budget());
    } else {
      Proposal p = s.budget().proposal(id).orElseThrow(() -> new NotFound("voorstel " + id));
      StoredProposal row = s.row(id).orElseThrow(() -> new NotFound("voorstel " + id));
      data = new FormData(false, id, row.revision(), values(p), Workspace.amountsText(p, s.budget().version().years()), p.products(),
          p.rule() == Proposal.Rule.ENTERED ? List.of() : List.of(new FieldError("form", v.t("proposal.computed"), v.t("proposal.computed"))),
          null, null, s.budget());
    }
    render(ctx, "proposalForm.jte", v, data);
  }

  private static Map<String, String> values(Proposal p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("unit", p.unit());
    m.put("title", p.title());
    m.put("side", p.side().name().toLowerCase(Locale.ROOT));
    m.put("nature", p.nature() == null ? "" : p.nature().code());
    m.put("category", p.category() == null ? "" : p.category());
    m.put("explanation", p.explanation() == null ? "" : p.explanation());
    return m;
  }

  /** Reads the proposal form as a draft. */
  static ProposalDraft draft(Context ctx, List<Integer> years) {
    Map<Integer, String> amounts = new LinkedHashMap<>();
    for (int y : years) {
      amounts.put(y, Optional.ofNullable(ctx.formParam("amount." + y)).orElse(""));
    }
    return new ProposalDraft(ctx.formParam("id"), ctx.formParam("unit"), ctx.formParam("title"), ctx.formParam("side"),
        ctx.formParam("nature"), ctx.formParam("category"), ctx.formParams("products"), amounts, ctx.formParam("explanation"));
  }

  void proposalSubmit(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParamMap().containsKey("proposal") ? ctx.pathParam("proposal") : null;
    I18n t = I18n.of(lang(ctx));
    List<Integer> years = s.budget().version().years();
    ProposalDraft draft = draft(ctx, years);
    int revision = parseInt(ctx.formParam("revision"));
    String action = ctx.formParam("action");
    Map<String, String> values = new LinkedHashMap<>();
    for (String f : List.of("id", "unit", "title", "side", "nature", "category", "explanation")) {
      values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse(""));
    }
    if (id != null) {
      values.put("id", id);
    }
    View v = view(ctx, s, id == null ? t.t("proposal.new") : editTitle(t, s, id));
    List<String> products = ctx.formParams("products");
    if ("preview".equals(action)) {
      Workspace.Preview preview = workspace.preview(s.slug(), id, draft);
      String html = previewHtml(v, preview);
      if (htmx(ctx)) {
        ctx.html(html);
        return;
      }
      List<FieldError> errors = preview instanceof Workspace.Preview.Invalid inv ? inv.errors() : List.of();
      render(ctx, "proposalForm.jte", v, new FormData(id == null, id, revision, values, draft.amounts(), products, errors, html, null, s.budget()));
      return;
    }
    nl.begroot.core.access.Actor actor = actor(ctx);
    EditResult result = id == null ? workspace.createProposal(s.slug(), draft, actor)
        : workspace.changeProposal(s.slug(), id, revision, draft, actor);
    if (result instanceof EditResult.Saved saved) {
      ctx.redirect(v.v("/voorstel/" + View.enc(saved.id()) + "?opgeslagen=1"), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (result instanceof EditResult.Invalid invalid) {
      ctx.status(422);
      render(ctx, "proposalForm.jte", v, new FormData(id == null, id, revision, values, draft.amounts(), products, invalid.errors(), null, null, s.budget()));
    } else if (result instanceof EditResult.Conflict conflict) {
      ctx.status(409);
      render(ctx, "proposalForm.jte", v, new FormData(false, id, conflict.currentRevision(), values, draft.amounts(), products, List.of(), null, conflict, s.budget()));
    } else if (result instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    }
  }

  void withdraw(Context ctx, boolean withdrawn) {
    Snapshot s = snapshot(ctx);
    String id = ctx.pathParam("proposal");
    if (withdrawn && !"ja".equals(ctx.formParam("bevestigd"))) {
      // a destructive step asks for confirmation: the page again, with the box to tick (nothing changed)
      ctx.status(422);
      Proposal p = ReadingPages.anyProposal(s, id);
      render(ctx, "proposal.jte", view(ctx, s, id), ReadingPages.proposalData(s, view(ctx, s, id), p, s.row(id).orElse(null),
          List.of(new FieldError("bevestigd", I18n.NL.t("confirm.needed"), I18n.EN.t("confirm.needed")))));
      return;
    }
    EditResult result = workspace.setWithdrawn(s.slug(), id, parseInt(ctx.formParam("revision")), withdrawn, actor(ctx));
    View v = view(ctx, s, id);
    if (result instanceof EditResult.Saved saved) {
      ctx.redirect(v.v("/voorstel/" + View.enc(id) + (withdrawn ? "?ingetrokken=1" : "?teruggezet=1")), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (result instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    } else if (result instanceof EditResult.Invalid invalid) {
      ctx.status(422);
      Proposal p = ReadingPages.anyProposal(s, id);
      render(ctx, "proposal.jte", v, ReadingPages.proposalData(s, v, p, s.row(id).orElse(null), invalid.errors()));
    } else if (result instanceof EditResult.Conflict conflict) {
      ctx.status(409);
      Proposal p = ReadingPages.anyProposal(s, id);
      render(ctx, "proposal.jte", v, ReadingPages.proposalData(s, v, p, s.row(id).orElse(null),
          List.of(new FieldError("form", I18n.NL.t("conflict.title") + " (" + v.person(conflict.by()) + ")",
              I18n.EN.t("conflict.title") + " (" + v.person(conflict.by()) + ")"))));
    }
  }

  /** The effect of an edit as HTML: balancing item, Tabel 1 and each province, before and after. */
  String previewHtml(View v, Workspace.Preview preview) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("v", v);
    params.put("p", preview);
    return templates.render("preview.jte", params);
  }

  void keys(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("keys.title"));
    render(ctx, "keys.jte", v, new KeysData(s.budget().keys(), ctx.queryParam("wijzig"), Map.of(), List.of(), null, s.version().revision()));
  }

  void keySubmit(Context ctx) {
    Snapshot s = snapshot(ctx);
    String keyId = ctx.pathParam("key");
    Map<String, String> shares = new LinkedHashMap<>();
    for (Member m : s.budget().members()) {
      String value = ctx.formParam("share." + m.id());
      if (value != null) {
        shares.put(m.id(), value);
      }
    }
    EditResult r = workspace.changeKey(s.slug(), keyId, shares, parseInt(ctx.formParam("revision")), actor(ctx));
    View v = view(ctx, s, I18n.of(lang(ctx)).t("keys.title"));
    if (r instanceof EditResult.Saved saved) {
      ctx.redirect(v.v("/sleutels?opgeslagen=1"), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      render(ctx, "keys.jte", v, new KeysData(s.budget().keys(), keyId, shares, inv.errors(), null, parseInt(ctx.formParam("revision"))));
    } else if (r instanceof EditResult.Conflict c) {
      ctx.status(409);
      render(ctx, "keys.jte", v, new KeysData(s.budget().keys(), keyId, shares, List.of(), c, c.currentRevision()));
    } else if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    }
  }

  /** The ledger mapping (grootboekindeling): a table for readers, a form for whoever may change it. */
  void mapping(Context ctx) {
    Snapshot s = snapshot(ctx);
    View v = view(ctx, s, I18n.of(lang(ctx)).t("mapping.title"));
    render(ctx, "mapping.jte", v, new MappingData(rows(s.budget()), List.of(), null, s.version().revision(),
        "1".equals(ctx.queryParam("opgeslagen"))));
  }

  /** The stored mapping as the form's rows. */
  static List<Workspace.MappingRow> rows(nl.begroot.core.model.Budget b) {
    return b.ledgerMapping().stream().map(r -> new Workspace.MappingRow(r.account(), r.costCentre(), r.unit(),
        r.side() == null ? null : r.side().name().toLowerCase(Locale.ROOT), r.money() == null ? null : r.money().code(), r.thirdParty())).toList();
  }

  void mappingSubmit(Context ctx) {
    Snapshot s = snapshot(ctx);
    // the form numbers its rows 1..rows; a row marked for deletion is sent as no row (its number stays)
    int count = Math.min(Math.max(parseInt(ctx.formParam("rows")), 0), Workspace.MAX_MAPPING_ROWS + 1);
    List<Workspace.MappingRow> rows = new java.util.ArrayList<>();
    for (int n = 1; n <= count; n++) {
      rows.add("ja".equals(ctx.formParam("delete." + n)) ? null : new Workspace.MappingRow(ctx.formParam("account." + n),
          ctx.formParam("costCentre." + n), ctx.formParam("unit." + n), ctx.formParam("side." + n), ctx.formParam("money." + n),
          ctx.formParam("thirdParty." + n)));
    }
    int revision = parseInt(ctx.formParam("revision"));
    EditResult r = workspace.changeMapping(s.slug(), rows, revision, actor(ctx));
    View v = view(ctx, s, I18n.of(lang(ctx)).t("mapping.title"));
    List<Workspace.MappingRow> typed = rows.stream().filter(x -> x != null && !x.blank()).toList();
    if (r instanceof EditResult.Saved) {
      ctx.redirect(v.v("/grootboekindeling?opgeslagen=1"), io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (r instanceof EditResult.Invalid inv) {
      ctx.status(422);
      // shown as typed, in the form's numbering: the rows as sent (a deleted one as an empty row)
      List<Workspace.MappingRow> asSent = rows.stream().map(x -> x == null ? new Workspace.MappingRow(null, null, null, null, null, null) : x).toList();
      render(ctx, "mapping.jte", v, new MappingData(asSent, inv.errors(), null, revision, false));
    } else if (r instanceof EditResult.Conflict c) {
      ctx.status(409);
      render(ctx, "mapping.jte", v, new MappingData(typed, List.of(), c, c.currentRevision(), false));
    } else if (r instanceof EditResult.NotFound nf) {
      throw new NotFound(nf.what());
    }
  }
}
