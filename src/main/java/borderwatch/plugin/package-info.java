/**
 * How a feature plugs into the node: its descriptor ({@link borderwatch.plugin.Feature}: stored types,
 * folds, command handlers, routes, sockets, timers, meters, API tags) and what it is handed to start
 * ({@link borderwatch.plugin.Wiring}). The assembly lists the features once ({@code core.Features}).
 *
 * <p>Place: plumbing. May use: other plumbing and the province kernel (province). Never a feature or the assembly.
 */
package borderwatch.plugin;
