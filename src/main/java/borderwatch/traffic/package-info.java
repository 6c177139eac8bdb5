/**
 * Traffic figures: vehicles and turnover per gate and day, profiles and totals.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.traffic;
