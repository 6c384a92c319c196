package nl.begroot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.begroot.core.figures.Narratives;
import nl.begroot.core.model.GlossaryEntry;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Unit;
import nl.begroot.workspace.Snapshot;

/**
 * Finds members (by name, or by code exactly: "GE"), programmes, units, proposals and abbreviations
 * (by the abbreviation or its meaning) whose words contain every word of the query; members first.
 */
final class Search {
  static final int MAX_HITS = 100;

  private Search() {}

  static List<Pages.Hit> find(Snapshot s, View v, String query) {
    List<Pages.Hit> hits = new ArrayList<>();
    String[] words = normal(query).split("\\s+");
    if (query.isBlank() || query.length() > 200) {
      return hits;
    }
    String code = normal(query.trim());
    // a member whose code the query is comes first ("GE": Gelderland, not Groningen, whose name holds "ge")
    List<nl.begroot.core.model.Member> members = new ArrayList<>(s.budget().members());
    members.sort(java.util.Comparator.comparing((nl.begroot.core.model.Member m) -> !normal(m.id()).equals(code)));
    for (nl.begroot.core.model.Member m : members) {
      if (normal(m.id()).equals(code) || matches(words, m.name())) {
        hits.add(new Pages.Hit(v.t("search.member"), m.name(), v.v("/provincie/" + View.enc(m.id())), m.id()));
      }
    }
    Narratives narratives = Narratives.of(s.document()); // the texts as the reader sees them, amounts filled in
    for (Programme p : s.budget().programmes()) {
      if (matches(words, p.id() + " " + p.title()) || normal(p.id()).equals(code)) {
        hits.add(new Pages.Hit(v.t("programme"), p.id() + ". " + p.title(), v.v("/programma/" + View.enc(p.id())), ""));
      }
    }
    for (Programme p : s.budget().programmes()) {
      for (Unit u : p.units()) {
        String narrative = u.narrative() == null ? null : narratives.render(Narratives.Place.narrative(u), u.narrative());
        if (matches(words, u.id() + " " + u.title() + " " + nullToEmpty(narrative))) {
          hits.add(new Pages.Hit(v.t("unit"), u.id() + " " + u.title(), v.v("/programma/" + View.enc(p.id()) + "#unit-" + u.id()),
              snippet(narrative, words)));
        }
      }
    }
    for (Proposal p : s.budget().proposals()) {
      String explanation = p.explanation() == null ? null : narratives.render(Narratives.Place.explanation(p), p.explanation());
      if (matches(words, p.id() + " " + p.title() + " " + nullToEmpty(explanation))) {
        hits.add(new Pages.Hit(v.t("proposal"), p.title(), v.v("/voorstel/" + View.enc(p.id())), snippet(explanation, words)));
      }
    }
    for (GlossaryEntry g : s.budget().glossary()) {
      if (matches(words, g.abbreviation() + " " + g.meaning())) {
        hits.add(new Pages.Hit(v.t("nav.glossary"), g.abbreviation(), v.v("/afkortingen#afk-" + View.enc(g.abbreviation())), g.meaning()));
      }
    }
    return hits.size() > MAX_HITS ? hits.subList(0, MAX_HITS) : hits;
  }

  private static boolean matches(String[] words, String text) {
    String t = normal(text);
    for (String w : words) {
      if (!w.isEmpty() && !t.contains(w)) {
        return false;
      }
    }
    return true;
  }

  static String normal(String s) {
    return java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String snippet(String text, String[] words) {
    if (text == null) {
      return "";
    }
    String n = normal(text);
    int at = words.length == 0 ? 0 : Math.max(0, n.indexOf(words[0]));
    int to = Math.min(text.length(), at + 140);
    int from = Math.min(Math.max(0, at - 60), to);
    return (from > 0 ? "…" : "") + text.substring(from, to).replace('\n', ' ') + (to < text.length() ? "…" : "");
  }
}
