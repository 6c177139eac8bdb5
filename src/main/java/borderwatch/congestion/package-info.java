/**
 * Congestion levels and response plans: the level log, the queue model and the plan routes.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.congestion;
