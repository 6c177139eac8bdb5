/**
 * Gate reports coming in: the event batch read strictly and recorded.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.ingest;
