package nl.begroot.core.midyear;

/** A unit's forecast for the whole year (prognose): lasten and baten in cents, with its reason. */
public record Forecast(String unit, long lastenCents, long batenCents, String reason) {}
