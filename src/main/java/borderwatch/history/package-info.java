/**
 * The past: daily totals imported, replays of a period over a WebSocket, and the period index.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.history;
