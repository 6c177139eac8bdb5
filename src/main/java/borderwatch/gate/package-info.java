/**
 * The province kernel: gates, zones, goods groups, congestion levels, and the Gate aggregate with its events.
 *
 * <p>Place: kernel. May use: plumbing only. Every package may use it.
 */
package borderwatch.gate;
