/**
 * The Tussenrapportage (mid-year report, docs/midyear.md): per programme and unit the budget na
 * wijziging, the realised figures up to a period, the forecast for the year (prognose, per unit with a
 * reason) and the expected deviation, as footing tables whose printed figures come from the same
 * controlled rounding as the budget ({@link nl.begroot.core.pipeline.Pipeline#round}); the rules of a
 * forecast ({@link ForecastRules}).
 */
package nl.begroot.core.midyear;
