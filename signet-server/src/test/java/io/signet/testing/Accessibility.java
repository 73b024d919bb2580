package io.signet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the npm package {@code axe-core}, a devDependency of the Outlook add-in, installed by the build's
 * {@code npm ci}) on the page the browser shows, and fails on any serious or critical violation. Frames are not
 * entered: the console frames only signatures, which are the customer's own HTML.
 */
public final class Accessibility {

    /** Where the build's {@code npm ci} puts axe-core; failsafe runs in signet-server/. */
    static final Path AXE = Path.of("..", "outlook-addin", "node_modules", "axe-core", "axe.min.js");

    private static String source;

    private Accessibility() {
    }

    /** Fails with every serious or critical violation axe-core finds on the current page, one per line. */
    public static void assertNoSeriousViolations(WebDriver driver, String pageName) {
        List<String> found = seriousViolations(driver);
        if (!found.isEmpty()) {
            throw new AssertionError("axe-core found " + found.size() + " serious or critical violation(s) on "
                    + pageName + " (" + driver.getCurrentUrl() + "):\n" + String.join("\n", found));
        }
    }

    /** The serious and critical violations on the current page, each as "rule (impact): help [targets]". */
    public static List<String> seriousViolations(WebDriver driver) {
        return violations(driver, List.of("serious", "critical"));
    }

    /** The violations of these impacts (minor, moderate, serious, critical) on the current page. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver, List<String> impacts) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            js.executeScript(axeSource());
        }
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations'], iframes: false})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                       helpUrl: v.helpUrl, targets: v.nodes.map(n => n.target.join(' '))}))))
                   .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), helpUrl: '', targets: []}]));
                """);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) answer) {
            Object impact = v.get("impact");
            if (impacts.contains(impact)) {
                found.add("- " + v.get("id") + " (" + impact + "): " + v.get("help") + " " + v.get("helpUrl")
                        + "\n    at " + String.join(" | ", (List<String>) v.get("targets")));
            }
        }
        return found;
    }

    private static synchronized String axeSource() {
        if (source == null) {
            try {
                source = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is not installed at " + AXE.toAbsolutePath()
                        + "; the build's npm ci in outlook-addin installs it", e);
            }
        }
        return source;
    }
}
