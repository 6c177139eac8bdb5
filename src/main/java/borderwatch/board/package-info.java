/**
 * The live board: tiles per gate, the WebSocket feed that keeps consoles current, and recent activity.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.board;
