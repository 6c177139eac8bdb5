/**
 * The gate's stream: what a gate system reports and what only the gate decides (levels, response
 * plans), the Gate aggregate and its commands, and the bounds every report keeps.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.gate;
