/**
 * HTTP plumbing: access by token and role, limits, refusals and their JSON, the access log, client addresses.
 *
 * <p>Place: plumbing. May use: other plumbing and the province kernel (province). Never a feature or the assembly.
 */
package borderwatch.http;
