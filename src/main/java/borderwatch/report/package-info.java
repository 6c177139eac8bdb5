/**
 * Year-end and period reports: figures, judgement and the documents (JSON, CSV, HTML, Word, Excel, PDF).
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.report;
