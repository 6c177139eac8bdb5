/**
 * The node's figures for Prometheus: domain gauges and counters, and the framework meters named by the rules.
 *
 * <p>Place: assembly. May use: anything below it (features, kernel, plumbing). Nothing below it reaches up to it.
 */
package borderwatch.metrics;
