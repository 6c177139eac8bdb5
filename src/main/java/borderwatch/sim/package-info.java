/**
 * The simulator and the demo: simulated traffic, demo scenarios and the demo's seeded history.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.sim;
