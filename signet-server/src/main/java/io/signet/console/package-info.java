/**
 * The admin console: server-rendered pages (Thymeleaf) that only call the other modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin console")
package io.signet.console;
