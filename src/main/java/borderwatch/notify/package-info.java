/**
 * Webhooks: who is told of levels, plans and warnings, signed, queued per hook and retried.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.notify;
