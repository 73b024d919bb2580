/**
 * Cross-cutting web plumbing shared by every feature module: the exceptions a feature throws to answer a
 * request with an RFC 9457 problem detail, and the advice that renders them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web problem details")
package io.signet.web;
