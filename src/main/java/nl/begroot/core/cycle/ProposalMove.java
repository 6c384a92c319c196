package nl.begroot.core.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps a proposal takes (docs/cycle.md): submit (concept → ingediend), approve (ingediend →
 * goedgekeurd) and reject (ingediend → afgewezen, with a reason). Changing a proposal puts it back to
 * concept (the store does that with every change of its text).
 */
public enum ProposalMove {
  SUBMIT(ProposalStatus.CONCEPT, ProposalStatus.INGEDIEND, "proposal.submit", "indienen"),
  APPROVE(ProposalStatus.INGEDIEND, ProposalStatus.GOEDGEKEURD, "proposal.approve", "goedkeuren"),
  REJECT(ProposalStatus.INGEDIEND, ProposalStatus.AFGEWEZEN, "proposal.reject", "afwijzen");

  /** The longest reason kept (characters). */
  public static final int MAX_REASON = 2000;

  private final ProposalStatus from;
  private final ProposalStatus to;
  private final String action;
  private final String nl;

  ProposalMove(ProposalStatus from, ProposalStatus to, String action, String nl) {
    this.from = from;
    this.to = to;
    this.action = action;
    this.nl = nl;
  }

  public ProposalStatus from() {
    return from;
  }

  public ProposalStatus to() {
    return to;
  }

  public String action() {
    return action;
  }

  /**
   * Every reason the step cannot be taken for a proposal that is {@code now}, with the reason typed
   * ({@code reason}: required for a rejection, at most {@link #MAX_REASON} characters).
   */
  public List<Problem> check(ProposalStatus now, String reason) {
    List<Problem> problems = new ArrayList<>();
    if (now != from) {
      problems.add(new Problem("form", "Dit voorstel is " + now.code() + "; " + nl + " kan alleen als het " + from.code() + " is.",
          "This proposal is " + now.code() + "; that step is possible only when it is " + from.code() + "."));
    }
    String r = reason == null ? "" : reason.strip();
    if (this == REJECT && r.isEmpty()) {
      problems.add(new Problem("reason", "Geef een reden voor de afwijzing.", "Give a reason for the rejection."));
    }
    if (r.length() > MAX_REASON) {
      problems.add(new Problem("reason", "De reden is te lang (hoogstens " + MAX_REASON + " tekens).",
          "The reason is too long (at most " + MAX_REASON + " characters)."));
    }
    if (r.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      problems.add(new Problem("reason", "De reden bevat een stuurteken.", "The reason contains a control character."));
    }
    return problems;
  }

  /** The step named {@code name} ("submit", "approve", "reject"). */
  public static Optional<ProposalMove> named(String name) {
    for (ProposalMove m : values()) {
      if (m.name().equalsIgnoreCase(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
