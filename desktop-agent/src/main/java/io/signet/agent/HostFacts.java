package io.signet.agent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * Facts about this computer and process that the agent reports and checks: the device name, the operating system,
 * the agent's version, and whether it runs as Windows' SYSTEM account (it must run as the employee).
 */
public record HostFacts(String device, String os, String agentVersion, boolean systemAccount) {

    public static HostFacts of(Map<String, String> environment) {
        return of(environment, System.getProperty("os.name", "unknown"), System.getProperty("user.name"));
    }

    /** The facts as seen on {@code osName} by {@code userName} (the JVM's user when the environment names none). */
    public static HostFacts of(Map<String, String> environment, String osName, String userName) {
        String device = firstNonBlank(environment.get("COMPUTERNAME"), environment.get("HOSTNAME"), localHostName());
        String os = osName + " " + System.getProperty("os.version", "");
        String version = DesktopAgent.class.getPackage().getImplementationVersion();
        String user = firstNonBlank(environment.get("USERNAME"), userName, "");
        boolean windows = osName.toLowerCase(Locale.ROOT).contains("win");
        // SYSTEM shows as "SYSTEM" or as the machine account "<COMPUTERNAME>$".
        boolean system = windows && (user.equalsIgnoreCase("SYSTEM") || user.endsWith("$"));
        return new HostFacts(truncate(device, 128), truncate(os.trim(), 128), version == null ? "dev" : version, system);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return "unknown";
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
