/**
 * Drills: scenarios played into sandbox nodes beside a baseline, the plan tried and the outcome.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.drill;
