package nl.begroot.core.audit;

import java.time.Instant;
import java.util.List;
import nl.begroot.core.figures.Document;

/**
 * What happened to a version after its document was printed, as plain input for the audit: the
 * document as it was computed at publication and the edits made since, from the change log (which
 * the workspace keeps; the core does not read storage). A file on its own has no history: {@link
 * #NONE}.
 *
 * @param atPublication the version's document as it was when its document was printed, or null
 *     when it is not known (then a figure counts as changed when a logged edit names one of its
 *     inputs)
 * @param edits the edits since publication, oldest first
 */
public record SincePublication(Document atPublication, List<Edit> edits) {
  public static final SincePublication NONE = new SincePublication(null, List.of());

  public SincePublication {
    edits = List.copyOf(edits);
  }

  /**
   * One logged edit.
   *
   * @param subject what was edited: a proposal id (also a transfer line) or a key id
   * @param action the change log's action code, e.g. {@code proposal.change}, {@code key.change}
   * @param actor who
   * @param at when
   */
  public record Edit(String subject, String action, String actor, Instant at) {}
}
