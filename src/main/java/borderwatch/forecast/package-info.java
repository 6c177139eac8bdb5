/**
 * The queue forecast: arrivals, clearances and warnings ahead, their schedule, and what-if comparisons.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.forecast;
