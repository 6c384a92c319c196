package nl.begroot.core.model;

/** One-off (incidenteel) or recurring (structureel). */
public enum Nature {
  ONE_OFF,
  RECURRING
}
