/**
 * Tokens and roles: issuing, hashing, revoking and checking bearer tokens, and their audit file.
 *
 * <p>Place: plumbing. May use: other plumbing and the province kernel (province). Never a feature or the assembly.
 */
package borderwatch.auth;
